// Rules of the tools area: docs/rules/tools.md explains each one (filled in by the kind that uses them).
import { defineArea } from './rule.ts';

export const toolsRules = defineArea('tools', {});

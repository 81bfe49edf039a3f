// Rules of the debugging area: docs/rules/debugging.md explains each one (filled in by the kind that uses them).
import { defineArea } from './rule.ts';

export const debuggingRules = defineArea('debugging', {});

// Rules of the design area: docs/rules/design.md explains each one (filled in by the kind that uses them).
import { defineArea } from './rule.ts';

export const designRules = defineArea('design', {});

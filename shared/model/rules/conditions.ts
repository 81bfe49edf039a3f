// Rules of the conditions area: docs/rules/conditions.md explains each one (filled in by the kind that uses them).
import { defineArea } from './rule.ts';

export const conditionsRules = defineArea('conditions', {});

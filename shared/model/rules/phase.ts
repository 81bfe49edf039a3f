// Rules of the phase area: docs/rules/phase.md explains each one (filled in by the kind that uses them).
import { defineArea } from './rule.ts';

export const phaseRules = defineArea('phase', {});

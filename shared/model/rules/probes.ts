// Rules of the probes area: docs/rules/probes.md explains each one (filled in by the kind that uses them).
import { defineArea } from './rule.ts';

export const probesRules = defineArea('probes', {});

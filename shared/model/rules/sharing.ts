// Rules of the sharing area: docs/rules/sharing.md explains each one (filled in by the kind that uses them).
import { defineArea } from './rule.ts';

export const sharingRules = defineArea('sharing', {});

// Rules of the kubectl area: docs/rules/kubectl.md explains each one (filled in by the kind that uses them).
import { defineArea } from './rule.ts';

export const kubectlRules = defineArea('kubectl', {});

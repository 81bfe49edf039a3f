// What a probe-choice template is: four fixed options, the answers it may draw (evenly, answer first), and a
// builder that makes a scenario whose pod or facts yield the drawn answer. Shared by the three level files.
import type { Rng } from '../random.ts';
import type { ProbeRuleId } from '../model/rules/probes.ts';
import type { ChoiceId } from './probe-choice-answers.ts';
import type { Yaml } from './probe-yaml.ts';

/** One explanation line; `tags` name the YAML lines it points at (see probe-yaml.ts). */
export interface CaseLine { text: string; tags?: string[] }

export interface ChoiceCase {
  prompt: string;
  yaml: Yaml | null;
  /** Why the answer is right: 1–3 short lines, about 45 words at most, so a line on a wrong pick still fits. */
  lines: CaseLine[];
  /** Why a tempting wrong option is wrong here, one short line each. */
  whyNot: Partial<Record<ChoiceId, string>>;
  rules: ProbeRuleId[];
  docUrl: string;
}

export interface ChoiceTemplate {
  /** 'probe-choice/<name>' */
  id: string;
  options: readonly [ChoiceId, ChoiceId, ChoiceId, ChoiceId];
  /** The options that can be right, drawn evenly. */
  answers: readonly ChoiceId[];
  build(rng: Rng, answer: ChoiceId): ChoiceCase;
}

export const LIFECYCLE = 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/';
export const TASK = 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/';

export const docs = {
  types: `${LIFECYCLE}#types-of-probe`,
  mechanisms: `${LIFECYCLE}#probe-check-methods`,
  whenLiveness: `${LIFECYCLE}#when-should-you-use-a-liveness-probe`,
  whenReadiness: `${LIFECYCLE}#when-should-you-use-a-readiness-probe`,
  whenStartup: `${LIFECYCLE}#when-should-you-use-a-startup-probe`,
  conditions: `${LIFECYCLE}#pod-conditions`,
  restarts: `${LIFECYCLE}#container-restarts`,
  restartPolicy: `${LIFECYCLE}#restart-policy`,
  startup: `${TASK}#define-startup-probes`,
  readiness: `${TASK}#define-readiness-probes`,
  configure: `${TASK}#configure-probes`,
  probeGrace: `${TASK}#probe-level-terminationgraceperiodseconds`,
} as const;

/** A template's builder may only be asked for answers it lists. */
export function unexpected(template: string, answer: ChoiceId): never {
  throw new Error(`${template} cannot build ${answer}`);
}

export const possessive = (name: string): string => (name.endsWith('s') ? `${name}’` : `${name}’s`);

/** A pick from a list that must not be empty for this case. */
export function pickFrom<T>(rng: Rng, items: readonly T[], what: string): T {
  if (items.length === 0) throw new Error(`no ${what}`);
  return rng.pick(items);
}

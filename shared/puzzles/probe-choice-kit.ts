// What a probe-choice template is: four fixed options, the answers it may draw (evenly, answer first), and a
// builder that makes a scenario whose pod or facts yield the drawn answer. Shared by the three level files.
import type { Rng } from '../random.ts';
import type { RuleId } from '../model/rules/index.ts';
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
  rules: RuleId[];
  docUrl: string;
}

export interface ChoiceTemplate {
  /** 'probe-choice/<name>' */
  id: string;
  options: readonly [ChoiceId, ChoiceId, ChoiceId, ChoiceId];
  /** Where an option must name a check the pod has, the four offered for a drawn answer (default: `options`). */
  optionsFor?(answer: ChoiceId): readonly [ChoiceId, ChoiceId, ChoiceId, ChoiceId];
  /** The options that can be right, drawn evenly. */
  answers: readonly ChoiceId[];
  build(rng: Rng, answer: ChoiceId): ChoiceCase;
}

// Verified against kubernetes/website (see docs/rules/probes.md): probe material lives on the Probes concept page.
export const PROBES = 'https://kubernetes.io/docs/concepts/workloads/pods/probes/';
const LIFECYCLE = 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/';
const RESTARTS = 'https://kubernetes.io/docs/concepts/workloads/pods/container-restarts/';

/** The section that supports each kind of claim a probe-choice explanation makes. */
export const docs = {
  liveness: `${PROBES}#liveness-probe`,
  readiness: `${PROBES}#readiness-probe`,
  startup: `${PROBES}#startup-probe`,
  results: `${PROBES}#probe-results`,
  mechanisms: `${PROBES}#check-mechanisms`,
  whenLiveness: `${PROBES}#when-should-you-use-a-liveness-probe`,
  whenReadiness: `${PROBES}#when-should-you-use-a-readiness-probe`,
  whenStartup: `${PROBES}#when-should-you-use-a-startup-probe`,
  configure: `${PROBES}#configure-probes`,
  probeGrace: `${PROBES}#probe-level-terminationgraceperiodseconds`,
  conditions: `${LIFECYCLE}#pod-conditions`,
  restartPolicy: `${RESTARTS}#pod-level-container-restart-policy`,
  podNetwork: 'https://kubernetes.io/docs/concepts/workloads/pods/#pod-networking',
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

// What every pod-phase template shares: the question, the four phases as options, and the explanation drawn from the
// model's decision, pointed at the table cells and YAML lines that prove it.
import type { PodFacts } from '../model/pod-status.ts';
import type { RuleId } from '../model/rules/index.ts';
import type { ExplanationLine } from './kind.ts';
import { containersOf } from './pod-build.ts';
import { phaseWhy } from './phase-why.ts';
import { containerView, type Column, type ContainerView, type YamlView } from './pod-view.ts';
import type { Draft } from './state-kind.ts';

export interface PhaseQuestion { ask: 'phase' }
export type PhaseDraft = Draft<PhaseQuestion>;

export const PHASES = ['Pending', 'Running', 'Succeeded', 'Failed'] as const;

export const UNKNOWN_NOTE = 'The kubelet never sets Unknown; the API marks that phase deprecated, unused since 2015.';

export interface PhaseShow {
  prompt: string;
  /** Table columns, or none to show no container table. */
  columns?: readonly Column[];
  yaml?: YamlView;
  /** A shell block instead of YAML (kubectl run …). */
  shell?: string;
  /** A plain-text block (kubectl describe output) instead of YAML, and the lines the model's reason points at. */
  text?: string;
  textLines?: number[];
  /** Rules the template adds to the model's (the second rule of a hard puzzle). */
  rules?: RuleId[];
  /** A second line after the model's reason (a premise applied, a trap named). */
  extra?: ExplanationLine;
  /** Replace the model's line (when the template's own words say it better), keeping its rules. */
  line?: ExplanationLine;
  docUrl?: string;
  withUnknown?: boolean;
  /** Label a native sidecar "(init)" in the table: the YAML must show which init container is the sidecar. */
  sidecarAsInit?: boolean;
  wrongNotes?: Record<string, string>;
}

export function phaseDraft(facts: PodFacts, show: PhaseShow): PhaseDraft {
  const view: ContainerView | undefined = show.columns ? containerView(containersOf(facts), show.columns, { sidecarAsInit: show.sidecarAsInit === true }) : undefined;
  const why = phaseWhy(facts, (name) => view?.at(name, 'state', 'reason', 'status', 'exit', 'started', 'ready') ?? (show.textLines ? { codeLines: show.textLines } : {}));
  const rules = [...new Set([...why.rules, ...(show.rules ?? [])])];
  const lines = [show.line ?? why.line, ...(show.extra ? [show.extra] : [])];
  const code = show.yaml?.code ?? (show.shell ? { language: 'shell' as const, text: show.shell } : show.text ? { language: 'text' as const, text: show.text } : undefined);
  return {
    facts,
    question: { ask: 'phase' },
    prompt: show.prompt,
    ...(code ? { code } : {}),
    ...(view ? { table: view.table } : {}),
    labels: show.withUnknown ? [...PHASES, 'Unknown'] : [...PHASES],
    rules,
    lines,
    docUrl: show.docUrl ?? why.docUrl,
    ...(show.wrongNotes ? { wrongNotes: show.wrongNotes } : {}),
  };
}

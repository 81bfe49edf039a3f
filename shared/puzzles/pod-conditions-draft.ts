// What every pod-conditions template shares: its questions, their answers from the model, four options from the
// question's family of labels, and the explanation of why, pointed at the cells and lines that prove it.
import { firstNotTrue } from '../model/conditions.ts';
import { podStatus, type PodFacts } from '../model/pod-status.ts';
import type { RuleId } from '../model/rules/index.ts';
import { schedule, type NodeFacts, type PlacementNeeds } from '../model/scheduling.ts';
import type { Rng } from '../random.ts';
import type { Evidence, ExplanationLine } from './kind.ts';
import {
  FIRST_LABELS, HOLD_LABELS, INITIALIZED_LABELS, holdup, initializedWhy, readyCount, readyLabel, type Family,
} from './pod-conditions-answers.ts';
import {
  applyFix, fixKey, fixLabel, placementWhy, PLACEMENT_LABELS, PODSCHEDULED_LABELS, scheduledWhy, workingFixes, type Fix,
} from './pod-conditions-scheduling.ts';
import { containersOf } from './pod-build.ts';
import { containerView, type Column, type YamlView } from './pod-view.ts';
import type { Draft } from './state-kind.ts';

export type CondQuestion =
  | { ask: 'first-not-true' }
  | { ask: 'ready-reason' }
  | { ask: 'holdup'; family: Family }
  | { ask: 'initialized' }
  | { ask: 'endpoints'; others: PodFacts[] }
  | { ask: 'placement'; needs: PlacementNeeds; nodes: NodeFacts[] }
  | { ask: 'podscheduled'; needs: PlacementNeeds; nodes: NodeFacts[] }
  | { ask: 'fix'; needs: PlacementNeeds; nodes: NodeFacts[]; fixes: Fix[] };

export type CondDraft = Draft<CondQuestion>;

export function conditionsAnswer(f: PodFacts, q: CondQuestion): string {
  const s = podStatus(f);
  switch (q.ask) {
    case 'first-not-true': return FIRST_LABELS[firstNotTrue(s.conditions) ?? 'none'];
    case 'ready-reason': return readyLabel(s);
    case 'holdup': return HOLD_LABELS[q.family][holdup(f, s)] ?? `(no label for ${holdup(f, s)})`;
    case 'initialized': return INITIALIZED_LABELS[initializedWhy(f, s)];
    case 'endpoints': return String(readyCount([f, ...q.others]));
    case 'placement': return PLACEMENT_LABELS[placementWhy(schedule(q.needs, q.nodes), q.needs, q.nodes)];
    case 'podscheduled': return PODSCHEDULED_LABELS[scheduledWhy(schedule(q.needs, q.nodes), q.needs, q.nodes)];
    case 'fix': {
      const works = workingFixes(q.needs, q.nodes, q.fixes);
      return works.length === 1 ? fixLabel(works[0]!) : `(${works.length} changes work)`;
    }
  }
}

export const conditionsKey = (label: string): string => fixKey(label);

export interface CondShow {
  prompt: string;
  columns?: readonly Column[];
  /** A table other than the containers (nodes, several pods). */
  table?: { columns: string[]; rows: string[][] };
  yaml?: YamlView;
  text?: string;
  /** The family the options come from; the answer is always among the four shown. */
  family: readonly string[];
  /** Wrong labels that must be offered whatever the draw (the ones this pod makes tempting), before random ones. */
  offer?: readonly string[];
  lines: ExplanationLine[];
  rules: RuleId[];
  docUrl: string;
  wrongNotes?: Record<string, string>;
}

/** Three wrong labels beside the right one: the offered ones first, the rest from the family at random. */
function labelsFrom(rng: Rng, family: readonly string[], answer: string, offer: readonly string[] = []): string[] {
  const must = [...new Set(offer)].filter((l) => l !== answer).slice(0, 3);
  const others = [...new Set(family)].filter((l) => l !== answer && !must.includes(l));
  return [answer, ...must, ...rng.sample(others, Math.min(3 - must.length, others.length))];
}

export function condDraft(rng: Rng, facts: PodFacts, question: CondQuestion, show: CondShow): CondDraft {
  const answer = conditionsAnswer(facts, question);
  const view = show.columns ? containerView(containersOf(facts), show.columns) : undefined;
  const code = show.yaml?.code ?? (show.text ? { language: 'text' as const, text: show.text } : undefined);
  const table = show.table ?? view?.table;
  return {
    facts, question,
    prompt: show.prompt,
    ...(code ? { code } : {}),
    ...(table ? { table } : {}),
    labels: labelsFrom(rng, show.family, answer, show.offer),
    rules: [...new Set(show.rules)],
    lines: show.lines,
    docUrl: show.docUrl,
    ...(show.wrongNotes ? { wrongNotes: show.wrongNotes } : {}),
  };
}

/** Evidence for containers by name, in a container table with these columns. */
export function cellsOf(facts: PodFacts, columns: readonly Column[], names: readonly string[]): Evidence {
  const view = containerView(containersOf(facts), columns);
  const cells = names.flatMap((n) => view.at(n, 'state', 'reason', 'ready', 'started', 'status').cells ?? []);
  return cells.length > 0 ? { cells } : {};
}

const READY_NEEDS: Record<string, string> = {
  'False (PodCompleted)': 'PodCompleted needs the pod to have Succeeded.',
  'False (PodFailed)': 'PodFailed needs the pod to have Failed.',
  'False (ReadinessGatesNotReady)': 'ReadinessGatesNotReady needs a readiness gate, with every container ready.',
  'False (ContainersNotReady)': 'ContainersNotReady needs a container or sidecar that is not ready.',
  True: 'True needs every container ready and every readiness gate True.',
};

/** A short line on why a wrong pick is wrong for this pod, from the model. */
export function conditionsWhyNot(f: PodFacts, q: CondQuestion, picked: string, answer: string): string | undefined {
  const s = podStatus(f);
  switch (q.ask) {
    case 'first-not-true': {
      if (picked === FIRST_LABELS.none) return `Not all True: ${answer} is not.`;
      const c = s.conditions.find((x) => x.type === picked);
      if (!c) return `${picked} is not even set yet: the pod has no node.`;
      return c.status === 'True' ? `${picked} is True here.` : `${picked} is False too, but only because ${answer} is: the first one names the cause.`;
    }
    case 'ready-reason': return READY_NEEDS[picked];
    case 'holdup': {
      const first = firstNotTrue(s.conditions);
      return first === null ? 'Not that: every condition is True, Ready included.' : `Not that: ${first} is the first condition that is not True.`;
    }
    case 'initialized': {
      const c = s.conditions.find((x) => x.type === 'Initialized');
      const status = c?.status ?? 'not set';
      return picked.split(':')[0] === status ? `Initialized is ${status}, but for another reason.` : `Not that: Initialized is ${status} here.`;
    }
    case 'endpoints': return `Not ${picked}: count only pods whose every container is ready and whose gates are True; Running alone does not count.`;
    case 'fix': {
      const fix = q.fixes.find((x) => fixLabel(x) === picked);
      if (!fix) return undefined;
      const after = applyFix(q.needs, q.nodes, fix);
      const o = schedule(after.needs, after.nodes);
      return o.scheduled ? undefined : `With "${picked}" the scheduler would still say: ${o.message}`;
    }
    default: return undefined;
  }
}

// What every kubectl-status template shares: the question about one column, the answer read off the model's
// listing (kubectlColumns), near-miss distractors a half-informed reader would pick, and the explanation.
import { podListing, type PodFacts } from '../model/pod-status.ts';
import { isSidecar, type ContainerSnapshot, type PodListing } from '../model/pod-types.ts';
import type { Rng } from '../random.ts';
import type { RuleId } from '../model/rules/index.ts';
import type { ExplanationLine } from './kind.ts';
import { columnAnswer, kubectlWhy, type KubectlColumn } from './kubectl-why.ts';
import { containersOf } from './pod-build.ts';
import { containerView, type Column, type YamlView } from './pod-view.ts';
import type { Draft } from './state-kind.ts';

export interface KubectlQuestion { column: KubectlColumn }
export type KubectlDraft = Draft<KubectlQuestion>;

const QUESTIONS: Record<KubectlColumn, string> = {
  STATUS: 'What does kubectl get pods show under STATUS?',
  READY: 'What does kubectl get pods show under READY?',
  RESTARTS: 'What number does kubectl get pods show under RESTARTS (leaving out "(… ago)")?',
};

const reasonsOf = (list: readonly ContainerSnapshot[]): string[] => list.flatMap((c) => (c.reason ? [c.reason] : []));

/** The STATUS answers a learner who half-knows printPod would give for this pod, most tempting first. */
function statusCandidates(l: PodListing): string[] {
  const n = l.initContainers.length;
  const at = l.initContainers.findIndex((c) => !(c.state === 'terminated' && c.exitCode === 0) && !(isSidecar(c) && c.started));
  const sidecars = l.initContainers.filter(isSidecar).length;
  const initLike = at < 0 ? [] : [`Init:${at + 1}/${n}`, `Init:${at}/${n - sidecars}`, `Init:${Math.max(at - 1, 0)}/${n}`];
  const appReasons = reasonsOf(l.containers).filter((r) => r !== 'PodInitializing');
  const initReasons = reasonsOf(l.initContainers).filter((r) => r !== 'Completed' && r !== 'PodInitializing');
  const prefixed = n === 0 ? [] : [...initReasons, ...appReasons.filter((r) => r !== 'Completed')].map((r) => `Init:${r}`);
  const pod = [...(l.reason ? [l.reason] : []), ...(l.deleting ? ['Terminating'] : []), l.phase];
  return [...pod, ...prefixed.slice(0, 1), ...initReasons, ...appReasons, ...prefixed.slice(1), ...initLike,
    'Running', 'Pending', 'NotReady', 'Completed', 'PodInitializing', 'ContainerCreating', 'Error', 'CrashLoopBackOff'];
}

function readyCandidates(l: PodListing, answer: string): string[] {
  const sidecars = l.initContainers.filter(isSidecar);
  const total = l.containers.length + sidecars.length;
  const ready = Number(answer.split('/')[0]);
  const appsReady = l.containers.filter((c) => c.ready === true && c.state === 'running').length;
  const runningCount = [...sidecars, ...l.containers].filter((c) => c.state === 'running').length;
  return [`${appsReady}/${l.containers.length}`, `${runningCount}/${total}`, `${ready}/${total + l.initContainers.length - sidecars.length}`,
    `${total}/${total}`, `${Math.max(ready - 1, 0)}/${total}`, `${Math.min(ready + 1, total)}/${total}`, `0/${total}`, `${ready}/${total + 1}`,
    `${ready + 1}/${total + 1}`, `0/${total + 1}`];
}

function restartCandidates(l: PodListing, answer: string): string[] {
  const sum = (list: readonly ContainerSnapshot[]) => list.reduce((t, c) => t + (c.restartCount ?? 0), 0);
  const n = Number(answer);
  return [sum([...l.initContainers, ...l.containers]), sum(l.containers), sum(l.initContainers), sum(l.initContainers.filter((c) => !isSidecar(c))),
    0, n + 1, Math.max(n - 1, 0), n * 2, n + 2, n + 3].map(String);
}

/** Three wrong labels: the template's own temptations first, then the model's near misses, one picked at random. */
export function distractors(rng: Rng, l: PodListing, column: KubectlColumn, answer: string, tempting: readonly string[] = []): string[] {
  const pool = column === 'STATUS' ? statusCandidates(l) : column === 'READY' ? readyCandidates(l, answer) : restartCandidates(l, answer);
  const distinct = [...new Set([...tempting, ...pool])].filter((x) => x !== answer && x !== '');
  const rest = distinct.slice(2);
  return [...distinct.slice(0, 2), rng.pick(rest.length > 0 ? rest : [column === 'STATUS' ? 'Unknown' : `${answer}0`])];
}

/** One of several ways to set the scene, so a template does not read the same from one game to the next. */
export const say = (rng: Rng, ...phrasings: string[]): string => rng.pick(phrasings);

export interface KubectlShow {
  column: KubectlColumn;
  /** The situation, before the question. */
  prompt: string;
  columns?: readonly Column[];
  yaml?: YamlView;
  text?: string;
  rules?: RuleId[];
  extra?: ExplanationLine;
  /** Wrong answers this situation invites, offered before the generic near misses. */
  tempting?: string[];
  docUrl?: string;
  wrongNotes?: Record<string, string>;
}

export function kubectlDraft(rng: Rng, facts: PodFacts, show: KubectlShow): KubectlDraft {
  const listing = podListing(facts);
  const view = show.columns ? containerView(containersOf(facts), show.columns) : undefined;
  const why = kubectlWhy(listing, show.column, (name) => view?.at(name, 'state', 'reason', 'status', 'exit', 'restarts', 'ready', 'started') ?? {});
  const answer = columnAnswer(listing, show.column);
  const code = show.yaml?.code ?? (show.text ? { language: 'text' as const, text: show.text } : undefined);
  return {
    facts,
    question: { column: show.column },
    prompt: `${show.prompt} ${QUESTIONS[show.column]}`,
    ...(code ? { code } : {}),
    ...(view ? { table: view.table } : {}),
    labels: [answer, ...distractors(rng, listing, show.column, answer, show.tempting)],
    rules: [...new Set([...why.rules, ...(show.rules ?? [])])],
    lines: [why.line, ...(show.extra ? [show.extra] : [])],
    docUrl: show.docUrl ?? why.docUrl,
    ...(show.wrongNotes ? { wrongNotes: show.wrongNotes } : {}),
  };
}

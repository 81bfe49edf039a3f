// The "What does Initialized say, and why?" options, said about this pod's own containers. A generic "why" ("an init
// container has not finished") is often true of a pod held by something else (a sidecar not started yet keeps the
// init container after it waiting too), so each option names its container and states one checkable fact; only the
// model's answer may be both the right status and a true fact (docs/rules/conditions.md).
import { podStatus, type PodFacts, type PodStatusView } from '../model/pod-status.ts';
import { isSidecar, type ContainerSnapshot } from '../model/pod-types.ts';
import { INITIALIZED_LABELS, initializedWhy, type InitializedWhy } from './pod-conditions-answers.ts';

export interface InitializedClaim {
  why: InitializedWhy;
  label: string;
  /** The status is Initialized's and the stated fact is true of the table. */
  holds: boolean;
}

const done = (c: ContainerSnapshot): boolean => c.state === 'terminated' && (c.exitCode ?? 0) === 0;
const failing = (c: ContainerSnapshot): boolean => (c.state === 'terminated' && (c.exitCode ?? 0) !== 0) || c.lastTerminationState !== undefined;
const hasStarted = (c: ContainerSnapshot): boolean => (c.state === 'running' && c.started !== false) || c.state === 'terminated';

/** Every "why" this pod's containers let us say, with whether it holds here. */
export function initializedClaims(f: PodFacts, s: PodStatusView = podStatus(f)): InitializedClaim[] {
  const cond = s.conditions.find((c) => c.type === 'Initialized');
  const status = cond?.status;
  const regular = f.initContainers.filter((c) => !isSidecar(c));
  const init = regular.find((c) => !done(c)) ?? regular.at(-1);
  const side = f.initContainers.find((c) => isSidecar(c) && c.started !== true) ?? f.initContainers.find(isSidecar);
  const app = f.containers.find(hasStarted) ?? f.containers[0];
  const claim = (why: InitializedWhy, label: string, truth: boolean): InitializedClaim => ({ why, label, holds: label.startsWith(`${status}:`) && truth });
  const out: InitializedClaim[] = [
    claim('no-init', INITIALIZED_LABELS['no-init'], f.initContainers.length === 0),
    claim('completed', INITIALIZED_LABELS.completed, cond?.reason === 'PodCompleted'),
  ];
  // "Every init container has exited 0" is vacuously true of a pod with none: not offered there.
  if (f.initContainers.length > 0) out.push(claim('all-done', INITIALIZED_LABELS['all-done'], f.initContainers.every(done)));
  if (init) {
    out.push(claim('init-running', `False: ${init.name} has not finished`, !done(init)));
    out.push(claim('init-failing', `False: ${init.name} keeps failing`, !done(init) && failing(init)));
  } else {
    // No regular init container to name: the generic claims, false here since there is none.
    out.push(claim('init-running', INITIALIZED_LABELS['init-running'], false), claim('init-failing', INITIALIZED_LABELS['init-failing'], false));
  }
  if (side) {
    out.push(claim('sidecar-started', `True: ${side.name} has started, and a sidecar need not finish`, side.started === true && regular.every(done)));
    out.push(claim('sidecar-not-started', `False: ${side.name} has not started`, side.started !== true));
  }
  if (app) out.push(claim('sticky', `True: ${app.name} has already started`, hasStarted(app)));
  return out;
}

/** The model's answer, in this pod's words. */
export function initializedLabel(f: PodFacts, s: PodStatusView = podStatus(f)): string {
  const why = initializedWhy(f, s);
  return initializedClaims(f, s).find((c) => c.why === why)?.label ?? INITIALIZED_LABELS[why];
}

/**
 * The family's "whys" in this pod's words, none of them true here but the answer; when that leaves fewer than three
 * wrong ones, other false claims about the same pod fill up.
 */
export function initializedFamily(f: PodFacts, family: readonly string[]): { family: string[]; more: string[] } {
  const s = podStatus(f);
  const answer = initializedLabel(f, s);
  const wrong = initializedClaims(f, s).filter((c) => !c.holds && c.label !== answer);
  const whys = new Set(family.map((l) => (Object.entries(INITIALIZED_LABELS).find(([, v]) => v === l)?.[0] ?? l)));
  const inFamily = wrong.filter((c) => whys.has(c.why)).map((c) => c.label);
  const rest = wrong.filter((c) => !whys.has(c.why)).map((c) => c.label);
  return { family: [answer, ...inFamily], more: rest };
}

const KEYS: [RegExp, InitializedWhy][] = [
  [/^False: \S+ has not finished$/, 'init-running'], [/^False: \S+ keeps failing$/, 'init-failing'],
  [/^True: \S+ has started, and a sidecar need not finish$/, 'sidecar-started'], [/^False: \S+ has not started$/, 'sidecar-not-started'],
  [/^True: \S+ has already started$/, 'sticky'],
];

/** A named claim back to its template target (the generic label), so targets and figures stay pod-independent. */
export function initializedKey(label: string): string {
  const why = KEYS.find(([re]) => re.test(label))?.[1];
  return why ? INITIALIZED_LABELS[why] : label;
}

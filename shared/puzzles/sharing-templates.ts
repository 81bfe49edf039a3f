// How a shared-namespaces template becomes a puzzle, answer first: pick the statements, draw each one's truth, then
// search the template's knobs (mount layout, readOnly, users, which port a statement asks…) for a pod where every
// statement has the drawn truth. So no wording is true or false because of its words: the pod decides.
import { judge, type SharingPod } from '../model/sharing.ts';
import type { Rng } from '../random.ts';
import type { Knobs, Statement, StatementMaker } from './sharing-statements.ts';
import { renderPod } from './sharing-yaml.ts';

export type KnobValue = string | number | boolean;

export interface SharingSetup {
  /** What the pod is for, in a sentence or two: the premise a player needs, never the answer. */
  story: string | ((k: Knobs) => string);
  knobs: Readonly<Record<string, readonly KnobValue[]>>;
  build(k: Knobs): SharingPod;
  statements: readonly StatementMaker[];
}

export interface SharingTemplate {
  id: string;
  /** How many statements the puzzle shows. */
  count: number;
  setup(rng: Rng): SharingSetup;
}

export const MAX_YAML_LINES = 16;

function combinations(knobs: SharingSetup['knobs']): Knobs[] {
  return Object.entries(knobs).reduce<Knobs[]>(
    (acc, [name, values]) => acc.flatMap((k) => values.map((v) => ({ ...k, [name]: v }))),
    [{}],
  );
}

function realise(setup: SharingSetup, makers: readonly StatementMaker[], k: Knobs): { pod: SharingPod; statements: Statement[] } | null {
  const pod = setup.build(k);
  if (renderPod(pod).lines > MAX_YAML_LINES) return null;
  const statements = makers.map((m) => m(pod, k));
  if (statements.some((s) => s === null)) return null;
  const labels = new Set(statements.map((s) => s!.label));
  return labels.size === statements.length ? { pod, statements: statements as Statement[] } : null;
}

export interface Draft { pod: SharingPod; statements: Statement[]; story: string }

type Realised = { pod: SharingPod; statements: Statement[]; story: string };

/**
 * Weights over the realisable truth patterns that make every statement true about half the time, as far as the
 * patterns allow (iterative proportional fitting: scale the patterns where a statement is true, or false, until its
 * share is one half). Statements the knobs keep independent reach exactly one half.
 */
export function balancedWeights(patterns: readonly string[]): number[] {
  const w = patterns.map(() => 1);
  const n = patterns[0]?.length ?? 0;
  for (let round = 0; round < 60; round++) {
    for (let i = 0; i < n; i++) {
      const total = w.reduce((a, b) => a + b, 0);
      const yes = patterns.reduce((a, p, j) => a + (p[i] === 'T' ? w[j]! : 0), 0) / total;
      if (yes === 0 || yes === 1) continue;
      patterns.forEach((p, j) => { w[j] = w[j]! * (p[i] === 'T' ? 0.5 / yes : 0.5 / (1 - yes)); });
    }
  }
  return w;
}

function weightedPick<T>(rng: Rng, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = rng.next() * total;
  for (let i = 0; i < items.length; i++) {
    r -= weights[i]!;
    if (r < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

/**
 * A pod and statements whose truths were drawn before the pod was chosen: a truth pattern among those the knobs can
 * realise (at least one true and one false statement), weighted so each statement is true about half the time, then
 * a pod that realises it.
 */
export function draft(rng: Rng, template: SharingTemplate): Draft {
  const setup = template.setup(rng);
  const n = Math.min(template.count, setup.statements.length);
  const makers = rng.sample(setup.statements, n);
  const byPattern = new Map<string, Realised[]>();
  for (const k of combinations(setup.knobs)) {
    const got = realise(setup, makers, k);
    if (!got) continue;
    const truths = got.statements.map((s) => judge(got.pod, s.claim).yes);
    if (truths.every((t) => t === truths[0])) continue;
    const key = truths.map((t) => (t ? 'T' : 'F')).join('');
    const story = typeof setup.story === 'string' ? setup.story : setup.story(k);
    byPattern.set(key, [...(byPattern.get(key) ?? []), { ...got, story }]);
  }
  const patterns = [...byPattern.keys()].sort();
  if (patterns.length === 0) throw new Error(`${template.id}: no pod mixes true and false statements`);
  const chosen = byPattern.get(weightedPick(rng, patterns, balancedWeights(patterns)))!;
  return rng.pick(chosen);
}

// Answer-first, single-choice puzzles about one pod's state (pod-phase, kubectl-status, pod-conditions).
// A template draws its target answer evenly, builds a pod that should yield it, and the kind asks the model what the
// pod really yields: a template that misses its target is a bug, caught at generation. Grading asks the model again.
import type { PodFacts } from '../model/pod-status.ts';
import { createRng, type Rng } from '../random.ts';
import { singleChoiceScore, shuffledChoices, type Choice } from './choice.ts';
import type { RuleId } from '../model/rules/index.ts';
import type { CodeBlock, ExplanationLine, PuzzleMeta, TableBlock } from './kind.ts';
import type { Difficulty } from './kind.ts';

/** What a template hands the kind: the pod, the question, what to show, and why the answer holds. */
export interface Draft<Q> {
  facts: PodFacts;
  question: Q;
  prompt: string;
  code?: CodeBlock;
  table?: TableBlock;
  /** Four (or five) distinct option labels, the right one among them. */
  labels: string[];
  /** The rules the answer depends on, from the model. */
  rules: RuleId[];
  /** One or two short lines: the answer and the rule in words, with evidence. */
  lines: ExplanationLine[];
  docUrl: string;
  /** A short line for a player who picked this wrong label (a folklore trap). */
  wrongNotes?: Record<string, string>;
}

export interface StateTemplate<Q> {
  id: string;
  /** The answer keys this template draws from, evenly unless weights say otherwise. */
  targets: readonly string[];
  weights?: readonly number[];
  build(rng: Rng, target: string): Draft<Q>;
}

export interface StatePuzzle<Q> extends Omit<Draft<Q>, 'labels'> {
  difficulty: Difficulty;
  template: string;
  options: Choice[];
}

export interface StateKindSpec<Q> {
  id: string;
  templates: Record<Difficulty, readonly StateTemplate<Q>[]>;
  /** The right option's label for this pod and question, from the model. */
  answerOf(facts: PodFacts, question: Q): string;
  /** The label as a player reads it, instance names masked. */
  keyOf?(label: string): string;
  /** A short line on why a wrong pick is wrong for this pod, in words (a template's own note wins). */
  whyNot?(facts: PodFacts, question: Q, picked: string, answer: string): string | undefined;
}

function weightedPick<T>(rng: Rng, items: readonly T[], weights?: readonly number[]): T {
  if (!weights) return rng.pick(items);
  const total = weights.reduce((a, b) => a + b, 0);
  let roll = rng.next() * total;
  for (const [i, item] of items.entries()) {
    roll -= weights[i] ?? 0;
    if (roll < 0) return item;
  }
  return items[items.length - 1]!;
}

const MAX_WORDS = 60;
const words = (lines: readonly ExplanationLine[]): number => lines.reduce((n, l) => n + l.text.split(/\s+/).filter(Boolean).length, 0);

/** The generate/solve/grade/meta functions every state kind shares. */
export function stateKind<Q>(spec: StateKindSpec<Q>) {
  const keyOf = spec.keyOf ?? ((label: string) => label);
  // The model's answer for a puzzle, worked out once per puzzle object: every distinct answer of every room is
  // graded against it, and asking the model again was most of a grade (issue 14 profile, 100 rooms closing
  // together). A puzzle is never changed once generated, so the answer cannot go stale.
  const answers = new WeakMap<StatePuzzle<Q>, string>();
  const answerLabel = (p: StatePuzzle<Q>): string => {
    let label = answers.get(p);
    if (label === undefined) answers.set(p, (label = spec.answerOf(p.facts, p.question)));
    return label;
  };
  const correctId = (p: StatePuzzle<Q>): string => p.options.find((o) => o.label === answerLabel(p))?.id ?? '';

  return {
    templates: Object.fromEntries(Object.entries(spec.templates).map(([d, list]) => [d, list.map((t) => t.id)])) as Record<Difficulty, string[]>,

    generate(seed: string, difficulty: Difficulty): StatePuzzle<Q> {
      // The template, the target and the pod each draw from their own stream, so which template came up never
      // leans on which answer it is asked to build.
      const rng = createRng(`${spec.id}:${seed}:${difficulty}`);
      const template = createRng(`${spec.id}:${seed}:${difficulty}:template`).pick(spec.templates[difficulty]);
      const target = weightedPick(createRng(`${spec.id}:${seed}:${difficulty}:target`), template.targets, template.weights);
      const { labels, ...draft } = template.build(rng, target);
      const answer = spec.answerOf(draft.facts, draft.question);
      if (keyOf(answer) !== target) throw new Error(`${template.id}: built for ${target}, the model says ${answer}`);
      if (labels.length < 4 || new Set(labels).size !== labels.length || !labels.includes(answer)) throw new Error(`${template.id}: options ${labels.join(' | ')}`);
      return { ...draft, difficulty, template: template.id, options: shuffledChoices(rng, labels) };
    },

    solve: correctId,

    grade(p: StatePuzzle<Q>, answer: unknown) {
      const right = correctId(p);
      const score = singleChoiceScore(right, answer);
      const picked = p.options.find((o) => o.id === answer);
      const first = p.lines[0];
      const lines: ExplanationLine[] = first
        ? [{ ...first, evidence: { ...first.evidence, optionIds: [right] } }, ...p.lines.slice(1)]
        : [];
      const note = score === 0 && picked
        ? p.wrongNotes?.[picked.label] ?? spec.whyNot?.(p.facts, p.question, picked.label, answerLabel(p))
        : undefined;
      if (note && picked) lines.push({ text: note, evidence: { optionIds: [picked.id] } });
      // Readable at the reveal: about 60 words at most. The player's own note outranks a supplementary line.
      while (lines.length > 1 && words(lines) > MAX_WORDS) lines.splice(lines.length > 2 ? 1 : lines.length - 1, 1);
      return { score, correct: score === 1, explanation: lines.map((l) => l.text).join(' '), lines, docUrl: p.docUrl };
    },

    meta(p: StatePuzzle<Q>): PuzzleMeta {
      return { template: p.template, rules: [...p.rules], answerKey: keyOf(answerLabel(p)) };
    },

    /** Field by field: the facts, the question and the explanation stay on the server. */
    view(p: StatePuzzle<Q>) {
      return {
        prompt: p.prompt,
        options: p.options.map((o) => ({ id: o.id, label: o.label })),
        ...(p.code ? { code: { language: p.code.language, text: p.code.text } } : {}),
        ...(p.table ? { table: { columns: [...p.table.columns], rows: p.table.rows.map((r) => [...r]) } } : {}),
      };
    },
  };
}

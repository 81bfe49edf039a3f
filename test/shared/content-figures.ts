// The figures issue 9 holds every puzzle kind to, measured over many seeds of one kind and level: how evenly the
// correct answers are drawn, how many question templates appear, whether multi-select statements are decided by the
// pod rather than their wording, and what doing nothing earns in an ordering puzzle.
import { createRng } from '../../shared/random.ts';
import type { Difficulty, PuzzleKind, PuzzleMeta, PuzzleView } from '../../shared/puzzles/kind.ts';
import { isRuleId } from '../../shared/model/rules/index.ts';

export const FIGURE_SEEDS = 400;
export const ORDER_SEEDS = 1000;

export interface Figures {
  puzzles: number;
  format: PuzzleView['format'] | 'mixed';
  declared: readonly string[];
  /** template → puzzles */
  templates: Map<string, number>;
  /** answerKey → puzzles (single and number only) */
  answers: Map<string, number>;
  /** template → answerKey → puzzles */
  perTemplate: Map<string, Map<string, number>>;
  /** wording → [true, appearances] (multi only) */
  wordings: Map<string, [number, number]>;
  /** Problems found puzzle by puzzle: a list of `seed: what`. */
  problems: string[];
  /** order only: mean scores over ORDER_SEEDS */
  baselines: { untouched: number; reversed: number; random: number } | null;
}

const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;
const bump = <K>(map: Map<K, number>, key: K): void => void map.set(key, (map.get(key) ?? 0) + 1);

export const share = (map: ReadonlyMap<string, number>): number => {
  const total = [...map.values()].reduce((a, b) => a + b, 0);
  return total === 0 ? 0 : Math.max(...map.values()) / total;
};

export const topTemplateShare = (f: Figures): number => Math.max(0, ...[...f.perTemplate.values()].map(share));

/** Per wording, the larger of its true share and its false share; the worst over all wordings seen 10+ times. */
export const wordingShare = (f: Figures): number =>
  Math.max(0, ...[...f.wordings.values()].filter(([, n]) => n >= 10).map(([t, n]) => Math.max(t, n - t) / n));

function checkOne(view: PuzzleView, meta: PuzzleMeta, explanation: string, difficulty: Difficulty): string[] {
  const out: string[] = [];
  const explanationWords = words(explanation);
  if (/\(P\d+\)|§/.test(explanation)) out.push('explanation names an internal rule code');
  const yamlLines = view.code ? view.code.text.trimEnd().split('\n').length : 0;
  if (yamlLines > 16) out.push(`code has ${yamlLines} lines`);
  if (view.table && view.table.columns.length > 5) out.push(`table has ${view.table.columns.length} columns`);
  if (difficulty === 'hard' && meta.rules.length < 2) out.push(`hard puzzle exercises ${meta.rules.length} rule(s)`);
  const unknown = (meta.rules as unknown[]).filter((r) => !isRuleId(r));
  if (unknown.length > 0) out.push(`unknown rule ids ${unknown.join(', ')}`);
  if ((view.format === 'single' || view.format === 'number') && explanationWords > 65) out.push(`explanation of ${explanationWords} words`);
  if (view.format === 'order' && meta.answerKey !== null) out.push('order puzzle with an answerKey');
  if (view.format !== 'order' && meta.answerKey === null) out.push('no answerKey');
  if (view.format === 'multi') {
    const truths = meta.statements?.map((s) => s.truth) ?? [];
    if (!truths.includes(true) || !truths.includes(false)) out.push('multi without both a true and a false statement');
  }
  return out;
}

function randomOrder(ids: readonly string[], seed: string): string[] {
  return createRng(seed).shuffle(ids);
}

function baselines<P>(kind: PuzzleKind<P>, difficulty: Difficulty): Figures['baselines'] {
  let untouched = 0;
  let reversed = 0;
  let random = 0;
  let n = 0;
  // Over ORDER_SEEDS order puzzles: a kind that mixes formats is drawn until that many are orders.
  for (let i = 0; n < ORDER_SEEDS && i < ORDER_SEEDS * 20; i++) {
    const puzzle = kind.generate(`baseline-${i}`, difficulty);
    const view = kind.publicView(puzzle);
    if (view.format !== 'order') continue;
    const shown = view.items.map((item) => item.id);
    untouched += kind.grade(puzzle, shown).score;
    reversed += kind.grade(puzzle, [...shown].reverse()).score;
    random += kind.grade(puzzle, randomOrder(shown, `random-${i}`)).score;
    n++;
  }
  return n === 0 ? null : { untouched: untouched / n, reversed: reversed / n, random: random / n };
}

export function measure<P>(kind: PuzzleKind<P>, difficulty: Difficulty): Figures {
  const f: Figures = {
    puzzles: FIGURE_SEEDS, format: 'mixed', declared: kind.templates[difficulty], templates: new Map(), answers: new Map(),
    perTemplate: new Map(), wordings: new Map(), problems: [], baselines: null,
  };
  const formats = new Set<PuzzleView['format']>();
  for (let i = 0; i < FIGURE_SEEDS; i++) {
    const seed = `figures-${i}`;
    const puzzle = kind.generate(seed, difficulty);
    const view = kind.publicView(puzzle);
    const meta = kind.meta(puzzle);
    const grade = kind.grade(puzzle, kind.solve(puzzle));
    formats.add(view.format);
    bump(f.templates, meta.template);
    if (!kind.templates[difficulty].includes(meta.template)) f.problems.push(`${seed}: template ${meta.template} not declared`);
    f.problems.push(...checkOne(view, meta, grade.explanation, difficulty).map((p) => `${seed}: ${p}`));
    if ((view.format === 'single' || view.format === 'number') && meta.answerKey !== null) {
      bump(f.answers, meta.answerKey);
      const per = f.perTemplate.get(meta.template) ?? new Map<string, number>();
      bump(per, meta.answerKey);
      f.perTemplate.set(meta.template, per);
    }
    for (const s of meta.statements ?? []) {
      const [t, n] = f.wordings.get(s.wording) ?? [0, 0];
      f.wordings.set(s.wording, [t + (s.truth ? 1 : 0), n + 1]);
    }
  }
  f.format = formats.size === 1 ? [...formats][0]! : 'mixed';
  if (formats.has('order')) f.baselines = baselines(kind, difficulty);
  return f;
}

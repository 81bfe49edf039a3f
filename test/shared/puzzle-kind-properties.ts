// The properties every puzzle kind must hold, run over many seeds at every difficulty.
// Each kind's own test file calls checkPuzzleKind(kind); test/shared/puzzle-kinds.test.ts runs the whole registry.
import { describe, expect, it } from 'vitest';
import { type Answer, type PuzzleKind, type PuzzleView } from '../../shared/puzzles/kind.ts';
import { levelsOf } from '../../shared/puzzles/levels.ts';
import { answerAs, choicesOf } from '../../shared/puzzles/answers.ts';

export const SEEDS = 500;
const seeds = Array.from({ length: SEEDS }, (_, i) => `seed-${i}`);
const ANSWER_LIKE_KEY = /solution|answer|correct|explanation|grade|score|expected|right/i;

function keysOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      keysOf(v, out);
    }
  }
  return out;
}

/** Answers that must score below 1: every other single option, the complement of a multi, a reversed order, a far-off number. */
export function wrongAnswers(view: PuzzleView, solution: Answer): Answer[] {
  switch (view.format) {
    case 'single':
      return view.options.map((o) => o.id).filter((id) => id !== solution);
    case 'multi': {
      const picked = answerAs('multi', solution) ?? [];
      return [view.options.map((o) => o.id).filter((id) => !picked.includes(id))];
    }
    case 'order':
      return [[...(answerAs('order', solution) ?? [])].reverse()];
    case 'number':
      return [(answerAs('number', solution) ?? 0) * 3 + 100, -1];
  }
}

const junk: unknown[] = [
  undefined, null, 42, -1, NaN, Infinity, '', 'zzz', ['zzz'], [1, 2], {}, { id: 'a' }, [[]], true,
  'x'.repeat(100_000), Array.from({ length: 10_000 }, (_, i) => `i${i}`), ['a', 'a'],
];

/** A fingerprint of the content, ignoring where options landed: what makes two puzzles really differ. */
export function contentKey(view: PuzzleView): string {
  const labels = choicesOf(view).map((o) => o.label).sort();
  return JSON.stringify([view.prompt, view.code, view.table, view.format === 'number' ? view.unit : null, labels]);
}

/** A kubernetes.io section; for the ecosystem tools kubernetes.io does not document (k9s, stern, Lens, kubectx), the
 *  section of the tool's own documentation; for a kernel rule kubernetes.io gets wrong (signals), the Linux man page. */
export const DOC_URL = /^https:\/\/(kubernetes\.io\/docs\/.+|man7\.org\/linux\/man-pages\/.+|github\.com\/(derailed\/k9s|stern\/stern|lensapp\/lens|ahmetb\/kubectx)|helm\.sh\/docs\/.+|docs\.k8slens\.dev\/.+)#.+/;

export function checkPuzzleKind<P>(kind: PuzzleKind<P>, minDistinct = 100): void {
  describe.each([...levelsOf(kind)])(`${kind.id} (%s)`, (difficulty) => {
    const puzzles = seeds.map((seed) => ({ seed, puzzle: kind.generate(seed, difficulty) }));

    it('generates the same puzzle for the same seed', () => {
      for (const { seed, puzzle } of puzzles.slice(0, 100)) {
        expect(kind.generate(seed, difficulty)).toEqual(puzzle);
      }
    });

    it('scores its own solution 1, with an explanation and a kubernetes.io link', () => {
      for (const { puzzle } of puzzles) {
        const grade = kind.grade(puzzle, kind.solve(puzzle));
        expect(grade).toMatchObject({ score: 1, correct: true });
        expect(grade.explanation.length).toBeGreaterThan(20);
        // The room sees this explanation at the reveal, whatever each player answered: no verdict in it.
        expect(grade.explanation).not.toMatch(/^(Right|Correct|Wrong|Not quite|Well done)\b/i);
        expect(grade.docUrl).toMatch(DOC_URL);
      }
    });

    it('scores every wrong answer below 1 and still explains', () => {
      for (const { puzzle } of puzzles) {
        const view = kind.publicView(puzzle);
        for (const wrong of wrongAnswers(view, kind.solve(puzzle))) {
          const grade = kind.grade(puzzle, wrong);
          expect(grade.score, JSON.stringify({ view, wrong })).toBeLessThan(1);
          expect(grade.correct).toBe(false);
          expect(grade.explanation.length).toBeGreaterThan(20);
        }
      }
    });

    it('never throws on junk, and scores it 0', () => {
      for (const { puzzle } of puzzles.slice(0, 50)) {
        const numeric = kind.publicView(puzzle).format === 'number';
        for (const answer of junk.filter((j) => !(numeric && Number.isFinite(j)))) {
          const grade = kind.grade(puzzle, answer);
          expect(grade.score).toBe(0);
          expect(grade.correct).toBe(false);
        }
      }
    });

    it('keeps the solution out of the public view', () => {
      for (const { puzzle } of puzzles) {
        const view = kind.publicView(puzzle);
        const json = JSON.stringify(view);
        expect(keysOf(JSON.parse(json)).filter((k) => ANSWER_LIKE_KEY.test(k))).toEqual([]);
        expect(view.kind).toBe(kind.id);
        expect(view.prompt.length).toBeGreaterThan(10);
        if (view.format === 'order') {
          const shown = view.items.map((i) => i.id);
          expect(kind.grade(puzzle, shown).score, `shown solved: ${json}`).toBeLessThan(1);
        }
        if (view.format === 'single' || view.format === 'multi') expect(view.options.length).toBeGreaterThan(1);
      }
    });

    it('does not stick the correct option at one position', () => {
      const positions = new Map<number, number>();
      let asked = 0;
      for (const { puzzle } of puzzles) {
        const view = kind.publicView(puzzle);
        if (view.format !== 'single') continue;
        asked++;
        const at = view.options.findIndex((o) => o.id === kind.solve(puzzle));
        positions.set(at, (positions.get(at) ?? 0) + 1);
      }
      if (asked === 0) return;
      expect(positions.has(-1)).toBe(false);
      expect(positions.size).toBeGreaterThan(1);
      expect(Math.max(...positions.values()) / asked).toBeLessThan(0.75);
    });

    it('records its template and explains in lines whose texts make the explanation', () => {
      for (const { puzzle } of puzzles.slice(0, 100)) {
        const meta = kind.meta(puzzle);
        expect(kind.templates[difficulty]).toContain(meta.template);
        expect(meta.template.startsWith(`${kind.id}/`)).toBe(true);
        const grade = kind.grade(puzzle, kind.solve(puzzle));
        expect(grade.lines.length).toBeGreaterThan(0);
        expect(grade.explanation).toBe(grade.lines.map((l) => l.text.trim()).filter(Boolean).join(' '));
      }
    });

    it('gives nothing for doing nothing: an order as shown or reversed, a multi-select empty or full', () => {
      for (const { puzzle } of puzzles.slice(0, 200)) {
        const view = kind.publicView(puzzle);
        if (view.format === 'order') {
          const shown = view.items.map((i) => i.id);
          expect(kind.grade(puzzle, shown).score).toBe(0);
          expect(kind.grade(puzzle, [...shown].reverse()).score).toBe(0);
        }
        if (view.format === 'multi') {
          expect(kind.grade(puzzle, []).score).toBe(0);
          expect(kind.grade(puzzle, view.options.map((o) => o.id)).score).toBe(0);
        }
      }
    });

    it(`produces at least ${minDistinct} distinct puzzles`, () => {
      const distinct = new Set(puzzles.map(({ puzzle }) => contentKey(kind.publicView(puzzle))));
      expect(distinct.size).toBeGreaterThanOrEqual(minDistinct);
    });
  });
}

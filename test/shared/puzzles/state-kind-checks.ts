// Checks shared by the answer-first state kinds (pod-phase, kubectl-status, pod-conditions): the answer comes from the
// model, every template draws several answers, hard puzzles rest on two rules, and explanation lines are short and
// point at cells and lines that exist.
import { describe, expect, it } from 'vitest';
import type { Difficulty } from '../../../shared/puzzles/kind.ts';
import type { StatePuzzle } from '../../../shared/puzzles/state-kind.ts';
import { restartsWithin } from '../../../shared/model/backoff.ts';

interface StateKindLike<Q> {
  id: string;
  templates: Record<Difficulty, readonly string[]>;
  generate(seed: string, d: Difficulty): StatePuzzle<Q>;
  solve(p: StatePuzzle<Q>): string;
  grade(p: StatePuzzle<Q>, answer: unknown): { score: number; explanation: string; lines: { text: string; evidence?: { cells?: { row: number; column: number }[]; codeLines?: number[]; optionIds?: string[] } }[] };
  meta(p: StatePuzzle<Q>): { template: string; rules: string[]; answerKey: string | null };
}

const LEVELS: Difficulty[] = ['easy', 'medium', 'hard'];
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

export function checkStateKind<Q>(kind: StateKindLike<Q>, answerOf: (p: StatePuzzle<Q>) => string, seeds = 300): void {
  describe.each(LEVELS)(`${kind.id} (%s) as a state kind`, (difficulty) => {
    const puzzles = Array.from({ length: seeds }, (_, i) => kind.generate(`state-${i}`, difficulty));

    it('takes every answer from the model, and the answer key is that answer', () => {
      for (const p of puzzles) {
        const label = p.options.find((o) => o.id === kind.solve(p))?.label;
        expect(label).toBe(answerOf(p));
        expect(kind.meta(p).answerKey).not.toBeNull();
      }
    });

    it('never shows more restarts than the back-off allows in the time since startTime', () => {
      for (const p of puzzles) {
        const since = p.facts.deadline?.secondsSinceStart;
        if (since === undefined) continue;
        for (const c of [...p.facts.initContainers, ...p.facts.containers]) {
          expect(c.restartCount ?? 0, `${kind.meta(p).template}: ${c.name} after ${since} s`).toBeLessThanOrEqual(Math.max(1, restartsWithin(since)));
        }
      }
    });

    it('gives every template at least three answers and keeps to its own level', () => {
      const byTemplate = new Map<string, Set<string>>();
      for (const p of puzzles) {
        const m = kind.meta(p);
        expect(kind.templates[difficulty]).toContain(m.template);
        byTemplate.set(m.template, (byTemplate.get(m.template) ?? new Set()).add(m.answerKey ?? ''));
      }
      for (const [template, answers] of byTemplate) expect(answers.size, template).toBeGreaterThanOrEqual(3);
    });

    it(`records the rules it exercises${difficulty === 'hard' ? ', at least two on hard' : ''}`, () => {
      for (const p of puzzles) expect(kind.meta(p).rules.length, kind.meta(p).template).toBeGreaterThanOrEqual(difficulty === 'hard' ? 2 : 1);
    });

    it('explains in one to three lines, at most about 60 words, pointing at cells and lines that exist', () => {
      for (const p of puzzles) {
        for (const o of p.options) {
          const g = kind.grade(p, o.id);
          expect(g.lines.length).toBeGreaterThanOrEqual(1);
          expect(g.lines.length).toBeLessThanOrEqual(3);
          expect(words(g.explanation), g.explanation).toBeLessThanOrEqual(62);
          expect(g.explanation).not.toMatch(/\(P\d+\)|\bP\d+\b/);
          for (const line of g.lines) {
            for (const cell of line.evidence?.cells ?? []) {
              expect(p.table?.rows[cell.row]?.[cell.column], `${kind.meta(p).template}: ${line.text}`).toBeDefined();
            }
            const lineCount = p.code ? p.code.text.split('\n').length : 0;
            for (const n of line.evidence?.codeLines ?? []) expect(n >= 1 && n <= lineCount, `${kind.meta(p).template}: line ${n}`).toBe(true);
          }
        }
      }
    });

    it('never shows a container still running once the kill after a passed deadline is over (30 s grace)', () => {
      for (const p of puzzles) {
        const d = (p.facts as { deadline?: { activeDeadlineSeconds: number; secondsSinceStart?: number; endedAtSeconds?: number } }).deadline;
        if (!d || d.secondsSinceStart === undefined || d.endedAtSeconds !== undefined) continue;
        if (d.secondsSinceStart - d.activeDeadlineSeconds <= 30) continue;
        const all = [...p.facts.initContainers, ...p.facts.containers];
        expect(all.filter((c) => c.state === 'running' || c.state === 'waiting').map((c) => c.name), kind.meta(p).template).toEqual([]);
      }
    });

    it('fits the back of a room: at most 5 columns and 16 lines of code', () => {
      for (const p of puzzles) {
        expect(p.table?.columns.length ?? 0).toBeLessThanOrEqual(5);
        expect(p.code ? p.code.text.split('\n').length : 0).toBeLessThanOrEqual(16);
      }
    });
  });
}

// Building grades and metadata the same way in every kind: the explanation is always the lines' texts joined,
// and correct always means a full score.
import type { RuleId } from '../model/rules/index.ts';
import { answerIds, answerLabels } from './answers.ts';
import type { Answer, ExplanationLine, Grade, PuzzleMeta, PuzzleView } from './kind.ts';

export function gradeOf(score: number, lines: readonly ExplanationLine[], docUrl: string): Grade {
  const clamped = Number.isFinite(score) ? Math.min(Math.max(score, 0), 1) : 0;
  return {
    score: clamped,
    correct: clamped === 1,
    explanation: lines.map((l) => l.text.trim()).filter(Boolean).join(' '),
    lines: lines.map((l) => ({ ...l })),
    docUrl,
  };
}

/** A grade whose explanation is one line (kinds not yet split into lines with evidence). */
export const oneLineGrade = (score: number, explanation: string, docUrl: string): Grade =>
  gradeOf(score, [{ text: explanation }], docUrl);

/**
 * Metadata read off the view and the solution, for kinds whose generator does not yet record its rules: the answer
 * key is the solution's label as shown (instance names not masked), multi statements are keyed by their label.
 */
export function metaFromView(view: PuzzleView, solution: Answer, template: string, rules: RuleId[] = []): PuzzleMeta {
  switch (view.format) {
    case 'order':
      return { template, rules, answerKey: null };
    case 'multi': {
      const truths = new Set(answerIds('multi', solution));
      const statements = view.options.map((o) => ({ optionId: o.id, wording: o.label, truth: truths.has(o.id) }));
      return { template, rules, answerKey: answerLabels(view, solution).join(' + '), statements };
    }
    case 'single':
    case 'number':
      return { template, rules, answerKey: answerLabels(view, solution)[0] ?? null };
  }
}

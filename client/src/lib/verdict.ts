// The words and icon for a graded answer. Partial credit (ordering, multi) gets its own verdict.
import type { Grade } from '../../../shared/puzzles/kind.ts';

export interface Verdict {
  text: string;
  icon: string;
  tone: 'good' | 'partial' | 'bad';
}

export function verdictOf(grade: Pick<Grade, 'score' | 'correct'>, answered = true): Verdict {
  if (!answered) return { text: 'No answer in time', icon: '–', tone: 'bad' };
  if (grade.correct) return { text: 'Right!', icon: '✓', tone: 'good' };
  if (grade.score > 0) return { text: `Partly right (${Math.round(grade.score * 100)}%)`, icon: '◐', tone: 'partial' };
  return { text: 'Not quite', icon: '✗', tone: 'bad' };
}

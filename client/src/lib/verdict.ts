// The words and icon for a graded answer. Partial credit (ordering, multi) gets its own verdict.
import type { IconName } from './icons.ts';
import type { Grade } from '../../../shared/puzzles/kind.ts';

export interface Verdict {
  text: string;
  icon: IconName;
  tone: 'good' | 'partial' | 'bad';
}

export function verdictOf(grade: Pick<Grade, 'score' | 'correct'>, answered = true): Verdict {
  if (!answered) return { text: 'No answer in time', icon: 'dash', tone: 'bad' };
  if (grade.correct) return { text: 'Right!', icon: 'check', tone: 'good' };
  if (grade.score > 0) return { text: `Partly right (${Math.round(grade.score * 100)}%)`, icon: 'partial', tone: 'partial' };
  return { text: 'Not quite', icon: 'cross', tone: 'bad' };
}

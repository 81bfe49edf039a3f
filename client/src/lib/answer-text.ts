// An answer in words, from the labels of the view: "wait-db → migrate → app", "30 seconds", "Network, IPC".
import type { Answer, PuzzleView } from '../../../shared/puzzles/kind.ts';
import { answerLabels } from '../../../shared/puzzles/answers.ts';

export function answerText(view: PuzzleView, answer: Answer): string {
  const words = answerLabels(view, answer);
  if (view.format === 'order') return words.join(' → ');
  return words.length > 0 ? words.join(', ') : 'none of them';
}

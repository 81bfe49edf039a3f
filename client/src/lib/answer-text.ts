// An answer in words, from the labels of the view: "wait-db → migrate → app", "30 seconds", "Network, IPC".
import type { Answer, PuzzleView } from '../../../shared/puzzles/kind.ts';

export function answerText(view: PuzzleView, answer: Answer): string {
  if (typeof answer === 'number') return view.unit ? `${answer} ${view.unit}` : String(answer);
  const labels = new Map([...(view.options ?? []), ...(view.items ?? [])].map((o) => [o.id, o.label]));
  const ids = typeof answer === 'string' ? [answer] : answer;
  const words = ids.map((id) => labels.get(id) ?? id);
  if (view.format === 'order') return words.join(' → ');
  return words.length > 0 ? words.join(', ') : 'none of them';
}

// A revealed solution as a list of labels (one per line on screen): option or item labels in order, or the number with its unit.
import type { Answer, PuzzleView } from '../../../shared/puzzles/kind.ts';

export function solutionText(puzzle: PuzzleView, solution: Answer): string[] {
  if (typeof solution === 'number') return [`${solution}${puzzle.unit ? ` ${puzzle.unit}` : ''}`];
  const labels = new Map([...(puzzle.options ?? []), ...(puzzle.items ?? [])].map((o) => [o.id, o.label]));
  const ids = Array.isArray(solution) ? solution : [solution];
  return ids.map((id) => labels.get(id) ?? id);
}

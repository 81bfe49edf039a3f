// Which layouts a projector screen may try for its content, best first (fit.ts keeps the one that fits at the
// largest text). With a pod spec or a table, the answers go beside it: the YAML is read while the options are.
import type { PuzzleView } from '../../../shared/puzzles/kind.ts';

const sideOf = (p: PuzzleView) => ({ code: Boolean(p.code), table: Boolean(p.table) });

export function questionLayouts(puzzle: PuzzleView): string[] {
  const { code, table } = sideOf(puzzle);
  if (code && table) return ['beside', 'three', 'beside-wide', 'stacked'];
  if (code || table) return ['beside', 'beside-wide', 'stacked', 'stacked-2'];
  return puzzle.format === 'single' || puzzle.format === 'multi' ? ['grid', 'list'] : ['list', 'list-2'];
}

export function revealLayouts(puzzle: PuzzleView): string[] {
  const { code, table } = sideOf(puzzle);
  if (code && table) return ['rboth', 'r3', 'r2', 'r2c', 'r2b', 'rwide', 'rs'];
  if (code || table) return ['r3', 'r2', 'r2c', 'r2b', 'rwide', 'rs'];
  return ['a2', 'as'];
}

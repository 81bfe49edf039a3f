// A revealed solution as a list of labels (one per line on screen): option or item labels in order, or the number with its unit.
import type { Answer, PuzzleView } from '../../../shared/puzzles/kind.ts';
import { answerLabels } from '../../../shared/puzzles/answers.ts';

export const solutionText = (puzzle: PuzzleView, solution: Answer): string[] => answerLabels(puzzle, solution);

// The one props type every answer widget takes (single, multi, order, number) and the renderer passes on, so a
// widget's contract and its floors are defined in one place.
import type { Answer, PuzzleView } from '../../../shared/puzzles/kind.ts';

export interface AnswerWidgetProps {
  view: PuzzleView;
  /** Read-only: a screen that only shows the puzzle, the connection down, or an answer being sent. */
  disabled?: boolean;
  /** An answer already sent (e.g. before a reconnect): the widget shows it, locked. */
  sent?: Answer | null;
  /** After the reveal: the right answer, marked in choice formats. */
  correct?: Answer | null;
  onanswer: (answer: Answer) => void;
  /** After grading: option or item id → the explanation lines (1-based) about it, shown as numbers. */
  marks?: ReadonlyMap<string, number[]> | null;
}

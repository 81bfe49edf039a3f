// The one props type every answer widget takes (single, multi, order, number), by format, so a widget's contract
// and its floors are defined in one place: a single-choice widget gets a SingleView and answers with one id.
import type { AnswerByFormat, PuzzleFormat, ViewOf } from '../../../shared/puzzles/kind.ts';

export interface AnswerWidgetProps<F extends PuzzleFormat> {
  view: ViewOf<F>;
  /** Read-only: a screen that only shows the puzzle, the connection down, or an answer being sent. */
  disabled?: boolean;
  /** An answer already sent (e.g. before a reconnect): the widget shows it, locked. */
  sent?: AnswerByFormat[F] | null;
  /** After the reveal: the right answer, marked in choice formats. */
  correct?: AnswerByFormat[F] | null;
  onanswer: (answer: AnswerByFormat[F]) => void;
  /** After grading: option or item id → the explanation lines (1-based) about it, shown as numbers. */
  marks?: ReadonlyMap<string, number[]> | null;
}

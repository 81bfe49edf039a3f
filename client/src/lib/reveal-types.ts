// What the reveal explains with: short lines pointing at their evidence, and an optional picture drawn from the
// model's data. These mirror the puzzle contract (shared/puzzles/kind.ts) so every screen imports them from here.

/** What an explanation line points at, so the reveal can highlight it beside the answer. */
export interface Evidence {
  /** 1-based line numbers in view.code.text */
  codeLines?: number[];
  /** 0-based into view.table.rows / columns */
  cells?: { row: number; column: number }[];
  optionIds?: string[];
  itemIds?: string[];
}

export interface ExplanationLine {
  text: string;
  evidence?: Evidence;
}

export type MarkTone = 'start' | 'ok' | 'fail' | 'restart' | 'ready' | 'stop' | 'wait';

export interface TimelinePicture {
  type: 'timeline';
  unit: 's';
  /** The axis runs 0..end seconds. */
  end: number;
  tracks: { label: string; marks: { at: number; label: string; tone: MarkTone }[] }[];
  /** Where the asked-for moment is. */
  answerAt?: number;
}

export interface SequencePicture {
  type: 'sequence';
  lanes: { label: string; steps: { id: string; label: string; note?: string }[] }[];
}

export type Picture = TimelinePicture | SequencePicture;

// What the reveal explains with: short lines pointing at their evidence, and an optional picture drawn from the
// model's data. The puzzle contract (shared/puzzles/kind.ts) defines them; the pictures' parts are named here.
import type { Evidence, ExplanationLine, Picture } from '../../../shared/puzzles/kind.ts';

export type { Evidence, ExplanationLine, Picture };
export type TimelinePicture = Extract<Picture, { type: 'timeline' }>;
export type SequencePicture = Extract<Picture, { type: 'sequence' }>;
export type MarkTone = TimelinePicture['tracks'][number]['marks'][number]['tone'];

// The arithmetic of a reveal's timeline picture: where a mark sits on the axis, which ticks to label, the legend,
// and the sentence a screen reader hears instead of the drawing.
import type { MarkTone, TimelinePicture } from './reveal-types.ts';

/** 0..100 along the axis; times outside 0..end are pinned to the ends. */
export const percentAt = (at: number, end: number): number => (end > 0 ? Math.min(100, Math.max(0, (at / end) * 100)) : 0);

/** At most `most` evenly spaced round ticks (1, 2, 5 × 10^n seconds), from 0 to past the end. */
export function ticks(end: number, most = 7): number[] {
  if (!(end > 0)) return [0];
  const raw = end / (most - 1);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const out: number[] = [];
  for (let t = 0; t <= end + 1e-9; t += step) out.push(Math.round(t * 1000) / 1000);
  return out;
}

export interface LegendEntry {
  tone: MarkTone;
  label: string;
}

/** Each (tone, label) once, in order of first appearance. */
export function legendOf(picture: TimelinePicture): LegendEntry[] {
  const seen = new Map<string, LegendEntry>();
  for (const track of picture.tracks) {
    for (const mark of track.marks) seen.set(`${mark.tone}|${mark.label}`, { tone: mark.tone, label: mark.label });
  }
  return [...seen.values()];
}

export function timelineSummary(picture: TimelinePicture): string {
  const tracks = picture.tracks.map((t) => `${t.label}: ${t.marks.map((m) => `${m.label} at ${m.at} s`).join(', ')}`);
  const answer = picture.answerAt === undefined ? '' : ` The answer is at ${picture.answerAt} s.`;
  return `${tracks.join('. ')}.${answer}`;
}

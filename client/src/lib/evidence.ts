// Which explanation lines point at which code line, table cell, option or order item: the reveal numbers the lines
// and puts the same number beside what each one talks about, so the link is told by a number, not by colour alone.
import type { Evidence, ExplanationLine, Picture } from './reveal-types.ts';

export interface EvidenceMarks {
  /** 1-based code line → the 1-based explanation lines about it. */
  code: Map<number, number[]>;
  /** "row:column" → explanation lines. */
  cells: Map<string, number[]>;
  options: Map<string, number[]>;
  items: Map<string, number[]>;
}

export const cellKey = (row: number, column: number): string => `${row}:${column}`;

function add<K>(map: Map<K, number[]>, key: K, line: number): void {
  const list = map.get(key) ?? [];
  if (!list.includes(line)) list.push(line);
  map.set(key, list);
}

export function evidenceMarks(lines: readonly ExplanationLine[]): EvidenceMarks {
  const marks: EvidenceMarks = { code: new Map(), cells: new Map(), options: new Map(), items: new Map() };
  lines.forEach(({ evidence }, i) => {
    const n = i + 1;
    const e: Evidence = evidence ?? {};
    for (const line of e.codeLines ?? []) add(marks.code, line, n);
    for (const { row, column } of e.cells ?? []) add(marks.cells, cellKey(row, column), n);
    for (const id of e.optionIds ?? []) add(marks.options, id, n);
    for (const id of e.itemIds ?? []) add(marks.items, id, n);
  });
  return marks;
}

/** True when some line points at something on screen: only then are the lines numbered. */
export function hasEvidence(marks: EvidenceMarks): boolean {
  return marks.code.size + marks.cells.size + marks.options.size + marks.items.size > 0;
}

/** The lines to show: the reveal's own, else the explanation cut into sentences (one statement per line). */
export function explanationLines(lines: readonly ExplanationLine[] | undefined, explanation: string): ExplanationLine[] {
  if (lines && lines.length > 0) return [...lines];
  return splitSentences(explanation).map((text) => ({ text }));
}

/** Sentences end at . ! or ? followed by a space and a capital or a backtick; "e.g. x" and "1.5 s" stay whole. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z`(])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const sameWords = (a: string): string => a.replace(/[`.]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();

/** The picture without the sequence notes that repeat an explanation line word for word (shown beside it anyway). */
export function withoutRepeatedNotes(picture: Picture, lines: readonly string[]): Picture {
  if (picture.type !== 'sequence') return picture;
  const said = new Set(lines.map(sameWords));
  return {
    ...picture,
    lanes: picture.lanes.map((lane) => ({
      ...lane,
      steps: lane.steps.map(({ note, ...step }) => (note === undefined || said.has(sameWords(note)) ? step : { ...step, note })),
    })),
  };
}

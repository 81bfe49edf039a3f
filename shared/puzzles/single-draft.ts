// A single-choice puzzle built answer-first by a template: the options with the reason each is right or wrong, the
// answer as a player reads it (masked), the rules it exercises. Shared by same-pod, kubectl-debug and which-tool.
import type { RuleId } from '../model/rules/index.ts';
import type { Rng } from '../random.ts';
import { asOptionId } from './answers.ts';
import { shuffledChoices } from './choice.ts';
import { gradeOf } from './grade.ts';
import type { Choice, CodeBlock, Difficulty, ExplanationLine, Grade, PuzzleMeta, SingleView, TableBlock } from './kind.ts';

export interface DraftOption {
  label: string;
  correct: boolean;
  /** One short sentence: why this option is wrong (shown to whoever picked it). Unused for the correct one. */
  why: string;
}

export interface SingleDraft {
  template: string;
  prompt: string;
  code?: CodeBlock;
  table?: TableBlock;
  options: DraftOption[];
  /** The correct answer as a player reads it, instance names masked ('One pod: shares localhost'). */
  answerKey: string;
  rules: RuleId[];
  /** 1–2 short lines: why the correct answer is right, the rule named in words. */
  because: ExplanationLine[];
  docUrl: string;
}

export interface SinglePuzzle extends SingleDraft {
  difficulty: Difficulty;
  choices: Choice[];
}

/** "payments's pod" → "payments' pod": the possessive of a name that ends in s, as docs/rules pages write it. */
const possessives = (t: string): string => t.replace(/s(`?)'s\b/g, "s$1'");

function polished(draft: SingleDraft): SingleDraft {
  return {
    ...draft,
    prompt: possessives(draft.prompt),
    options: draft.options.map((o) => ({ ...o, label: possessives(o.label), why: possessives(o.why) })),
    because: draft.because.map((l) => ({ ...l, text: possessives(l.text) })),
  };
}

/** Shuffle the options into lettered choices; exactly one option must be correct and labels must differ. */
export function seal(rng: Rng, difficulty: Difficulty, raw: SingleDraft): SinglePuzzle {
  const draft = polished(raw);
  const labels = draft.options.map((o) => o.label);
  if (draft.options.filter((o) => o.correct).length !== 1) throw new Error(`${draft.template}: exactly one correct option`);
  if (new Set(labels).size !== labels.length) throw new Error(`${draft.template}: duplicate option labels`);
  return { ...draft, difficulty, choices: shuffledChoices(rng, labels) };
}

const optionOf = (p: SinglePuzzle, id: string): DraftOption | undefined => {
  const label = p.choices.find((c) => c.id === id)?.label;
  return p.options.find((o) => o.label === label);
};

export function solveSingle(p: SinglePuzzle): string {
  const right = p.options.find((o) => o.correct)!;
  return p.choices.find((c) => c.label === right.label)!.id;
}

export function singleView(kind: string, p: SinglePuzzle): SingleView {
  return {
    kind,
    format: 'single',
    prompt: p.prompt,
    options: p.choices.map((c) => ({ id: c.id, label: c.label })),
    ...(p.code ? { code: { language: p.code.language, text: p.code.text } } : {}),
    ...(p.table ? { table: { columns: [...p.table.columns], rows: p.table.rows.map((r) => [...r]) } } : {}),
  };
}

/** 1 for the correct option; the lines say why, and why the picked option was wrong when it was. Never throws. */
export function gradeSingle(p: SinglePuzzle, answer: unknown): Grade {
  const rightId = solveSingle(p);
  const id = asOptionId(answer, p.choices);
  const picked = id === null ? undefined : optionOf(p, id);
  const because = p.because.map((l) => ({ ...l, evidence: { ...l.evidence, optionIds: [rightId] } }));
  const lines: ExplanationLine[] = picked && !picked.correct
    ? [{ text: picked.why, evidence: { optionIds: [id!] } }, ...because]
    : because;
  return gradeOf(picked?.correct ? 1 : 0, lines, p.docUrl);
}

export function singleMeta(p: SinglePuzzle): PuzzleMeta {
  return { template: p.template, rules: [...p.rules], answerKey: p.answerKey };
}

/** A question template: the answers it can have, drawn evenly (answer first), and how to build a puzzle for one. */
export interface SingleTemplate {
  id: string;
  /** Answer categories; each puzzle draws one uniformly, so no answer dominates the template. */
  answers: readonly string[];
  make(rng: Rng, answer: string): SingleDraft;
}

export function draftSingle(rng: Rng, t: SingleTemplate): SingleDraft {
  return t.make(rng, rng.pick(t.answers));
}

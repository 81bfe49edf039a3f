// TEMPORARY: the content contract's types (notes/content-contract.md) until Phase A lands them in kind.ts.
// Everything here is replaced by an import from './kind.ts' at the merge.
export interface CodeBlock { language: 'yaml' | 'shell' | 'text'; text: string }
export interface TableBlock { columns: string[]; rows: string[][] }
export interface Evidence {
  codeLines?: number[];
  cells?: { row: number; column: number }[];
  optionIds?: string[];
  itemIds?: string[];
}
export interface ExplanationLine { text: string; evidence?: Evidence }
export interface PuzzleMeta {
  template: string;
  rules: string[];
  answerKey: string | null;
}

// A round as the facilitator previews it: the view the projector will show, the right answer, the explanation
// lines and the picture of the reveal. For the facilitator only: it holds the answer (docs/protocol.md, "Quizzes").
import { kindById, type KindId } from '../puzzles/index.ts';
import { answerLabels } from '../puzzles/answers.ts';
import type { Answer, Difficulty, ExplanationLine, Picture, PuzzleView } from '../puzzles/kind.ts';
import type { QuizRound } from './quiz.ts';

export interface RoundPreview {
  /** 1-based position in the quiz. */
  round: number;
  kind: KindId;
  title: string;
  concept: string;
  difficulty: Difficulty;
  template: string;
  view: PuzzleView;
  solution: Answer;
  /** The solution in words, one entry per option or item, in order. */
  solutionLabels: string[];
  explanation: string;
  lines: ExplanationLine[];
  picture: Picture | null;
  docUrl: string;
}

export function previewRound(r: QuizRound, index: number): RoundPreview {
  const kind = kindById(r.kind);
  const puzzle = kind.generate(r.seed, r.difficulty);
  const view = kind.publicView(puzzle);
  const solution = kind.solve(puzzle);
  const grade = kind.grade(puzzle, solution);
  return {
    round: index + 1, kind: r.kind, title: kind.title, concept: kind.concept, difficulty: r.difficulty,
    template: kind.meta(puzzle).template, view, solution, solutionLabels: answerLabels(view, solution),
    explanation: grade.explanation, lines: grade.lines, picture: kind.picture?.(puzzle) ?? null, docUrl: grade.docUrl,
  };
}

export const previewQuiz = (rounds: readonly QuizRound[]): RoundPreview[] => rounds.map(previewRound);

// Grades of a held question by answer. Grading is a pure function of the puzzle and the answer, and most players of
// a round give one of a few answers, so a 10,000-player round costs a handful of grades instead of 10,000 (grading
// a pod-phase answer was ~10 µs of the ~140 µs of server CPU per answer at 10,000 players: issue 14 profile). An
// answer is scored when it is taken (scoreOf: without the explanation where the kind can, since in 100 rooms closing
// together every room's wrong picks asked the model why not while other rooms' answers waited to be read) and
// graded in full at the reveal (each player's own explanation).
import { kindById } from '../puzzles/index.ts';
import type { Answer, Grade } from '../puzzles/kind.ts';
import type { QuestionState } from './state.ts';

/** Distinct answers remembered per question: 'order' and 'multi' answers can be many; past this they are graded
 *  each time (still correct, only slower). */
export const GRADES_PER_QUESTION = 512;

const byQuestion = new WeakMap<QuestionState, Map<string, Grade>>();

export function gradeOf(question: QuestionState, answer: Answer): Grade {
  let grades = byQuestion.get(question);
  if (!grades) byQuestion.set(question, (grades = new Map()));
  const key = JSON.stringify(answer);
  let grade = grades.get(key);
  if (grade === undefined) {
    grade = kindById(question.kind).grade(question.puzzle, answer);
    if (grades.size < GRADES_PER_QUESTION) grades.set(key, grade);
  }
  return grade;
}

/** gradeOf(question, answer).score; without writing the explanation when the kind scores on its own. */
export function scoreOf(question: QuestionState, answer: Answer): number {
  const grade = byQuestion.get(question)?.get(JSON.stringify(answer));
  if (grade !== undefined) return grade.score;
  const kind = kindById(question.kind);
  return kind.score ? kind.score(question.puzzle, answer) : gradeOf(question, answer).score;
}

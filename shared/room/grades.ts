// Grades of a held question by answer. Grading is a pure function of the puzzle and the answer, and most players of
// a round give one of a few answers, so a 10,000-player round costs a handful of grades instead of 10,000 (grading
// a pod-phase answer was ~10 µs of the ~140 µs of server CPU per answer at 10,000 players: issue 14 profile). Used
// when an answer is taken (its score) and at the reveal (each player's own explanation).
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

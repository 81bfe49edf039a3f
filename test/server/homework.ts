// The quiz the assignment tests play, and its right answers, regenerated from the rounds' seeds.
import { planOfQuiz, quizFromSettings, type Quiz } from '../../shared/quiz/index.ts';
import { kindById } from '../../shared/puzzles/index.ts';
import { settings } from './harness.ts';

export const homeworkQuiz = (): Quiz => quizFromSettings('Homework · pods', 'hw-seed', settings({ kinds: ['pod-phase', 'kubectl-debug'], rounds: 3, secondsPerRound: 30 }));

export function solutionOf(quiz: Quiz, round: number): unknown {
  const p = planOfQuiz(quiz.rounds)[round - 1]!;
  const kind = kindById(p.kind);
  return kind.solve(kind.generate(p.seed, p.difficulty));
}

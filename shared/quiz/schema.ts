// The parts of a quiz the socket protocol also checks (a room made from a quiz): its name and its rounds.
// Kept apart from quiz.ts so shared/protocol.ts can use them without importing itself back.
import { z } from 'zod';
import { limits } from '../limits.ts';
import { isKindId, type KindId } from '../puzzles/index.ts';
import { difficulties, type Difficulty } from '../puzzles/kind.ts';

export const quizLimits = { nameMaxChars: 80, seedMaxChars: 80, idMaxChars: 64 } as const;

/** One round as the quiz keeps it: the kind's generate(seed, difficulty) is the puzzle. */
export interface QuizRound {
  kind: KindId;
  difficulty: Difficulty;
  seed: string;
}

/** Controls, format characters and line separators go; what is left is trimmed. */
const cleanText = (text: string): string => text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '').trim();

export const QuizName = z
  .string()
  .max(quizLimits.nameMaxChars * 4)
  .transform(cleanText)
  .pipe(z.string().min(1, 'the quiz needs a name').max(quizLimits.nameMaxChars));

export const QuizRoundSchema = z.strictObject({
  kind: z.string().refine(isKindId, { message: 'unknown puzzle kind' }).transform((k) => k as KindId),
  difficulty: z.enum(difficulties as [Difficulty, ...Difficulty[]]),
  seed: z.string().min(1).max(quizLimits.seedMaxChars),
});

export const QuizRounds = z.array(QuizRoundSchema).min(1, 'a quiz has at least one round').max(limits.roundsMax);

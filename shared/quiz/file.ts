// A quiz as a file, so it travels to another Podium server: a format tag and a version, then the quiz itself.
// Reading a file never throws: anything that is not a quiz this server can play gets one sentence saying why.
import { z } from 'zod';
import { isKindId } from '../puzzles/index.ts';
import { QuizSchema, type Quiz } from './quiz.ts';

export const QUIZ_FORMAT = 'podium-quiz';
export const QUIZ_FILE_VERSION = 1;

export interface QuizFile {
  format: typeof QUIZ_FORMAT;
  version: typeof QUIZ_FILE_VERSION;
  quiz: Quiz;
}

export const quizFile = (quiz: Quiz): QuizFile => ({ format: QUIZ_FORMAT, version: QUIZ_FILE_VERSION, quiz });

export const quizFileName = (quiz: Quiz): string =>
  `${quiz.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'quiz'}.podium-quiz.json`;

export type ReadQuiz = { ok: true; quiz: Quiz } | { ok: false; error: string };

const Envelope = z.object({ format: z.literal(QUIZ_FORMAT), version: z.number().int(), quiz: z.unknown() });

/** The kinds a file names that this server does not have (it may come from a newer Podium). */
function unknownKinds(quiz: unknown): string[] {
  const rounds = (quiz as { rounds?: unknown } | null)?.rounds;
  if (!Array.isArray(rounds)) return [];
  const kinds = rounds.map((r) => (r as { kind?: unknown } | null)?.kind).filter((k): k is string => typeof k === 'string');
  return [...new Set(kinds.filter((k) => !isKindId(k)))].slice(0, 5);
}

export function readQuizFile(text: string): ReadQuiz {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not JSON: export a quiz from Podium and choose that file.' };
  }
  const envelope = Envelope.safeParse(data);
  if (!envelope.success) return { ok: false, error: 'This file is not a Podium quiz.' };
  if (envelope.data.version > QUIZ_FILE_VERSION) {
    return { ok: false, error: `This quiz was saved by a newer Podium (file version ${envelope.data.version}); update this server to open it.` };
  }
  return readQuiz(envelope.data.quiz);
}

/** A quiz object (from a file or a request body), checked. */
export function readQuiz(data: unknown): ReadQuiz {
  const missing = unknownKinds(data);
  if (missing.length > 0) return { ok: false, error: `This server has no puzzle kind ${missing.map((k) => `“${k.slice(0, 40)}”`).join(', ')}.` };
  const quiz = QuizSchema.safeParse(data);
  if (!quiz.success) {
    const issue = quiz.error.issues[0];
    return { ok: false, error: `This quiz is not valid: ${issue ? `${issue.path.join('.') || 'quiz'}: ${issue.message}` : 'unknown problem'}.` };
  }
  return { ok: true, quiz: quiz.data };
}

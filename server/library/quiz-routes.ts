// Saved quizzes: list (the key, or the browser's own tokens), create (anyone, rate-limited; the answer carries the
// quiz's token), read, replace, delete (the key or the quiz's token). Export and import are the client's: a quiz
// file is this JSON in an envelope (shared/quiz/file.ts), and importing one is creating a quiz.
import type { Request, Response, Router } from 'express';
import { QuizBody, TokenList, type CreatedQuiz, type QuizSummary, type SavedQuiz } from '../../shared/http-api.ts';
import { hashToken } from '../tokens.ts';
import { bearer, mayOpen, ownerOf } from './access.ts';
import { handle, type ApiDeps, type ApiHelpers } from './api.ts';
import type { QuizRecord } from './library-store.ts';

/** How many quizzes a list answers with. */
const LIST_MAX = 500;

export const summaryOf = (r: QuizRecord): QuizSummary => ({
  id: r.id, name: r.quiz.name, rounds: r.quiz.rounds.length, kinds: r.quiz.settings.kinds, createdAt: r.createdAt, updatedAt: r.updatedAt,
});
/** How many distinct tokens of a list opened at least one of the objects found. */
export const openedBy = (hashes: readonly string[], owners: readonly string[]): number => {
  const found = new Set(owners);
  return new Set(hashes.filter((h) => found.has(h))).size;
};
export const withIndex = <T extends object>(summary: T, index: number): T => (index < 0 ? summary : { ...summary, tokenIndex: index });
const savedOf = (r: QuizRecord): SavedQuiz => ({ ...summaryOf(r), quiz: r.quiz });

const invalid = (res: Response): void => {
  res.status(400).json({ error: 'invalid_payload' });
};

export function quizRoutes(router: Router, deps: ApiDeps, helpers: ApiHelpers): void {
  const { library, creds, log } = deps;

  /** The quiz if this request may open it; else the one refusal has been sent. */
  async function opened(req: Request, res: Response): Promise<QuizRecord | null> {
    const id = String(req.params['id'] ?? '');
    const record = id.length <= 64 ? await library.quiz(id) : null;
    if (mayOpen(creds, bearer(req), record?.tokenHash ?? null)) {
      if (!record) res.status(404).json({ error: 'not_found' });
      return record;
    }
    await helpers.refuse(req, res);
    return null;
  }

  router.get('/quizzes', handle(log, async (req, res) => {
    const owner = ownerOf(creds, bearer(req), []);
    if (!owner.all) return helpers.refuse(req, res);
    res.json({ quizzes: (await library.quizzes(owner)).slice(0, LIST_MAX).map(summaryOf) });
  }));

  router.post('/quizzes/mine', handle(log, async (req, res) => {
    const body = TokenList.safeParse(req.body);
    if (!body.success) return invalid(res);
    const owner = ownerOf(creds, bearer(req), body.data.tokens);
    const hashes = owner.all ? [] : owner.hashes;
    await helpers.listFor(req, res, hashes, async () => {
      const records = (await library.quizzes(owner)).slice(0, LIST_MAX);
      return { body: { quizzes: records.map((r) => withIndex(summaryOf(r), hashes.indexOf(r.tokenHash))) }, opened: openedBy(hashes, records.map((r) => r.tokenHash)) };
    });
  }));

  router.post('/quizzes', handle(log, async (req, res) => {
    const body = QuizBody.safeParse(req.body);
    if (!body.success) return invalid(res);
    if (!(await helpers.mayCreate(req, res))) return;
    const now = deps.clock.now();
    const token = deps.newId() + deps.newId();
    const record: QuizRecord = { id: deps.newId(), tokenHash: hashToken(token), quiz: body.data.quiz, createdAt: now, updatedAt: now };
    await library.putQuiz(record);
    const created: CreatedQuiz = { ...savedOf(record), token };
    res.status(201).json(created);
  }));

  router.get('/quizzes/:id', handle(log, async (req, res) => {
    const record = await opened(req, res);
    if (record) res.json(savedOf(record));
  }));

  router.put('/quizzes/:id', handle(log, async (req, res) => {
    const record = await opened(req, res);
    if (!record) return;
    const body = QuizBody.safeParse(req.body);
    if (!body.success) return invalid(res);
    const updated = { ...record, quiz: body.data.quiz, updatedAt: deps.clock.now() };
    await library.putQuiz(updated);
    res.json(savedOf(updated));
  }));

  router.delete('/quizzes/:id', handle(log, async (req, res) => {
    const record = await opened(req, res);
    if (!record) return;
    await library.deleteQuiz(record.id);
    res.status(204).end();
  }));
}

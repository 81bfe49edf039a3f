// The teacher's side of assignments over HTTP: assign a quiz (anyone may, rate-limited; the answer carries the
// code, the students' link and the teacher's token), follow progress live, close early.
import type { Request, Response, Router } from 'express';
import { AssignmentBody, type CreatedAssignment } from '../../shared/http-api.ts';
import { createAssignment, progressOf } from '../../shared/assignment/index.ts';
import { planOfQuiz } from '../../shared/quiz/index.ts';
import type { Rooms } from '../rooms.ts';
import { hashToken } from '../tokens.ts';
import { bearer, mayOpen } from '../library/access.ts';
import { handle, type ApiDeps, type ApiHelpers } from '../library/api.ts';
import type { AssignmentHost, LiveAssignment } from './assignment-host.ts';
import { roomCodeFrom } from '../../shared/room/index.ts';

export const ASSIGNMENT_MAX_MS = 60 * 24 * 3600_000;
export const ASSIGNMENT_MIN_MS = 60_000;
/** Open assignments on one server at once. */
export const OPEN_ASSIGNMENTS_MAX = 1000;

/** Getters: the router is made before the socket server, which the hosts need. */
export interface AssignmentRouteDeps {
  assignments: () => AssignmentHost;
  rooms: () => Rooms;
  randomBytes(count: number): Uint8Array;
  publicUrl: string;
}

export function assignmentRoutes(extra: AssignmentRouteDeps) {
  return (router: Router, deps: ApiDeps, helpers: ApiHelpers): void => {
    function freshCode(): string | null {
      for (let i = 0; i < 20; i++) {
        const code = roomCodeFrom(extra.randomBytes(16));
        if (code !== null && !extra.rooms().has(code) && !extra.assignments().has(code)) return code;
      }
      return null;
    }

    async function opened(req: Request, res: Response): Promise<LiveAssignment | null> {
      const id = String(req.params['id'] ?? '');
      const game = id.length <= 64 ? await deps.library.game(id) : null;
      if (!mayOpen(deps.creds, bearer(req), game?.entry.mode === 'assignment' ? game.entry.ownerHash : null)) {
        await helpers.refuse(req, res);
        return null;
      }
      const a = extra.assignments().byId(id) ?? null;
      if (!a) res.status(404).json({ error: 'not_found' });
      return a;
    }

    router.post('/assignments', handle(deps.log, async (req, res) => {
      const body = AssignmentBody.safeParse(req.body);
      const now = deps.clock.now();
      if (!body.success) {
        res.status(400).json({ error: 'invalid_payload' });
        return;
      }
      const opensAt = Math.max(body.data.opensAt, now);
      const { closesAt } = body.data;
      if (closesAt - opensAt < ASSIGNMENT_MIN_MS || closesAt - opensAt > ASSIGNMENT_MAX_MS) {
        res.status(400).json({ error: 'invalid_payload' });
        return;
      }
      if (extra.assignments().size() >= OPEN_ASSIGNMENTS_MAX) {
        res.status(503).json({ error: 'too_many' });
        return;
      }
      if (!(await helpers.mayCreate(req, res))) return;
      const code = freshCode();
      if (code === null) throw new Error('no free code');
      const { quiz, quizId, scoring } = body.data;
      const token = deps.newId() + deps.newId();
      const id = deps.newId();
      const owner = hashToken(token);
      await deps.library.recordGame({ id, mode: 'assignment', code, ownerHash: owner, quizId, quizName: quiz.name, createdAt: now, opensAt, closesAt });
      await extra.assignments().open(createAssignment({
        id, code, quizName: quiz.name, settings: { ...quiz.settings, scoring }, plan: planOfQuiz(quiz.rounds), owner, now, opensAt, closesAt,
      }));
      const created: CreatedAssignment = { id, code, token, joinUrl: `${extra.publicUrl}/#/hw/${code}` };
      res.status(201).json(created);
    }));

    router.get('/assignments/:id', handle(deps.log, async (req, res) => {
      const a = await opened(req, res);
      if (a) res.set('Cache-Control', 'no-store').json(progressOf(a.state, deps.clock.now()));
    }));

    router.post('/assignments/:id/close', handle(deps.log, async (req, res) => {
      const a = await opened(req, res);
      if (!a) return;
      const result = await extra.assignments().dispatch(a, { type: 'close', now: deps.clock.now() });
      if (!result.ok && result.error !== 'wrong_phase') throw new Error(result.error);
      res.json(progressOf(a.state, deps.clock.now()));
    }));
  };
}

// The facilitator's HTTP API under /api: quizzes, games and reports, assignments. JSON bodies of at most 64 KiB;
// every request is counted against its address, refused credentials more strictly (rate-limiter-flexible behind
// server/limiter.ts); an exception answers 500 without details.
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Clock } from '../clock.ts';
import { limiter, type LimiterStore } from '../limiter.ts';
import type { Log } from '../types.ts';
import type { FinalResults } from '../../shared/protocol.ts';
import type { GameState } from '../../shared/http-api.ts';
import type { Credentials } from './access.ts';
import { StorageUnavailableError } from '../teacher-data.ts';
import type { GameEntry, LibraryStore } from './library-store.ts';
import { quizRoutes } from './quiz-routes.ts';
import { gameRoutes } from './game-routes.ts';

export interface ApiLimits {
  requestsPerMinute: number;
  refusalsPerMinute: number;
  createsPer10Minutes: number;
  /** Tokens presented to a list (/quizzes/mine, /games/mine) that opened nothing: guesses, 200 to a request. */
  unknownTokensPer10Minutes: number;
}

export const defaultApiLimits: ApiLimits = { requestsPerMinute: 300, refusalsPerMinute: 30, createsPer10Minutes: 60, unknownTokensPer10Minutes: 400 };

/** What the rooms and assignments in memory say about a game the index lists. */
export interface LiveGames {
  /** null: no room or assignment with this entry is in memory now. */
  status(entry: GameEntry): { state: GameState; players: number; startedAt: number | null; finishedAt: number | null } | null;
  /** Results so far of an assignment still open (its report before it closes); null otherwise. */
  resultsSoFar(entry: GameEntry): FinalResults | null;
}

export interface ApiDeps {
  library: LibraryStore;
  creds: Credentials;
  clock: Clock;
  newId(): string;
  limiterStore: LimiterStore;
  live: LiveGames;
  log: Log;
  limits?: Partial<ApiLimits>;
  /** More routes under /api (assignments), with the same limits and error handling. */
  extra?: (router: Router, deps: ApiDeps, helpers: ApiHelpers) => void;
}

export interface ApiHelpers {
  /** Counts a refused credential and sends the one refusal. */
  refuse(req: Request, res: Response): Promise<void>;
  /** False (and 429 sent) when the address made too many things lately. */
  mayCreate(req: Request, res: Response): Promise<boolean>;
  /** Answers a list of the objects some tokens open: 429 once the address has presented too many tokens that opened
   *  nothing (an honest browser forgets those after one answer: client/src/teacher/teacher-api.ts); else `list`'s
   *  answer, its unknown tokens counted. `list` gives the answer and how many distinct tokens opened something. */
  listFor(req: Request, res: Response, hashes: readonly string[], list: () => Promise<{ body: object; opened: number }>): Promise<void>;
}

/** The client's address: req.ip follows PODIUM_TRUSTED_PROXIES (server/client-address.ts), as the sockets' does. */
const addressOf = (req: Request): string => req.ip ?? req.socket.remoteAddress ?? 'unknown';

function tooMany(res: Response, retryAfterSec: number): void {
  res.status(429).set('Retry-After', String(retryAfterSec)).json({ error: 'rate_limited' });
}

/** How long a client is asked to wait when the teacher's database cannot be reached. */
export const UNAVAILABLE_RETRY_SEC = 30;

/** Async handlers: a rejection becomes a 500 (logged), never an unhandled rejection; a database that cannot be
 *  reached (PostgreSQL down: server/teacher-data.ts) a 503 storage_unavailable with Retry-After. */
export const handle = (log: Log, fn: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response): void => {
  fn(req, res).catch((error: unknown) => {
    log(`${req.method} ${req.path} failed`, error);
    if (res.headersSent) return;
    if (error instanceof StorageUnavailableError) res.status(503).set('Retry-After', String(UNAVAILABLE_RETRY_SEC)).json({ error: 'storage_unavailable' });
    else res.status(500).json({ error: 'internal_error' });
  });
};

export function apiRouter(deps: ApiDeps): Router {
  const limits = { ...defaultApiLimits, ...deps.limits };
  const requests = limiter(deps.limiterStore, { keyPrefix: 'api:address', points: limits.requestsPerMinute, durationSec: 60 });
  const refusals = limiter(deps.limiterStore, { keyPrefix: 'api:refused', points: limits.refusalsPerMinute, durationSec: 60 });
  const creates = limiter(deps.limiterStore, { keyPrefix: 'api:create', points: limits.createsPer10Minutes, durationSec: 600 });
  const unknownTokens = limiter(deps.limiterStore, { keyPrefix: 'api:tokens', points: limits.unknownTokensPer10Minutes, durationSec: 600 });
  const router = express.Router();
  router.use(async (req, res, next) => {
    const address = addressOf(req);
    // Past the refusal budget, the address is refused everything for the rest of the minute: guessing costs.
    const allowed = (await requests.take(address)) && !(await refusals.isOver(address));
    if (allowed) next();
    else tooMany(res, 60);
  });
  router.use(express.json({ limit: '64kb' }));
  const helpers: ApiHelpers = {
    async refuse(req, res) {
      await refusals.take(addressOf(req));
      res.status(401).set('WWW-Authenticate', 'Bearer realm="podium"').json({ error: 'unauthorized' });
    },
    async mayCreate(req, res) {
      if (await creates.take(addressOf(req))) return true;
      tooMany(res, 600);
      return false;
    },
    async listFor(req, res, hashes, list) {
      const address = addressOf(req);
      if (await unknownTokens.isOver(address)) return tooMany(res, 600);
      const { body, opened } = await list();
      const unknown = new Set(hashes).size - opened;
      // Counted after the answer: a budget that ran out mid-list still answers this list, never a later one.
      if (unknown > 0) await unknownTokens.take(address, unknown);
      res.json(body);
    },
  };
  quizRoutes(router, deps, helpers);
  gameRoutes(router, deps, helpers);
  deps.extra?.(router, deps, helpers);
  router.use((_req: Request, res: Response) => {
    res.status(404).json({ error: 'not_found' });
  });
  // Malformed JSON or a body over the limit: the body parser's errors, answered without their details.
  router.use((error: { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = error.status ?? 500;
    if (status === 413) res.status(413).json({ error: 'invalid_payload' });
    else if (status >= 400 && status < 500) res.status(400).json({ error: 'invalid_payload' });
    else {
      deps.log('API request failed', error);
      res.status(500).json({ error: 'internal_error' });
    }
  });
  return router;
}

// Past and present games (live games and assignments) and their reports: the Games page's list (the key, or the
// browser's own tokens: host tokens and assignment tokens), the report as JSON and as CSV.
import type { Request, Response, Router } from 'express';
import { TokenList, type GameSummary } from '../../shared/http-api.ts';
import type { FinalResults } from '../../shared/protocol.ts';
import { buildReport, type GameInfo } from '../../shared/report/index.ts';
import { reportCsv, timeZoneOr } from '../csv.ts';
import { bearer, mayOpen, ownerOf } from './access.ts';
import { handle, type ApiDeps, type ApiHelpers, type LiveGames } from './api.ts';
import { openedBy, withIndex } from './quiz-routes.ts';
import type { StoredGame } from './library-store.ts';

const LIST_MAX = 500;

export function summaryOf(live: LiveGames, { entry, results }: StoredGame): GameSummary {
  const now = live.status(entry);
  const soFar = results === null && entry.mode === 'assignment';
  const base = {
    id: entry.id, mode: entry.mode, code: entry.code, quizName: entry.quizName, createdAt: entry.createdAt,
    opensAt: entry.opensAt, closesAt: entry.closesAt,
  };
  if (results) {
    // A live game stored when it expired unfinished has fewer rounds than it was set up for.
    const state = entry.mode === 'assignment' ? 'closed' : results.rounds.length < results.settings.rounds ? 'ended' : 'finished';
    return { ...base, state, players: results.players.length, startedAt: results.startedAt, finishedAt: results.finishedAt, hasReport: true };
  }
  if (now) return { ...base, ...now, hasReport: soFar && now.players > 0 };
  return { ...base, state: entry.mode === 'assignment' ? 'closed' : 'ended', players: 0, startedAt: null, finishedAt: null, hasReport: false };
}

export const gameInfo = ({ entry }: StoredGame): GameInfo =>
  ({ id: entry.id, mode: entry.mode, code: entry.code, quizName: entry.quizName, createdAt: entry.createdAt });

export function gameRoutes(router: Router, deps: ApiDeps, helpers: ApiHelpers): void {
  const { library, creds, live, log } = deps;

  /** The game's results if this request may open it; else the refusal (or why there is no report) has been sent. */
  async function resultsFor(req: Request, res: Response): Promise<{ game: StoredGame; results: FinalResults } | null> {
    const id = String(req.params['id'] ?? '');
    const game = id.length <= 64 ? await library.game(id) : null;
    if (!mayOpen(creds, bearer(req), game?.entry.ownerHash ?? null)) {
      await helpers.refuse(req, res);
      return null;
    }
    if (!game) {
      res.status(404).json({ error: 'not_found' });
      return null;
    }
    const results = game.results ?? live.resultsSoFar(game.entry);
    if (results) return { game, results };
    res.status(409).json({ error: 'not_finished' });
    return null;
  }

  router.get('/games', handle(log, async (req, res) => {
    const owner = ownerOf(creds, bearer(req), []);
    if (!owner.all) return helpers.refuse(req, res);
    res.json({ games: (await library.games(owner, LIST_MAX)).map((g) => summaryOf(live, g)) });
  }));

  router.post('/games/mine', handle(log, async (req, res) => {
    const body = TokenList.safeParse(req.body);
    if (!body.success) {
      res.status(400).json({ error: 'invalid_payload' });
      return;
    }
    const owner = ownerOf(creds, bearer(req), body.data.tokens);
    const hashes = owner.all ? [] : owner.hashes;
    await helpers.listFor(req, res, hashes, async () => {
      const games = await library.games(owner, LIST_MAX);
      return { body: { games: games.map((g) => withIndex(summaryOf(live, g), hashes.indexOf(g.entry.ownerHash))) }, opened: openedBy(hashes, games.map((g) => g.entry.ownerHash)) };
    });
  }));

  router.get('/games/:id/report', handle(log, async (req, res) => {
    const found = await resultsFor(req, res);
    if (found) res.set('Cache-Control', 'no-store').json(buildReport(gameInfo(found.game), found.results));
  }));

  router.get('/games/:id/report.csv', handle(log, async (req, res) => {
    const found = await resultsFor(req, res);
    if (!found) return;
    const report = buildReport(gameInfo(found.game), found.results);
    const name = `podium-${found.game.entry.code}-${new Date(found.results.startedAt ?? found.game.entry.createdAt).toISOString().slice(0, 10)}.csv`;
    res.set('Cache-Control', 'no-store').type('text/csv; charset=utf-8').attachment(name).send(reportCsv(report, timeZoneOr(req.query['tz'])));
  }));
}

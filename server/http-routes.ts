// HTTP: security headers, liveness, readiness, metrics and the host's CSV download.
import express, { type Express, type Request, type Response, type Router } from 'express';
import helmet from 'helmet';
import type { Registry } from 'prom-client';
import { RoomCode } from '../shared/protocol.ts';
import type { Store } from './store.ts';
import type { FinishedGames } from './teacher-data.ts';
import type { Log } from './types.ts';
import { handle } from './library/api.ts';
import { resultsCsv, timeZoneOr } from './csv.ts';
import { bearer } from './library/access.ts';
import type { TrustProxy } from './client-address.ts';

export interface HttpDeps {
  store: Store;
  /** Where the host's CSV is read from (the SQLite file or PostgreSQL: server/teacher-data.ts). */
  finished: FinishedGames;
  log: Log;
  isDraining(): boolean;
  metrics: Registry;
  /** HSTS only when the public address is https: on a LAN over http it would lock phones out later. */
  https: boolean;
  /** The facilitator's API (server/library/api.ts), under /api. */
  api?: Router;
  /** req.ip is the client's behind a trusted proxy, as the sockets' address is (client-address.ts). */
  trustProxy: TrustProxy;
  /** Cluster mode: this node's name, in /healthz and an X-Podium-Node header on every response (where the balancer
   *  sent a client). Absent on a single node, whose answers stay as they were. */
  node?: string;
}

/** What the built client needs and nothing more: its own scripts, styles and socket, QR codes drawn as inline SVG
 *  by script, the icon as a data: URL. No upgrade-insecure-requests: a classroom server is often plain http. */
const CSP = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    workerSrc: ["'self'"],
    manifestSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/** The host's download from the results screen. No token, a wrong one, and no such game get the same answer, so
 *  the answer never tells whether a room code had a game (docs/protocol.md, "Facilitator API"). */
function csvDownload(finished: FinishedGames) {
  return async (req: Request, res: Response): Promise<void> => {
    const token = bearer(req);
    const code = RoomCode.safeParse(req.params['code']);
    const game = token !== null && code.success ? await finished.gameFor(code.data, token) : null;
    if (game === null || game === 'forbidden') {
      res.status(401).set('WWW-Authenticate', 'Bearer realm="podium"').json({ error: 'unauthorized' });
      return;
    }
    res.type('text/csv; charset=utf-8').attachment(`podium-${game.code}.csv`).send(resultsCsv(game, undefined, timeZoneOr(req.query['tz'])));
  };
}

export function createApp({ store, finished, log, isDraining, metrics, https, trustProxy, api, node }: HttpDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxy);
  app.use(helmet({ contentSecurityPolicy: CSP, strictTransportSecurity: https }));
  if (node !== undefined) {
    app.use((_req, res, next) => {
      res.setHeader('X-Podium-Node', node);
      next();
    });
  }
  // Liveness: the process answers. Readiness: it should get traffic (not draining, and storage takes writes).
  app.get('/healthz', (_req, res) => {
    res.json(node === undefined ? { ok: true } : { ok: true, node });
  });
  app.get('/readyz', (_req, res) => {
    const draining = isDraining();
    const storage = store.ready();
    const ready = storage && !draining;
    res.status(ready ? 200 : 503).json(ready ? { ready } : { ready, reason: draining ? 'draining' : 'storage' });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.contentType).send(await metrics.metrics());
  });
  app.get('/api/rooms/:code/results.csv', handle(log, csvDownload(finished)));
  if (api) app.use('/api', api);
  return app;
}

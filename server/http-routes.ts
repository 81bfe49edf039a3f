// HTTP: liveness, readiness and the host's CSV download.
import express, { type Express, type Request, type Response } from 'express';
import { RoomCode } from '../shared/protocol.ts';
import type { Store } from './store.ts';
import { resultsCsv } from './csv.ts';

export interface HttpDeps {
  store: Store;
  isDraining(): boolean;
}

function bearer(req: Request): string | null {
  const match = /^Bearer\s+(\S{1,200})$/i.exec(req.get('authorization') ?? '');
  return match?.[1] ?? null;
}

function csvDownload(store: Store) {
  return (req: Request, res: Response): void => {
    const token = bearer(req);
    if (token === null) {
      res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'unauthorized' });
      return;
    }
    const code = RoomCode.safeParse(req.params['code']);
    const game = code.success ? store.gameFor(code.data, token) : null;
    if (game === null) res.status(404).json({ error: 'room_not_found' });
    else if (game === 'forbidden') res.status(403).json({ error: 'not_host' });
    else {
      res.type('text/csv; charset=utf-8').attachment(`podium-${game.code}.csv`).send(resultsCsv(game));
    }
  };
}

export function createApp({ store, isDraining }: HttpDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/readyz', (_req, res) => {
    const ready = store.ready() && !isDraining();
    res.status(ready ? 200 : 503).json({ ready });
  });
  app.get('/api/rooms/:code/results.csv', csvDownload(store));
  return app;
}

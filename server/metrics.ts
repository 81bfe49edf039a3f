// /metrics in Prometheus text format (prom-client), one registry per server: rooms, players, connections,
// answers, refusals by reason, save latency, and Node's own figures (event-loop lag, memory, handles).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Rooms } from './rooms.ts';

export interface Metrics {
  registry: Registry;
  answers: Counter;
  /** Refused acks and connections, by error code or connection refusal. */
  rejections: Counter<'reason'>;
  saveSeconds: Histogram;
}

export function createMetrics(source: { rooms(): Rooms; connections(): number }): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  new Gauge({ name: 'podium_rooms', help: 'Live rooms on this server', registers: [registry], collect() { this.set(source.rooms().size()); } });
  new Gauge({
    name: 'podium_players', help: 'Players in live rooms', labelNames: ['state'], registers: [registry],
    collect() {
      let total = 0;
      let connected = 0;
      for (const room of source.rooms().all()) {
        total += room.state.playerCount;
        connected += room.state.connectedCount;
      }
      this.set({ state: 'joined' }, total);
      this.set({ state: 'connected' }, connected);
    },
  });
  new Gauge({ name: 'podium_connections', help: 'Open socket.io connections', registers: [registry], collect() { this.set(source.connections()); } });
  return {
    registry,
    answers: new Counter({ name: 'podium_answers_total', help: 'Answers accepted', registers: [registry] }),
    rejections: new Counter({ name: 'podium_rejections_total', help: 'Refused events and connections, by reason', labelNames: ['reason'], registers: [registry] }),
    saveSeconds: new Histogram({
      name: 'podium_save_seconds', help: 'Time of each SQLite write transaction', registers: [registry],
      buckets: [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1],
    }),
  };
}

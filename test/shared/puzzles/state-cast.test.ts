// The cast of a state puzzle's pod: init containers that make sense before the container they run ahead of.
import { describe, expect, it } from 'vitest';
import { HOUSE_REGISTRY } from '../../../shared/model/software.ts';
import { createRng } from '../../../shared/random.ts';
import { catalogueCast } from '../../../shared/puzzles/state-cast.ts';

const casts = Array.from({ length: 2000 }, (_, i) => catalogueCast(createRng(`cast-${i}`), { batch: 'either', inits: [1, 3], sidecars: [0, 1], apps: [1, 2] }));

describe('catalogueCast', () => {
  it('waits for redis only before our own code, never before pg-dump or a catalogue server', () => {
    const withRedisWait = casts.filter((c) => c.inits.some((i) => i.name === 'wait-for-redis'));
    expect(withRedisWait.length).toBeGreaterThan(0);
    for (const c of withRedisWait) expect(c.apps[0]!.image.startsWith(HOUSE_REGISTRY), c.apps[0]!.name).toBe(true);
  });

  it('never puts a database proxy beside redis or nginx, which keep no database of their own', () => {
    const proxied = casts.filter((c) => c.inits.some((i) => i.name === 'cloud-sql-proxy'));
    expect(proxied.length).toBeGreaterThan(0);
    for (const c of proxied) expect(['redis', 'nginx']).not.toContain(c.apps[0]!.name);
    // The swap keeps each pod's sidecars distinct.
    for (const c of casts) expect(new Set(c.inits.map((i) => i.name)).size).toBe(c.inits.length);
  });

  it('runs a schema migration only before our own code', () => {
    for (const c of casts.filter((x) => x.inits.some((i) => i.name === 'migrate'))) expect(c.apps[0]!.image.startsWith(HOUSE_REGISTRY)).toBe(true);
  });
});

// Started by infra.test.ts (and cluster.test.ts with the argument `cluster`) as a separate process: starts Redis
// (or a one-node cluster: Redis, PostgreSQL, a Podium node, nginx), reports its pids, then waits to be killed, so
// the test can check that every server dies with the process that started it.
import { dirname } from 'node:path';
import { startRedis } from './redis.ts';
import { startCluster } from './cluster.ts';

if (process.argv[2] === 'cluster') {
  const c = await startCluster({ nodes: 1 });
  process.send?.({
    pids: [...c.nodes.map((n) => n.pid()), c.redis.pid(), c.postgres.pid(), c.nginx.pid()],
    dirs: [...c.nodes.map((n) => dirname(n.dbPath)), c.redis.dir, c.postgres.dir, c.nginx.dir],
  });
} else {
  const redis = await startRedis();
  process.send?.({ pid: redis.pid(), dir: redis.dir });
}
setInterval(() => {}, 1000);

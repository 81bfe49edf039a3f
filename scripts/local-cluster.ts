// npm run cluster [-- --nodes 3 --port 8080]: a local cluster to try cluster mode on one machine: a Redis
// (append-only file, everysec), a PostgreSQL, N Podium nodes (the server bundle, each its own port, SQLite file and
// PODIUM_NODE_ID) and nginx in front with deploy/nginx/podium.conf, all on 127.0.0.1 and in temporary directories
// (the same harness the cluster tests use: test/infra/cluster.ts). Needs Debian's redis-server, postgresql and
// nginx. Ctrl-C stops everything and removes its data.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FACILITATOR_KEY, startCluster } from '../test/infra/cluster.ts';
import { facilitatorLink } from '../server/library/facilitator-key.ts';

const { values } = parseArgs({ options: { nodes: { type: 'string', default: '3' }, port: { type: 'string', default: '8080' } } });
const nodes = Number(values.nodes);
const port = Number(values.port);
if (!Number.isInteger(nodes) || nodes < 1 || nodes > 9) throw new Error('--nodes must be 1 to 9');
if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error('--port must be a port number');

const key = process.env['PODIUM_FACILITATOR_KEY'] || FACILITATOR_KEY;
const cluster = await startCluster({
  nodes, nginxPort: port,
  env: { PODIUM_CLIENT_DIR: resolve('dist/client'), PODIUM_FACILITATOR_KEY: key, PODIUM_LOG_FORMAT: 'text' },
});
console.log(`Podium cluster on ${cluster.url} (nginx, deploy/nginx/podium.conf)`);
for (const n of cluster.nodes) console.log(`  ${n.id}: ${n.url} (pid ${n.pid()}, SQLite ${n.dbPath})`);
console.log(`  Redis ${cluster.redis.url}, PostgreSQL ${cluster.databaseUrl}`);
console.log(`  Facilitator link: ${facilitatorLink(cluster.url, key)}`);
console.log('Try: kill -9 a node\'s pid mid-game, and watch its players come back on the others. Ctrl-C stops everything.');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('stopping the cluster…');
    void cluster.close().then(() => process.exit(0));
  });
}
setInterval(() => {}, 60_000);

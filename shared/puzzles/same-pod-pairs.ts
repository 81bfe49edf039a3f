// The pairs of containers same-pod asks about, each with what ties or separates them, said two ways: plainly (easy)
// and as a situation the need follows from (medium). Real software, real ports and backends (docs/rules/design.md).
import { ENVOY_IMAGE, LINKERD_PROXY_IMAGE } from '../model/software.ts';
import type { PairNeeds } from '../model/pod-design.ts';
import type { Rng } from '../random.ts';
import { house } from './house.ts';

export interface Side { name: string; image: string }

export interface Pair {
  /** What kind of pair this is, e.g. 'proxy'; templates that ask "which pair" key their answer on it. */
  pattern: string;
  a: Side;
  b: Side;
  needs: PairNeeds;
  /** The need in plain words. */
  stated: string;
  /** Why the splitting need wins for this pair, where the generic sentence would not say it (one sentence). */
  splitWhy?: string;
  /** A situation the need follows from, for the player to find. */
  situation: string;
  /** A short description of the pair for lists: "an API and its Envoy proxy". */
  gist: string;
}

export type PairMaker = (rng: Rng) => Pair;

const SERVICES = ['orders-api', 'search-api', 'checkout', 'catalog', 'billing', 'payments', 'inventory', 'ledger', 'profile', 'shipping'] as const;
/** One of our own services, as a container. */
export const apiSide = (rng: Rng, svc: string = rng.pick(SERVICES)): Side => {
  const h = house(rng, svc);
  return { name: h.name, image: h.image };
};
const houseSide = (rng: Rng, app: string, name = app): Side => ({ name, image: house(rng, app).image });
export const code = (s: Side | string): string => `\`${typeof s === 'string' ? s : s.name}\``;

const SHIPPERS = [
  { name: 'fluent-bit', image: 'fluent/fluent-bit:3.1', backend: 'OpenSearch' },
  { name: 'vector', image: 'timberio/vector:0.40.0-alpine', backend: 'Datadog' },
  { name: 'promtail', image: 'grafana/promtail:3.0.0', backend: 'Loki' },
] as const;

/** Pairs that belong in one pod: they share localhost, files or memory, and are one unit of service. */
export const TOGETHER: Record<string, PairMaker> = {
  proxy: (rng) => {
    const a = apiSide(rng);
    const envoy = rng.chance(0.5);
    const b = envoy ? { name: 'envoy', image: ENVOY_IMAGE } : { name: 'linkerd-proxy', image: LINKERD_PROXY_IMAGE };
    return envoy
      ? { pattern: 'proxy', a, b, needs: { sharesLocalhost: true }, gist: 'an API and its Envoy proxy',
          stated: `${code(a)}'s HTTP client sends every outbound call to http://127.0.0.1:15001, where ${code(b)} adds mTLS, retries and metrics.`,
          situation: `${code(a)}'s HTTP client is set to HTTP_PROXY=http://127.0.0.1:15001, where ${code(b)} listens and adds mTLS. One proxy serves one instance of the API.` }
      : { pattern: 'proxy', a, b, needs: { sharesLocalhost: true }, gist: 'an API and its linkerd proxy',
          stated: `Every connection ${code(a)} opens is redirected, by iptables rules in its network namespace, to ${code(b)} on port 4140, which adds mTLS.`,
          situation: `Linkerd's iptables rules send all of ${code(a)}'s traffic through ${code(b)} without ${code(a)} knowing; those rules act on one network namespace.` };
  },
  'log-shipper': (rng) => {
    const a = apiSide(rng);
    const s = rng.pick(SHIPPERS);
    return { pattern: 'log-shipper', a, b: { name: s.name, image: s.image }, needs: { sharesVolume: true }, gist: `an API and ${s.name} tailing its log files`,
      stated: `${code(a)} writes its logs as files under /var/log/app; ${code(s.name)} tails those very files and ships them to ${s.backend}.`,
      situation: `${code(a)} can only log to files under /var/log/app, not to stdout. ${code(s.name)} must read exactly those files and send them to ${s.backend}.` };
  },
  exporter: (rng) => {
    const [a, b, url] = rng.pick([
      [{ name: 'nginx', image: 'nginx:1.27' }, { name: 'nginx-exporter', image: 'nginx/nginx-prometheus-exporter:1.3.0' }, 'http://127.0.0.1:8080/stub_status'],
      [{ name: 'redis', image: 'redis:7.2' }, { name: 'redis-exporter', image: 'oliver006/redis_exporter:v1.62.0' }, 'redis://127.0.0.1:6379'],
      [{ name: 'postgres', image: 'postgres:16' }, { name: 'postgres-exporter', image: 'quay.io/prometheuscommunity/postgres-exporter:v0.15.0' }, '127.0.0.1:5432'],
    ] as const);
    return { pattern: 'exporter', a: { ...a }, b: { ...b }, needs: { sharesLocalhost: true }, gist: `${a.name} and an exporter reading it on localhost`,
      stated: `${code(b)} reads ${a.name}'s internal statistics from ${url} and serves them as Prometheus metrics, one exporter per ${a.name}.`,
      situation: `${a.name}'s statistics are only reachable from its own network namespace (${url}); ${code(b)} turns them into Prometheus metrics for that one instance.` };
  },
  'git-sync': (rng) => {
    const a = { name: 'nginx', image: 'nginx:1.27' };
    const b = { name: 'git-sync', image: 'registry.k8s.io/git-sync/git-sync:v4.2.4' };
    const every = rng.pick([30, 60, 120]);
    return { pattern: 'git-sync', a, b, needs: { sharesVolume: true }, gist: 'nginx and git-sync refreshing its site',
      stated: `${code(b)} pulls the site's repository every ${every} s into the very directory ${code(a)} serves its pages from.`,
      situation: `The site must change within ${every} s of a push, without rebuilding ${code(a)}'s image: ${code(b)} keeps a checkout of the repository that ${code(a)} serves as files.` };
  },
  'cloud-sql': (rng) => {
    const a = apiSide(rng);
    const b = { name: 'cloud-sql-proxy', image: 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0' };
    return { pattern: 'cloud-sql', a, b, needs: { sharesLocalhost: true }, gist: 'an API and its Cloud SQL Auth Proxy',
      stated: `${code(a)} connects to its database at 127.0.0.1:5432, where ${code(b)} listens and tunnels to Cloud SQL with IAM auth.`,
      situation: `Cloud SQL only accepts ${code(a)}'s connections through ${code(b)}, which must not be exposed to other pods; ${code(a)}'s database URL is postgres://127.0.0.1:5432.` };
  },
  'shm-encoder': (rng) => {
    const a = houseSide(rng, 'frame-capture', 'capture');
    const b = { name: 'encoder', image: 'jrottenberg/ffmpeg:6.1-alpine' };
    const codec = rng.pick(['H.264', 'VP9', 'AV1']);
    return { pattern: 'shm-encoder', a, b, needs: { sharesIpc: true }, gist: 'a frame grabber and its shared-memory encoder',
      stated: `${code(a)} creates a frame ring buffer with shm_open() and writes raw camera frames into it; ${code(b)} maps the same buffer with mmap() and encodes ${codec}.`,
      situation: `Raw frames arrive at 60 per second and one encoder keeps up with them; rather than copy each frame, ${code(a)} writes them into a buffer it creates with shm_open(), which ${code(b)} maps to encode ${codec}.` };
  },
  'fpm-socket': (rng) => {
    const a = { name: 'nginx', image: 'nginx:1.27' };
    const b = { name: 'php-fpm', image: 'php:8.3-fpm-alpine' };
    return { pattern: 'fpm-socket', a, b, needs: { sharesVolume: true }, gist: 'nginx and PHP-FPM on a Unix socket',
      stated: `${code(a)} passes PHP requests to ${code(b)} over the Unix socket /run/php/fpm.sock, a file ${code(b)} creates when it starts.`,
      situation: `${code(a)}'s fastcgi_pass points at unix:/run/php/fpm.sock, the socket ${code(b)} creates; the two always serve the same copy of the application's code.` };
  },
};

/** Pairs that belong in separate pods, with the need that splits them. */
export const APART: Record<string, PairMaker> = {
  'two-services': (rng) => {
    const [x, y] = rng.sample(SERVICES, 2) as [string, string];
    const [a, b] = [apiSide(rng, x), apiSide(rng, y)];
    return { pattern: 'two-services', a, b, needs: { talksOverNetwork: true, separateLifecycle: true }, gist: 'two APIs owned by different teams',
      stated: `${code(a)} calls ${code(b)} over HTTP. ${code(b)}'s team ships a fix on Tuesday while ${code(a)}'s team is in a release freeze.`,
      situation: `${code(a)} calls ${code(b)} through its Service many times a second. ${code(b)}'s team ships a fix on a Tuesday; ${code(a)}'s team is in a release freeze.` };
  },
  'web-db': (rng) => {
    const a = houseSide(rng, rng.pick(['storefront', 'frontend']));
    const b = rng.pick([{ name: 'postgres', image: 'postgres:16' }, { name: 'mysql', image: 'mysql:8.0' }]);
    const [lo, hi] = [rng.int(2, 4), rng.int(10, 30)];
    return { pattern: 'web-db', a, b, needs: { scalesIndependently: true, talksOverNetwork: true }, gist: 'a web app and its database',
      stated: `During sales ${code(a)} grows from ${lo} to ${hi} copies; ${code(b)} runs as a cluster of 3 (a primary and two replicas), and stays at 3 all year.`,
      situation: `During sales ${code(a)} grows from ${lo} to ${hi} replicas. ${code(b)} runs as a primary and two replicas, each on its own PersistentVolume, 3 pods all year; ${code(a)} reaches it through a Service.` };
  },
  'producer-consumer': (rng) => {
    const queue = rng.pick(['Kafka', 'RabbitMQ', 'NATS']);
    const a = houseSide(rng, 'order-events');
    const b = houseSide(rng, 'queue-worker', `${rng.pick(['invoice', 'email', 'audit', 'thumbnail'])}-worker`);
    return { pattern: 'producer-consumer', a, b, needs: { scalesIndependently: true, talksOverNetwork: true }, gist: 'a producer and a consumer on a queue',
      stated: `${code(a)} publishes messages to ${queue}; ${code(b)} consumes them. When ${queue} backs up, more ${code(b)}s are started, never more ${code(a)}s.`,
      situation: `${code(a)} publishes to ${queue} at a steady rate; ${code(b)} is slow, and its backlog is cleared by running ${rng.int(5, 20)} more of it for an hour.` };
  },
  'frontend-api': (rng) => {
    // Several faces of one case, so that easy lists do not show the same line in every draw (review L2b).
    const [app, gist] = rng.pick([['frontend', 'a frontend and the API it calls'], ['storefront', 'a shop\'s web pages and a service they call'],
      ['gateway', 'an API gateway and one of the services behind it'], ['recommender', 'a recommender and an API it reads']] as const);
    const a = houseSide(rng, app);
    const b = apiSide(rng);
    return { pattern: 'frontend-api', a, b, needs: { separateLifecycle: true, talksOverNetwork: true }, gist,
      stated: `${code(a)} is deployed after every merge, several times a day; ${code(b)}, which it calls over HTTP, is deployed weekly.`,
      situation: `${code(a)}'s team deploys after every merge; each deploy would restart whatever shares its pod. ${code(b)} keeps long-lived connections open.` };
  },
  'session-store': (rng) => {
    const a = apiSide(rng);
    const b = { name: 'session-store', image: rng.pick(['redis:7.2', 'memcached:1.6']) };
    const n = rng.int(3, 12);
    return { pattern: 'session-store', a, b, needs: { servesMany: true, talksOverNetwork: true }, gist: 'API replicas and their session store',
      stated: `A user's next request may land on any of ${code(a)}'s ${n} copies, and it must find the session another copy stored in ${code(b)}.`,
      situation: `A user's requests land on any of ${code(a)}'s ${n} replicas, and each must find the session another replica created in ${code(b)}.` };
  },
  'nightly-report': (rng) => {
    const a = apiSide(rng);
    const b = houseSide(rng, 'reports', 'nightly-report');
    const hour = rng.int(0, 4);
    return { pattern: 'nightly-report', a, b, needs: { separateLifecycle: true, talksOverNetwork: true }, gist: 'an API and a nightly report job',
      stated: `${code(b)} starts at ${hour}:00 each night, reads ${code(a)}'s API, writes a report and exits; ${code(a)} serves users all day.`,
      situation: `${code(b)} must produce one report per night and then stop, reading the data over ${code(a)}'s API, which serves users day and night.` };
  },
  'plain-calls': (rng) => {
    const [x, y] = rng.sample(SERVICES, 2) as [string, string];
    const [a, b] = [apiSide(rng, x), apiSide(rng, y)];
    return { pattern: 'plain-calls', a, b, needs: { talksOverNetwork: true }, gist: 'two APIs that call each other',
      stated: `${code(a)} looks up prices with HTTP calls to http://${b.name}/prices; nothing else connects the two.`,
      situation: `${code(a)} looks up prices from ${code(b)} with an HTTP call to its Service name; nothing else connects them.` };
  },
};

/** Hard: something couples them, but a need that splits them wins. */
export const MIXED: Record<string, PairMaker> = {
  'shared-cache': (rng) => {
    const a = apiSide(rng);
    const b = { name: 'redis', image: 'redis:7.2' };
    const n = rng.int(4, 16);
    return { pattern: 'shared-cache', a, b, needs: { sharesLocalhost: true, servesMany: true }, gist: 'an API and the cache its replicas share',
      stated: `In the prototype ${code(a)} reaches ${code(b)} on localhost:6379. In production all ${n} replicas of ${code(a)} must see the same cached carts.`,
      situation: `${code(a)} has always used ${code(b)} at localhost:6379. Now it runs ${n} replicas, and a cart added on one must show on the others.` };
  },
  'upload-transcode': (rng) => {
    const a = houseSide(rng, 'uploader');
    const b = { name: 'transcoder', image: 'jrottenberg/ffmpeg:6.1-alpine' };
    return { pattern: 'upload-transcode', a, b, needs: { sharesVolume: true, scalesIndependently: true }, gist: 'an uploader and its transcoders',
      stated: `Today ${code(a)} drops videos into an emptyDir that ${code(b)} reads. Transcoding must scale from 2 to ${rng.int(20, 60)} workers while uploads stay at 2 replicas.`,
      situation: `${code(a)} hands videos to ${code(b)} through an emptyDir. After a launch, transcoding needs ${rng.int(20, 60)} workers for a day; two uploaders are plenty.` };
  },
  'reindex-job': (rng) => {
    const a = apiSide(rng, 'search-api');
    const b = houseSide(rng, 'reindex');
    return { pattern: 'reindex-job', a, b, needs: { sharesVolume: true, separateLifecycle: true }, gist: 'a search API and its reindexing job',
      stated: `${code(b)} rebuilds the index that ${code(a)} reads from an emptyDir. It must run once an hour and exit, never restarting ${code(a)}.`,
      situation: `${code(b)} writes a fresh index where ${code(a)} reads it, once an hour, and is done in ten minutes; ${code(a)} must stay up throughout.` };
  },
  'auth-proxy': (rng) => {
    const a = apiSide(rng);
    const b = { name: 'oauth2-proxy', image: 'quay.io/oauth2-proxy/oauth2-proxy:v7.6.0' };
    return { pattern: 'auth-proxy', a, b, needs: { sharesLocalhost: true, servesMany: true }, gist: 'an API and a login proxy for the whole company',
      stated: `${code(b)} forwards signed-in requests to ${code(a)} on localhost:8080. It must also front the ${rng.int(6, 20)} other internal apps, with one login for all.`,
      situation: `${code(b)} was added next to ${code(a)} and proxies to localhost:8080. Now every internal app should sit behind the same ${code(b)} and its single sign-on cookie.` };
  },
};

MIXED['shm-fanout'] = (rng) => {
  const a = houseSide(rng, 'frame-capture', 'capture');
  const b = { name: 'encoder', image: 'jrottenberg/ffmpeg:6.1-alpine' };
  const n = rng.int(6, 12);
  return { pattern: 'shm-fanout', a, b, needs: { sharesIpc: true, scalesIndependently: true }, gist: 'a frame grabber and a pool of encoders',
    splitWhy: 'A pod runs on one node, and its container count is fixed in its spec: encoders on separate GPU nodes, as many as each event needs, must be pods of their own.',
    stated: `Today ${code(a)} hands raw frames to ${code(b)} in shared memory. Now one camera feed must be encoded at up to ${n} bitrates, a number that changes per event, by one encoder per bitrate. Each encoder needs a whole GPU and a GPU node has one; the nodes are linked at 100 Gbit/s. Capture stays one.`,
    situation: `${code(b)} reads ${code(a)}'s frames from shared memory. The new product needs up to ${n} renditions of one feed, as many as each event asks for, each encoder on a GPU node of its own, and still one capture.` };
};

export const ALL_PAIRS: Record<string, PairMaker> = { ...TOGETHER, ...APART };

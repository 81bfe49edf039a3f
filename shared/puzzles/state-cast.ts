// Who is in a state puzzle's pod, drawn from the software catalogue (shared/model/software.ts): our own services and
// Jobs, real servers, real sidecars with what they do for the pod, and init containers run from real tool images.
import type { Cast, CastShape, InitSpec, Named } from '../model/pod-cast.ts';
import { HOUSE_REGISTRY, houseApps, houseImage, software, type Software } from '../model/software.ts';
import type { Rng } from '../random.ts';

/** Init containers as people write them: a name that says the job, and the tool image that does it, in the order
 *  a pod runs them (wait for a dependency, fetch, then render or migrate). */
const INITS: readonly (Named & { tool: string })[] = [
  { name: 'wait-for-db', image: software('busybox').image, tool: 'busybox' },
  { name: 'wait-for-redis', image: software('busybox').image, tool: 'busybox' },
  { name: 'fetch-config', image: software('curl').image, tool: 'curl' },
  { name: 'git-clone', image: software('git').image, tool: 'git' },
  { name: 'download-assets', image: software('aws-cli').image, tool: 'aws-cli' },
  { name: 'render-config', image: software('gomplate').image, tool: 'gomplate' },
  { name: 'migrate', image: software('flyway').image, tool: 'flyway' },
];

const SIDECARS = ['envoy', 'linkerd-proxy', 'istio-proxy', 'fluent-bit', 'vector', 'promtail', 'vault-agent', 'cloud-sql-proxy', 'otel-collector'] as const;
const MESH = new Set<string>(['envoy', 'linkerd-proxy', 'istio-proxy']);

/** Off-the-shelf servers a Deployment or StatefulSet runs, with the exporter that would sit next to each. */
const SERVERS: readonly { id: string; exporter: string }[] = [
  { id: 'nginx', exporter: 'nginx-exporter' }, { id: 'redis', exporter: 'redis-exporter' }, { id: 'keycloak', exporter: 'statsd-exporter' },
  { id: 'grafana', exporter: 'statsd-exporter' },
];

const SUFFIX = 'bcdfghjklmnpqrstvwxz2456789';
export const suffix = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.pick([...SUFFIX])).join('');
const version = (rng: Rng) => `${rng.int(1, 4)}.${rng.int(0, 14)}.${rng.int(0, 9)}`;
const named = (s: Software): Named => ({ name: s.name, image: s.image });

/**
 * The init containers that make sense before this main container: a schema migration only before our own services
 * and Jobs (or pg-dump's database), content from git or a bucket only before a web server or our own code, and a
 * wait for redis only before our own code (pg-dump and the catalogue servers never talk to redis).
 */
function initsFor(main: Named): readonly (Named & { tool: string })[] {
  const own = main.image.startsWith(HOUSE_REGISTRY);
  const web = main.name === 'nginx' || main.name === 'grafana';
  return INITS.filter((i) => (i.name === 'migrate' ? own : i.name === 'git-clone' || i.name === 'download-assets' ? own || web
    : i.name === 'wait-for-redis' ? own : true));
}

/** A Job's second container: it ships or checks what the main one produced, each from the tool image that does it. */
const JOB_COMPANIONS: readonly Named[] = [
  { name: 'uploader', image: software('aws-cli').image }, { name: 'gcs-upload', image: software('gcloud').image },
  { name: 'notify', image: software('curl').image }, { name: 'checksum', image: software('busybox').image },
];

/** Servers whose second container would be a natural companion (their own exporter). */
const PAIRED = new Set(['nginx', 'redis']);

function mainOf(rng: Rng, batch: boolean, paired: boolean): { main: Named; extra: Named } {
  if (batch) {
    const jobs = houseApps.filter((a) => a.batch);
    const app = rng.pick([...jobs, null]);
    const main = app ? { name: app.name, image: houseImage(app, version(rng)) } : { name: 'pg-dump', image: software('postgres-client').image };
    return { main, extra: rng.pick(JOB_COMPANIONS) };
  }
  if (rng.chance(0.35)) {
    const server = rng.pick(SERVERS.filter((x) => !paired || PAIRED.has(x.id)));
    return { main: named(software(server.id)), extra: named(software(server.exporter)) };
  }
  const app = rng.pick(houseApps.filter((a) => !a.batch));
  return { main: { name: app.name, image: houseImage(app, version(rng)) }, extra: named(software('statsd-exporter')) };
}

/** Servers that keep no database of their own, so a database proxy beside them would make no sense. */
const NO_DATABASE = new Set(['redis', 'nginx']);

/**
 * Sidecars: at most one service-mesh proxy per pod, no sidecar twice, and no database proxy beside redis or nginx
 * (it is swapped for a sidecar not drawn yet, after the draw, so every other pod is drawn exactly as before).
 */
function sidecarsOf(rng: Rng, count: number, main: Named): InitSpec[] {
  const mesh = rng.pick([...SIDECARS].filter((s) => MESH.has(s)));
  const pool = [mesh, ...SIDECARS.filter((s) => !MESH.has(s))];
  const drawn = rng.sample(pool, count);
  const ids = NO_DATABASE.has(main.name)
    ? drawn.map((id) => (id === 'cloud-sql-proxy' ? pool.find((x) => x !== id && !MESH.has(x) && !drawn.includes(x))! : id))
    : drawn;
  return ids.map((id) => ({ ...named(software(id)), sidecar: true }));
}

export function catalogueCast(rng: Rng, wanted: CastShape): Cast {
  const batch = wanted.batch === 'either' ? rng.chance(0.5) : wanted.batch;
  const twoApps = rng.int(...wanted.apps) > 1;
  const { main, extra } = mainOf(rng, batch, twoApps);
  const owner = batch ? 'Job' : rng.chance(0.8) ? 'Deployment' : 'StatefulSet';
  const podName = owner === 'Job' ? `${main.name}-${rng.int(28900000, 29199999)}-${suffix(rng, 5)}`
    : owner === 'Deployment' ? `${main.name}-${suffix(rng, 9)}-${suffix(rng, 5)}` : `${main.name}-${rng.int(0, 2)}`;
  const regular = rng.sample(initsFor(main), rng.int(...wanted.inits)).sort((a, b) => INITS.indexOf(a) - INITS.indexOf(b)).map(({ name, image }) => ({ name, image, sidecar: false }));
  const sidecars = sidecarsOf(rng, rng.int(...wanted.sidecars), main);
  const inits = rng.chance(0.7) ? [...sidecars, ...regular] : [...regular, ...sidecars];
  const apps = twoApps ? [main, extra] : [main];
  return { owner, podName, inits, apps };
}

/** What a sidecar does for the pod, in a few words for a prompt ("routes its traffic through envoy"). */
export function sidecarDoes(name: string): string {
  const role = [...SIDECARS].includes(name as (typeof SIDECARS)[number]) ? software(name).role : undefined;
  switch (role) {
    case 'mesh-proxy': return `routes its traffic through ${name}`;
    case 'log-shipper': return `ships its logs with ${name}`;
    case 'db-proxy': return `reaches its database through ${name}`;
    case 'secrets-agent': return `gets its secrets from ${name}`;
    case 'telemetry': return `sends its traces and metrics through ${name}`;
    default: return `runs ${name}`;
  }
}

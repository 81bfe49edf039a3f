// Who is in a sidecar-lifecycle pod, from the catalogue: helpers (proxies, shippers, agents) with the probes they really
// answer, regular init containers, our own services and Jobs; and the pod spec as YAML of at most 16 lines.
import { houseApps, houseImage, software, type HealthEndpoint } from '../model/software.ts';
import type { RestartPolicy } from '../model/pod-types.ts';
import type { Rng } from '../random.ts';

export interface Box {
  /** The catalogue id of a helper. */
  id?: string;
  name: string;
  image: string;
  /** Where it goes in the spec: a native sidecar (initContainers, restartPolicy: Always), a regular init container,
   *  or `containers` (an app container, or a helper written the old way, beside the app). */
  place: 'sidecar' | 'init' | 'containers';
  startupProbe?: string;
  readinessProbe?: string;
  preStop?: string;
}

const code = (name: string): string => `\`${name}\``;
export { code };

const HELPERS = ['envoy', 'linkerd-proxy', 'istio-proxy', 'fluent-bit', 'vector', 'promtail', 'otel-collector', 'vault-agent', 'cloud-sql-proxy'];
const MESH = ['envoy', 'linkerd-proxy', 'istio-proxy'];
const SHIPPERS = ['fluent-bit', 'vector', 'promtail'];

/** The probe a helper really answers, in flow YAML: its own health endpoint. */
function probeOf(endpoint: HealthEndpoint | undefined): string {
  if (!endpoint) return '{ tcpSocket: { port: 8080 } }';
  if (endpoint.kind === 'exec') return `{ exec: { command: [${(endpoint.command ?? []).join(', ')}] } }`;
  if (endpoint.kind === 'tcp') return `{ tcpSocket: { port: ${endpoint.port} } }`;
  return `{ httpGet: { path: ${endpoint.path}, port: ${endpoint.port} } }`;
}

export function probeFor(id: string, purpose: 'started' | 'ready'): string {
  const health = software(id).health;
  const wanted = health.find((h) => h.for === purpose) ?? health.find((h) => h.for === 'ready' || h.for === 'health') ?? health[0];
  return probeOf(wanted);
}

/** `count` helpers of different roles: never two mesh proxies or two log shippers in one pod. */
export function helpers(rng: Rng, count: number): Box[] {
  const mesh = rng.pick(MESH);
  const shipper = rng.pick(SHIPPERS);
  const pool = HELPERS.filter((id) => (!MESH.includes(id) || id === mesh) && (!SHIPPERS.includes(id) || id === shipper));
  return rng.sample(pool, count).map((id) => ({ id, name: software(id).name, image: software(id).image, place: 'sidecar' }));
}

export const helperId = (box: Box): string => box.id ?? box.name;

const MESH_NAMES = new Set(MESH.map((id) => software(id).name));

/** The init containers of a pod spec in the order listed, each with whether it is a native sidecar (a multi-line
 *  entry with restartPolicy: Always, as podYaml writes them), and the names in containers. */
function specOf(yaml: string): { init: { name: string; sidecar: boolean }[]; containers: string[] } {
  const lines = yaml.split('\n');
  const end = lines.indexOf('containers:');
  const nameOf = (line: string): string | null => /^- (?:\{ )?name: ([a-z0-9-]+)/.exec(line)?.[1] ?? null;
  const init = lines.slice(0, end).flatMap((line, i, all) => {
    const name = nameOf(line);
    if (name === null) return [];
    const rest = all.slice(i + 1);
    const own = rest.slice(0, Math.max(0, rest.findIndex((l) => !l.startsWith('  ')))).concat(rest.every((l) => l.startsWith('  ')) ? rest : []);
    return [{ name, sidecar: own.includes('  restartPolicy: Always') }];
  });
  const containers = lines.slice(end + 1).map(nameOf).filter((n): n is string => n !== null);
  return { init, containers };
}

/** The native sidecars of a pod spec, in the order listed. */
export const sidecarsListed = (yaml: string): string[] => specOf(yaml).init.filter((c) => c.sidecar).map((c) => c.name);

/** Init containers of the casts that need no network. */
const OFFLINE = new Set(['fix-permissions']);

/** Every helper and nearly every init container in the casts talks over the network, and in a mesh it can do so
 *  only through the proxy. So the proxy, as a native sidecar, is listed before all of them: it starts first and, as
 *  sidecars stop in reverse order, stops last, so a shipper's last flush still gets out. A proxy written the old way
 *  in containers starts after every init container, so such a pod has no init container that needs the network.
 *  Pods that break this are classic misconfigurations, and the casts never show them
 *  (docs/rules/sidecars.md#termination-order). */
export function meshListedFirst(yaml: string): boolean {
  const { init, containers } = specOf(yaml);
  if (containers.some((n) => MESH_NAMES.has(n))) return init.every((c) => OFFLINE.has(c.name));
  const mesh = init.findIndex((c) => c.sidecar && MESH_NAMES.has(c.name));
  return mesh < 0 || init.slice(0, mesh).every((c) => OFFLINE.has(c.name));
}

/** The mesh proxy among these sidecars, when another one is listed after it: the note that says why it is first. */
export function meshFirstNote(yaml: string): string | null {
  const sidecars = sidecarsListed(yaml);
  if (sidecars.length < 2 || !MESH_NAMES.has(sidecars[0]!)) return null;
  return `${code(sidecars[0]!)} is listed first for that reason: it stops last, so the sidecars after it can still reach the network while they shut down`;
}

/** Regular init containers that need nothing from one another, so any order the casts list them in is one an
 *  instructor would write (a migrate listed before its wait-for-db would teach the wrong order). */
const INITS: readonly { name: string; image: string }[] = [
  { name: 'wait-for-db', image: software('postgres-client').image }, { name: 'wait-for-redis', image: software('redis').image },
  { name: 'fetch-config', image: software('curl').image }, { name: 'fix-permissions', image: software('busybox').image },
  { name: 'download-model', image: software('curl').image }, { name: 'clone-content', image: software('git').image },
];

export const inits = (rng: Rng, count: number): Box[] => rng.sample(INITS, count).map((b) => ({ ...b, place: 'init' }));

const version = (rng: Rng): string => `${rng.int(1, 4)}.${rng.int(0, 12)}.${rng.int(0, 9)}`;

/** One of our services, as the pod's app container. */
export function service(rng: Rng): Box {
  const app = rng.pick(houseApps.filter((a) => !a.batch));
  return { name: app.name.replace(/-api$/, ''), image: houseImage(app, version(rng)), place: 'containers' };
}

/** One of our services with the readinessProbe it really answers: a table may then show it running and not ready
 *  (without a readinessProbe a started container is ready at once, docs/rules/probes.md). */
export function probedService(rng: Rng): Box {
  const app = rng.pick(houseApps.filter((a) => !a.batch));
  return {
    name: app.name.replace(/-api$/, ''), image: houseImage(app, version(rng)), place: 'containers',
    readinessProbe: `{ httpGet: { path: ${app.ready}, port: ${app.port} } }`,
  };
}

/** A Job's main container (and, for two-step Jobs, a second one). */
export function jobSteps(rng: Rng, count: number): Box[] {
  const apps = rng.sample(houseApps.filter((a) => a.batch), count);
  return apps.map((a, i) => ({ name: i === 0 ? 'main' : a.name, image: houseImage(a, version(rng)), place: 'containers' }));
}


/** A container without probes or hooks fits one flow line; the others are written out. */
function entry(b: Box): string[] {
  const plain = !b.startupProbe && !b.readinessProbe && !b.preStop;
  if (plain && b.place !== 'sidecar') return [`- { name: ${b.name}, image: ${b.image} }`];
  const lines = [`- name: ${b.name}`, `  image: ${b.image}`];
  if (b.place === 'sidecar') lines.push('  restartPolicy: Always');
  if (b.startupProbe) lines.push(`  startupProbe: ${b.startupProbe}`);
  if (b.readinessProbe) lines.push(`  readinessProbe: ${b.readinessProbe}`);
  if (b.preStop) lines.push(`  lifecycle: { preStop: { exec: { command: [sh, -c, "${b.preStop}"] } } }`);
  return lines;
}

/** The pod spec: restartPolicy (when it matters), initContainers (sidecars and regular ones) in order, containers. */
export function podYaml(policy: RestartPolicy | null, boxes: readonly Box[], extra: string[] = []): string {
  const init = boxes.filter((b) => b.place !== 'containers');
  const apps = boxes.filter((b) => b.place === 'containers');
  const lines = [...(policy ? [`restartPolicy: ${policy}`] : []), ...extra];
  if (init.length > 0) lines.push('initContainers:', ...init.flatMap(entry));
  lines.push('containers:', ...apps.flatMap(entry));
  return lines.join('\n');
}

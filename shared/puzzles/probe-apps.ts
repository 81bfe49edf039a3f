// The software the probe kinds show, taken from the catalogue (shared/model/software.ts) and checked the way it
// really is: its own health port and paths, with what each endpoint reports in our words, an exec check only where
// the image ships the tool, and the setting an endpoint needs switched on written into the spec.
import type { ProbeHandler } from '../model/probes.ts';
import { houseApp, houseImage, houseRuntime, software, type HealthEndpoint } from '../model/software.ts';

/** A documented health endpoint and what it reports, in our words. */
export interface Endpoint { path: string; port: number; means: string }

export interface ProbeApp {
  name: string;
  image: string;
  /** How a prompt introduces it: the project's name, or 'an in-house … service'. */
  what: string;
  /** The port the app serves on. */
  servePort: number;
  live?: Endpoint;
  ready?: Endpoint;
  started?: Endpoint;
  /** A port implementing the standard gRPC health service. */
  grpcHealthPort?: number;
  /** A check command the image ships. */
  execCheck?: readonly string[];
  /** A spec line the health endpoints need (e.g. Keycloak's KC_HEALTH_ENABLED), indented for a container. */
  env?: string;
  /** What its readiness waits on, e.g. 'its Postgres database'. */
  dependency: string;
  /** It can take minutes to boot, and answers no check before it has. */
  slowBoot?: boolean;
  /** The image has /bin/sh. */
  shell: boolean;
}

const endpointOf = (health: readonly HealthEndpoint[], wanted: HealthEndpoint['for'], means: string): Endpoint | undefined => {
  const h = health.find((e) => e.for === wanted && e.kind === 'http');
  return h?.path && h.port ? { path: h.path, port: h.port, means } : undefined;
};

interface VendorFacts { what: string; dependency: string; live?: string; ready?: string; started?: string; env?: string; slowBoot?: boolean; servePort?: number }

function vendor(id: string, facts: VendorFacts): ProbeApp {
  const s = software(id);
  const live = facts.live ? endpointOf(s.health, 'live', facts.live) ?? endpointOf(s.health, 'health', facts.live) : undefined;
  const ready = facts.ready ? endpointOf(s.health, 'ready', facts.ready) : undefined;
  const started = facts.started ? endpointOf(s.health, 'started', facts.started) : undefined;
  const exec = s.health.find((h) => h.kind === 'exec' && h.command)?.command;
  return {
    name: s.name, image: s.image, what: facts.what, servePort: facts.servePort ?? s.ports[0]!.port, dependency: facts.dependency, shell: s.shell ?? false,
    ...(live ? { live } : {}), ...(ready ? { ready } : {}), ...(started ? { started } : {}),
    ...(exec ? { execCheck: exec } : {}), ...(facts.env ? { env: facts.env } : {}), ...(facts.slowBoot ? { slowBoot: true } : {}),
  };
}

/** Our own services: the catalogue gives port, paths and base image; these are the facts of the fictional company. */
const houseFacts: Record<string, { version: string; runtime: string; dependency: string; slowBoot?: boolean; spring?: boolean }> = {
  'orders-api': { version: '2.4.1', runtime: 'Go', dependency: 'its Postgres database' },
  checkout: { version: '1.9.0', runtime: 'Node.js', dependency: 'its Redis session store' },
  billing: { version: '3.8.2', runtime: 'Spring Boot', dependency: 'its Kafka brokers', slowBoot: true, spring: true },
  inventory: { version: '1.12.0', runtime: 'Spring Boot', dependency: 'its MySQL database', slowBoot: true, spring: true },
  'search-api': { version: '0.9.4', runtime: 'Python', dependency: 'its Elasticsearch cluster', slowBoot: true },
  profile: { version: '2.0.3', runtime: 'Python', dependency: 'its Postgres database' },
  shipping: { version: '4.1.0', runtime: 'Node.js', dependency: 'its Redis queue' },
};

function house(name: string): ProbeApp {
  const app = houseApp(name);
  const f = houseFacts[name]!;
  const short = f.dependency.replace(/^its /, '').replace(/ (database|session store|brokers|cluster|queue)$/, '');
  return {
    name, image: houseImage(app, f.version), what: `an in-house ${f.runtime} service`, servePort: app.port, dependency: f.dependency,
    shell: houseRuntime(app).shell, ...(f.slowBoot ? { slowBoot: true } : {}),
    live: { path: app.live, port: app.port, means: f.spring ? 'is Spring Boot’s liveness group: it reports whether the app’s internal state is sound' : 'answers 200 while its request loop is alive' },
    ready: { path: app.ready, port: app.port, means: f.spring ? 'is Spring Boot’s readiness group: it reports whether the app accepts traffic right now' : `answers 200 only while it can reach ${short}` },
  };
}

export const probeApps: readonly ProbeApp[] = [
  vendor('keycloak', {
    what: 'Keycloak', dependency: 'its Postgres database', slowBoot: true, env: 'env: [{name: KC_HEALTH_ENABLED, value: "true"}]',
    started: 'reports whether the server has finished starting',
    live: 'reports whether the server process itself is healthy, without looking at the database',
    ready: 'reports whether it can process requests, its database connection included',
  }),
  vendor('grafana', { what: 'Grafana', dependency: 'its database', live: 'answers 200 while the server runs and its database answers' }),
  ...Object.keys(houseFacts).map(house),
];

/** Stores and brokers: no HTTP health path, but a check tool in the image, a gRPC health service, or a port. */
export const probeStores: readonly ProbeApp[] = [
  vendor('redis', { what: 'Redis', dependency: 'its replica link' }),
  vendor('postgres', { what: 'PostgreSQL', dependency: 'its disk' }),
  vendor('mysql', { what: 'MySQL', dependency: 'its disk' }),
  vendor('memcached', { what: 'memcached', dependency: 'nothing' }),
  { ...vendor('etcd', { what: 'etcd', dependency: 'its peers' }), grpcHealthPort: 2379 },
];

/** Helpers that run beside an app in the same pod, with their own health endpoints. */
export const probeProxies: readonly ProbeApp[] = [
  vendor('linkerd-proxy', { what: 'the Linkerd proxy', dependency: 'the Linkerd control plane', live: 'answers 200 while the proxy runs', ready: 'answers 200 once the proxy can route traffic', servePort: 4143 }),
  vendor('envoy', { what: 'Envoy', dependency: 'its control plane', ready: 'answers 200 once the server has initialised its listeners' }),
  vendor('istio-proxy', { what: 'the Istio proxy', dependency: 'istiod', ready: 'answers 200 once the proxy has its configuration from istiod', servePort: 15006 }),
];

/** Vendors whose documented endpoints the vendor-endpoint template quotes (no spec shown). */
export const documentedEndpoints: readonly ProbeApp[] = [
  probeApps[0]!,
  vendor('cloud-sql-proxy', {
    what: 'The Cloud SQL Auth Proxy, run with --health-check,', dependency: 'the Cloud SQL instance',
    started: 'reports whether the proxy has finished starting up',
    live: 'fails only when the proxy process itself is in a bad state',
    ready: 'reports whether the proxy can take new connections right now',
  }),
  ...probeProxies,
  ...probeApps.filter((a) => /Spring Boot/.test(a.what)),
];

export const withEndpoints = (...keys: ('live' | 'ready' | 'started')[]): ProbeApp[] =>
  probeApps.filter((a) => keys.every((k) => a[k] !== undefined));

export const httpHandler = (e: Endpoint): ProbeHandler => ({ type: 'httpGet', path: e.path, port: e.port });

/** How a prompt names it: the project's name, or 'the orders-api service' for one of ours. */
export const appName = (a: ProbeApp): string => (/^an? /.test(a.what) ? `the ${a.name} service` : a.what);

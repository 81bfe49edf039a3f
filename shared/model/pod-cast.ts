// Who is in a scenario pod: its owner, name, init containers, sidecars and app containers, with real images.
import { ENVOY_IMAGE, LINKERD_PROXY_IMAGE } from './software.ts';
import type { Rng } from '../random.ts';
import type { Owner } from './pod-scenarios.ts';

export interface Named { name: string; image: string }

const SERVICES: readonly Named[] = [
  { name: 'web', image: 'nginx:1.27' }, { name: 'api', image: 'ghcr.io/acme/api:2.4.1' },
  { name: 'checkout', image: 'ghcr.io/acme/checkout:1.9.0' }, { name: 'catalog', image: 'node:20-alpine' },
  { name: 'payments', image: 'registry.example.com/payments:3.2.0' }, { name: 'grafana', image: 'grafana/grafana:11.1.0' },
  { name: 'cache', image: 'redis:7.2' }, { name: 'orders', image: 'ghcr.io/acme/orders:0.14.2' },
  { name: 'search', image: 'ghcr.io/acme/search:5.0.3' }, { name: 'auth', image: 'quay.io/keycloak/keycloak:25.0' },
];
const BATCH: readonly Named[] = [
  { name: 'db-backup', image: 'postgres:16' }, { name: 'report', image: 'python:3.12-slim' },
  { name: 'resize-images', image: 'ghcr.io/acme/resizer:0.8.2' }, { name: 'nightly-export', image: 'ghcr.io/acme/exporter:1.3.0' },
  { name: 'send-invoices', image: 'ghcr.io/acme/billing:4.1.7' }, { name: 'reindex', image: 'ghcr.io/acme/search:5.0.3' },
];
const SIDECARS: readonly Named[] = [
  { name: 'envoy', image: ENVOY_IMAGE }, { name: 'linkerd-proxy', image: LINKERD_PROXY_IMAGE },
  { name: 'fluent-bit', image: 'fluent/fluent-bit:3.1' }, { name: 'vector', image: 'timberio/vector:0.40.0-alpine' },
  { name: 'cloud-sql-proxy', image: 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0' },
  { name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.23.0' },
];
const INITS: readonly Named[] = [
  { name: 'wait-for-db', image: 'busybox:1.36' }, { name: 'fetch-config', image: 'curlimages/curl:8.9.1' },
  { name: 'fix-permissions', image: 'busybox:1.36' }, { name: 'render-config', image: 'alpine:3.20' },
  { name: 'wait-for-redis', image: 'busybox:1.36' }, { name: 'download-assets', image: 'amazon/aws-cli:2.17.0' },
];
const SUFFIX_CHARS = 'bcdfghjklmnpqrstvwxz2456789';

const EXTRA_APPS: readonly Named[] = [
  { name: 'metrics-exporter', image: 'prom/statsd-exporter:v0.27.1' }, { name: 'uploader', image: 'amazon/aws-cli:2.17.0' },
];

export interface InitSpec extends Named { sidecar: boolean }

/** Who owns the pod and which containers its spec lists, in spec order. */
export interface Cast { owner: Owner; podName: string; inits: InitSpec[]; apps: Named[] }

export interface CastShape { batch: boolean | 'either'; inits: [number, number]; sidecars: [number, number]; apps: [number, number] }

function suffix(rng: Rng, length: number): string {
  return Array.from({ length }, () => rng.pick([...SUFFIX_CHARS])).join('');
}

function podNameOf(rng: Rng, owner: Owner, base: string): string {
  if (owner === 'Deployment') return `${base}-${suffix(rng, 9)}-${suffix(rng, 5)}`;
  if (owner === 'Job') return `${base}-${rng.int(28900000, 29199999)}-${suffix(rng, 5)}`;
  return `${base}-${rng.int(0, 2)}`;
}

/** Sidecars usually come first (a mesh proxy or SQL proxy the init containers may need), sometimes last. */
function initSpecOf(rng: Rng, shape: CastShape & { batch: boolean }, main: Named): InitSpec[] {
  let regular = rng.sample(INITS, rng.int(...shape.inits));
  if (!shape.batch && regular.length > 1 && rng.chance(0.4)) regular = [...regular.slice(0, -1), { name: 'migrate', image: main.image }];
  const sidecars = rng.sample(SIDECARS, rng.int(...shape.sidecars)).map((s) => ({ ...s, sidecar: true }));
  const plain = regular.map((r) => ({ ...r, sidecar: false }));
  return rng.chance(0.7) ? [...sidecars, ...plain] : [...plain, ...sidecars];
}

export function castOf(rng: Rng, wanted: CastShape): Cast {
  const shape = { ...wanted, batch: wanted.batch === 'either' ? rng.chance(0.5) : wanted.batch };
  const main = rng.pick(shape.batch ? BATCH : SERVICES);
  const owner: Owner = shape.batch ? 'Job' : rng.chance(0.8) ? 'Deployment' : 'StatefulSet';
  const apps = [{ name: shape.batch ? 'main' : main.name, image: main.image }];
  if (rng.int(...shape.apps) > 1) apps.push(EXTRA_APPS[shape.batch ? 1 : 0]!);
  return { owner, podName: podNameOf(rng, owner, main.name), inits: initSpecOf(rng, shape, main), apps };
}

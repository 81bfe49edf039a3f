// One cast of real software for every puzzle kind: images with real tags, the ports each one really listens on, its
// health endpoints, the user it runs as, whether it has a shell, and (for log shippers) where it really ships to.
// A kind takes its images from here, so no puzzle gives a tool another tool's port, path or backend.
// Where a fact was not certain it is left out rather than guessed (e.g. `uid` or `shell` undefined).

export type Role =
  | 'mesh-proxy' | 'log-shipper' | 'telemetry' | 'secrets-agent' | 'db-proxy' | 'config-reloader' | 'exporter'
  | 'web-server' | 'database' | 'cache' | 'identity' | 'search' | 'dashboard' | 'app' | 'tool';

export type Backend =
  | 'Elasticsearch' | 'OpenSearch' | 'Loki' | 'Kafka' | 'S3' | 'CloudWatch' | 'Splunk' | 'Datadog' | 'OTLP' | 'HTTP';

export interface Port {
  name: string;
  port: number;
  /** What it is for, in a few words ("outbound traffic", "admin API"). */
  purpose: string;
  /** Bound to 127.0.0.1 by default: reachable only from inside the pod. */
  localOnly?: boolean;
}

export interface HealthEndpoint {
  /** http: path on port; tcp: the port opens; exec: a command. */
  kind: 'http' | 'tcp' | 'exec';
  port?: number;
  path?: string;
  command?: string[];
  /** What the endpoint reports, so a probe uses it for the right job. */
  for: 'ready' | 'live' | 'started' | 'health';
  /** A setting the endpoint needs (it is off by default). */
  needs?: string;
}

export interface Software {
  id: string;
  /** The container name people usually give it. */
  name: string;
  image: string;
  role: Role;
  ports: Port[];
  health: HealthEndpoint[];
  /** The user the image runs as by default, when known. */
  uid?: number;
  /** Whether the image has /bin/sh (distroless and scratch images do not), when known. */
  shell?: boolean;
  /** Log shippers and collectors: the backends it really has outputs for. */
  shipsTo?: Backend[];
  /** Builds on the same proxy (istio-proxy is Envoy), so sharing its ports is expected. */
  family?: string;
  /** Stands in for another service on that service's port (cloud-sql-proxy on 5432 for Postgres). */
  standsInFor?: string;
}

/** Open-source Linkerd ships only edge releases since 2.15; edge-25.4.4 is Linkerd 2.18. Every kind takes the tag from
 * here. The proxy's ports (inbound 4143, outbound 4140, admin 4191) and its UID 2102 are the same in every release. */
export const LINKERD_PROXY_IMAGE = 'cr.l5d.io/linkerd/proxy:edge-25.4.4';
export const ENVOY_IMAGE = 'envoyproxy/envoy:v1.31.0';

const http = (port: number, path: string, kind: HealthEndpoint['for'], needs?: string): HealthEndpoint =>
  ({ kind: 'http', port, path, for: kind, ...(needs ? { needs } : {}) });

export const helpers: readonly Software[] = [
  {
    id: 'envoy', name: 'envoy', image: ENVOY_IMAGE, role: 'mesh-proxy', family: 'envoy', shell: true,
    ports: [{ name: 'proxy', port: 15001, purpose: 'traffic the app sends through the proxy' }, { name: 'admin', port: 9901, purpose: 'admin API (stats, /ready, drain)' }],
    health: [http(9901, '/ready', 'ready')],
  },
  {
    id: 'linkerd-proxy', name: 'linkerd-proxy', image: LINKERD_PROXY_IMAGE, role: 'mesh-proxy', uid: 2102, shell: false,
    ports: [
      { name: 'outbound', port: 4140, purpose: 'outbound traffic' }, { name: 'inbound', port: 4143, purpose: 'inbound traffic' },
      { name: 'admin', port: 4191, purpose: 'admin: metrics, /ready, /live' },
    ],
    health: [http(4191, '/ready', 'ready'), http(4191, '/live', 'live')],
  },
  {
    id: 'istio-proxy', name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.23.0', role: 'mesh-proxy', family: 'envoy', uid: 1337, shell: true,
    ports: [
      { name: 'outbound', port: 15001, purpose: 'outbound traffic' }, { name: 'inbound', port: 15006, purpose: 'inbound traffic' },
      { name: 'health', port: 15021, purpose: 'health: /healthz/ready' }, { name: 'metrics', port: 15020, purpose: 'merged Prometheus metrics' },
      { name: 'admin', port: 15000, purpose: 'Envoy admin', localOnly: true },
    ],
    health: [http(15021, '/healthz/ready', 'ready')],
  },
  {
    id: 'otel-collector', name: 'otel-collector', image: 'otel/opentelemetry-collector-contrib:0.104.0', role: 'telemetry', uid: 10001, shell: false,
    ports: [
      { name: 'otlp-grpc', port: 4317, purpose: 'OTLP over gRPC' }, { name: 'otlp-http', port: 4318, purpose: 'OTLP over HTTP' },
      { name: 'health', port: 13133, purpose: 'health_check extension' },
    ],
    health: [http(13133, '/', 'health', 'the health_check extension')],
    shipsTo: ['OTLP', 'Kafka', 'Elasticsearch', 'Loki', 'Datadog'],
  },
  {
    id: 'fluent-bit', name: 'fluent-bit', image: 'fluent/fluent-bit:3.1', role: 'log-shipper', shell: false,
    ports: [{ name: 'http', port: 2020, purpose: 'HTTP server: metrics and /api/v1/health' }],
    health: [http(2020, '/api/v1/health', 'health', 'HTTP_Server On and Health_Check On')],
    shipsTo: ['Elasticsearch', 'OpenSearch', 'Loki', 'Kafka', 'S3', 'CloudWatch', 'Splunk', 'Datadog', 'HTTP'],
  },
  {
    id: 'vector', name: 'vector', image: 'timberio/vector:0.40.0-alpine', role: 'log-shipper', shell: true,
    ports: [{ name: 'api', port: 8686, purpose: 'API and /health' }],
    health: [http(8686, '/health', 'health', 'api.enabled: true')],
    shipsTo: ['Elasticsearch', 'OpenSearch', 'Loki', 'Kafka', 'S3', 'CloudWatch', 'Splunk', 'Datadog', 'HTTP'],
  },
  {
    id: 'promtail', name: 'promtail', image: 'grafana/promtail:3.0.0', role: 'log-shipper', shell: true,
    ports: [{ name: 'http', port: 9080, purpose: 'HTTP: /ready and /metrics' }],
    health: [http(9080, '/ready', 'ready')],
    shipsTo: ['Loki'],
  },
  {
    id: 'vault-agent', name: 'vault-agent', image: 'hashicorp/vault:1.17.2', role: 'secrets-agent', uid: 100, shell: true,
    ports: [],
    health: [{ kind: 'exec', command: ['test', '-f', '/vault/secrets/token'], for: 'ready' }],
  },
  {
    id: 'cloud-sql-proxy', name: 'cloud-sql-proxy', image: 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0', role: 'db-proxy',
    uid: 65532, shell: false, standsInFor: 'postgres',
    ports: [{ name: 'postgres', port: 5432, purpose: 'tunnel to the Cloud SQL instance', localOnly: true }, { name: 'health', port: 9090, purpose: 'health checks' }],
    health: [
      http(9090, '/startup', 'started', '--health-check'), http(9090, '/readiness', 'ready', '--health-check'),
      http(9090, '/liveness', 'live', '--health-check'),
    ],
  },
  {
    id: 'configmap-reload', name: 'config-reloader', image: 'ghcr.io/jimmidyson/configmap-reload:v0.13.1', role: 'config-reloader', shell: false,
    ports: [{ name: 'metrics', port: 9533, purpose: 'metrics' }],
    health: [],
  },
  {
    id: 'node-exporter', name: 'node-exporter', image: 'prom/node-exporter:v1.8.2', role: 'exporter', uid: 65534, shell: true,
    ports: [{ name: 'metrics', port: 9100, purpose: 'Prometheus metrics' }], health: [http(9100, '/', 'health')],
  },
  {
    id: 'nginx-exporter', name: 'nginx-exporter', image: 'nginx/nginx-prometheus-exporter:1.3.0', role: 'exporter',
    ports: [{ name: 'metrics', port: 9113, purpose: 'Prometheus metrics from nginx stub_status' }], health: [http(9113, '/metrics', 'health')],
  },
  {
    id: 'redis-exporter', name: 'redis-exporter', image: 'oliver006/redis_exporter:v1.62.0', role: 'exporter', shell: false,
    ports: [{ name: 'metrics', port: 9121, purpose: 'Prometheus metrics from Redis' }], health: [http(9121, '/health', 'health')],
  },
  {
    id: 'postgres-exporter', name: 'postgres-exporter', image: 'quay.io/prometheuscommunity/postgres-exporter:v0.15.0', role: 'exporter',
    ports: [{ name: 'metrics', port: 9187, purpose: 'Prometheus metrics from Postgres' }], health: [http(9187, '/metrics', 'health')],
  },
  {
    id: 'mysqld-exporter', name: 'mysqld-exporter', image: 'prom/mysqld-exporter:v0.15.1', role: 'exporter',
    ports: [{ name: 'metrics', port: 9104, purpose: 'Prometheus metrics from MySQL' }], health: [http(9104, '/metrics', 'health')],
  },
  {
    id: 'statsd-exporter', name: 'statsd-exporter', image: 'prom/statsd-exporter:v0.27.1', role: 'exporter',
    ports: [{ name: 'metrics', port: 9102, purpose: 'Prometheus metrics' }, { name: 'statsd', port: 9125, purpose: 'StatsD input (UDP)' }],
    health: [http(9102, '/metrics', 'health')],
  },
];

export const services: readonly Software[] = [
  {
    id: 'nginx', name: 'nginx', image: 'nginx:1.27', role: 'web-server', uid: 0, shell: true,
    ports: [{ name: 'http', port: 80, purpose: 'HTTP' }], health: [http(80, '/', 'health')],
  },
  {
    id: 'redis', name: 'redis', image: 'redis:7.2', role: 'cache', uid: 999, shell: true,
    ports: [{ name: 'redis', port: 6379, purpose: 'Redis protocol' }],
    health: [{ kind: 'exec', command: ['redis-cli', 'ping'], for: 'health' }, { kind: 'tcp', port: 6379, for: 'live' }],
  },
  {
    id: 'postgres', name: 'postgres', image: 'postgres:16', role: 'database', uid: 999, shell: true,
    ports: [{ name: 'postgres', port: 5432, purpose: 'PostgreSQL protocol' }],
    health: [{ kind: 'exec', command: ['pg_isready', '-U', 'postgres'], for: 'ready' }, { kind: 'tcp', port: 5432, for: 'live' }],
  },
  {
    id: 'mysql', name: 'mysql', image: 'mysql:8.0', role: 'database', uid: 999, shell: true,
    ports: [{ name: 'mysql', port: 3306, purpose: 'MySQL protocol' }],
    health: [{ kind: 'exec', command: ['mysqladmin', 'ping'], for: 'health' }, { kind: 'tcp', port: 3306, for: 'live' }],
  },
  {
    id: 'keycloak', name: 'keycloak', image: 'quay.io/keycloak/keycloak:25.0.6', role: 'identity', uid: 1000, shell: true,
    ports: [{ name: 'http', port: 8080, purpose: 'HTTP' }, { name: 'management', port: 9000, purpose: 'management: /health and /metrics (since 25)' }],
    health: [
      http(9000, '/health/ready', 'ready', 'KC_HEALTH_ENABLED=true'), http(9000, '/health/live', 'live', 'KC_HEALTH_ENABLED=true'),
      http(9000, '/health/started', 'started', 'KC_HEALTH_ENABLED=true'),
    ],
  },
  {
    id: 'elasticsearch', name: 'elasticsearch', image: 'docker.elastic.co/elasticsearch/elasticsearch:8.15.0', role: 'search', uid: 1000, shell: true,
    ports: [{ name: 'http', port: 9200, purpose: 'REST API' }, { name: 'transport', port: 9300, purpose: 'node-to-node' }],
    health: [http(9200, '/_cluster/health?local=true', 'health')],
  },
  {
    id: 'grafana', name: 'grafana', image: 'grafana/grafana:11.1.0', role: 'dashboard', uid: 472, shell: true,
    ports: [{ name: 'http', port: 3000, purpose: 'HTTP' }], health: [http(3000, '/api/health', 'health')],
  },
  {
    id: 'nginx-unprivileged', name: 'nginx', image: 'nginxinc/nginx-unprivileged:1.27', role: 'web-server', uid: 101, shell: true,
    family: 'nginx', ports: [{ name: 'http', port: 8080, purpose: 'HTTP, as a non-root user' }], health: [http(8080, '/', 'health')],
  },
  {
    id: 'httpd', name: 'httpd', image: 'httpd:2.4', role: 'web-server', uid: 0, shell: true,
    ports: [{ name: 'http', port: 80, purpose: 'HTTP' }], health: [http(80, '/', 'health')],
  },
  {
    id: 'memcached', name: 'memcached', image: 'memcached:1.6', role: 'cache', uid: 11211, shell: true,
    ports: [{ name: 'memcached', port: 11211, purpose: 'memcached text protocol' }], health: [{ kind: 'tcp', port: 11211, for: 'live' }],
  },
  {
    id: 'php-fpm', name: 'php-fpm', image: 'php:8.3-fpm-alpine', role: 'app', uid: 0, shell: true,
    ports: [{ name: 'fastcgi', port: 9000, purpose: 'FastCGI' }], health: [{ kind: 'tcp', port: 9000, for: 'live' }],
  },
  {
    // Built on Prometheus' busybox image (a shell is there), runs as nobody; SIGHUP or POST /-/reload (with
    // --web.enable-lifecycle) reloads /etc/prometheus/prometheus.yml.
    id: 'prometheus', name: 'prometheus', image: 'prom/prometheus:v2.53.0', role: 'telemetry', uid: 65534, shell: true,
    ports: [{ name: 'http', port: 9090, purpose: 'UI, API and /metrics' }],
    health: [http(9090, '/-/healthy', 'live'), http(9090, '/-/ready', 'ready')],
  },
  {
    id: 'oauth2-proxy', name: 'oauth2-proxy', image: 'quay.io/oauth2-proxy/oauth2-proxy:v7.6.0', role: 'identity', shell: false,
    ports: [{ name: 'http', port: 4180, purpose: 'proxy and /ping' }], health: [http(4180, '/ping', 'health')],
  },
  {
    id: 'etcd', name: 'etcd', image: 'registry.k8s.io/etcd:3.5.15-0', role: 'database',
    ports: [{ name: 'client', port: 2379, purpose: 'client API: gRPC (with the gRPC health service) and HTTP' }, { name: 'peer', port: 2380, purpose: 'peer traffic' }],
    health: [http(2379, '/health', 'health')],
  },
];

/** Images for init containers and batch steps: tools, not services. */
export const tools: readonly Software[] = [
  { id: 'busybox', name: 'busybox', image: 'busybox:1.36', role: 'tool', uid: 0, shell: true, ports: [], health: [] },
  { id: 'alpine', name: 'alpine', image: 'alpine:3.20', role: 'tool', uid: 0, shell: true, ports: [], health: [] },
  { id: 'curl', name: 'curl', image: 'curlimages/curl:8.9.1', role: 'tool', uid: 100, shell: true, ports: [], health: [] },
  { id: 'aws-cli', name: 'aws-cli', image: 'amazon/aws-cli:2.17.0', role: 'tool', shell: true, ports: [], health: [] },
  { id: 'gcloud', name: 'gcloud', image: 'google/cloud-sdk:slim', role: 'tool', shell: true, ports: [], health: [] },
  { id: 'git', name: 'git', image: 'alpine/git:2.43.0', role: 'tool', shell: true, ports: [], health: [] },
  { id: 'git-sync', name: 'git-sync', image: 'registry.k8s.io/git-sync/git-sync:v4.2.4', role: 'tool', uid: 65533, ports: [], health: [] },
  { id: 'flyway', name: 'flyway', image: 'flyway/flyway:10', role: 'tool', shell: true, ports: [], health: [] },
  { id: 'migrate', name: 'migrate', image: 'migrate/migrate:v4.17.1', role: 'tool', shell: true, ports: [], health: [] },
  { id: 'gomplate', name: 'gomplate', image: 'hairyhenderson/gomplate:v3.11.8', role: 'tool', ports: [], health: [] },
  { id: 'vault-cli', name: 'vault', image: 'hashicorp/vault:1.17.2', role: 'tool', uid: 100, shell: true, ports: [], health: [] },
  { id: 'postgres-client', name: 'psql', image: 'postgres:16', role: 'tool', shell: true, ports: [], health: [] },
  { id: 'mysql-client', name: 'mysql', image: 'mysql:8.0', role: 'tool', shell: true, ports: [], health: [] },
  // kcat (formerly kafkacat): -L asks a broker for metadata and fails when none answers.
  { id: 'kcat', name: 'kcat', image: 'edenhill/kcat:1.7.1', role: 'tool', shell: true, ports: [], health: [] },
  { id: 'ffmpeg', name: 'encoder', image: 'jrottenberg/ffmpeg:6.1-alpine', role: 'tool', shell: true, ports: [], health: [] },
];

/** Base images our own services build FROM: what a house app's image is made of (shell, user). */
export const bases: readonly Software[] = [
  { id: 'python', name: 'python', image: 'python:3.12-slim', role: 'app', uid: 0, shell: true, ports: [], health: [] },
  { id: 'node', name: 'node', image: 'node:20-alpine', role: 'app', uid: 0, shell: true, ports: [], health: [] },
  { id: 'node22', name: 'node', image: 'node:22-alpine', role: 'app', uid: 0, shell: true, ports: [], health: [] },
  { id: 'temurin', name: 'java', image: 'eclipse-temurin:21-jre', role: 'app', uid: 0, shell: true, ports: [], health: [] },
  { id: 'distroless', name: 'distroless', image: 'gcr.io/distroless/static-debian12:nonroot', role: 'app', uid: 65532, shell: false, ports: [], health: [] },
  { id: 'pytorch', name: 'pytorch', image: 'pytorch/pytorch:2.2.0-cuda12.1-cudnn8-runtime', role: 'app', uid: 0, shell: true, ports: [], health: [] },
];

/** The fictional company whose own services the puzzles run: `ghcr.io/acme/<name>:<version>`. */
export const HOUSE_REGISTRY = 'ghcr.io/acme/';

export interface HouseApp {
  name: string;
  /** What its image is built FROM (a `bases` id): decides shell and user. */
  base: string;
  port: number;
  /** Liveness and readiness paths it serves on `port`. */
  live: string;
  ready: string;
  /** A Job rather than a service. */
  batch?: boolean;
}

export const houseApps: readonly HouseApp[] = [
  { name: 'orders-api', base: 'distroless', port: 8080, live: '/healthz', ready: '/readyz' },
  { name: 'checkout', base: 'node22', port: 3000, live: '/healthz', ready: '/ready' },
  { name: 'catalog', base: 'node', port: 3000, live: '/healthz', ready: '/ready' },
  { name: 'billing', base: 'temurin', port: 8080, live: '/actuator/health/liveness', ready: '/actuator/health/readiness' },
  { name: 'payments', base: 'distroless', port: 8443, live: '/healthz', ready: '/readyz' },
  { name: 'search-api', base: 'python', port: 8000, live: '/healthz', ready: '/ready' },
  { name: 'inventory', base: 'temurin', port: 8080, live: '/actuator/health/liveness', ready: '/actuator/health/readiness' },
  { name: 'ledger', base: 'distroless', port: 8080, live: '/healthz', ready: '/readyz' },
  { name: 'profile', base: 'python', port: 8000, live: '/healthz', ready: '/ready' },
  { name: 'shipping', base: 'node22', port: 3000, live: '/healthz', ready: '/ready' },
  { name: 'reports', base: 'python', port: 8000, live: '/healthz', ready: '/ready', batch: true },
  { name: 'nightly-export', base: 'distroless', port: 8080, live: '/healthz', ready: '/readyz', batch: true },
  { name: 'resize-images', base: 'python', port: 8000, live: '/healthz', ready: '/ready', batch: true },
  { name: 'send-invoices', base: 'temurin', port: 8080, live: '/healthz', ready: '/readyz', batch: true },
  { name: 'storefront', base: 'node22', port: 3000, live: '/healthz', ready: '/ready' },
  { name: 'frontend', base: 'node22', port: 3000, live: '/healthz', ready: '/ready' },
  { name: 'gateway', base: 'distroless', port: 8080, live: '/healthz', ready: '/readyz' },
  { name: 'pricing', base: 'temurin', port: 8080, live: '/actuator/health/liveness', ready: '/actuator/health/readiness' },
  { name: 'geo-api', base: 'node22', port: 3000, live: '/healthz', ready: '/ready' },
  { name: 'fraud-check', base: 'python', port: 8000, live: '/healthz', ready: '/ready' },
  { name: 'recommender', base: 'pytorch', port: 8000, live: '/healthz', ready: '/ready' },
  { name: 'notifications', base: 'temurin', port: 8080, live: '/actuator/health/liveness', ready: '/actuator/health/readiness' },
  { name: 'frame-capture', base: 'python', port: 8080, live: '/healthz', ready: '/ready' },
  { name: 'thumbnailer', base: 'python', port: 8000, live: '/healthz', ready: '/ready' },
  { name: 'uploader', base: 'node22', port: 3000, live: '/healthz', ready: '/ready' },
  { name: 'reindex', base: 'python', port: 8000, live: '/healthz', ready: '/ready', batch: true },
  { name: 'queue-worker', base: 'python', port: 8000, live: '/healthz', ready: '/ready' },
  { name: 'order-events', base: 'node22', port: 3000, live: '/healthz', ready: '/ready' },
  { name: 'cert-renewer', base: 'distroless', port: 8080, live: '/healthz', ready: '/readyz', batch: true },
];

export const catalogue: readonly Software[] = [...helpers, ...services, ...tools, ...bases];

export function software(id: string): Software {
  const found = catalogue.find((s) => s.id === id);
  if (!found) throw new Error(`no software ${id} in the catalogue`);
  return found;
}

export const byRole = (role: Role): Software[] => catalogue.filter((s) => s.role === role);

/** A house app's image, e.g. ghcr.io/acme/orders-api:2.4.1. */
export const houseImage = (app: HouseApp, version: string): string => `${HOUSE_REGISTRY}${app.name}:${version}`;

export function houseApp(name: string): HouseApp {
  const found = houseApps.find((a) => a.name === name);
  if (!found) throw new Error(`no house app ${name}`);
  return found;
}

/** Whether an image comes from the catalogue: a listed image, or one of our own services at any version. */
export function isCatalogueImage(image: string): boolean {
  if (catalogue.some((s) => s.image === image)) return true;
  if (!image.startsWith(HOUSE_REGISTRY)) return false;
  const [name, version] = image.slice(HOUSE_REGISTRY.length).split(':');
  return houseApps.some((a) => a.name === name) && /^\d+\.\d+\.\d+$/.test(version ?? '');
}

/** Shell and user of a house app, from its base image. */
export function houseRuntime(app: HouseApp): { shell: boolean; uid: number | undefined } {
  const base = software(app.base);
  return { shell: base.shell ?? true, uid: base.uid };
}

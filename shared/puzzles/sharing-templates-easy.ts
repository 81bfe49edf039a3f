// Easy shared-namespaces templates: one rule, visible in the YAML (which volume each container mounts and how,
// which ports each declares, whether shareProcessNamespace is set).
import { ENVOY_IMAGE, LINKERD_PROXY_IMAGE } from '../model/software.ts';
import type { SharingContainer, SharingPod } from '../model/sharing.ts';
import type { Rng } from '../random.ts';
import { house } from './house.ts';
import { hostAsked, podFor, say } from './sharing-statements.ts';
import type { SharingTemplate } from './sharing-templates.ts';

const podName = (rng: Rng, base: string): string => `${base}-${rng.int(0, 2)}`;
const ctr = (name: string, image: string, ports: number[], over: Partial<SharingContainer> = {}): SharingContainer => ({ name, image, ports, mounts: [], ...over });
const emptyDirs = (...names: string[]): SharingPod['volumes'] => names.map((name) => ({ name, source: 'emptyDir' as const }));

const WEB_WITH_LOGS = [
  { name: 'web', image: 'nginx:1.27', port: 80, logDir: '/var/log/nginx' },
  { name: 'orders-api', image: 'ghcr.io/acme/orders-api:2.4.1', port: 8080, logDir: '/var/log/orders-api' },
  { name: 'checkout', image: 'ghcr.io/acme/checkout:1.9.0', port: 3000, logDir: '/var/log/checkout' },
] as const;
const SHIPPERS = [
  { name: 'fluent-bit', image: 'fluent/fluent-bit:3.1', port: 2020, what: "'s HTTP server", backend: 'Elasticsearch' },
  { name: 'vector', image: 'timberio/vector:0.40.0-alpine', port: 8686, what: "'s API", backend: 'Datadog' },
  { name: 'promtail', image: 'grafana/promtail:3.0.0', port: 9080, what: "'s HTTP server", backend: 'Loki' },
] as const;

/** A log shipper that may mount the app's log volume where the app does, elsewhere, or not at all. */
const logShipper: SharingTemplate = {
  id: 'shared-namespaces/log-shipper',
  count: 3,
  setup(rng) {
    const app = rng.pick(WEB_WITH_LOGS);
    const sh = rng.pick(SHIPPERS);
    const name = podName(rng, app.name);
    return {
      story: `${app.name} writes its log files to ${app.logDir}; ${sh.name} is there to tail them and ship them to ${sh.backend}.`,
      // http: whether the shipper's HTTP server is on (fluent-bit and vector ship with it off) and so declared.
      knobs: { mount: ['same-path', 'other-path', 'other-volume'], readOnly: [true, false], ask: ['own', 'peer'], http: [true, false] },
      build: (k) => {
        const dir = k.mount === 'other-path' ? '/logs' : app.logDir;
        const volume = k.mount === 'other-volume' ? 'buffer' : 'logs';
        return {
          name, shareProcessNamespace: false,
          volumes: emptyDirs('logs', ...(volume === 'buffer' ? ['buffer'] : [])),
          containers: [
            ctr(app.name, app.image, [app.port], { mounts: [{ volume: 'logs', mountPath: app.logDir }] }),
            ctr(sh.name, sh.image, k.http ? [sh.port] : [], { mounts: [{ volume, mountPath: dir, ...(k.readOnly ? { readOnly: true } : {}) }] }),
          ],
        };
      },
      statements: [
        (pod) => say.readLogs(pod, sh.name, app.name, app.logDir),
        (pod) => say.writeDir(pod, sh.name, pod.containers[1]!.mounts[0]!.mountPath),
        // False only for a reason in the YAML: the port asked is the asker's own, or the shipper declares none.
        (pod, k) => say.reachPort(pod, app.name, sh.name, k.ask === 'own' ? sh.port : app.port, sh.what),
      ],
    };
  },
};

const WEB_SERVERS = [
  { name: 'web', image: 'nginx:1.27', port: 80, root: '/usr/share/nginx/html' },
  { name: 'web', image: 'nginxinc/nginx-unprivileged:1.27', port: 8080, root: '/usr/share/nginx/html' },
  { name: 'httpd', image: 'httpd:2.4', port: 80, root: '/usr/local/apache2/htdocs' },
] as const;

/** git-sync refreshes a site that a web server serves from a shared emptyDir (the docs' own example of a pod). */
const staticSite: SharingTemplate = {
  id: 'shared-namespaces/static-site',
  count: 3,
  setup(rng) {
    const web = rng.pick(WEB_SERVERS);
    const name = podName(rng, 'site');
    return {
      story: `git-sync pulls the site's repository into /git every ${rng.pick([30, 60, 120])} s, for ${web.name} to serve.`,
      knobs: { volume: ['site', 'cache'], readOnly: [true, false], ask: ['peer', 'self', 'habit'] },
      build: (k) => ({
        name, shareProcessNamespace: false,
        volumes: emptyDirs('site', ...(k.volume === 'cache' ? ['cache'] : [])),
        containers: [
          ctr(web.name, web.image, [web.port], { mounts: [{ volume: String(k.volume), mountPath: web.root, ...(k.readOnly ? { readOnly: true } : {}) }] }),
          ctr('git-sync', 'registry.k8s.io/git-sync/git-sync:v4.2.4', [], { mounts: [{ volume: 'site', mountPath: '/git' }] }),
        ],
      }),
      statements: [
        (pod) => say.seeContent(pod, web.name, 'git-sync', '/git'),
        (pod) => say.writeDir(pod, web.name, web.root),
        // web's port reached from git-sync; web asking for git-sync on web's own port; or git-sync trying the port of
        // habit (80 for nginx-unprivileged, which listens on 8080; 8080 for the servers that listen on 80).
        (pod, k) => (k.ask === 'peer' ? say.reachPort(pod, 'git-sync', web.name, web.port)
          : k.ask === 'habit' ? say.reachPort(pod, 'git-sync', web.name, web.port === 80 ? 8080 : 80)
          : say.reachPort(pod, web.name, 'git-sync', web.port)),
      ],
    };
  },
};

const PROXIES = [
  { name: 'envoy', image: ENVOY_IMAGE, ports: [15001, 9901], what: ["'s proxy port", "'s admin API"] },
  { name: 'linkerd-proxy', image: LINKERD_PROXY_IMAGE, ports: [4143, 4191], what: ["'s inbound port", "'s admin port"] },
  { name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.23.0', ports: [15006, 15021], what: ["'s inbound port", "'s health port"] },
] as const;
const SERVICES = ['orders-api', 'payments', 'catalog', 'search-api', 'billing', 'profile'] as const;
/** House apps built to listen on 8080, the port two of them clash on when squeezed into one pod. */
const ON_8080 = ['orders-api', 'billing', 'inventory', 'ledger', 'gateway', 'pricing'] as const;

/** An app and its mesh proxy: who answers on which localhost port. */
const meshPorts: SharingTemplate = {
  id: 'shared-namespaces/mesh-ports',
  count: 3,
  setup(rng) {
    const px = rng.pick(PROXIES);
    const app = house(rng, rng.pick(SERVICES));
    const svc = app.name;
    const appPort = app.port;
    const name = podName(rng, svc);
    const image = app.image;
    return {
      story: `${svc} is the app; ${px.name} is its mesh proxy.`,
      // No port clash here (merged-services asks that): a clash would leave every port of the loser unsure.
      knobs: { toProxy: ['listener', 'admin', 'app'], toApp: ['main', 'admin', 'proxy'], host: ['pod', 'container', 'bare', 'app'] },
      build: (k) => ({
        name: podFor(k, name, svc), shareProcessNamespace: false, volumes: [],
        containers: [ctr(svc, image, [appPort, 8081]), ctr(px.name, px.image, [...px.ports])],
      }),
      statements: [
        (pod, k) => k.toProxy === 'app'
          ? say.reachPort(pod, svc, px.name, pod.containers[0]!.ports[0]!)
          : say.reachPort(pod, svc, px.name, px.ports[k.toProxy === 'listener' ? 0 : 1], px.what[k.toProxy === 'listener' ? 0 : 1]),
        (pod, k) => say.reachPort(pod, px.name, svc, k.toApp === 'main' ? pod.containers[0]!.ports[0]! : k.toApp === 'admin' ? 8081 : px.ports[1]),
        (pod, k) => say.hostname(pod, px.name, hostAsked(k, pod, px.name, svc)),
      ],
    };
  },
};

/** Two services moved into one pod: one port space between them. */
const mergedServices: SharingTemplate = {
  id: 'shared-namespaces/merged-services',
  count: 3,
  setup(rng) {
    const [ha, hb] = rng.sample(ON_8080, 2).map((n) => house(rng, n)) as [ReturnType<typeof house>, ReturnType<typeof house>];
    const [a, b] = [ha.name, hb.name];
    const name = podName(rng, a);
    const [ia, ib] = [ha.image, hb.image];
    return {
      story: `${a} and ${b} used to run in separate pods; someone put both containers in one pod.`,
      // metricsB: whether b's metrics listener made it into the merged spec (its old pod had it; this one may not).
      knobs: { portB: [8080, 8081], askA: ['own', 'other'], askB: ['own', 'other'], host: ['pod', 'container', 'bare', 'app'], metricsB: [true, false] },
      build: (k) => ({
        name: podFor(k, name, a), shareProcessNamespace: false, volumes: [],
        containers: [ctr(a, ia, [8080, 9000]), ctr(b, ib, [Number(k.portB), ...(k.metricsB ? [9090] : [])])],
      }),
      statements: [
        (pod) => say.portsCoexist(pod, a, b),
        // The wrong port is never a near miss: it is the asker's own port, or one b no longer declares.
        (pod, k) => say.reachPort(pod, a, b, k.askB === 'own' ? 9090 : 9000, "'s metrics endpoint"),
        (pod, k) => say.reachPort(pod, b, a, k.askA === 'own' ? 9000 : 9090, "'s admin endpoint"),
        (pod, k) => say.hostname(pod, b, hostAsked(k, pod, b, a)),
      ],
    };
  },
};

/** A capture process hands frames to an encoder through a scratch emptyDir. */
const scratchHandoff: SharingTemplate = {
  id: 'shared-namespaces/scratch-handoff',
  count: 3,
  setup(rng) {
    const name = podName(rng, 'camera');
    const codec = rng.pick(['H.264', 'VP9', 'AV1']);
    const image = house(rng, 'frame-capture').image;
    return {
      story: `capture writes raw camera frames to /frames and serves its status on a port; encoder is meant to turn the frames into ${codec} and remove each one it has encoded.`,
      knobs: { volume: ['frames', 'tmp'], path: ['/input', '/frames'], readOnly: [true, false], ask: ['peer', 'self', 'habit'] },
      build: (k) => ({
        name, shareProcessNamespace: false,
        volumes: emptyDirs('frames', ...(k.volume === 'tmp' ? ['tmp'] : [])),
        containers: [
          ctr('capture', image, [8080], { mounts: [{ volume: 'frames', mountPath: '/frames' }] }),
          ctr('encoder', 'jrottenberg/ffmpeg:6.1-alpine', [], { mounts: [{ volume: String(k.volume), mountPath: String(k.path), ...(k.readOnly ? { readOnly: true } : {}) }] }),
        ],
      }),
      statements: [
        (pod) => say.seeContent(pod, 'encoder', 'capture', '/frames', 'frame-000123.raw'),
        (pod, k) => say.writeDir(pod, 'encoder', String(k.path)),
        (pod, k) => (k.ask === 'self' ? say.reachPort(pod, 'capture', 'encoder', 8080) : say.reachPort(pod, 'encoder', 'capture', k.ask === 'peer' ? 8080 : 80, "'s status page")),
      ],
    };
  },
};

/** Grafana and configmap-reload, each mounting a ConfigMap: the same one or another. */
const configReload: SharingTemplate = {
  id: 'shared-namespaces/config-reload',
  count: 3,
  setup(rng) {
    const name = podName(rng, 'grafana');
    const dir = '/etc/grafana/provisioning/dashboards';
    return {
      story: 'config-reloader (the configmap-reload image) is meant to watch the dashboards and, on a change, call Grafana\'s API to reload them; it watches whatever directory it mounts.',
      // metrics: whether config-reloader's metrics listener is declared (the YAML then lists no port for it).
      knobs: { watches: ['dashboards', 'alerts'], askGrafana: ['own', 'other'], askReload: ['own', 'grafana'], metrics: [true, false] },
      build: (k) => ({
        name, shareProcessNamespace: false,
        volumes: [{ name: 'dashboards', source: 'configMap' }, ...(k.watches === 'alerts' ? [{ name: 'alerts', source: 'configMap' as const }] : [])],
        containers: [
          ctr('grafana', 'grafana/grafana:11.1.0', [3000], { mounts: [{ volume: 'dashboards', mountPath: dir }] }),
          ctr('config-reloader', 'ghcr.io/jimmidyson/configmap-reload:v0.13.1', k.metrics ? [9533] : [], { mounts: [{ volume: String(k.watches), mountPath: '/config' }] }),
        ],
      }),
      statements: [
        (pod) => say.seeConfig(pod, 'config-reloader', 'grafana', dir, 'dashboards.yaml'),
        (pod, k) => say.reachPort(pod, 'config-reloader', 'grafana', k.askGrafana === 'own' ? 3000 : 9533),
        (pod, k) => say.reachPort(pod, 'grafana', 'config-reloader', k.askReload === 'own' ? 9533 : 3000, "'s metrics endpoint"),
      ],
    };
  },
};

/** A toolbox container next to an app and its proxy, with or without shareProcessNamespace in the spec. */
const toolbox: SharingTemplate = {
  id: 'shared-namespaces/toolbox',
  count: 3,
  setup(rng) {
    const app = rng.pick(WEB_WITH_LOGS);
    const px = rng.pick(PROXIES);
    const name = podName(rng, app.name);
    return {
      story: `toolbox is a busybox container that only sleeps, kept for troubleshooting ${app.name} and its proxy, ${px.name}.`,
      knobs: { spn: [true, false], askApp: ['own', 'proxy'], askProxy: ['own', 'app'] },
      build: (k) => ({
        name, shareProcessNamespace: Boolean(k.spn), volumes: [],
        containers: [ctr(app.name, app.image, [app.port]), ctr(px.name, px.image, [px.ports[1]]), ctr('toolbox', 'busybox:1.36', [])],
      }),
      statements: [
        (pod) => say.seeProcesses(pod, 'toolbox', app.name),
        (pod, k) => say.reachPort(pod, 'toolbox', app.name, k.askApp === 'own' ? app.port : px.ports[1]),
        (pod, k) => say.reachPort(pod, 'toolbox', px.name, k.askProxy === 'own' ? px.ports[1] : app.port, px.what[1]),
      ],
    };
  },
};

/** A report job's exports, uploaded by an aws-cli sidecar that may or may not mount them. */
const exportUploader: SharingTemplate = {
  id: 'shared-namespaces/export-uploader',
  count: 3,
  setup(rng) {
    const name = podName(rng, 'reports');
    const image = house(rng, 'reports').image;
    const bucket = rng.pick(['s3://acme-reports', 's3://acme-exports', 's3://finance-archive']);
    return {
      story: `reports writes CSV exports to /exports; uploader is meant to sync them to ${bucket} and then delete them.`,
      // status: whether reports serves (and declares) its status page at all.
      knobs: { mount: ['same', 'other-volume', 'none'], readOnly: [true, false], ask: ['peer', 'self'], status: [true, false] },
      build: (k) => ({
        name, shareProcessNamespace: false,
        volumes: emptyDirs('exports', ...(k.mount === 'other-volume' ? ['scratch'] : [])),
        containers: [
          ctr('reports', image, k.status ? [8000] : [], { mounts: [{ volume: 'exports', mountPath: '/exports' }] }),
          ctr('uploader', 'amazon/aws-cli:2.17.0', [], {
            mounts: k.mount === 'none' ? [] : [{ volume: k.mount === 'same' ? 'exports' : 'scratch', mountPath: '/exports', ...(k.readOnly ? { readOnly: true } : {}) }],
          }),
        ],
      }),
      statements: [
        (pod) => say.seeContent(pod, 'uploader', 'reports', '/exports', 'orders.csv'),
        (pod) => pod.containers[1]!.mounts.length ? say.writeDir(pod, 'uploader', '/exports') : null,
        (pod, k) => (k.ask === 'peer' ? say.reachPort(pod, 'uploader', 'reports', 8000, "'s status page") : say.reachPort(pod, 'reports', 'uploader', 8000)),
      ],
    };
  },
};

export const easyTemplates: readonly SharingTemplate[] = [
  logShipper, staticSite, meshPorts, mergedServices, scratchHandoff, configReload, toolbox, exportUploader,
];

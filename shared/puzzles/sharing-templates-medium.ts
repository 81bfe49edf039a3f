// Medium shared-namespaces templates: one rule the player has to find or a default to apply (ConfigMap and Secret
// volumes are read-only anyway, an emptyDir outlives a container restart, the volume's name decides and not the
// path, one hostname per pod, the pause process, what an init container leaves behind, native sidecars share too).
import { possessive, type SharingContainer } from '../model/sharing.ts';
import type { Rng } from '../random.ts';
import { house } from './house.ts';
import { hostAsked, podFor, say } from './sharing-statements.ts';
import type { SharingTemplate } from './sharing-templates.ts';

const ctr = (name: string, image: string, ports: number[], over: Partial<SharingContainer> = {}): SharingContainer => ({ name, image, ports, mounts: [], ...over });
const ro = (on: unknown): { readOnly?: true } => (on ? { readOnly: true } : {});
const suffix = (rng: Rng, n: number): string => Array.from({ length: n }, () => rng.pick([...'bcdfghjklmnpqrstvwxz2456789'])).join('');

/** nginx with a ConfigMap, a Secret and an emptyDir: which of its directories can it write to? */
const readOnlySources: SharingTemplate = {
  id: 'shared-namespaces/read-only-sources',
  count: 3,
  setup(rng) {
    const name = `web-${rng.int(0, 2)}`;
    const dirs = { config: '/etc/nginx/conf.d', certs: '/etc/nginx/certs', cache: '/var/cache/nginx' } as const;
    return {
      story: 'web serves HTTPS with its server blocks from a ConfigMap, its certificate from a Secret and a cache on an emptyDir; config-reloader is meant to watch the server blocks.',
      knobs: { ask: ['config', 'certs', 'cache'], cacheRO: [true, false], reloader: ['config', 'certs'], host: ['pod', 'self', 'bare', 'app'] },
      build: (k) => ({
        name: podFor(k, name, 'web'), shareProcessNamespace: false,
        volumes: [{ name: 'config', source: 'configMap' }, { name: 'certs', source: 'secret' }, { name: 'cache', source: 'emptyDir' }],
        containers: [
          ctr('web', 'nginxinc/nginx-unprivileged:1.27', [], { mounts: [{ volume: 'config', mountPath: dirs.config }, { volume: 'certs', mountPath: dirs.certs }, { volume: 'cache', mountPath: dirs.cache, ...ro(k.cacheRO) }] }),
          ctr('config-reloader', 'ghcr.io/jimmidyson/configmap-reload:v0.13.1', [], { mounts: [{ volume: String(k.reloader), mountPath: '/config' }] }),
        ],
      }),
      statements: [
        (pod, k) => say.writeDir(pod, 'web', dirs[k.ask as keyof typeof dirs]),
        (pod) => say.seeConfig(pod, 'config-reloader', 'web', dirs.config, 'default.conf'),
        (pod, k) => say.hostname(pod, 'config-reloader', hostAsked(k, pod, 'config-reloader', 'web')),
      ],
    };
  },
};

/** A thumbnailer whose output, scratch and cache directories may or may not be on volumes; nginx serves its output. */
const restartSurvival: SharingTemplate = {
  id: 'shared-namespaces/restart-survival',
  count: 3,
  setup(rng) {
    const name = `thumbs-${suffix(rng, 5)}`;
    const image = house(rng, 'thumbnailer').image;
    return {
      story: 'thumbnailer writes finished thumbnails to /thumbs, half-done work to /tmp/work and downloaded originals to /var/cache/originals; web serves the thumbnails. thumbnailer was just OOMKilled and restarted.',
      knobs: { work: ['volume', 'layer'], cache: ['volume', 'layer'], webMount: ['thumbs', 'static'] },
      build: (k) => {
        const mounts = [
          { volume: 'thumbs', mountPath: '/thumbs' },
          ...(k.work === 'volume' ? [{ volume: 'work', mountPath: '/tmp/work' }] : []),
          ...(k.cache === 'volume' ? [{ volume: 'originals', mountPath: '/var/cache/originals' }] : []),
        ];
        const vols = [...new Set([...mounts.map((m) => m.volume), String(k.webMount)])];
        return {
          name, shareProcessNamespace: false,
          volumes: vols.map((v) => ({ name: v, source: 'emptyDir' as const })),
          containers: [
            ctr('thumbnailer', image, [], { mounts }),
            ctr('web', 'nginx:1.27', [], { mounts: [{ volume: String(k.webMount), mountPath: '/usr/share/nginx/html', readOnly: true }] }),
          ],
        };
      },
      statements: [
        (pod) => say.survivesRestart(pod, 'thumbnailer', '/tmp/work', 'half-done files'),
        (pod) => say.survivesRestart(pod, 'thumbnailer', '/var/cache/originals', 'downloaded originals'),
        (pod) => say.seeContent(pod, 'web', 'thumbnailer', '/thumbs', 'a1b2.jpg'),
      ],
    };
  },
};

/** Whether spec.hostname is set decides what `hostname` prints, the same in every container. */
const sharedHostname: SharingTemplate = {
  id: 'shared-namespaces/shared-hostname',
  count: 3,
  setup(rng) {
    const app = house(rng, rng.pick(['ledger', 'billing', 'search-api', 'profile']));
    const base = app.name;
    const name = rng.chance(0.5) ? `${base}-${rng.int(0, 2)}` : `${base}-${suffix(rng, 9)}-${suffix(rng, 5)}`;
    const host = rng.pick([`${base}-primary`, `${base}-host`, base === 'ledger' ? 'books' : 'node-a']);
    const sidecar = rng.pick([{ name: 'fluent-bit', image: 'fluent/fluent-bit:3.1', port: 2020 }, { name: 'vector', image: 'timberio/vector:0.40.0-alpine', port: 8686 }]);
    const image = app.image;
    const value = (k: unknown, self: string): string => (k === 'pod' ? name : k === 'host' ? host : self);
    return {
      story: `Both containers tag every log line with the output of \`hostname\`; ${sidecar.name} forwards them.`,
      knobs: { setHost: [true, false], askApp: ['pod', 'host', 'self'], askSide: ['pod', 'host', 'self'], askPort: ['own', 'self', 'habit'] },
      build: (k) => ({
        name, shareProcessNamespace: false, volumes: [],
        ...(k.setHost ? { hostname: host } : {}),
        containers: [ctr(base, image, [app.port]), ctr(sidecar.name, sidecar.image, [sidecar.port])],
      }),
      statements: [
        (pod, k) => say.hostname(pod, base, value(k.askApp, base)),
        (pod, k) => say.hostname(pod, sidecar.name, value(k.askSide, sidecar.name)),
        // The app's port, the asker's own, or the port of habit (8080, or 80 for an app on 8080) the app does not declare.
        (pod, k) => say.reachPort(pod, sidecar.name, base, k.askPort === 'own' ? app.port : k.askPort === 'self' ? sidecar.port : app.port === 8080 ? 80 : 8080),
      ],
    };
  },
};

/** The sandbox: with a shared PID namespace the pause process is PID 1; the hostname and network are the pod's. */
const pauseSandbox: SharingTemplate = {
  id: 'shared-namespaces/pause-sandbox',
  count: 3,
  setup(rng) {
    const app = rng.pick([{ name: 'web', image: 'nginx:1.27', port: 80 }, house(rng, 'orders-api')]);
    const name = `${app.name}-${rng.int(0, 2)}`;
    return {
      story: `Besides ${app.name} and toolbox (a busybox container that only sleeps), the node runs the pod's sandbox container, which holds the pod's namespaces.`,
      knobs: { spn: [true, false], askPid1: [app.name, 'toolbox'], host: ['pod', 'self', 'bare', 'app'], ask: ['peer', 'self', 'habit'] },
      build: (k) => ({
        name: podFor(k, name, app.name), shareProcessNamespace: Boolean(k.spn), volumes: [],
        containers: [ctr(app.name, app.image, [app.port]), ctr('toolbox', 'busybox:1.36', [])],
      }),
      statements: [
        (pod, k) => say.pid1Pause(pod, String(k.askPid1)),
        (pod, k) => say.hostname(pod, 'toolbox', hostAsked(k, pod, 'toolbox', app.name)),
        // The app's port; the app asking toolbox on its own port; or toolbox trying the port of habit (80 or 8080)
        // that this app does not declare.
        (pod, k) => (k.ask === 'self' ? say.reachPort(pod, app.name, 'toolbox', app.port) : say.reachPort(pod, 'toolbox', app.name, k.ask === 'peer' ? app.port : app.port === 80 ? 8080 : 80)),
      ],
    };
  },
};

/** An init container downloads a config file and a database before the app starts: only what lands on a shared volume stays. */
const initHandoff: SharingTemplate = {
  id: 'shared-namespaces/init-handoff',
  count: 3,
  setup(rng) {
    const app = rng.pick(['geo-api', 'pricing', 'fraud-check']);
    const appImage = house(rng, app).image;
    const name = `${app}-${rng.int(0, 2)}`;
    const dir = (k: unknown): string => (k === 'volume' ? '/work' : '/tmp');
    return {
      story: (k) => `fetch-config downloads app.yaml into ${dir(k.config)} and the GeoLite2 database into ${dir(k.geo)}, then exits; ${app} starts after it and keeps its own state in /var/lib/app.`,
      knobs: { config: ['volume', 'layer'], geo: ['volume', 'layer'], state: ['volume', 'layer'] },
      build: (k) => ({
        name, shareProcessNamespace: false,
        volumes: [{ name: 'work', source: 'emptyDir' }, ...(k.state === 'volume' ? [{ name: 'state', source: 'emptyDir' as const }] : [])],
        containers: [
          ctr('fetch-config', 'curlimages/curl:8.9.1', [], { role: 'init', mounts: [{ volume: 'work', mountPath: '/work' }] }),
          ctr(app, appImage, [], {
            mounts: [{ volume: 'work', mountPath: '/etc/app', readOnly: true }, ...(k.state === 'volume' ? [{ volume: 'state', mountPath: '/var/lib/app' }] : [])],
          }),
        ],
      }),
      statements: [
        (pod, k) => say.initFiles(pod, app, 'fetch-config', dir(k.config), 'app.yaml'),
        (pod, k) => say.initFiles(pod, app, 'fetch-config', dir(k.geo), 'GeoLite2-City.mmdb'),
        (pod) => say.survivesRestart(pod, app, '/var/lib/app', 'state files'),
      ],
    };
  },
};

/** Two helpers mount "the logs": one the same volume elsewhere, one another volume at the same path. */
const volumeNotPath: SharingTemplate = {
  id: 'shared-namespaces/volume-not-path',
  count: 3,
  setup(rng) {
    // nginx, not httpd: the httpd image logs to stdout unless its httpd.conf is changed, so it writes no files there.
    const app = rng.pick([{ name: 'web', image: 'nginx:1.27', dir: '/var/log/nginx' }, { name: 'orders-api', image: house(rng, 'orders-api').image, dir: '/var/log/orders-api' }]);
    const name = `${app.name}-${rng.int(0, 2)}`;
    type Layout = 'same' | 'elsewhere' | 'other-volume';
    const mountOf = (l: Layout, ro2: boolean) => ({ volume: l === 'other-volume' ? 'scratch' : 'logs', mountPath: l === 'elsewhere' ? '/logs' : app.dir, ...ro(ro2) });
    return {
      story: `${app.name} writes its logs to ${app.dir}; fluent-bit is there to ship them, and log-archiver to compress last hour's files and remove the originals.`,
      knobs: { shipper: ['same', 'elsewhere', 'other-volume'], archiver: ['same', 'elsewhere', 'other-volume'], archiverRO: [true, false] },
      build: (k) => ({
        name, shareProcessNamespace: false,
        volumes: [{ name: 'logs', source: 'emptyDir' }, ...(k.shipper === 'other-volume' || k.archiver === 'other-volume' ? [{ name: 'scratch', source: 'emptyDir' as const }] : [])],
        containers: [
          ctr(app.name, app.image, [], { mounts: [{ volume: 'logs', mountPath: app.dir }] }),
          ctr('fluent-bit', 'fluent/fluent-bit:3.1', [], { mounts: [mountOf(k.shipper as Layout, true)] }),
          ctr('log-archiver', 'busybox:1.36', [], { mounts: [mountOf(k.archiver as Layout, Boolean(k.archiverRO))] }),
        ],
      }),
      statements: [
        (pod) => say.readLogs(pod, 'fluent-bit', app.name, app.dir),
        (pod) => say.readLogs(pod, 'log-archiver', app.name, app.dir),
        (pod) => say.writeDir(pod, 'log-archiver', pod.containers[2]!.mounts[0]!.mountPath),
      ],
    };
  },
};

/** Secrets are per container: mounted where each container lists them, never across. */
const secretPerContainer: SharingTemplate = {
  id: 'shared-namespaces/secret-per-container',
  count: 3,
  setup(rng) {
    const h = house(rng, rng.pick(['orders-api', 'ledger', 'billing']));
    const app = h.name;
    const name = `${app}-${suffix(rng, 9)}-${suffix(rng, 5)}`;
    return {
      story: `${app} reads its database password from /etc/db; cloud-sql-proxy authenticates to Cloud SQL with a service-account key from /secrets and listens for ${possessive(app)} connections.`,
      knobs: { proxyDb: [true, false], appKey: [true, false], ask: ['proxy', 'own', 'mysql'] },
      build: (k) => ({
        name, shareProcessNamespace: false,
        volumes: [{ name: 'db-creds', source: 'secret' }, { name: 'sa-key', source: 'secret' }],
        containers: [
          ctr(app, h.image, [h.port], { mounts: [{ volume: 'db-creds', mountPath: '/etc/db' }, ...(k.appKey ? [{ volume: 'sa-key', mountPath: '/var/run/gcp' }] : [])] }),
          ctr('cloud-sql-proxy', 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0', [5432], { mounts: [{ volume: 'sa-key', mountPath: '/secrets' }, ...(k.proxyDb ? [{ volume: 'db-creds', mountPath: '/etc/db' }] : [])] }),
        ],
      }),
      statements: [
        (pod) => say.readSecret(pod, 'cloud-sql-proxy', app, '/etc/db/password'),
        (pod) => say.readSecret(pod, app, 'cloud-sql-proxy', '/secrets/key.json'),
        // The proxy's port, the asker's own, or MySQL's 3306, which this proxy (listening on 5432) does not serve.
        (pod, k) => say.reachPort(pod, app, 'cloud-sql-proxy', k.ask === 'proxy' ? 5432 : k.ask === 'mysql' ? 3306 : h.port),
      ],
    };
  },
};

/**
 * A native sidecar sits in initContainers but runs alongside the app and shares like any container; and when it
 * restarts (as a sidecar does, whatever the pod's policy), only what it kept on a volume is still there. Every draw
 * asks the restart question, so the medium rule (a volume outlives a container restart, the writable layer does
 * not) is always needed, on top of reading the mounts.
 */
const nativeSidecar: SharingTemplate = {
  id: 'shared-namespaces/native-sidecar',
  count: 3,
  setup(rng) {
    const app = rng.pick([{ name: 'web', image: 'nginx:1.27', port: 80, dir: '/var/log/nginx' }, { ...house(rng, 'orders-api'), dir: '/var/log/orders-api' }]);
    const name = `${app.name}-${suffix(rng, 9)}-${suffix(rng, 5)}`;
    return {
      story: `vector runs as a native sidecar: it starts before ${app.name} and keeps running beside it, shipping its logs. It keeps its disk buffer in its data_dir, /var/lib/vector.`,
      // buffer: vector's data_dir on an emptyDir of its own, or left in its writable layer. (No ports: the YAML
      // stays within 16 lines, and the port statements live in other templates.)
      knobs: { mount: ['same', 'other-volume'], buffer: ['volume', 'layer'], readOnly: [true, false] },
      build: (k) => ({
        name, shareProcessNamespace: false,
        volumes: [{ name: 'logs', source: 'emptyDir' }, ...(k.mount === 'other-volume' ? [{ name: 'scratch', source: 'emptyDir' as const }] : []), ...(k.buffer === 'volume' ? [{ name: 'data', source: 'emptyDir' as const }] : [])],
        containers: [
          ctr('vector', 'timberio/vector:0.40.0-alpine', [], { role: 'sidecar', mounts: [{ volume: k.mount === 'same' ? 'logs' : 'scratch', mountPath: '/logs', ...ro(k.readOnly) }, ...(k.buffer === 'volume' ? [{ volume: 'data', mountPath: '/var/lib/vector' }] : [])] }),
          ctr(app.name, app.image, [], { mounts: [{ volume: 'logs', mountPath: app.dir }] }),
        ],
      }),
      statements: [
        (pod) => say.writeDir(pod, 'vector', '/logs'),
        (pod) => say.readLogs(pod, 'vector', app.name, app.dir),
        (pod) => say.survivesRestart(pod, 'vector', '/var/lib/vector', 'buffered events'),
      ],
    };
  },
};

export const mediumTemplates: readonly SharingTemplate[] = [
  readOnlySources, restartSurvival, sharedHostname, pauseSandbox, initHandoff, volumeNotPath, secretPerContainer, nativeSidecar,
];


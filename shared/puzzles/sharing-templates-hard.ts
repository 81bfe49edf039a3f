// Hard shared-namespaces templates: every puzzle needs two rules together. The PID/UID templates always share the
// process namespace (without it each statement is one rule: nothing is visible); kill-pid1 and copied-config vary it (a shared PID namespace and the user
// IDs or capabilities that allow a signal or /proc/<pid>/root; an init container that exited and the volume it left,
// or no process left to reach its files through; a ConfigMap's read-only mount and readOnly; the pause process and kill -HUP 1).
import { possessive, type SharingContainer } from '../model/sharing.ts';
import type { Rng } from '../random.ts';
import { house } from './house.ts';
import { hostAsked, podFor, say } from './sharing-statements.ts';
import type { SharingTemplate } from './sharing-templates.ts';

const ctr = (name: string, image: string, ports: number[], over: Partial<SharingContainer> = {}): SharingContainer => ({ name, image, ports, mounts: [], ...over });
const ro = (on: unknown): { readOnly?: true } => (on ? { readOnly: true } : {});
const suffix = (rng: Rng, n: number): string => Array.from({ length: n }, () => rng.pick([...'bcdfghjklmnpqrstvwxz2456789'])).join('');

/** A user other than the app's: the same one, root (keeps CAP_KILL, lacks CAP_SYS_PTRACE), or another non-root user. */
const USERS = ['same', 'root', 'other'] as const;
const userOf = (k: unknown, app: number): number => (k === 'same' ? app : k === 'root' ? 0 : app === 1000 ? 2000 : 1000);


/** Apps that reload their configuration on SIGHUP, each run as its image's own non-root user. */
const RELOADABLE = [
  { name: 'web', image: 'nginxinc/nginx-unprivileged:1.27', uid: 101, port: 8080, process: 'nginx master', confDir: '/etc/nginx/conf.d', file: 'default.conf' },
  { name: 'prometheus', image: 'prom/prometheus:v2.53.0', uid: 65534, port: 9090, process: 'server', confDir: '/etc/prometheus', file: 'prometheus.yml' },
] as const;

/** A home-made reloader signals the app when its ConfigMap changes: visible processes and a permitted user both needed. */
const reloadSignal: SharingTemplate = {
  id: 'shared-namespaces/reload-signal',
  count: 4,
  setup(rng) {
    const app = rng.pick(RELOADABLE);
    const name = `${app.name}-${rng.int(0, 2)}`;
    return {
      story: `reloader runs a busybox script meant to find ${possessive(app.name)} ${app.process} process and send it SIGHUP whenever the ConfigMap in /config changes.`,
      knobs: { user: USERS, mount: ['same', 'none'], ptrace: [false, true] },
      build: (k) => ({
        name, shareProcessNamespace: true, runAsUser: app.uid, runAsGroup: app.uid,
        volumes: [{ name: 'config', source: 'configMap' }],
        containers: [
          ctr(app.name, app.image, [app.port], { mounts: [{ volume: 'config', mountPath: app.confDir }] }),
          ctr('reloader', 'busybox:1.36', [], { mounts: k.mount === 'same' ? [{ volume: 'config', mountPath: '/config' }] : [], ...(k.user === 'same' ? {} : { runAsUser: userOf(k.user, app.uid) }), ...(k.ptrace ? { addCapabilities: ['SYS_PTRACE'] } : {}) }),
        ],
      }),
      statements: [
        (pod) => say.signal(pod, 'reloader', app.name, app.process),
        (pod) => say.seeConfig(pod, 'reloader', app.name, app.confDir, app.file),
      ],
    };
  },
};

/** A Secret mounted only in the app: another container reaches it only through /proc/<pid>/root, if allowed. */
const procSecret: SharingTemplate = {
  id: 'shared-namespaces/proc-secret',
  count: 4,
  setup(rng) {
    const h = house(rng, rng.pick(['checkout', 'profile', 'search-api']));
    const app = h.name;
    const side = rng.pick([{ name: 'fluent-bit', image: 'fluent/fluent-bit:3.1', port: 2020 }, { name: 'otel-collector', image: 'otel/opentelemetry-collector-contrib:0.104.0', port: 4317 }]);
    const name = `${app}-${suffix(rng, 9)}-${suffix(rng, 5)}`;
    return {
      story: `${app} terminates TLS with the key in /etc/tls, a Secret only it mounts; ${side.name} collects its telemetry.`,
      knobs: { user: USERS, ptrace: [false, true], ask: ['own', 'other'] },
      build: (k) => ({
        name, shareProcessNamespace: true, runAsUser: 1000, runAsGroup: 1000,
        volumes: [{ name: 'tls', source: 'secret' }],
        containers: [
          ctr(app, h.image, [h.port], { mounts: [{ volume: 'tls', mountPath: '/etc/tls' }] }),
          ctr(side.name, side.image, [side.port], { ...(k.user === 'same' ? {} : { runAsUser: userOf(k.user, 1000) }), ...(k.ptrace ? { addCapabilities: ['SYS_PTRACE'] } : {}) }),
        ],
      }),
      statements: [
        (pod) => say.readSecret(pod, side.name, app, '/etc/tls/tls.key'),
        (pod) => say.signal(pod, side.name, app, 'main'),
        (pod, k) => say.reachPort(pod, side.name, app, k.ask === 'own' ? h.port : side.port),
      ],
    };
  },
};

/** The docs' own debugging set-up: a shell container, maybe with SYS_PTRACE, next to nginx. */
const ptraceDebug: SharingTemplate = {
  id: 'shared-namespaces/ptrace-debug',
  count: 4,
  setup(rng) {
    const name = `web-${rng.int(0, 2)}`;
    return {
      story: 'shell is a busybox container added to look inside web without putting tools in web\'s image.',
      knobs: { ptrace: [true, false], user: USERS, host: ['pod', 'self', 'bare', 'app'] },
      build: (k) => ({
        name: podFor(k, name, 'web'), shareProcessNamespace: true, runAsUser: 101, runAsGroup: 101, volumes: [],
        containers: [
          ctr('web', 'nginxinc/nginx-unprivileged:1.27', [8080]),
          ctr('shell', 'busybox:1.36', [], { ...(k.user === 'same' ? {} : { runAsUser: userOf(k.user, 101) }), ...(k.ptrace ? { addCapabilities: ['SYS_PTRACE'] } : {}) }),
        ],
      }),
      statements: [
        (pod) => say.seeConfig(pod, 'shell', 'web', '/etc/nginx', 'nginx.conf'),
        (pod) => say.signal(pod, 'shell', 'web', 'nginx master'),
        (pod, k) => say.hostname(pod, 'shell', hostAsked(k, pod, 'shell', 'web')),
      ],
    };
  },
};

/** Vault Agent as vault-agent-init (renders once, exits) or as a native sidecar (keeps renewing, listens on 8200). */
const initOrSidecar: SharingTemplate = {
  id: 'shared-namespaces/init-or-sidecar',
  count: 3,
  setup(rng) {
    const app = rng.pick(['billing', 'inventory', 'catalog']);
    const appImage = house(rng, app).image;
    const name = `${app}-${suffix(rng, 9)}-${suffix(rng, 5)}`;
    return {
      story: `vault-agent logs in to Vault, renders database credentials into /vault/secrets/db.env on its volume, and serves a local Vault API on 8200 while it runs; ${app} is meant to read them.`,
      knobs: { role: ['init', 'sidecar'], spn: [true, false], mount: ['same', 'none'] },
      build: (k) => ({
        name, shareProcessNamespace: Boolean(k.spn), runAsUser: 100, runAsGroup: 1000,
        volumes: [{ name: 'vault-secrets', source: 'emptyDir' }],
        containers: [
          ctr('vault-agent', 'hashicorp/vault:1.17.2', [8200], { role: k.role === 'init' ? 'init' : 'sidecar', mounts: [{ volume: 'vault-secrets', mountPath: '/vault/secrets' }] }),
          ctr(app, appImage, [], { mounts: k.mount === 'same' ? [{ volume: 'vault-secrets', mountPath: '/vault/secrets', readOnly: true }] : [] }),
        ],
      }),
      statements: [
        (pod) => say.seeContent(pod, app, 'vault-agent', '/vault/secrets', 'db.env'),
        (pod) => say.seeProcesses(pod, app, 'vault-agent'),
        (pod) => say.killPid1(pod, app, 'main'),
      ],
    };
  },
};

/** ConfigMaps are read-only, so an init container copies one into an emptyDir the app may change. */
const copiedConfig: SharingTemplate = {
  id: 'shared-namespaces/copied-config',
  count: 3,
  setup(rng) {
    const app = rng.pick(['pricing', 'catalog', 'checkout']);
    const appImage = house(rng, app).image;
    const name = `${app}-${rng.int(0, 2)}`;
    return {
      story: (k) => `copy-config copies the ConfigMap's app.conf from /templates to ${k.initOut === 'volume' ? '/out' : '/tmp/out'} and exits; ${app} starts after it and is meant to rewrite parts of its app.conf at run time.`,
      knobs: { appMounts: ['copy', 'config'], initOut: ['volume', 'layer'], readOnly: [true, false], spn: [true, false] },
      build: (k) => ({
        name, shareProcessNamespace: Boolean(k.spn),
        volumes: [{ name: 'config', source: 'configMap' }, ...(k.initOut === 'volume' || k.appMounts === 'copy' ? [{ name: 'copy', source: 'emptyDir' as const }] : [])],
        containers: [
          ctr('copy-config', 'busybox:1.36', [], { role: 'init', mounts: [{ volume: 'config', mountPath: '/templates' }, ...(k.initOut === 'volume' ? [{ volume: 'copy', mountPath: '/out' }] : [])] }),
          ctr(app, appImage, [], { mounts: [{ volume: String(k.appMounts), mountPath: '/etc/app', ...ro(k.readOnly) }] }),
        ],
      }),
      statements: [
        // Each needs two rules: an exited init container and the volume it left (or no process to reach through
        // /proc); the template a finished init container read, reachable only by mounting the ConfigMap; the
        // ConfigMap's own read-only mount against an emptyDir's readOnly flag.
        (pod, k) => say.initFiles(pod, app, 'copy-config', k.initOut === 'volume' ? '/out' : '/tmp/out', 'app.conf'),
        (pod) => say.seeConfig(pod, app, 'copy-config', '/templates', 'app.conf'),
        (pod) => say.writeDir(pod, app, '/etc/app'),
      ],
    };
  },
};

/** The app restarts after a failed liveness probe: its init container does not run again, its emptyDir stays. */
const restartAfterInit: SharingTemplate = {
  id: 'shared-namespaces/restart-after-init',
  count: 3,
  setup(rng) {
    const app = rng.pick(['search-api', 'recommender', 'profile']);
    const appImage = house(rng, app).image;
    const name = `${app}-${suffix(rng, 9)}-${suffix(rng, 5)}`;
    const model = rng.pick(['model.onnx', 'index.bin', 'weights.pt']);
    return {
      story: `download-model fetches ${model} into /models and exits; ${app} is meant to load it at start, and caches query results in /var/cache/app. ${possessive(app)} liveness probe just failed and the kubelet restarted its container.`,
      knobs: { shared: ['same', 'other'], cache: ['volume', 'layer'], readOnly: [true, false] },
      build: (k) => ({
        name, shareProcessNamespace: false,
        volumes: [{ name: 'models', source: 'emptyDir' }, ...(k.shared === 'other' ? [{ name: 'scratch', source: 'emptyDir' as const }] : []), ...(k.cache === 'volume' ? [{ name: 'cache', source: 'emptyDir' as const }] : [])],
        containers: [
          ctr('download-model', 'amazon/aws-cli:2.17.0', [], { role: 'init', mounts: [{ volume: 'models', mountPath: '/models' }] }),
          ctr(app, appImage, [], {
            mounts: [{ volume: k.shared === 'same' ? 'models' : 'scratch', mountPath: '/models', ...ro(k.readOnly) }, ...(k.cache === 'volume' ? [{ volume: 'cache', mountPath: '/var/cache/app' }] : [])],
          }),
        ],
      }),
      statements: [
        (pod) => say.afterRestartInitFiles(pod, app, 'download-model', '/models', model),
        (pod) => say.survivesRestart(pod, app, '/var/cache/app', 'cached results'),
        (pod) => say.writeDir(pod, app, '/models'),
      ],
    };
  },
};

/**
 * A native sidecar renews certificates and tells nginx to reload. Where it writes decides whether they outlive its
 * restart and whether web sees them (its own mount, or /proc/<pid>/root if the users allow); the users decide the signal.
 */
const certRenewer: SharingTemplate = {
  id: 'shared-namespaces/cert-renewer',
  count: 3,
  setup(rng) {
    const name = `web-${suffix(rng, 9)}-${suffix(rng, 5)}`;
    const renewer = house(rng, 'cert-renewer').image;
    return {
      story: 'cert-renewer is a native sidecar meant to renew the TLS certificate into /certs and then send SIGHUP to web\'s nginx master process.',
      knobs: { user: USERS, mount: ['same', 'none', 'other'] },
      build: (k) => ({
        name, shareProcessNamespace: true, runAsUser: 101, runAsGroup: 101,
        volumes: [{ name: 'certs', source: 'emptyDir' }, ...(k.mount === 'other' ? [{ name: 'scratch', source: 'emptyDir' as const }] : [])],
        containers: [
          ctr('cert-renewer', renewer, [], { role: 'sidecar', mounts: k.mount === 'none' ? [] : [{ volume: k.mount === 'same' ? 'certs' : 'scratch', mountPath: '/certs' }], ...(k.user === 'same' ? {} : { runAsUser: userOf(k.user, 101) }) }),
          ctr('web', 'nginxinc/nginx-unprivileged:1.27', [], { mounts: [{ volume: 'certs', mountPath: '/etc/nginx/certs', readOnly: true }] }),
        ],
      }),
      statements: [
        (pod) => say.signal(pod, 'cert-renewer', 'web', 'nginx master'),
        (pod) => say.survivesRestart(pod, 'cert-renewer', '/certs', 'certificates'),
        (pod) => say.seeContent(pod, 'web', 'cert-renewer', '/certs', 'tls.crt'),
      ],
    };
  },
};

/**
 * `kill -HUP 1` as a reload trick: fine alone, but with a shared PID namespace PID 1 is the pause process. Without
 * the sharing every PID statement is isolation, so the hostname asks what a pod shares anyway (its UTS namespace).
 */
const killPid1: SharingTemplate = {
  id: 'shared-namespaces/kill-pid1',
  count: 4,
  setup(rng) {
    const app = rng.pick(RELOADABLE);
    const name = `${app.name}-${rng.int(0, 2)}`;
    const side = rng.pick([{ name: 'toolbox', image: 'busybox:1.36' }, { name: 'debug', image: 'alpine:3.20' }]);
    return {
      story: (k) => `To reload ${app.name}, the runbook says \`kubectl exec ${podFor(k, name, app.name)} -c ${app.name} -- kill -HUP 1\`; ${side.name} is a shell container for troubleshooting.`,
      knobs: { spn: [true, false], user: USERS, host: ['pod', 'self', 'bare', 'app'] },
      build: (k) => ({
        name: podFor(k, name, app.name), shareProcessNamespace: Boolean(k.spn), runAsUser: app.uid, runAsGroup: app.uid, volumes: [],
        containers: [ctr(app.name, app.image, [app.port]), ctr(side.name, side.image, [], k.user === 'same' ? {} : { runAsUser: userOf(k.user, app.uid) })],
      }),
      statements: [
        (pod) => say.killPid1(pod, app.name, app.process),
        (pod) => say.signal(pod, side.name, app.name, app.process),
        (pod) => say.seeConfig(pod, side.name, app.name, app.confDir, app.file),
        (pod, k) => say.hostname(pod, side.name, hostAsked(k, pod, side.name, app.name)),
      ],
    };
  },
};

export const hardTemplates: readonly SharingTemplate[] = [
  reloadSignal, procSecret, ptraceDebug, initOrSidecar, copiedConfig, restartAfterInit, certRenewer, killPid1,
];

// The init containers (and native sidecars) init-order puzzles are made of: real images from the catalogue, each
// running a command that really works in that image (docs/rules/init.md#real-commands): waits that test what the
// premise says (pg_isready, `redis-cli ping` answering PONG, not a bare TCP connect), files the command reads mounted
// from a volume the pod declares, credentials passed the way the tool takes them. Stories (init-order-stories.ts)
// pick a few and say where each one mounts its volumes.
import { software } from '../model/software.ts';
import type { HandoffCard, Mount } from '../model/init-handoffs.ts';
import type { Rng } from '../random.ts';

export interface Card extends HandoffCard {
  name: string;
  image: string;
  /** What it runs, in a few words or a command (inline code in backticks). */
  does: string;
  /** How the explanation names a file this card reads, by its path ("the site's files"); the file name otherwise. */
  readAs?: Record<string, string>;
}

export interface Db {
  engine: 'postgres' | 'mysql';
  /** Where the init containers reach it: a Service name, or 127.0.0.1 behind cloud-sql-proxy. */
  host: string;
  port: number;
  /** The database's name, e.g. orders. */
  name: string;
}

/** The story's world: the app, its database, and whether traffic must pass a mesh proxy. */
export interface Ctx {
  rng: Rng;
  /** The app's short name (orders, billing…). */
  app: string;
  appImage: string;
  uid: number;
  db: Db;
  /** Set in mesh stories: every card that talks over the network needs the proxy running. */
  mesh: string | null;
}

export const mount = (volume: string, path: string, readOnly = false): Mount => (readOnly ? { volume, path, readOnly } : { volume, path });
const net = (c: Ctx): string[] => (c.mesh ? ['mesh'] : []);
/** Reaching the database: through cloud-sql-proxy on 127.0.0.1 (loopback traffic never passes a mesh proxy), or over
 *  the network. */
const toDb = (c: Ctx): string[] => (c.db.host === '127.0.0.1' ? ['db-proxy'] : net(c));
const img = (id: string): string => software(id).image;

function card(c: Omit<Card, 'id' | 'sidecar' | 'provides' | 'needs' | 'writes' | 'reads'> & Partial<Card>): Card {
  return { sidecar: false, provides: [], needs: [], writes: [], reads: [], ...c, id: c.name };
}

/** Volumes whose files are there before any container starts (ConfigMaps and Secrets): the kind each one is. */
export const STATIC_VOLUMES: Readonly<Record<string, 'configMap' | 'secret'>> = {
  migrations: 'configMap', 'seed-sql': 'configMap', templates: 'configMap', 'vault-agent': 'configMap',
  'index-template': 'configMap', 'search-tls': 'secret',
};
export const fromConfig = (volume: keyof typeof STATIC_VOLUMES, path: string): Mount => mount(volume, path, true);

/** A password file another card writes, and where this card mounts its volume. */
export interface From { file: string; mount: Mount }

// ── Waiting for services ───────────────────────────────────────────────────────────────────────

/** pg_isready / mysqladmin ping answer only once the server accepts connections: a TCP connect alone passes while
 *  Postgres still says "the database system is starting up", and through a mesh proxy it passes at once. */
export const waitForDb = (c: Ctx): Card => card({
  name: 'wait-for-db', image: img(c.db.engine === 'postgres' ? 'postgres-client' : 'mysql-client'), mounts: [],
  does: c.db.engine === 'postgres'
    ? `\`until pg_isready -h ${c.db.host} -p ${c.db.port}; do sleep 2; done\``
    : `\`until mysqladmin ping -h ${c.db.host} -P ${c.db.port} --silent; do sleep 2; done\``,
  provides: ['db-up'], needs: toDb(c),
});

/** Redis accepts connections while it loads its snapshot and answers every command with LOADING until it is done:
 *  only a PONG says it serves. */
export const waitForRedis = (c: Ctx): Card => card({
  name: 'wait-for-redis', image: img('redis'), mounts: [],
  does: `\`until redis-cli -h ${c.app}-redis ping | grep -q PONG; do sleep 1; done\``, provides: ['cache-up'], needs: net(c),
});

/** _cluster/health answers 503 while no master is elected; -f makes curl fail on it. */
export const waitForSearch = (c: Ctx, base = 'http://elasticsearch:9200', needs: string[] = net(c)): Card => card({
  name: 'wait-for-search', image: img('curl'), mounts: [],
  does: `\`until curl -fs ${base}/_cluster/health; do sleep 5; done\``, provides: ['search-up'], needs,
});

// ── Database ───────────────────────────────────────────────────────────────────────────────────

const pgpass = (from?: From): string => (from ? `PGPASSWORD=$(cat ${from.file}) ` : '');
const pgPort = (port: number): string => (port === 5432 ? '' : ` -p ${port}`);

/** golang-migrate applies the migrations a ConfigMap holds. Its postgres driver (lib/pq) takes the password from
 *  PGPASSWORD, as psql does; sslmode=disable because lib/pq defaults to require. Postgres only. */
export function migrateTool(c: Ctx, from?: From, port = c.db.port): Card {
  const url = `postgres://app@${c.db.host}:${port}/${c.db.name}?sslmode=disable`;
  return card({
    name: 'migrate', image: img('migrate'), mounts: [fromConfig('migrations', '/migrations'), ...(from ? [from.mount] : [])],
    does: `\`${pgpass(from)}migrate -path /migrations -database '${url}' up\``,
    provides: ['schema'], needs: ['db-up', ...toDb(c)], reads: from ? [from.file] : [],
  });
}

/** The app's own image runs its migrations, with the connection settings from its own config file. */
export const migrateApp = (c: Ctx, from: From): Card => card({
  name: 'migrate', image: c.appImage, mounts: [from.mount],
  does: `\`${c.app} migrate --config ${from.file}\`: the app's own image applies its schema`,
  provides: ['schema'], needs: ['db-up', ...toDb(c)], reads: [from.file],
});

/** psql loads reference rows from a ConfigMap into the tables. Postgres only. */
export function seedData(c: Ctx, from?: From, port = c.db.port): Card {
  return card({
    name: 'seed-data', image: img('postgres-client'), mounts: [fromConfig('seed-sql', '/seed'), ...(from ? [from.mount] : [])],
    does: `\`${pgpass(from)}psql -h ${c.db.host}${pgPort(port)} -U app -d ${c.db.name} -f /seed/reference.sql\``,
    provides: ['seeded'], needs: ['schema', 'db-up', ...toDb(c)], reads: from ? [from.file] : [],
  });
}

// ── Files ──────────────────────────────────────────────────────────────────────────────────────

export function fetchConfig(c: Ctx, dir: string, volume = 'config'): Card {
  const file = `${dir}/app.env`;
  const how = c.rng.pick([
    { image: img('aws-cli'), does: `\`aws s3 cp s3://acme-config/${c.app}/app.env ${file}\`` },
    { image: img('gcloud'), does: `\`gsutil cp gs://acme-config/${c.app}/app.env ${file}\`` },
    { image: img('curl'), does: `\`curl -fso ${file} https://config.acme.internal/${c.app}/app.env\`` },
  ]);
  return card({ name: 'fetch-config', ...how, mounts: [mount(volume, dir)], writes: [file], needs: net(c) });
}

/** Renders app.yaml from the values in app.env (gomplate reads .env files as data) with a template from the
 *  templates ConfigMap; `extraRead`: a password file to fill in too. The gomplate image is FROM scratch: its one
 *  file is /gomplate, with no shell and nothing on PATH, so the command names it by its path. */
export function renderConfig(inDir: string, outDir: string, volume = 'config', extraRead?: string): Card {
  const mounts = inDir === outDir ? [mount(volume, inDir)] : [mount(volume, inDir), mount(volume, outDir)];
  const reads = [`${inDir}/app.env`, ...(extraRead ? [extraRead] : [])];
  const secret = extraRead ? ` -d pw=${extraRead}` : '';
  return card({
    name: 'render-config', image: img('gomplate'), mounts: [...mounts, fromConfig('templates', '/tpl')],
    does: `\`/gomplate -d env=${inDir}/app.env${secret} -f /tpl/app.yaml.tmpl -o ${outDir}/app.yaml\``,
    reads, writes: [`${outDir}/app.yaml`],
  });
}

/** vault agent as a regular init container: logs in with the pod's service account, renders the secret once, exits. */
export const vaultAgentInit = (c: Ctx, dir: string): Card => card({
  name: 'vault-agent-init', image: img('vault-cli'), mounts: [mount('secrets', dir), fromConfig('vault-agent', '/etc/vault')],
  does: `\`vault agent -config=/etc/vault/agent.hcl -exit-after-auth\`: writes the ${c.db.engine} password to ${dir}/db-password`,
  writes: [`${dir}/db-password`], needs: net(c),
});

const volumeOf = (what: 'site' | 'model'): string => (what === 'site' ? 'site' : 'models');

export const downloadArchive = (c: Ctx, dir: string, what: 'site' | 'model'): Card => {
  const file = what === 'site' ? `${dir}/site.tar.gz` : `${dir}/model.tar.gz`;
  const url = what === 'site' ? `https://cdn.acme.internal/${c.app}/site.tar.gz` : `https://models.acme.internal/${c.app}/model.tar.gz`;
  return card({
    name: what === 'site' ? 'download-site' : 'download-model', image: img('curl'), mounts: [mount(volumeOf(what), dir)],
    does: `\`curl -fsSLo ${file} ${url}\``, writes: [file], needs: net(c),
  });
};

export const unpackArchive = (inDir: string, outDir: string, what: 'site' | 'model'): Card => {
  const file = what === 'site' ? `${inDir}/site.tar.gz` : `${inDir}/model.tar.gz`;
  const out = what === 'site' ? `${outDir}/index.html` : `${outDir}/model.onnx`;
  const mounts = inDir === outDir ? [mount(volumeOf(what), inDir)] : [mount(volumeOf(what), inDir), mount(volumeOf(what), outDir)];
  return card({
    name: what === 'site' ? 'unpack-site' : 'unpack-model', image: img('busybox'), mounts,
    does: `\`tar -xzf ${file} -C ${outDir}\``, reads: [file], writes: [out],
  });
};

export const cloneContent = (c: Ctx, dir: string): Card => card({
  name: 'clone-content', image: img('git'), mounts: [mount('content', dir)],
  does: `\`git clone --depth 1 https://git.acme.internal/${c.app}/content.git ${dir}/repo\``,
  writes: [`${dir}/repo/index-template.json`], needs: net(c),
});

/** BusyBox gzip has no -r: find hands it the files; -f overwrites the .gz a previous run left. */
export const compressStatic = (dir: string, volume = 'static'): Card => card({
  name: 'compress-static', image: img('busybox'), mounts: [mount(volume, dir)],
  does: `\`find ${dir} -type f ! -name '*.gz' -exec gzip -kf {} +\`: pre-compresses the files for nginx's gzip_static`,
  reads: [`${dir}/index.html`], writes: [`${dir}/index.html.gz`], readAs: { [`${dir}/index.html`]: 'the unpacked site files' },
});

/** An index template (PUT _index_template, idempotent, unlike creating the index, which fails on the second
 *  replica), sent as JSON: Elasticsearch refuses curl -d's form encoding with 406. */
export const indexTemplate = (c: Ctx, file: string, m: Mount, base = 'http://elasticsearch:9200', needs: string[] = ['search-up', ...net(c)], reads = true): Card => card({
  name: 'index-template', image: img('curl'), mounts: [m],
  does: `\`curl -fsX PUT ${base}/_index_template/${c.app} -H 'Content-Type: application/json' --data-binary @${file}\``,
  reads: reads ? [file] : [], needs, provides: ['index'],
});

export const fetchNginxConf = (c: Ctx, dir: string): Card => card({
  name: 'fetch-nginx-conf', image: img('curl'), mounts: [mount('nginx-conf', dir)],
  does: `\`curl -fso ${dir}/default.conf https://config.acme.internal/${c.app}/nginx.conf\``, writes: [`${dir}/default.conf`], needs: net(c),
});

export const fetchWarmup = (c: Ctx, dir: string): Card => card({
  name: 'fetch-warmup', image: img('curl'), mounts: [mount('seed', dir)],
  does: `\`curl -fso ${dir}/warm.txt https://cdn.acme.internal/${c.app}/warm.txt\``, writes: [`${dir}/warm.txt`], needs: net(c),
});

export const warmCache = (c: Ctx, dir: string): Card => card({
  name: 'warm-cache', image: img('redis'), mounts: [mount('seed', dir)],
  does: `\`redis-cli -h ${c.app}-redis --pipe < ${dir}/warm.txt\``, reads: [`${dir}/warm.txt`], needs: ['cache-up', ...net(c)],
});

/** As root: the new volume's root directory belongs to root, and the app and later init containers run as uid. */
export const fixPermissions = (c: Ctx, dir: string): Card => card({
  name: 'fix-permissions', image: img('busybox'), mounts: [mount('data', dir)],
  does: `runs as root: \`chown -R ${c.uid}:${c.uid} ${dir}\``, provides: ['writable:data'],
});

/** `env`: the app's settings file (app.env) the restore reads too, e.g. the store's format version. */
export const restoreData = (c: Ctx, dir: string, env?: From): Card => card({
  name: 'restore-data', image: c.appImage, mounts: [mount('data', dir), ...(env ? [env.mount] : [])],
  does: `runs as uid ${c.uid}: \`${c.app} restore${env ? ` --env-file ${env.file}` : ''} --from ${dir}/snapshot.tar --data-dir ${dir}\``, needs: ['writable:data'],
  reads: [`${dir}/snapshot.tar`, ...(env ? [env.file] : [])], writes: [`${dir}/store/CURRENT`],
});

// ── Native sidecars (initContainers with restartPolicy: Always) ────────────────────────────────

/** The mesh proxy as its injector writes it for a native sidecar, with the startupProbe on its readiness endpoint. */
export function meshProxy(id: 'istio-proxy' | 'linkerd-proxy'): Card {
  const s = software(id);
  const outbound = s.ports[0]!.port;
  const ready = s.health.find((h) => h.for === 'ready')!;
  return card({
    name: s.name, image: s.image, sidecar: true, mounts: [],
    does: `the mesh proxy: the pod's outbound traffic is redirected to it on port ${outbound}; startupProbe GET ${ready.path} on port ${ready.port}`,
    provides: ['mesh', 'mesh-at-stop'],
  });
}

/** cloud-sql-proxy as Google documents it for a native sidecar: health checks on, a startupProbe on /startup. Its
 *  image is distroless with the binary at /cloud-sql-proxy (not on PATH), so the command names it by its path. */
export const cloudSqlProxy = (c: Ctx, instance: string): Card => card({
  name: 'cloud-sql-proxy', image: img('cloud-sql-proxy'), sidecar: true, mounts: [],
  does: `\`/cloud-sql-proxy --port 5432 --health-check --http-address 0.0.0.0 ${instance}\`: listens on 127.0.0.1:5432; startupProbe GET /startup on port 9090`,
  provides: ['db-proxy'], needs: net(c),
});

/** vault agent as a sidecar: renders the secret once logged in, then keeps it fresh. */
export const vaultAgentSidecar = (c: Ctx, dir: string): Card => card({
  name: 'vault-agent', image: img('vault-cli'), sidecar: true, mounts: [mount('secrets', dir), fromConfig('vault-agent', '/etc/vault')],
  does: `\`vault agent -config=/etc/vault/agent.hcl\`: writes ${dir}/db-password and renews it; startupProbe \`test -f ${dir}/db-password\``,
  writes: [`${dir}/db-password`], needs: net(c),
});

/** envoy reads its configuration once, at start (a file an earlier init container renders), and originates the
 *  mutual TLS the search cluster requires; its startupProbe waits for the admin /ready. */
export const envoySidecar = (dir: string, upstream: string): Card => card({
  name: 'envoy', image: img('envoy'), sidecar: true, mounts: [mount('envoy-config', dir, true), fromConfig('search-tls', '/etc/tls')],
  does: `\`envoy -c ${dir}/envoy.yaml\`: forwards 127.0.0.1:15001 to ${upstream} over mutual TLS; startupProbe GET /ready on port 9901`,
  reads: [`${dir}/envoy.yaml`], provides: ['egress'],
});

export const renderEnvoyConfig = (dir: string): Card => card({
  name: 'render-envoy-config', image: img('gomplate'), mounts: [mount('envoy-config', dir), fromConfig('templates', '/tpl')],
  does: `\`/gomplate -f /tpl/envoy.yaml.tmpl -o ${dir}/envoy.yaml\``, writes: [`${dir}/envoy.yaml`],
});

/** A log shipper needs nothing to start; listed after the mesh proxy it also stops before it, so its last flush at
 *  shutdown still gets out (sidecars stop in reverse order). */
export const fluentBit = (c: Ctx, dir: string): Card => card({
  name: 'fluent-bit', image: img('fluent-bit'), sidecar: true, mounts: [mount('logs', dir, true)],
  does: `tails ${dir}/*.log and ships them to Loki`, needs: c.mesh ? ['mesh-at-stop'] : [],
});

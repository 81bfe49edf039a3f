// The init containers (and native sidecars) init-order puzzles are made of: real images from the catalogue, each
// doing one real job, with the volumes it mounts, the files it writes and reads, and the services it needs.
// Stories (init-order-stories.ts) pick a few and say where each one mounts its volumes.
import { software } from '../model/software.ts';
import type { HandoffCard, Mount } from '../model/init-handoffs.ts';
import type { Rng } from '../random.ts';

export interface Card extends HandoffCard {
  name: string;
  image: string;
  /** What it runs, in a few words or a command (inline code in backticks). */
  does: string;
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

// ── Waiting for services ───────────────────────────────────────────────────────────────────────

export const waitForDb = (c: Ctx): Card => card({
  name: 'wait-for-db', image: img('busybox'), mounts: [],
  does: `\`until nc -z ${c.db.host} ${c.db.port}; do sleep 2; done\``,
  provides: ['db-up'], needs: toDb(c),
});

export const waitForRedis = (c: Ctx): Card => card({
  name: 'wait-for-redis', image: img('busybox'), mounts: [],
  does: `\`until nc -z ${c.app}-redis 6379; do sleep 1; done\``, provides: ['cache-up'], needs: net(c),
});

export const waitForKafka = (c: Ctx): Card => card({
  name: 'wait-for-kafka', image: img('busybox'), mounts: [],
  does: '`until nc -z kafka 9092; do sleep 2; done`', provides: ['kafka-up'], needs: net(c),
});

export const waitForSearch = (c: Ctx): Card => card({
  name: 'wait-for-search', image: img('curl'), mounts: [],
  does: `\`until curl -fs http://elasticsearch:9200/_cluster/health; do sleep 5; done\``, provides: ['search-up'], needs: net(c),
});

// ── Database ───────────────────────────────────────────────────────────────────────────────────

/** The database URL as each tool spells it: golang-migrate's postgres:// or mysql://…@tcp(), flyway's JDBC. */
export function dbUrl(c: Ctx, tool: 'migrate' | 'flyway', port = c.db.port): string {
  const { engine, host, name } = c.db;
  if (tool === 'flyway') return `jdbc:${engine === 'postgres' ? 'postgresql' : 'mysql'}://${host}:${port}/${name}`;
  return engine === 'postgres' ? `postgres://${host}:${port}/${name}` : `mysql://app@tcp(${host}:${port})/${name}`;
}

/** Applies the schema. `from`: a file another card wrote that holds the password or the whole configuration. */
export function migrate(c: Ctx, from?: { file: string; mount: Mount }, port = c.db.port): Card {
  const tool = c.rng.pick(['flyway', 'migrate'] as const);
  const source = from ? `, credentials from ${from.file}` : '';
  const does = tool === 'flyway'
    ? `\`flyway -url=${dbUrl(c, 'flyway', port)} migrate\`${source}`
    : `\`migrate -path /migrations -database ${dbUrl(c, 'migrate', port)} up\`${source}`;
  return card({
    name: 'migrate', image: img(tool), mounts: from ? [from.mount] : [], does,
    provides: ['schema'], needs: ['db-up', ...toDb(c)],
    reads: from ? [from.file] : [],
  });
}

/** Loads reference rows into the tables; `from`: a password file another card wrote. */
export function seedData(c: Ctx, from?: { file: string; mount: Mount }, port = c.db.port): Card {
  const pw = from ? `PGPASSWORD=$(cat ${from.file}) ` : '';
  const does = c.db.engine === 'postgres'
    ? `\`${pw}psql -h ${c.db.host} -p ${port} -d ${c.db.name} -f /seed/reference.sql\` (SQL from a ConfigMap)`
    : `\`mysql -h ${c.db.host} -P ${port} ${c.db.name} < /seed/reference.sql\` (SQL from a ConfigMap)`;
  return card({
    name: 'seed-data', image: img(c.db.engine === 'postgres' ? 'postgres-client' : 'mysql-client'), mounts: from ? [from.mount] : [], does,
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

/** Renders app.yaml from the values in app.env (and a template from a ConfigMap mounted at /tpl). */
export function renderConfig(inDir: string, outDir: string, volume = 'config', extraRead?: string): Card {
  const mounts = inDir === outDir ? [mount(volume, inDir)] : [mount(volume, inDir), mount(volume, outDir)];
  const reads = [`${inDir}/app.env`, ...(extraRead ? [extraRead] : [])];
  const secret = extraRead ? ` -d pw=${extraRead}` : '';
  return card({
    name: 'render-config', image: img('gomplate'), mounts,
    does: `\`gomplate -d env=${inDir}/app.env${secret} -f /tpl/app.yaml.tmpl -o ${outDir}/app.yaml\``,
    reads, writes: [`${outDir}/app.yaml`],
  });
}

/** vault agent as a regular init container: logs in, renders the secret into a file, exits. */
export const vaultAgentInit = (c: Ctx, dir: string): Card => card({
  name: 'vault-agent-init', image: img('vault-cli'), mounts: [mount('secrets', dir)],
  does: `\`vault agent -exit-after-auth\`: writes the ${c.db.engine} password to ${dir}/db-password`,
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
  writes: [`${dir}/repo/mapping.json`, `${dir}/repo/site/index.html`], needs: net(c),
});

/** The app's own image copies its static files out, so an nginx container can serve them. */
export const copyStatic = (c: Ctx, dir: string): Card => card({
  name: 'copy-static', image: c.appImage, mounts: [mount('static', dir)],
  does: `\`cp -r /app/public/. ${dir}/\`: the app's own image copies its static files out`,
  writes: [`${dir}/index.html`],
});

export const compressStatic = (dir: string, volume = 'static'): Card => card({
  name: 'compress-static', image: img('busybox'), mounts: [mount(volume, dir)],
  does: `\`gzip -rk ${dir}\`: pre-compresses the files for nginx's gzip_static`, reads: [`${dir}/index.html`], writes: [`${dir}/index.html.gz`],
});

export const createIndex = (c: Ctx, mappingFile: string, m: Mount): Card => card({
  name: 'create-index', image: img('curl'), mounts: [m],
  does: `\`curl -fsX PUT http://elasticsearch:9200/${c.app} -d @${mappingFile}\``, reads: [mappingFile], needs: ['search-up', ...net(c)],
  provides: ['index'],
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

/** As root: the volume comes from a backup owned by root, and the app and later init containers run as uid. */
export const fixPermissions = (c: Ctx, dir: string): Card => card({
  name: 'fix-permissions', image: img('busybox'), mounts: [mount('data', dir)],
  does: `runs as root: \`chown -R ${c.uid}:${c.uid} ${dir}\``, provides: ['writable:data'],
});

export const initData = (c: Ctx, dir: string): Card => card({
  name: 'init-data', image: c.appImage, mounts: [mount('data', dir)],
  does: `runs as uid ${c.uid}: \`${c.app} init --data-dir ${dir}\` creates the store files`, needs: ['writable:data'],
  writes: [`${dir}/store/CURRENT`],
});

// ── Native sidecars (initContainers with restartPolicy: Always) ────────────────────────────────

export function meshProxy(id: 'istio-proxy' | 'linkerd-proxy'): Card {
  const s = software(id);
  const outbound = s.ports[0]!.port;
  return card({
    name: s.name, image: s.image, sidecar: true, mounts: [],
    does: `the mesh proxy: the pod's outbound traffic is redirected to it on port ${outbound}`, provides: ['mesh'],
  });
}

export const cloudSqlProxy = (c: Ctx, instance: string): Card => card({
  name: 'cloud-sql-proxy', image: img('cloud-sql-proxy'), sidecar: true, mounts: [],
  does: `\`cloud-sql-proxy --port 5432 ${instance}\`: listens on 127.0.0.1:5432 and tunnels to Cloud SQL`,
  provides: ['db-proxy'], needs: net(c),
});

/** vault agent as a sidecar: renders the secret once logged in, then keeps it fresh. */
export const vaultAgentSidecar = (c: Ctx, dir: string, probe: boolean): Card => card({
  name: 'vault-agent', image: img('vault-cli'), sidecar: true, mounts: [mount('secrets', dir)],
  does: `\`vault agent\`: writes ${dir}/db-password and renews it` + (probe ? `; startupProbe \`test -f ${dir}/db-password\`` : ''),
  writes: [`${dir}/db-password`], needs: net(c),
});

/** envoy reads its configuration once, at start: a file an earlier init container renders. */
export const envoySidecar = (c: Ctx, dir: string): Card => card({
  name: 'envoy', image: img('envoy'), sidecar: true, mounts: [mount('envoy-config', dir, true)],
  does: `\`envoy -c ${dir}/envoy.yaml\`: forwards 127.0.0.1:15001 to ${c.db.host}:${c.db.port}`, reads: [`${dir}/envoy.yaml`], provides: ['egress'],
});

export const renderEnvoyConfig = (dir: string): Card => card({
  name: 'render-envoy-config', image: img('gomplate'), mounts: [mount('envoy-config', dir)],
  does: `\`gomplate -f /tpl/envoy.yaml.tmpl -o ${dir}/envoy.yaml\``, writes: [`${dir}/envoy.yaml`],
});

export const fluentBit = (dir: string): Card => card({
  name: 'fluent-bit', image: img('fluent-bit'), sidecar: true, mounts: [mount('logs', dir, true)],
  does: `tails ${dir}/*.log and ships them to Loki`,
});

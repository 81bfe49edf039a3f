// The question templates of init-order: one story each, a pod whose init containers hand each other files through
// volumes and wait for services. Easy and medium tell the same stories: easy mounts a volume at the same path in
// every container and has three cards; medium mounts it at each container's own path (the player must match volumes,
// not paths) and adds a card. Hard stories add native sidecars the other init containers need.
import type { Mount } from '../model/init-handoffs.ts';
import type { Difficulty } from './kind.ts';
import {
  cloneContent, cloudSqlProxy, compressStatic, copyStatic, createIndex, downloadArchive, envoySidecar, fetchConfig,
  fetchNginxConf, fetchWarmup, fixPermissions, fluentBit, initData, meshProxy, migrate, mount, renderConfig, renderEnvoyConfig,
  seedData, unpackArchive, vaultAgentInit, vaultAgentSidecar, waitForDb, waitForKafka, waitForRedis, waitForSearch, warmCache,
  type Card, type Ctx,
} from './init-order-cards.ts';

export type VolumeKind = 'emptyDir' | 'persistentVolumeClaim' | 'configMap';

export interface Scene {
  cards: Card[];
  /** Facts the player needs that the cards cannot show (a database still starting, a mesh's traffic rules). */
  premises: string[];
  /** Where the app container mounts volumes: what the init containers prepare for it. */
  appMounts: Mount[];
  volumes: { name: string; kind: VolumeKind }[];
  /** The app container: our own service (default), or nginx serving what the init containers prepared. */
  app?: 'nginx';
}

export interface Story {
  id: string;
  hard: boolean;
  build(c: Ctx, level: Difficulty): Scene;
}

const own = (level: Difficulty, same: string, mine: string): string => (level === 'easy' ? same : mine);
const empty = (...names: string[]): Scene['volumes'] => names.map((name) => ({ name, kind: 'emptyDir' as const }));
const dbStarting = (c: Ctx): string => `The ${c.db.engine} database ${c.db.host} may still be starting when the pod starts.`;

// ── Easy and medium ────────────────────────────────────────────────────────────────────────────

const configChain: Story = { id: 'config-chain', hard: false, build(c, level) {
  const fetchDir = '/config';
  const renderDir = own(level, '/config', '/work');
  const migrateDir = own(level, '/config', '/etc/app');
  const cards = [fetchConfig(c, fetchDir), renderConfig(renderDir, renderDir), migrate(c, { file: `${migrateDir}/app.yaml`, mount: mount('config', migrateDir) })];
  if (level !== 'easy') cards.push(waitForDb(c));
  return {
    cards, premises: level === 'easy' ? ['The database is up.'] : [dbStarting(c)],
    appMounts: [mount('config', `/etc/${c.app}`, true)], volumes: empty('config'),
  };
} };

const dbMigrate: Story = { id: 'db-migrate', hard: false, build(c, level) {
  const cards = [waitForDb(c), migrate(c), seedData(c)];
  if (level !== 'easy') {
    const dir = '/vault/secrets';
    cards[1] = migrate(c, { file: `${dir}/db-password`, mount: mount('secrets', dir, true) });
    cards.push(vaultAgentInit(c, own(level, dir, '/out')));
  }
  return { cards, premises: [dbStarting(c)], appMounts: level === 'easy' ? [] : [mount('secrets', '/vault/secrets', true)], volumes: level === 'easy' ? [] : empty('secrets') };
} };

const siteArchive: Story = { id: 'site-archive', hard: false, build(c, level) {
  const dl = '/site';
  const unpackDir = own(level, '/site', '/work');
  const zipDir = own(level, '/site', '/public');
  const cards = [downloadArchive(c, dl, 'site'), unpackArchive(unpackDir, unpackDir, 'site'), compressStatic(zipDir, 'site')];
  if (level !== 'easy') cards.push(fetchNginxConf(c, '/conf'));
  return {
    cards, premises: ['nginx serves the site volume as its document root.'], app: 'nginx',
    appMounts: [mount('site', '/usr/share/nginx/html', true), ...(level === 'easy' ? [] : [mount('nginx-conf', '/etc/nginx/conf.d', true)])],
    volumes: empty('site', ...(level === 'easy' ? [] : ['nginx-conf'])),
  };
} };

const modelUnpack: Story = { id: 'model-unpack', hard: false, build(c, level) {
  const dl = '/models';
  const cards = [downloadArchive(c, dl, 'model'), unpackArchive(own(level, dl, '/work'), own(level, dl, '/work'), 'model')];
  const warmDir = own(level, dl, '/srv/models');
  cards.push({
    ...cards[1]!, id: 'compile-model', name: 'compile-model', image: c.appImage, mounts: [mount('models', warmDir)],
    does: `\`${c.app} compile-model ${warmDir}/model.onnx\`: writes the compiled ${warmDir}/model.plan`,
    reads: [`${warmDir}/model.onnx`], writes: [`${warmDir}/model.plan`], provides: [], needs: [],
  });
  if (level !== 'easy') cards.push(waitForSearch(c));
  return { cards, premises: [], appMounts: [mount('models', '/models', true)], volumes: empty('models') };
} };

const permissions: Story = { id: 'permissions', hard: false, build(c, level) {
  const fixDir = '/data';
  const dlDir = own(level, fixDir, '/restore');
  const initDir = own(level, fixDir, '/var/lib/app');
  const download: Card = {
    ...fetchWarmup(c, dlDir), id: 'download-snapshot', name: 'download-snapshot', mounts: [mount('data', dlDir)],
    does: `runs as uid ${c.uid}: \`curl -fso ${dlDir}/snapshot.tar https://backups.acme.internal/${c.app}/latest.tar\``,
    writes: [`${dlDir}/snapshot.tar`], needs: ['writable:data'],
  };
  const init = { ...initData(c, initDir), reads: [`${initDir}/snapshot.tar`] };
  const cards = [fixPermissions(c, fixDir), download, init];
  if (level !== 'easy') cards.push(waitForRedis(c));
  return {
    cards, premises: [`The data volume is a PersistentVolumeClaim restored from a backup: its files belong to root. The app runs as uid ${c.uid}.`],
    appMounts: [mount('data', `/var/lib/${c.app}`)], volumes: [{ name: 'data', kind: 'persistentVolumeClaim' }],
  };
} };

const searchIndex: Story = { id: 'search-index', hard: false, build(c, level) {
  const cloneDir = '/content';
  const indexDir = own(level, cloneDir, '/mappings');
  const cards = [waitForSearch(c), cloneContent(c, cloneDir), createIndex(c, `${indexDir}/repo/mapping.json`, mount('content', indexDir, true))];
  if (level !== 'easy') cards.push(waitForKafka(c));
  return {
    cards, premises: ['The search cluster may still be electing a master when the pod starts.'],
    appMounts: [mount('content', '/srv/content', true)], volumes: empty('content'),
  };
} };

const cacheWarm: Story = { id: 'cache-warm', hard: false, build(c, level) {
  const fetchDir = '/seed';
  const cards = [waitForRedis(c), fetchWarmup(c, fetchDir), warmCache(c, own(level, fetchDir, '/input'))];
  if (level !== 'easy') cards.push(waitForDb(c));
  return {
    cards, premises: [`Redis (${c.app}-redis) may still be loading its snapshot when the pod starts.`, ...(level === 'easy' ? [] : [dbStarting(c)])],
    appMounts: [], volumes: empty('seed'),
  };
} };

const secretsRender: Story = { id: 'secrets-render', hard: false, build(c, level) {
  const secrets = '/secrets';
  const renderIn = own(level, '/config', '/work');
  const renderSecrets = own(level, secrets, '/run/secrets');
  const render = { ...renderConfig(renderIn, renderIn, 'config', `${renderSecrets}/db-password`) };
  render.mounts = [...render.mounts, mount('secrets', renderSecrets, true)];
  const cards = [fetchConfig(c, '/config'), vaultAgentInit(c, secrets), render];
  if (level !== 'easy') cards.push(migrate(c, { file: `/etc/app/app.yaml`, mount: mount('config', '/etc/app', true) }));
  return {
    cards, premises: level === 'easy' ? [] : ['The database is up.'],
    appMounts: [mount('config', `/etc/${c.app}`, true)], volumes: empty('config', 'secrets'),
  };
} };

// ── Hard: native sidecars the other init containers need ──────────────────────────────────────

const cloudSqlPremise = 'The Cloud SQL instance is up and accepts connections only through cloud-sql-proxy.';
const meshPremise = (proxy: string): string =>
  `The mesh redirects all of the pod's traffic, init containers' included, through ${proxy}: nothing gets out before it runs.`;

const meshMigrate: Story = { id: 'mesh-migrate', hard: true, build(c) {
  const proxy = meshProxy(c.mesh === 'linkerd-proxy' ? 'linkerd-proxy' : 'istio-proxy');
  const dir = '/vault/secrets';
  const cards = [proxy, waitForDb(c), migrate(c, { file: `${dir}/db-password`, mount: mount('secrets', dir, true) }), vaultAgentInit(c, dir)];
  return { cards, premises: [meshPremise(proxy.name), dbStarting(c)], appMounts: [mount('secrets', dir, true)], volumes: empty('secrets') };
} };

const sqlProxy: Story = { id: 'sql-proxy', hard: true, build(c) {
  const dir = '/vault/secrets';
  const cards = [
    cloudSqlProxy(c, `acme-prod:europe-west1:${c.db.name}`),
    migrate(c, { file: `${dir}/db-password`, mount: mount('secrets', dir, true) }),
    seedData(c, { file: `${dir}/db-password`, mount: mount('secrets', dir, true) }), vaultAgentInit(c, '/out'),
  ];
  return { cards, premises: [cloudSqlPremise], appMounts: [mount('secrets', dir, true)], volumes: empty('secrets') };
} };

const envoyConfig: Story = { id: 'envoy-config', hard: true, build(c) {
  const local = { ...c, db: { ...c.db, host: '127.0.0.1' } };
  const mig = { ...migrate(local, undefined, 15001), needs: ['egress'] };
  const seed = { ...seedData(local, undefined, 15001), needs: ['schema', 'egress'] };
  return {
    cards: [renderEnvoyConfig('/out'), envoySidecar(c, '/etc/envoy'), mig, seed],
    premises: [`Network policy lets only envoy reach the database ${c.db.host}, which is up.`],
    appMounts: [], volumes: empty('envoy-config'),
  };
} };

const vaultSidecar: Story = { id: 'vault-sidecar', hard: true, build(c) {
  const render = renderConfig('/config', '/config', 'config', '/run/secrets/db-password');
  render.mounts = [...render.mounts, mount('secrets', '/run/secrets', true)];
  const check = {
    ...render, id: 'check-config', name: 'check-config', image: c.appImage, mounts: [mount('config', '/etc/app', true)],
    does: `\`${c.app} --check-config /etc/app/app.yaml\`: fails fast on a bad config`, reads: ['/etc/app/app.yaml'], writes: [],
  };
  return {
    cards: [vaultAgentSidecar(c, '/vault/secrets', true), fetchConfig(c, '/config'), render, check],
    premises: [],
    appMounts: [mount('config', `/etc/${c.app}`, true), mount('secrets', '/vault/secrets', true)], volumes: empty('config', 'secrets'),
  };
} };

const twoSidecars: Story = { id: 'two-sidecars', hard: true, build(c) {
  const proxy = meshProxy(c.mesh === 'linkerd-proxy' ? 'linkerd-proxy' : 'istio-proxy');
  const sql = cloudSqlProxy(c, `acme-prod:europe-west1:${c.db.name}`);
  return {
    cards: [proxy, sql, seedData(c, { file: '/vault/secrets/db-password', mount: mount('secrets', '/vault/secrets', true) }), vaultAgentInit(c, '/out')],
    premises: [meshPremise(proxy.name), cloudSqlPremise, 'Its tables exist already.'],
    appMounts: [], volumes: [],
  };
} };

const meshContent: Story = { id: 'mesh-content', hard: true, build(c) {
  const proxy = meshProxy(c.mesh === 'linkerd-proxy' ? 'linkerd-proxy' : 'istio-proxy');
  return {
    cards: [proxy, waitForSearch(c), cloneContent(c, '/content'), createIndex(c, '/mappings/repo/mapping.json', mount('content', '/mappings', true))],
    premises: [meshPremise(proxy.name), 'The search cluster may still be electing a master when the pod starts.'],
    appMounts: [mount('content', '/srv/content', true)], volumes: empty('content'),
  };
} };

const shipperAndMesh: Story = { id: 'shipper-and-mesh', hard: true, build(c) {
  const proxy = meshProxy(c.mesh === 'linkerd-proxy' ? 'linkerd-proxy' : 'istio-proxy');
  return {
    cards: [fluentBit('/var/log/app'), proxy, fetchConfig(c, '/config'), renderConfig('/work', '/work')],
    premises: [meshPremise(proxy.name), 'fluent-bit ships only the app\'s log files.'],
    appMounts: [mount('config', `/etc/${c.app}`, true), mount('logs', '/var/log/app')], volumes: empty('config', 'logs'),
  };
} };

const meshCache: Story = { id: 'mesh-cache', hard: true, build(c) {
  const proxy = meshProxy(c.mesh === 'linkerd-proxy' ? 'linkerd-proxy' : 'istio-proxy');
  return {
    cards: [proxy, waitForRedis(c), fetchWarmup(c, '/seed'), warmCache(c, '/input')],
    premises: [meshPremise(proxy.name), `Redis (${c.app}-redis) may still be loading its snapshot when the pod starts.`],
    appMounts: [], volumes: empty('seed'),
  };
} };

export const stories: readonly Story[] = [
  configChain, dbMigrate, siteArchive, modelUnpack, permissions, searchIndex, cacheWarm, secretsRender,
  meshMigrate, sqlProxy, envoyConfig, vaultSidecar, twoSidecars, meshContent, shipperAndMesh, meshCache,
];

/** Stories that need a mesh in the context (every card talking over the network needs the proxy). */
export const meshStories = new Set(['mesh-migrate', 'two-sidecars', 'mesh-content', 'shipper-and-mesh', 'mesh-cache']);
/** Stories whose database is reached on 127.0.0.1 through cloud-sql-proxy. */
export const sqlProxyStories = new Set(['sql-proxy', 'two-sidecars']);

// The question templates of init-order: one story each, a pod whose init containers hand each other files through
// volumes and wait for services. Easy and medium tell the same stories: easy mounts a volume at the same path in
// every container and has three cards; medium mounts it at each container's own path (the player must match volumes,
// not paths) and may add a card, always one another card depends on (a wait-for-X with nothing after it that uses
// the service would leave "why is this here?" unanswered). Hard stories add native sidecars the other init
// containers need.
import type { Mount } from '../model/init-handoffs.ts';
import type { Difficulty } from './kind.ts';
import {
  cloneContent, cloudSqlProxy, compressStatic, downloadArchive, envoySidecar, fetchConfig, fetchNginxConf, fetchWarmup,
  fixPermissions, fluentBit, fromConfig, indexTemplate, meshProxy, migrateApp, migrateTool, mount, renderConfig,
  renderEnvoyConfig, restoreData, seedData, unpackArchive, vaultAgentInit, vaultAgentSidecar, waitForDb,
  waitForRedis, waitForSearch, warmCache, type Card, type Ctx, type From,
} from './init-order-cards.ts';

export type VolumeKind = 'emptyDir' | 'persistentVolumeClaim' | 'configMap' | 'secret';

export interface Scene {
  cards: Card[];
  /** Facts the player needs that the cards cannot show (a database still starting, a mesh's traffic rules). */
  premises: string[];
  /** Where the app container mounts volumes: what the init containers prepare for it. */
  appMounts: Mount[];
  /** Volumes that are neither an emptyDir nor a ConfigMap/Secret the cards name (a PersistentVolumeClaim). Every
   *  other volume a card or the app mounts is declared from its name (volumesOf in init-order.ts). */
  volumeKinds?: Record<string, VolumeKind>;
  /** The app container: our own service (default), or nginx serving what the init containers prepared. */
  app?: 'nginx';
}

export interface Story {
  id: string;
  hard: boolean;
  /** The house apps this story fits (a model to compile belongs to an ML service), when not any. */
  apps?: readonly string[];
  build(c: Ctx, level: Difficulty): Scene;
}

const own = (level: Difficulty, same: string, mine: string): string => (level === 'easy' ? same : mine);
const dbStarting = (c: Ctx): string => `The ${c.db.engine} database ${c.db.host} may still be starting when the pod starts.`;
const pgPassword = 'The database password reaches every init container as PGPASSWORD, from a Secret.';
const password = (dir: string): From => ({ file: `${dir}/db-password`, mount: mount('secrets', dir, true) });
const searchElecting = 'The search cluster may still be electing a master when the pod starts.';

// ── Easy and medium ────────────────────────────────────────────────────────────────────────────

const configChain: Story = { id: 'config-chain', hard: false, build(c, level) {
  const renderDir = own(level, '/config', '/work');
  const migrateDir = own(level, '/config', '/etc/app');
  const cards = [fetchConfig(c, '/config'), renderConfig(renderDir, renderDir), migrateApp(c, { file: `${migrateDir}/app.yaml`, mount: mount('config', migrateDir, true) })];
  if (level !== 'easy') cards.push(waitForDb(c));
  return {
    cards, premises: level === 'easy' ? ['The database is up.'] : [dbStarting(c)],
    appMounts: [mount('config', `/etc/${c.app}`, true)],
  };
} };

const dbMigrate: Story = { id: 'db-migrate', hard: false, build(c, level) {
  if (level === 'easy') return { cards: [waitForDb(c), migrateTool(c), seedData(c)], premises: [dbStarting(c), pgPassword], appMounts: [] };
  const from = password('/vault/secrets');
  return {
    cards: [waitForDb(c), migrateTool(c, from), seedData(c, from), vaultAgentInit(c, '/out')],
    premises: [dbStarting(c)], appMounts: [mount('secrets', '/vault/secrets', true)],
  };
} };

const siteArchive: Story = { id: 'site-archive', hard: false, build(c, level) {
  const unpackDir = own(level, '/site', '/work');
  const zipDir = own(level, '/site', '/public');
  const cards = [downloadArchive(c, '/site', 'site'), unpackArchive(unpackDir, unpackDir, 'site'), compressStatic(zipDir, 'site')];
  if (level !== 'easy') cards.push(fetchNginxConf(c, '/conf'));
  return {
    cards, premises: ['nginx serves the site volume as its document root.'], app: 'nginx',
    appMounts: [mount('site', '/usr/share/nginx/html', true), ...(level === 'easy' ? [] : [mount('nginx-conf', '/etc/nginx/conf.d', true)])],
  };
} };

const modelUnpack: Story = { id: 'model-unpack', hard: false, apps: ['recommender', 'fraud-check', 'thumbnailer', 'search-api'], build(c, level) {
  const dl = '/models';
  const cards = [downloadArchive(c, dl, 'model'), unpackArchive(own(level, dl, '/work'), own(level, dl, '/work'), 'model')];
  const warmDir = own(level, dl, '/srv/models');
  cards.push({
    ...cards[1]!, id: 'compile-model', name: 'compile-model', image: c.appImage, mounts: [mount('models', warmDir)],
    does: `\`${c.app} compile-model ${warmDir}/model.onnx\`: writes the compiled ${warmDir}/model.plan`,
    reads: [`${warmDir}/model.onnx`], writes: [`${warmDir}/model.plan`], provides: [], needs: [],
  });
  // Medium: compile-model also reads an INT8 calibration table another card downloads: a second branch into it.
  if (level !== 'easy') {
    const compile = cards[2]!;
    const calib = `${warmDir}/calibration.cache`;
    compile.does = `\`${c.app} compile-model --calibration ${calib} ${warmDir}/model.onnx\`: writes the compiled ${warmDir}/model.plan`;
    compile.reads = [...compile.reads, calib];
    cards.push({
      ...cards[0]!, id: 'download-calibration', name: 'download-calibration', mounts: [mount('models', '/calib')],
      does: `\`curl -fsSLo /calib/calibration.cache https://models.acme.internal/${c.app}/calibration.cache\``, writes: ['/calib/calibration.cache'],
    });
  }
  return { cards, premises: [], appMounts: [mount('models', '/models', true)] };
} };

const permissions: Story = { id: 'permissions', hard: false, build(c, level) {
  const fixDir = '/data';
  const dlDir = own(level, fixDir, '/restore');
  const restoreDir = own(level, fixDir, '/var/lib/app');
  const download: Card = {
    ...fetchWarmup(c, dlDir), id: 'download-snapshot', name: 'download-snapshot', mounts: [mount('data', dlDir)],
    does: `runs as uid ${c.uid}: \`curl -fso ${dlDir}/snapshot.tar https://backups.acme.internal/${c.app}/latest.tar\``,
    writes: [`${dlDir}/snapshot.tar`], needs: ['writable:data'],
  };
  const cards = [fixPermissions(c, fixDir), download];
  // Medium: the restore also reads the app's settings, which fetch-config brings: a second branch into restore-data.
  if (level === 'easy') cards.push(restoreData(c, restoreDir));
  else cards.push(fetchConfig(c, '/config'), restoreData(c, restoreDir, { file: '/etc/app/app.env', mount: mount('config', '/etc/app', true) }));
  return {
    cards,
    premises: [`The data volume is a new PersistentVolumeClaim: its root directory belongs to root, and the pod sets no fsGroup. The app runs as uid ${c.uid}.`],
    appMounts: [mount('data', `/var/lib/${c.app}`)], volumeKinds: { data: 'persistentVolumeClaim' },
  };
} };

const searchIndex: Story = { id: 'search-index', hard: false, build(c, level) {
  const indexDir = own(level, '/content', '/mappings');
  const cards = [waitForSearch(c), cloneContent(c, '/content'), indexTemplate(c, `${indexDir}/repo/index-template.json`, mount('content', indexDir, true))];
  return { cards, premises: [searchElecting], appMounts: [mount('content', '/srv/content', true)] };
} };

const cacheWarm: Story = { id: 'cache-warm', hard: false, build(c, level) {
  const cards = [waitForRedis(c), fetchWarmup(c, '/seed'), warmCache(c, own(level, '/seed', '/input'))];
  return {
    cards, premises: [`Redis (${c.app}-redis) may still be loading its snapshot when the pod starts.`],
    appMounts: [],
  };
} };

const secretsRender: Story = { id: 'secrets-render', hard: false, build(c, level) {
  const renderIn = own(level, '/config', '/work');
  const renderSecrets = own(level, '/secrets', '/run/secrets');
  const render = renderConfig(renderIn, renderIn, 'config', `${renderSecrets}/db-password`);
  render.mounts = [...render.mounts, mount('secrets', renderSecrets, true)];
  const cards = [fetchConfig(c, '/config'), vaultAgentInit(c, '/secrets'), render];
  if (level !== 'easy') cards.push(migrateApp(c, { file: '/etc/app/app.yaml', mount: mount('config', '/etc/app', true) }));
  return { cards, premises: level === 'easy' ? [] : ['The database is up.'], appMounts: [mount('config', `/etc/${c.app}`, true)] };
} };

// ── Hard: native sidecars the other init containers need ──────────────────────────────────────

const cloudSqlPremise = 'The Cloud SQL instance is up and accepts connections only through cloud-sql-proxy.';
const meshPremise = (proxy: string): string =>
  `The mesh redirects all of the pod's traffic, init containers' included, through ${proxy}: nothing gets out before it runs.`;
const proxyOf = (c: Ctx): Card => meshProxy(c.mesh === 'linkerd-proxy' ? 'linkerd-proxy' : 'istio-proxy');

const meshMigrate: Story = { id: 'mesh-migrate', hard: true, build(c) {
  const proxy = proxyOf(c);
  const dir = '/vault/secrets';
  const cards = [proxy, waitForDb(c), migrateTool(c, password(dir)), vaultAgentInit(c, dir)];
  return { cards, premises: [meshPremise(proxy.name), dbStarting(c)], appMounts: [mount('secrets', dir, true)] };
} };

const sqlProxy: Story = { id: 'sql-proxy', hard: true, build(c) {
  const from = password('/vault/secrets');
  const cards = [cloudSqlProxy(c, `acme-prod:europe-west1:${c.db.name}`), migrateTool(c, from), seedData(c, from), vaultAgentInit(c, '/out')];
  return { cards, premises: [cloudSqlPremise], appMounts: [mount('secrets', '/vault/secrets', true)] };
} };

/** envoy originates the mutual TLS the search cluster requires, with a configuration an init container renders. */
const envoyConfig: Story = { id: 'envoy-config', hard: true, build(c) {
  const local = 'http://127.0.0.1:15001';
  return {
    cards: [
      renderEnvoyConfig('/out'), envoySidecar('/etc/envoy', 'search.acme.internal:9200'), waitForSearch(c, local, ['egress']),
      indexTemplate(c, '/es/index-template.json', fromConfig('index-template', '/es'), local, ['search-up', 'egress'], false),
    ],
    premises: ['The search cluster search.acme.internal accepts only mutual-TLS connections made with the client certificate in the search-tls Secret.', searchElecting],
    appMounts: [],
  };
} };

const vaultSidecar: Story = { id: 'vault-sidecar', hard: true, build(c) {
  const render = renderConfig('/config', '/config', 'config', '/run/secrets/db-password');
  render.mounts = [...render.mounts, mount('secrets', '/run/secrets', true)];
  const check: Card = {
    ...render, id: 'check-config', name: 'check-config', image: c.appImage, mounts: [mount('config', '/etc/app', true)],
    does: `\`${c.app} --check-config /etc/app/app.yaml\`: fails fast on a bad config`, reads: ['/etc/app/app.yaml'], writes: [],
  };
  return {
    cards: [vaultAgentSidecar(c, '/vault/secrets'), fetchConfig(c, '/config'), render, check],
    premises: [],
    appMounts: [mount('config', `/etc/${c.app}`, true), mount('secrets', '/vault/secrets', true)],
  };
} };

const twoSidecars: Story = { id: 'two-sidecars', hard: true, build(c) {
  const proxy = proxyOf(c);
  const sql = cloudSqlProxy(c, `acme-prod:europe-west1:${c.db.name}`);
  return {
    cards: [proxy, sql, seedData(c, password('/vault/secrets')), vaultAgentInit(c, '/out')],
    premises: [meshPremise(proxy.name), cloudSqlPremise, 'Its tables exist already.'],
    appMounts: [],
  };
} };

const meshContent: Story = { id: 'mesh-content', hard: true, build(c) {
  const proxy = proxyOf(c);
  return {
    cards: [proxy, waitForSearch(c), cloneContent(c, '/content'), indexTemplate(c, '/mappings/repo/index-template.json', mount('content', '/mappings', true))],
    premises: [meshPremise(proxy.name), searchElecting],
    appMounts: [mount('content', '/srv/content', true)],
  };
} };

const shipperAndMesh: Story = { id: 'shipper-and-mesh', hard: true, build(c) {
  const proxy = proxyOf(c);
  return {
    cards: [fluentBit(c, '/var/log/app'), proxy, fetchConfig(c, '/config'), renderConfig('/work', '/work')],
    premises: [meshPremise(proxy.name), 'fluent-bit ships only the app\'s log files.'],
    appMounts: [mount('config', `/etc/${c.app}`, true), mount('logs', '/var/log/app')],
  };
} };

const meshCache: Story = { id: 'mesh-cache', hard: true, build(c) {
  const proxy = proxyOf(c);
  return {
    cards: [proxy, waitForRedis(c), fetchWarmup(c, '/seed'), warmCache(c, '/input')],
    premises: [meshPremise(proxy.name), `Redis (${c.app}-redis) may still be loading its snapshot when the pod starts.`],
    appMounts: [],
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
/** Stories whose commands work with MySQL too (the others run psql or golang-migrate's postgres driver). */
export const mysqlStories = new Set(['config-chain', 'cache-warm']);

// deploy/ renders offline, every rendered object is a valid Kubernetes object, and the objects refer to each other
// correctly (selectors, ports, Secrets, ConfigMaps): the mistakes `kubectl apply` would only show on a cluster.
import { beforeAll, describe, expect, it } from 'vitest';
import { byKind, kustomizeVersion, only, render, schemaError, typeErrors, type KubeObject } from './render.ts';

interface Container {
  name: string;
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  envFrom?: { configMapRef?: { name: string } }[];
  livenessProbe?: { httpGet?: { path: string; port: string | number } };
  readinessProbe?: { httpGet?: { path: string; port: string | number } };
  startupProbe?: { httpGet?: { path: string; port: string | number } };
}
interface PodTemplate {
  metadata: { labels: Record<string, string> };
  spec: { containers: Container[] };
}
const template = (o: KubeObject): PodTemplate => (o['spec'] as { template: PodTemplate }).template;
const selectorOf = (o: KubeObject): Record<string, string> =>
  o.kind === 'Service' ? (o['spec'] as { selector: Record<string, string> }).selector : (o['spec'] as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels;
const selects = (selector: Record<string, string>, labels: Record<string, string>): boolean =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);

beforeAll(() => {
  kustomizeVersion();
});

describe.each(['deploy/base', 'deploy/overlays/demo'])('%s', (dir) => {
  let objects: KubeObject[];
  beforeAll(() => {
    objects = render(dir);
  });

  it('renders the server\'s Deployment, Service, Ingress, PodDisruptionBudget and config', () => {
    for (const kind of ['Deployment', 'Service', 'Ingress', 'PodDisruptionBudget', 'ConfigMap']) expect(byKind(objects, kind).length).toBeGreaterThan(0);
  });

  it('passes the Kubernetes API schema for every object (kubernetes-models)', async () => {
    const errors = await Promise.all(objects.map(async (o) => ({ object: `${o.kind}/${o.metadata.name}`, error: await schemaError(o) })));
    expect(errors.filter((e) => e.error !== null)).toEqual([]);
  });

  it('selects the pods it means: Service, PodDisruptionBudget and each workload\'s own selector', () => {
    const podsOf = (o: KubeObject): Record<string, string> => template(o).metadata.labels;
    const workloads = [...byKind(objects, 'Deployment'), ...byKind(objects, 'StatefulSet')];
    for (const w of workloads) expect(selects(selectorOf(w), podsOf(w))).toBe(true);
    for (const s of byKind(objects, 'Service')) {
      const matched = workloads.filter((w) => selects(selectorOf(s), podsOf(w)));
      expect(matched.map((w) => w.metadata.name), `Service ${s.metadata.name}`).toHaveLength(1);
    }
    const pdb = only(objects, 'PodDisruptionBudget', 'podium');
    expect(workloads.filter((w) => selects(selectorOf(pdb), podsOf(w))).map((w) => w.metadata.name)).toEqual(['podium']);
  });

  it('routes the Ingress to a Service port that reaches a container port', () => {
    const ingress = only(objects, 'Ingress');
    const backends = (ingress['spec'] as { rules: { http: { paths: { backend: { service: { name: string; port: { name: string } } } }[] } }[] }).rules
      .flatMap((r) => r.http.paths.map((p) => p.backend.service));
    expect(backends.length).toBeGreaterThan(0);
    for (const backend of backends) {
      const service = only(objects, 'Service', backend.name);
      const port = (service['spec'] as { ports: { name: string; targetPort: string | number }[] }).ports.find((p) => p.name === backend.port.name);
      expect(port, `${backend.name}:${backend.port.name}`).toBeDefined();
      const container = template(only(objects, 'Deployment', 'podium')).spec.containers[0]!;
      expect(container.ports?.map((p) => p.name)).toContain(port!.targetPort);
    }
  });

  it('probes a port the container declares', () => {
    const container = template(only(objects, 'Deployment', 'podium')).spec.containers[0]!;
    const names = (container.ports ?? []).map((p) => p.name);
    for (const probe of [container.startupProbe, container.livenessProbe, container.readinessProbe]) expect(names).toContain(probe?.httpGet?.port);
  });

  it('reads its settings from the rendered ConfigMap, and cluster URLs from a Secret, never from the manifest itself', () => {
    const container = template(only(objects, 'Deployment', 'podium')).spec.containers[0]!;
    const configMaps = byKind(objects, 'ConfigMap').map((c) => c.metadata.name);
    for (const from of container.envFrom ?? []) expect(configMaps).toContain(from.configMapRef?.name);
    for (const variable of ['PODIUM_REDIS_URL', 'PODIUM_DATABASE_URL']) {
      const ref = container.env?.find((e) => e.name === variable)?.valueFrom?.secretKeyRef;
      expect(ref, variable).toBeDefined();
      const secret = byKind(objects, 'Secret').find((s) => s.metadata.name === ref!.name);
      // The base leaves the Secret to the operator (external Redis and PostgreSQL); an overlay that bundles them
      // must render it, with the key the Deployment reads.
      if (dir === 'deploy/base') expect(secret).toBeUndefined();
      else expect(Object.keys((secret?.['data'] ?? {}) as object)).toContain(ref!.key);
    }
  });
});

describe('fields', () => {
  it('are all ones the Kubernetes types know (kubernetes-models declarations), and a misspelt one is caught', async () => {
    const labelled = ['deploy/base', 'deploy/overlays/demo'].flatMap((dir) => render(dir).map((object) => ({ label: `${dir} ${object.kind}/${object.metadata.name}`, object })));
    const misspelt = structuredClone(only(render('deploy/base'), 'Deployment'));
    const container = (misspelt['spec'] as { template: { spec: { containers: Record<string, Record<string, unknown>>[] } } }).template.spec.containers[0]!;
    container['readinessProbe']!['periodSecond'] = container['readinessProbe']!['periodSeconds'];
    // The schema validators let an unknown field through, as the API's own schema does.
    expect(await schemaError(misspelt)).toBeNull();
    const errors = typeErrors([...labelled, { label: 'misspelt', object: misspelt }]);
    expect(errors.filter((e) => !e.startsWith('misspelt:'))).toEqual([]);
    expect(errors.join('\n')).toMatch(/^misspelt: .*periodSecond/m);
  }, 60_000);
});

describe('the schema check itself', () => {
  it('catches a wrong type', async () => {
    const wrongType = structuredClone(only(render('deploy/base'), 'Deployment'));
    (wrongType['spec'] as { replicas: unknown }).replicas = 'three';
    expect(await schemaError(wrongType)).toMatch(/replicas must be integer/);
  });
});

// Pod specs for the probe kinds, written so they read from the back of a room (flow-style handlers, at most 16
// lines) and so explanations can point at the lines they talk about: every line may carry tags.
import {
  probeFields, type ContainerProbes, type ProbeHandler, type ProbeKind, type ProbeSettings, type ProbeSpec,
} from '../model/probes.ts';

export interface YamlLine { text: string; tags: string[] }
export interface Yaml { lines: YamlLine[] }

export const MAX_YAML_LINES = 16;

export function yamlText(y: Yaml): string {
  return y.lines.map((l) => l.text).join('\n');
}

/** 1-based line numbers of the lines carrying any of these tags. */
export function linesTagged(y: Yaml, ...tags: string[]): number[] {
  return y.lines.flatMap((l, i) => (l.tags.some((t) => tags.includes(t)) ? [i + 1] : []));
}

export function handlerText(h: ProbeHandler): string {
  switch (h.type) {
    case 'httpGet':
      return `httpGet: {path: ${h.path}, port: ${h.port}}`;
    case 'tcpSocket':
      return `tcpSocket: {port: ${h.port}}`;
    case 'grpc':
      return `grpc: {port: ${h.port}}`;
    case 'exec':
      return `exec: {command: [${h.command.join(', ')}]}`;
  }
}

/**
 * One probe block, indented for a container in a list. Tags: the probe kind on every line, `<kind>.handler` on the
 * handler and `<kind>.<field>` on each field, so an explanation can point at "the failureThreshold of liveness".
 */
export function probeLines(kind: ProbeKind, spec: ProbeSpec, indent = '  '): YamlLine[] {
  const fields = [...probeFields, 'terminationGracePeriodSeconds'] as const;
  const set = fields.filter((f) => spec[f] !== undefined);
  return [
    { text: `${indent}${kind}:`, tags: [kind] },
    { text: `${indent}  ${handlerText(spec.handler)}`, tags: [kind, `${kind}.handler`] },
    ...set.map((f) => ({ text: `${indent}  ${f}: ${spec[f]}`, tags: [kind, `${kind}.${f}`] })),
  ];
}

export interface ContainerYaml {
  name: string;
  image: string;
  /** Extra lines after the image (env, ports, command), already indented by two spaces. */
  extra?: YamlLine[];
  probes: ContainerProbes;
}

const order: readonly ProbeKind[] = ['startupProbe', 'livenessProbe', 'readinessProbe'];

export function containerLines(c: ContainerYaml): YamlLine[] {
  return [
    { text: `- name: ${c.name}`, tags: [`container:${c.name}`] },
    { text: `  image: ${c.image}`, tags: [`container:${c.name}`, 'image'] },
    ...(c.extra ?? []),
    ...order.flatMap((k) => {
      const spec = c.probes[k];
      return spec ? probeLines(k, spec).map((l) => ({ ...l, tags: [...l.tags, `container:${c.name}`] })) : [];
    }),
  ];
}

export interface PodYaml {
  /** Lines before `containers:` (kind: Pod, restartPolicy, terminationGracePeriodSeconds…), as spec-level keys. */
  spec?: YamlLine[];
  containers: ContainerYaml[];
}

/** A pod spec, or just its container list when there is nothing at the spec level. */
export function podYaml(p: PodYaml): Yaml {
  const spec = p.spec ?? [];
  const body = p.containers.flatMap(containerLines);
  const lines = spec.length > 0
    ? [{ text: 'spec:', tags: [] }, ...spec.map((l) => ({ ...l, text: `  ${l.text}` })), { text: '  containers:', tags: [] },
      ...body.map((l) => ({ ...l, text: `  ${l.text}` }))]
    : [{ text: 'containers:', tags: [] }, ...body];
  if (lines.length > MAX_YAML_LINES) throw new Error(`${lines.length} lines of YAML: at most ${MAX_YAML_LINES}`);
  return { lines };
}

export const line = (text: string, ...tags: string[]): YamlLine => ({ text, tags });

/** The settings of a spec, without its handler. */
export function settingsOf(spec: ProbeSpec): ProbeSettings {
  const out: ProbeSettings = {};
  for (const f of probeFields) if (spec[f] !== undefined) out[f] = spec[f];
  return out;
}

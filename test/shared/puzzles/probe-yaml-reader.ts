// Reads back the probe specs a puzzle shows, the way a player would, so tests can check that the YAML on screen (and
// not the generator's hidden state) decides the answer. Only the shapes shared/puzzles/probe-yaml.ts writes.
export interface ShownProbe { handler: string; path?: string; port?: number; fields: Record<string, number> }
export interface ShownContainer { name: string; image: string; probes: Record<string, ShownProbe> }
export interface ShownPod { spec: Record<string, string>; containers: ShownContainer[] }

export function readPod(text: string): ShownPod {
  const pod: ShownPod = { spec: {}, containers: [] };
  let container: ShownContainer | null = null;
  let probe: ShownProbe | null = null;
  for (const line of text.split('\n')) {
    const name = line.match(/^\s*- name: (\S+)/);
    if (name) {
      container = { name: name[1]!, image: '', probes: {} };
      pod.containers.push(container);
      probe = null;
      continue;
    }
    const kv = line.match(/^(\s*)(\w+): ?(.*)$/);
    if (!kv) continue;
    const [, indent, key, value] = kv as unknown as [string, string, string, string];
    if (!container) {
      if (value !== '') pod.spec[key] = value;
      continue;
    }
    if (key === 'image') container.image = value;
    else if (/Probe$/.test(key)) {
      probe = { handler: '', fields: {} };
      container.probes[key] = probe;
    } else if (probe && /^(httpGet|tcpSocket|grpc|exec)$/.test(key)) {
      probe.handler = key;
      const path = value.match(/path: ([^,}]+)/);
      const port = value.match(/port: (\d+)/);
      if (path) probe.path = path[1]!.trim();
      if (port) probe.port = Number(port[1]);
    } else if (probe && indent.length > 2 && /^\d+$/.test(value)) probe.fields[key] = Number(value);
    else probe = null;
  }
  return pod;
}

// A SharingPod as compact YAML (flow style for mounts and volumes, so a three-container pod fits in 16 lines), with
// the line of every part a verdict can point at: the reveal highlights those lines beside each statement.
import type { SharingContainer, SharingPod, SpecRef } from '../model/sharing.ts';

export interface RenderedPod {
  text: string;
  lines: number;
  /** 1-based lines of the YAML that show this part of the spec. */
  linesOf(refs: readonly SpecRef[]): number[];
}

const keyOf = (ref: SpecRef): string => {
  switch (ref.at) {
    case 'spn': case 'name': case 'hostname': case 'pod-user': return ref.at;
    case 'mount': return `mount:${ref.container}:${ref.volume}`;
    case 'volume': return `volume:${ref.volume}`;
    default: return `${ref.at}:${ref.container}`;
  }
};

class Lines {
  readonly out: string[] = [];
  readonly at = new Map<string, number[]>();
  push(text: string, ...keys: string[]): void {
    this.out.push(text);
    for (const k of keys) this.at.set(k, [...(this.at.get(k) ?? []), this.out.length]);
  }
}

function mountText(m: SharingContainer['mounts'][number]): string {
  return `{name: ${m.volume}, mountPath: ${m.mountPath}${m.readOnly ? ', readOnly: true' : ''}}`;
}

function securityText(c: SharingContainer): string | null {
  const parts = [
    ...(c.runAsUser !== undefined ? [`runAsUser: ${c.runAsUser}`] : []),
    ...(c.addCapabilities?.length ? [`capabilities: {add: [${c.addCapabilities.join(', ')}]}`] : []),
  ];
  return parts.length ? `    securityContext: {${parts.join(', ')}}` : null;
}

function container(l: Lines, c: SharingContainer): void {
  const n = c.name;
  l.push(`  - name: ${n}`, `container:${n}`, ...(c.role === 'init' ? [`role:${n}`] : []));
  l.push(`    image: ${c.image}`, `container:${n}`);
  if (c.role === 'sidecar') l.push('    restartPolicy: Always', `role:${n}`);
  if (c.ports.length) l.push(`    ports: [${c.ports.map((p) => `{containerPort: ${p}}`).join(', ')}]`, `ports:${n}`);
  const sec = securityText(c);
  if (sec) l.push(sec, `user:${n}`, `caps:${n}`);
  if (c.mounts.length === 1) {
    const m = c.mounts[0]!;
    l.push(`    volumeMounts: [${mountText(m)}]`, `mount:${n}:${m.volume}`);
  } else if (c.mounts.length > 1) {
    l.push('    volumeMounts:');
    for (const m of c.mounts) l.push(`    - ${mountText(m)}`, `mount:${n}:${m.volume}`);
  }
}

function volumeText(pod: SharingPod, v: SharingPod['volumes'][number]): string {
  const base = pod.name.replace(/-[a-z0-9]{6,10}-[a-z0-9]{5}$/, '').replace(/-\d+$/, '');
  if (v.source === 'configMap') return `{name: ${v.name}, configMap: {name: ${base}-${v.name}}}`;
  if (v.source === 'secret') return `{name: ${v.name}, secret: {secretName: ${base}-${v.name}}}`;
  return `{name: ${v.name}, emptyDir: {}}`;
}

export function renderPod(pod: SharingPod): RenderedPod {
  const l = new Lines();
  l.push(`metadata: {name: ${pod.name}}`, 'name');
  l.push('spec:');
  if (pod.hostname) l.push(`  hostname: ${pod.hostname}`, 'hostname');
  if (pod.shareProcessNamespace) l.push('  shareProcessNamespace: true', 'spn');
  const podUser = [
    ...(pod.runAsUser !== undefined ? [`runAsUser: ${pod.runAsUser}`] : []),
    ...(pod.runAsGroup !== undefined ? [`runAsGroup: ${pod.runAsGroup}`] : []),
  ];
  if (podUser.length) l.push(`  securityContext: {${podUser.join(', ')}}`, 'pod-user');
  const inits = pod.containers.filter((c) => c.role !== undefined);
  if (inits.length) {
    l.push('  initContainers:');
    inits.forEach((c) => container(l, c));
  }
  l.push('  containers:');
  pod.containers.filter((c) => c.role === undefined).forEach((c) => container(l, c));
  if (pod.volumes.length) {
    l.push('  volumes:');
    for (const v of pod.volumes) l.push(`  - ${volumeText(pod, v)}`, `volume:${v.name}`);
  }
  return {
    text: l.out.join('\n'),
    lines: l.out.length,
    linesOf: (refs) => [...new Set(refs.flatMap((r) => l.at.get(keyOf(r)) ?? []))].sort((a, b) => a - b),
  };
}

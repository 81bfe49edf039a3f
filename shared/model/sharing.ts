// What containers in one pod share and what they do not (docs/rules/sharing.md, the seed's "What shared
// really means"): one network and IPC namespace; volumes only where each container mounts them;
// never a root filesystem; processes only with shareProcessNamespace.

export interface VolumeMount {
  volume: string;
  mountPath: string;
  readOnly?: boolean;
}

export interface SharingContainer {
  name: string;
  image: string;
  /** A native sidecar (initContainers, restartPolicy: Always); it shares exactly like any container. */
  sidecar?: boolean;
  /** Declared containerPorts: informational only, they open nothing and hide nothing. */
  ports: number[];
  mounts: VolumeMount[];
}

export interface SharingPod {
  shareProcessNamespace: boolean;
  volumes: { name: string; source: 'emptyDir' | 'configMap' | 'secret' }[];
  containers: SharingContainer[];
}

/** Something container A might try to do with container B. */
export type Ability =
  | { kind: 'reach-port'; port: number }
  | { kind: 'same-ip' }
  | { kind: 'bind-same-port'; port: number }
  | { kind: 'shared-memory' }
  | { kind: 'see-processes' }
  | { kind: 'signal' }
  | { kind: 'read-file'; path: string }
  | { kind: 'root-filesystem' }
  | { kind: 'proc-root' }
  | { kind: 'restarted-together' };

export interface Verdict {
  yes: boolean;
  reason: string;
}

const under = (path: string, dir: string): boolean => path === dir || path.startsWith(dir.endsWith('/') ? dir : `${dir}/`);

/** The mount of `c` that holds `path` (the deepest one), if any. */
export function mountHolding(c: SharingContainer, path: string): VolumeMount | undefined {
  return c.mounts.filter((m) => under(path, m.mountPath)).sort((x, y) => y.mountPath.length - x.mountPath.length)[0];
}

function readFile(pod: SharingPod, a: SharingContainer, b: SharingContainer, path: string): Verdict {
  const written = mountHolding(b, path);
  const mine = written && a.mounts.find((m) => m.volume === written.volume);
  if (written && mine) {
    const where = mine.mountPath === written.mountPath ? `at the same path` : `under ${mine.mountPath} in its own filesystem`;
    return { yes: true, reason: `both mount the volume ${written.volume}, so ${a.name} sees what ${b.name} writes to ${path}, ${where}.` };
  }
  const place = written ? `on the volume ${written.volume}, which ${a.name} does not mount` : `in ${b.name}'s own root filesystem, not on any volume`;
  if (pod.shareProcessNamespace) return { yes: true, reason: `${path} is ${place}, but with shareProcessNamespace ${a.name} can reach it through /proc/<pid>/root, file permissions allowing.` };
  return { yes: false, reason: `${path} is ${place}; volumes are shared only where each container mounts them.` };
}

function processes(pod: SharingPod, a: SharingContainer, b: SharingContainer, what: string): Verdict {
  return pod.shareProcessNamespace
    ? { yes: true, reason: `shareProcessNamespace: true puts every container in one PID namespace, so ${a.name} ${what}.` }
    : { yes: false, reason: `the PID namespace is not shared by default; without shareProcessNamespace: true ${a.name} cannot see ${b.name}'s processes at all.` };
}

/** Can container `from` do `ability` with container `to` in this pod? With the reason why. */
export function canShare(pod: SharingPod, from: string, to: string, ability: Ability): Verdict {
  const a = pod.containers.find((c) => c.name === from);
  const b = pod.containers.find((c) => c.name === to);
  if (!a || !b) return { yes: false, reason: `there is no container named ${a ? to : from} in this pod.` };
  switch (ability.kind) {
    case 'reach-port': {
      const declared = b.ports.includes(ability.port) ? '' : ` (declaring containerPort is not needed for that)`;
      return { yes: true, reason: `all containers share one network namespace, so localhost:${ability.port} in ${a.name} is ${b.name}'s listener${declared}.` };
    }
    case 'same-ip':
      return { yes: true, reason: 'the pod has one network namespace and so one IP address for all its containers.' };
    case 'bind-same-port':
      return { yes: false, reason: `the containers share one port space: ${b.name} already holds port ${ability.port}, so ${a.name} would fail with "address already in use".` };
    case 'shared-memory':
      return { yes: true, reason: 'containers in a pod share the IPC namespace, so System V IPC and POSIX message queues work between them.' };
    case 'see-processes':
      return processes(pod, a, b, `sees ${b.name}'s processes in ps`);
    case 'signal':
      return processes(pod, a, b, `can signal ${b.name}'s process, given the permission (same user or CAP_KILL)`);
    case 'proc-root':
      return processes(pod, a, b, `can browse ${b.name}'s filesystem through /proc/<pid>/root`);
    case 'read-file':
      return readFile(pod, a, b, ability.path);
    case 'root-filesystem':
      return { yes: false, reason: `each container has its own root filesystem from its own image; only mounted volumes are shared.` };
    case 'restarted-together':
      return { yes: false, reason: `each container has its own process and its own liveness probe; the kubelet restarts only the container whose probe failed.` };
  }
}

// What containers in one pod share and what they do not (docs/rules/sharing.md): one network, IPC and UTS
// namespace; volumes only where each container mounts them; never a root filesystem; processes only with
// shareProcessNamespace, and then signals and /proc/<pid>/root only as far as user IDs and capabilities allow.
// Every claim returns its verdict, the rules that decided it and the parts of the spec it rests on.

/** "envoy's admin API", "reports' status page": one spelling for statements and explanations alike. */
export const possessive = (name: string): string => (name.endsWith('s') ? `${name}'` : `${name}'s`);

export interface VolumeMount {
  volume: string;
  mountPath: string;
  readOnly?: boolean;
}

/** absent: a regular container; 'init': a regular init container (ran to completion before the others started);
 *  'sidecar': a native sidecar (initContainers with restartPolicy: Always, keeps running). */
export type ContainerRole = 'init' | 'sidecar';

export interface SharingContainer {
  name: string;
  image: string;
  role?: ContainerRole;
  /** Declared containerPorts. Under the puzzles' premise each container listens exactly on these. */
  ports: number[];
  mounts: VolumeMount[];
  /** securityContext.runAsUser of this container (overrides the pod's). */
  runAsUser?: number;
  /** securityContext.capabilities.add, e.g. SYS_PTRACE. */
  addCapabilities?: string[];
}

export type VolumeSource = 'emptyDir' | 'configMap' | 'secret';

export interface SharingPod {
  name: string;
  /** spec.hostname; without it every container's hostname is the pod's name. */
  hostname?: string;
  shareProcessNamespace: boolean;
  /** Pod-level securityContext. */
  runAsUser?: number;
  runAsGroup?: number;
  volumes: { name: string; source: VolumeSource }[];
  containers: SharingContainer[];
}

/** The rules a verdict rests on, named in docs/rules/sharing.md. */
export type SharingRule =
  | 'network-namespace' | 'port-space' | 'volumes-where-mounted' | 'read-only-mount' | 'configmap-secret-read-only'
  | 'emptydir-lifetime' | 'pid-namespace' | 'pause-pid1' | 'signal-permission' | 'proc-root-permission'
  | 'uts-namespace' | 'init-runs-to-completion';

/** A part of the spec a verdict points at; the YAML renderer turns these into line numbers. */
export type SpecRef =
  | { at: 'spn' } | { at: 'name' } | { at: 'hostname' } | { at: 'pod-user' }
  | { at: 'container' | 'ports' | 'user' | 'caps' | 'role'; container: string }
  | { at: 'mount'; container: string; volume: string }
  | { at: 'volume'; volume: string };

/** Something one container might do with another (or with itself), as a statement asserts it. */
export type Claim =
  | { kind: 'reach-port'; from: string; to: string; port: number }
  | { kind: 'ports-coexist'; a: string; b: string }
  | { kind: 'read-file'; reader: string; writer: string; path: string }
  | { kind: 'write-dir'; container: string; dir: string }
  | { kind: 'survives-restart'; container: string; dir: string }
  | { kind: 'see-processes'; viewer: string; target: string }
  | { kind: 'pid1-pause'; container: string }
  | { kind: 'signal'; sender: string; target: string }
  | { kind: 'kill-pid1'; container: string }
  | { kind: 'read-after-restart'; reader: string; writer: string; path: string }
  | { kind: 'hostname'; container: string; value: string };

export interface Verdict {
  yes: boolean;
  reason: string;
  rules: SharingRule[];
  refs: SpecRef[];
}

const under = (path: string, dir: string): boolean => path === dir || path.startsWith(dir.endsWith('/') ? dir : `${dir}/`);

/** The mount of `c` that holds `path` (the deepest one), if any. */
export function mountHolding(c: SharingContainer, path: string): VolumeMount | undefined {
  return c.mounts.filter((m) => under(path, m.mountPath)).sort((x, y) => y.mountPath.length - x.mountPath.length)[0];
}

export function containerOf(pod: SharingPod, name: string): SharingContainer {
  const c = pod.containers.find((x) => x.name === name);
  if (!c) throw new Error(`no container named ${name} in pod ${pod.name}`);
  return c;
}

/** Regular init containers have exited before any other container starts; everything else runs alongside. */
export const isRunning = (c: SharingContainer): boolean => c.role !== 'init';

/** The user a container runs as, from the YAML; null when the YAML leaves it to the image. */
export function uidOf(pod: SharingPod, c: SharingContainer): number | null {
  return c.runAsUser ?? pod.runAsUser ?? null;
}

function knownUid(pod: SharingPod, c: SharingContainer): number {
  const uid = uidOf(pod, c);
  if (uid === null) throw new Error(`a claim about ${c.name} needs its runAsUser in the YAML`);
  return uid;
}

const userRefs = (pod: SharingPod, ...cs: SharingContainer[]): SpecRef[] =>
  cs.map((c): SpecRef => (c.runAsUser !== undefined ? { at: 'user', container: c.name } : { at: 'pod-user' }));

const sourceOf = (pod: SharingPod, volume: string): VolumeSource =>
  pod.volumes.find((v) => v.name === volume)?.source ?? 'emptyDir';

/**
 * Can `reader` open `target`'s files through /proc/<pid>/root? The kernel asks for ptrace read access: the same
 * user and group, or CAP_SYS_PTRACE, which the runtime's default capabilities leave out (docs/rules/sharing.md).
 */
function procAccess(pod: SharingPod, reader: SharingContainer, target: SharingContainer): { ok: boolean; why: string; byCap?: boolean } {
  const [ru, tu] = [knownUid(pod, reader), knownUid(pod, target)];
  const added = reader.addCapabilities?.includes('SYS_PTRACE');
  // capabilities.add reaches a root process only: a non-root process loses them at execve (no ambient capabilities).
  const idle = added && ru !== 0 ? ' (the added SYS_PTRACE plays no part: a non-root process loses added capabilities when it starts)' : '';
  if (ru === tu) return { ok: true, why: `both run as user ${ru}, which passes ptrace(2)'s access check${idle}`, byCap: false };
  if (added && ru === 0) return { ok: true, why: `${reader.name} runs as root with the SYS_PTRACE capability, which ptrace(2)'s access check accepts for another user`, byCap: true };
  if (added) return { ok: false, why: `${reader.name} (user ${ru}) and ${target.name} (user ${tu}) differ, so ptrace(2)'s access check needs CAP_SYS_PTRACE; the one the YAML adds does nothing, as a non-root process loses added capabilities when it starts` };
  return { ok: false, why: `${reader.name} runs as user ${ru} and ${target.name} as ${tu}: ptrace(2)'s access check lets another user through only with CAP_SYS_PTRACE, which containers lack by default${ru === 0 ? ', root included' : ''}` };
}

function readFile(pod: SharingPod, claim: Extract<Claim, { kind: 'read-file' }>): Verdict {
  const reader = containerOf(pod, claim.reader);
  const writer = containerOf(pod, claim.writer);
  const held = mountHolding(writer, claim.path);
  const mine = held && reader.mounts.find((m) => m.volume === held.volume);
  const initRule: SharingRule[] = writer.role === 'init' ? ['init-runs-to-completion'] : [];
  if (held && mine) {
    const where = mine.mountPath === held.mountPath ? 'at the same path' : `under ${mine.mountPath}`;
    const stays = writer.role === 'init' ? `; the files stay there after ${writer.name} exits` : '';
    return { yes: true, reason: `both mount the volume ${held.volume} (${reader.name} ${where})${stays}.`, rules: ['volumes-where-mounted', ...initRule], refs: [{ at: 'mount', container: writer.name, volume: held.volume }, { at: 'mount', container: reader.name, volume: held.volume }] };
  }
  const place = held ? `on the volume ${held.volume}, which ${reader.name} does not mount` : `in ${possessive(writer.name)} own root filesystem, on no volume`;
  const refs: SpecRef[] = held ? [{ at: 'mount', container: writer.name, volume: held.volume }, { at: 'container', container: reader.name }] : [{ at: 'container', container: writer.name }];
  if (!pod.shareProcessNamespace) return { yes: false, reason: `${claim.path} is ${place}.`, rules: ['volumes-where-mounted', ...initRule], refs };
  if (!isRunning(writer)) return { yes: false, reason: `${claim.path} is ${place}, and ${writer.name} has exited, so there is no process to reach it through.`, rules: ['volumes-where-mounted', 'init-runs-to-completion'], refs: [...refs, { at: 'role', container: writer.name }] };
  const access = procAccess(pod, reader, writer);
  const via = [...refs, { at: 'spn' } as SpecRef, ...(access.byCap ? [{ at: 'caps', container: reader.name } as SpecRef] : userRefs(pod, reader, writer))];
  return access.ok
    ? { yes: true, reason: `${claim.path} is ${place}, but with a shared process namespace it is reachable through /proc/<pid>/root: ${access.why}.`, rules: ['pid-namespace', 'proc-root-permission'], refs: via }
    : { yes: false, reason: `${claim.path} is ${place}; /proc/<pid>/root is no way round: ${access.why}.`, rules: ['volumes-where-mounted', 'proc-root-permission'], refs: via };
}

function writeDir(pod: SharingPod, claim: Extract<Claim, { kind: 'write-dir' }>): Verdict {
  const c = containerOf(pod, claim.container);
  const m = mountHolding(c, claim.dir);
  if (!m) return { yes: true, reason: `${claim.dir} is in ${possessive(c.name)} own writable layer.`, rules: ['volumes-where-mounted'], refs: [{ at: 'container', container: c.name }] };
  const ref: SpecRef = { at: 'mount', container: c.name, volume: m.volume };
  const source = sourceOf(pod, m.volume);
  if (m.readOnly) return { yes: false, reason: `${c.name} mounts ${m.volume} with readOnly: true.`, rules: ['read-only-mount'], refs: [ref] };
  if (source !== 'emptyDir') return { yes: false, reason: `${m.volume} is a ${source} volume, always mounted read-only, even without readOnly: true.`, rules: ['configmap-secret-read-only'], refs: [ref, { at: 'volume', volume: m.volume }] };
  return { yes: true, reason: `${c.name} mounts the emptyDir ${m.volume} there without readOnly.`, rules: ['read-only-mount'], refs: [ref] };
}

function survivesRestart(pod: SharingPod, claim: Extract<Claim, { kind: 'survives-restart' }>): Verdict {
  const c = containerOf(pod, claim.container);
  const m = mountHolding(c, claim.dir);
  if (m) return { yes: true, reason: `${claim.dir} is on the volume ${m.volume}, which lives as long as the pod; a container restart keeps it.`, rules: ['emptydir-lifetime'], refs: [{ at: 'mount', container: c.name, volume: m.volume }] };
  return { yes: false, reason: `${claim.dir} is on no volume: the restarted container gets a fresh writable layer from its image.`, rules: ['emptydir-lifetime'], refs: [{ at: 'container', container: c.name }] };
}

function seeProcesses(pod: SharingPod, claim: Extract<Claim, { kind: 'see-processes' }>): Verdict {
  const target = containerOf(pod, claim.target);
  if (!pod.shareProcessNamespace) return { yes: false, reason: `the pod does not set shareProcessNamespace: true, so each container has its own PID namespace.`, rules: ['pid-namespace'], refs: [{ at: 'container', container: claim.viewer }] };
  if (!isRunning(target)) return { yes: false, reason: `${target.name} is an init container that exited before ${claim.viewer} started.`, rules: ['pid-namespace', 'init-runs-to-completion'], refs: [{ at: 'spn' }, { at: 'role', container: target.name }] };
  return { yes: true, reason: `shareProcessNamespace: true puts every running container in one PID namespace.`, rules: ['pid-namespace'], refs: [{ at: 'spn' }] };
}

function pid1(pod: SharingPod, claim: Extract<Claim, { kind: 'pid1-pause' }>): Verdict {
  containerOf(pod, claim.container);
  return pod.shareProcessNamespace
    ? { yes: true, reason: `with a shared PID namespace, PID 1 is the pod's sandbox (pause) process, not ${possessive(claim.container)} command.`, rules: ['pause-pid1'], refs: [{ at: 'spn' }] }
    : { yes: false, reason: `without shareProcessNamespace, PID 1 in ${claim.container} is its own command.`, rules: ['pause-pid1'], refs: [{ at: 'container', container: claim.container }] };
}

/** `kill -HUP 1` inside a container: its own command only while PID 1 is its own (pid-namespace, pause-pid1). */
function killPid1(pod: SharingPod, claim: Extract<Claim, { kind: 'kill-pid1' }>): Verdict {
  containerOf(pod, claim.container);
  return pod.shareProcessNamespace
    ? { yes: false, reason: `with shareProcessNamespace, PID 1 is the pod's pause process, so kill -HUP 1 signals the sandbox, not ${possessive(claim.container)} command.`, rules: ['pause-pid1', 'pid-namespace'], refs: [{ at: 'spn' }] }
    : { yes: true, reason: `without shareProcessNamespace, ${claim.container} has its own PID namespace and its command is PID 1.`, rules: ['pause-pid1', 'pid-namespace'], refs: [{ at: 'container', container: claim.container }] };
}

/** Files an init container left for the app, after the app's container restarts (the init container does not run again). */
function readAfterRestart(pod: SharingPod, claim: Extract<Claim, { kind: 'read-after-restart' }>): Verdict {
  const v = readFile(pod, { kind: 'read-file', reader: claim.reader, writer: claim.writer, path: claim.path });
  const rules: SharingRule[] = [...new Set<SharingRule>([...v.rules, 'emptydir-lifetime', 'init-runs-to-completion'])];
  return v.yes
    ? { ...v, rules, reason: `${v.reason.replace(/; the files stay there after .* exits/, '').replace(/\.$/, '')}; the volume outlives the container restart, so the file is still there though ${claim.writer} does not run again.` }
    : { ...v, rules, reason: `${v.reason.replace(/\.$/, '')}, and ${claim.writer} does not run again when ${claim.reader} restarts.` };
}

function signal(pod: SharingPod, claim: Extract<Claim, { kind: 'signal' }>): Verdict {
  const sender = containerOf(pod, claim.sender);
  const target = containerOf(pod, claim.target);
  if (!pod.shareProcessNamespace) return { yes: false, reason: `without shareProcessNamespace: true, ${sender.name} cannot see ${possessive(target.name)} processes at all.`, rules: ['pid-namespace', 'signal-permission'], refs: [{ at: 'container', container: sender.name }] };
  const [su, tu] = [knownUid(pod, sender), knownUid(pod, target)];
  const refs: SpecRef[] = [{ at: 'spn' }, ...userRefs(pod, sender, target)];
  // The docs task says signalling needs SYS_PTRACE; kill(2) checks only the UID or CAP_KILL (docs/rules/sharing.md).
  const docsNote = ' (The Share Process Namespace task page says this needs SYS_PTRACE, but kill(2) checks only the same user or CAP_KILL; SYS_PTRACE is for ptrace and another user\'s /proc/<pid>/root.)';
  if (su === tu) return { yes: true, reason: `the process is visible (shareProcessNamespace) and both run as user ${su}.${docsNote}`, rules: ['pid-namespace', 'signal-permission'], refs };
  if (su === 0) return { yes: true, reason: `the process is visible, and ${sender.name} runs as root, which keeps CAP_KILL among the default capabilities.${docsNote}`, rules: ['pid-namespace', 'signal-permission'], refs };
  // CAP_KILL is among the runtime's defaults, but only a root process holds them: a non-root one loses them at execve.
  const ptrace = sender.addCapabilities?.includes('SYS_PTRACE') ? ' Nor does SYS_PTRACE help: kill(2) never checks it.' : '';
  return { yes: false, reason: `the process is visible, but ${sender.name} runs as user ${su} and ${target.name} as ${tu}, so kill(2) needs CAP_KILL. That is a default capability, yet a non-root process holds none: it loses them when it starts.${ptrace}`, rules: ['pid-namespace', 'signal-permission'], refs };
}

function reachPort(pod: SharingPod, claim: Extract<Claim, { kind: 'reach-port' }>): Verdict {
  const to = containerOf(pod, claim.to);
  const owner = pod.containers.find((c) => c.ports.includes(claim.port) && isRunning(c));
  const rival = pod.containers.find((c) => c !== to && c.ports.includes(claim.port) && isRunning(c));
  if (to.ports.includes(claim.port) && isRunning(to) && rival) return { yes: false, reason: `${to.name} and ${rival.name} both claim port ${claim.port} in the one port space the pod has: only the first to bind it gets it.`, rules: ['network-namespace', 'port-space'], refs: [{ at: 'ports', container: to.name }, { at: 'ports', container: rival.name }] };
  // Two containers declaring one port: the second to bind it fails at startup and, as servers do, exits. Which one
  // loses is a race, so none of the loser's other ports is sure to answer either.
  const clash = pod.containers.find((c) => c !== to && isRunning(c) && c.ports.some((p) => to.ports.includes(p)));
  if (to.ports.includes(claim.port) && isRunning(to) && clash) {
    const p = clash.ports.find((q) => to.ports.includes(q))!;
    return { yes: false, reason: `${to.name} and ${clash.name} both declare port ${p}: whichever binds it second fails at startup, and that may be ${to.name}, so nothing is sure to answer on ${claim.port}.`, rules: ['network-namespace', 'port-space'], refs: [{ at: 'ports', container: to.name }, { at: 'ports', container: clash.name }] };
  }
  if (to.ports.includes(claim.port) && isRunning(to)) return { yes: true, reason: `the containers share one network namespace, and ${to.name} listens on ${claim.port}.`, rules: ['network-namespace'], refs: [{ at: 'ports', container: to.name }] };
  if (to.ports.includes(claim.port)) return { yes: false, reason: `${to.name} is an init container: it exited before ${claim.from} started, so nothing listens there.`, rules: ['network-namespace', 'init-runs-to-completion'], refs: [{ at: 'role', container: to.name }, { at: 'ports', container: to.name }] };
  if (owner) return { yes: false, reason: `localhost is shared, but port ${claim.port} belongs to ${owner.name}${owner.name === claim.from ? ' itself' : ''}.`, rules: ['network-namespace'], refs: [{ at: 'ports', container: owner.name }] };
  const listeners = pod.containers.filter((c) => c.ports.length && isRunning(c)).map((c): SpecRef => ({ at: 'ports', container: c.name }));
  return { yes: false, reason: `no container in the pod listens on ${claim.port}.`, rules: ['network-namespace'], refs: listeners.length ? listeners : [{ at: 'container', container: to.name }] };
}

function portsCoexist(pod: SharingPod, claim: Extract<Claim, { kind: 'ports-coexist' }>): Verdict {
  const a = containerOf(pod, claim.a);
  const b = containerOf(pod, claim.b);
  const clash = a.ports.filter((p) => b.ports.includes(p));
  const refs: SpecRef[] = [{ at: 'ports', container: a.name }, { at: 'ports', container: b.name }];
  return clash.length === 0
    ? { yes: true, reason: `they share one port space, and their ports differ.`, rules: ['port-space'], refs }
    : { yes: false, reason: `they share one port space: whichever binds ${clash[0]} second fails with "address already in use".`, rules: ['port-space'], refs };
}

function hostname(pod: SharingPod, claim: Extract<Claim, { kind: 'hostname' }>): Verdict {
  const actual = pod.hostname ?? pod.name;
  const why = pod.hostname ? `spec.hostname sets it to ${pod.hostname} for the whole pod` : `the pod's containers share one hostname, the pod's name, ${pod.name}`;
  return { yes: claim.value === actual, reason: `${why}.`, rules: ['uts-namespace'], refs: [pod.hostname ? { at: 'hostname' } : { at: 'name' }] };
}

/** Is the claim true of this pod? With the rules that decide it and the spec lines it rests on. */
export function judge(pod: SharingPod, claim: Claim): Verdict {
  switch (claim.kind) {
    case 'reach-port': return reachPort(pod, claim);
    case 'ports-coexist': return portsCoexist(pod, claim);
    case 'read-file': return readFile(pod, claim);
    case 'write-dir': return writeDir(pod, claim);
    case 'survives-restart': return survivesRestart(pod, claim);
    case 'see-processes': return seeProcesses(pod, claim);
    case 'pid1-pause': return pid1(pod, claim);
    case 'signal': return signal(pod, claim);
    case 'kill-pid1': return killPid1(pod, claim);
    case 'read-after-restart': return readAfterRestart(pod, claim);
    case 'hostname': return hostname(pod, claim);
  }
}

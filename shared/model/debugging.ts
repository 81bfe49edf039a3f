// Which kubectl command answers which debugging need, as current kubectl behaves (docs/rules/debugging.md): what
// each command shows, what it needs from the pod (a running container, a shell in its image, the pod still
// existing), and how it is written. Templates draw a need, and this model says which commands answer it.

export interface DebugContainer {
  name: string;
  /** The image ships a shell (busybox, alpine, debian…); distroless and scratch images do not. */
  shell: boolean;
  /** The image has tar, which `kubectl cp` runs inside the container. */
  tar: boolean;
  port?: number;
}

export interface DebugPod {
  name: string;
  app: string;
  node: string;
  containers: DebugContainer[];
}

export type Cmd =
  | { k: 'logs'; c: string; previous?: true; follow?: true; since?: string }
  | { k: 'logs-all' }
  | { k: 'logs-selector'; c: string; tail?: 'all'; follow?: number; label?: string; previous?: true }
  | { k: 'logs-namespace'; c: string; ns: string }
  | { k: 'logs-context'; c: string; ctx: string; ns?: string }
  | { k: 'exec-cmd'; c: string; cmd: string }
  | { k: 'attach'; c: string }
  | { k: 'debug-image'; image: string }
  | { k: 'debug-copy-image'; c: string; image: string }
  | { k: 'top-node' }
  | { k: 'get-pods-watch' }
  | { k: 'get-pods-all' }
  | { k: 'rollout-status' }
  | { k: 'wait-available' }
  | { k: 'exec-shell'; c: string }
  | { k: 'debug-target'; c: string }
  | { k: 'debug-copy-shell'; c: string }
  | { k: 'debug-copy-share' }
  | { k: 'debug-plain' }
  | { k: 'debug-node' }
  | { k: 'describe' }
  | { k: 'describe-node' }
  | { k: 'get-wide' }
  | { k: 'get-yaml' }
  | { k: 'get-watch' }
  | { k: 'events'; watch?: true; warnings?: true }
  | { k: 'top' }
  | { k: 'port-forward'; local: number; remote: number; svc?: string }
  | { k: 'cp'; c: string; path: string };

export type CmdKind = Cmd['k'];

/** The command as typed, for this pod. */
export function render(pod: DebugPod, cmd: Cmd): string {
  const p = pod.name;
  switch (cmd.k) {
    case 'logs': return `kubectl logs${cmd.follow ? ' -f' : ''} ${p} -c ${cmd.c}${cmd.previous ? ' --previous' : ''}${cmd.since ? ` --since=${cmd.since}` : ''}`;
    case 'logs-all': return `kubectl logs ${p} --all-containers --prefix`;
    case 'logs-selector': return `kubectl logs${cmd.follow !== undefined ? ' -f' : ''} -l ${cmd.label ?? `app=${pod.app}`} -c ${cmd.c}${cmd.previous ? ' --previous' : ''} --prefix${cmd.tail ? ' --tail=-1' : ''}${cmd.follow ? ` --max-log-requests=${cmd.follow}` : ''}`;
    case 'logs-namespace': return `kubectl logs -n ${cmd.ns} ${p} -c ${cmd.c}`;
    case 'logs-context': return `kubectl --context=${cmd.ctx}${cmd.ns ? ` -n ${cmd.ns}` : ''} logs ${p} -c ${cmd.c}`;
    case 'exec-cmd': return `kubectl exec ${p} -c ${cmd.c} -- ${cmd.cmd}`;
    case 'attach': return `kubectl attach -it ${p} -c ${cmd.c}`;
    case 'debug-image': return `kubectl debug -it ${p} --image=${cmd.image} -- sh`;
    case 'debug-copy-image': return `kubectl debug ${p} --copy-to=${pod.app}-debug --set-image=${cmd.c}=${cmd.image}`;
    case 'top-node': return `kubectl top node ${pod.node}`;
    case 'get-pods-watch': return `kubectl get pods -l app=${pod.app} -w`;
    case 'get-pods-all': return 'kubectl get pods -A';
    case 'rollout-status': return `kubectl rollout status deployment/${pod.app}`;
    case 'wait-available': return `kubectl wait --for=condition=Available deployment/${pod.app}`;
    case 'exec-shell': return `kubectl exec -it ${p} -c ${cmd.c} -- sh`;
    case 'debug-target': return `kubectl debug -it ${p} --image=busybox:1.36 --target=${cmd.c}`;
    case 'debug-copy-shell': return `kubectl debug ${p} -it --copy-to=${pod.app}-debug --container=${cmd.c} -- sh`;
    case 'debug-copy-share': return `kubectl debug ${p} -it --image=busybox:1.36 --share-processes --copy-to=${pod.app}-debug`;
    case 'debug-plain': return `kubectl debug -it ${p} --image=busybox:1.36`;
    case 'debug-node': return `kubectl debug node/${pod.node} -it --image=busybox:1.36`;
    case 'describe': return `kubectl describe pod ${p}`;
    case 'describe-node': return `kubectl describe node ${pod.node}`;
    case 'get-wide': return `kubectl get pod ${p} -o wide`;
    case 'get-yaml': return `kubectl get pod ${p} -o yaml`;
    case 'get-watch': return `kubectl get pod ${p} -w`;
    case 'events': return `kubectl events --for pod/${p}${cmd.warnings ? ' --types=Warning' : ''}${cmd.watch ? ' --watch' : ''}`;
    case 'top': return `kubectl top pod ${p} --containers`;
    case 'port-forward': return cmd.svc ? `kubectl port-forward svc/${cmd.svc} ${cmd.local}:${cmd.remote}` : `kubectl port-forward pod/${p} ${cmd.local}:${cmd.remote}`;
    case 'cp': return `kubectl cp ${p}:${cmd.path} ./${cmd.path.split('/').pop()} -c ${cmd.c}`;
  }
}

/** The command with instance names masked: the answer as a player reads it, whatever the pod. */
export function shape(cmd: Cmd): string {
  const masked: DebugPod = { name: '<pod>', app: '<app>', node: '<node>', containers: [] };
  const c = '<container>';
  switch (cmd.k) {
    case 'logs': return render(masked, { ...cmd, c, ...(cmd.since ? { since: '<duration>' } : {}) });
    case 'logs-selector': return render(masked, { ...cmd, c, ...(cmd.label ? { label: '<label>=<value>' } : {}) }).replace(/--max-log-requests=\d+/, '--max-log-requests=<n>');
    case 'logs-namespace': return render(masked, { ...cmd, c, ns: '<namespace>' });
    case 'logs-context': return render(masked, { ...cmd, c, ctx: '<context>', ...(cmd.ns ? { ns: '<namespace>' } : {}) });
    case 'exec-cmd': return render(masked, { ...cmd, c, cmd: cmd.cmd.replace(/localhost:\d+/, 'localhost:<port>') });
    case 'debug-copy-image': return render(masked, { ...cmd, c, image: '<image>' });
    case 'exec-shell': case 'debug-target': case 'debug-copy-shell': case 'attach': return render(masked, { ...cmd, c });
    case 'port-forward': return cmd.svc ? 'kubectl port-forward svc/<service> <local>:<service-port>' : cmd.local === cmd.remote ? 'kubectl port-forward pod/<pod> <port>:<port>' : 'kubectl port-forward pod/<pod> <other-local>:<port>';
    case 'cp': return 'kubectl cp <pod>:<path> ./<file> -c <container>';
    default: return render(masked, cmd);
  }
}

/** What a debugging session can need to know or do. */
export type Need =
  | { n: 'current-logs' | 'previous-logs' | 'live-logs' | 'recent-logs' | 'shell' | 'processes' | 'shell-in-copy' | 'copy-file'
      | 'stdin' | 'probe-inside' | 'try-image'; c: string }
  | { n: 'logs-elsewhere'; c: string; ns?: string; ctx?: string }
  | { n: 'all-container-logs' | 'all-replica-logs' | 'all-replica-full-logs' | 'all-processes' | 'why-pending' | 'why-waiting'
      | 'last-termination' | 'probe-failures' | 'node-and-ip' | 'full-object' | 'usage' | 'status-changes' | 'events-live'
      | 'event-history' | 'warnings-only' | 'node-files' | 'node-capacity' | 'state-and-events' | 'node-usage' | 'all-namespaces'
      | 'rollout-done' | 'replicas-live' | 'all-replica-live-logs' | 'all-replica-previous-logs' }
  | { n: 'port'; port: number; local?: number; svc?: string; /** The ports the pod's Service carries, when a prompt names them. */ svcPorts?: readonly number[] };

/** What the pod is going through, where it matters to which command works. */
export interface PodState {
  /** The container has crashed and been restarted at least once. */
  restarted?: string[];
  /** The container exits right after starting (a crash loop), so it cannot be exec'd into. */
  crashing?: string[];
  /** Waiting in CrashLoopBackOff right now: plain logs still show the crashed instance, like --previous. */
  backoff?: string[];
  /** The image has this tool (wget, curl) besides a shell. */
  tools?: Record<string, string[]>;
  /** How many replicas a label selector reaches. */
  replicas?: number;
  /** Containers that have not started yet (waiting for a pull, for init containers, for a node): no logs, no exec. */
  notStarted?: string[];
  /** The pod object no longer exists (deleted, replaced). */
  deleted?: boolean;
  shareProcessNamespace?: boolean;
}

/** Where a command falls short, or null when it answers the need. */
export function shortfall(pod: DebugPod, state: PodState, cmd: Cmd, need: Need): string | null {
  if (state.deleted) return cmd.k === 'events' ? null : 'The pod is gone: anything but its events fails with NotFound.';
  const ctr = 'c' in need ? pod.containers.find((x) => x.name === need.c) : undefined;
  if ('c' in cmd && state.notStarted?.includes(cmd.c) && ['logs', 'exec-shell', 'exec-cmd', 'attach', 'cp'].includes(cmd.k)) {
    return `${cmd.c} has not started yet: it has no logs and nothing runs in it.`;
  }
  const onIt = 'c' in cmd && 'c' in need && cmd.c === need.c;
  switch (need.n) {
    case 'current-logs':
      if (cmd.k === 'logs' && onIt && cmd.follow && !cmd.previous) return '-f prints the same log but then keeps following it: you never get your prompt back.';
      if (cmd.k === 'logs' && onIt && cmd.previous) return '--previous prints the instance before the last restart, not the one running now.';
      return cmd.k === 'logs' && onIt && !cmd.previous && !cmd.follow && !cmd.since ? null : 'That is not the plain log of this container.';
    case 'previous-logs':
      if (cmd.k === 'logs' && onIt && !cmd.follow && !cmd.since && state.backoff?.includes(need.c)) return null;
      return cmd.k === 'logs' && onIt && cmd.previous ? null : 'Only --previous reaches the instance before the last restart.';
    case 'live-logs': return cmd.k === 'logs' && onIt && cmd.follow && !cmd.previous ? null : 'Only -f keeps the stream open.';
    case 'recent-logs': return cmd.k === 'logs' && onIt && cmd.since && !cmd.previous ? null : 'Only --since cuts the log to a time window.';
    case 'all-container-logs': return cmd.k === 'logs-all' ? null : 'Only --all-containers prints every container of the pod.';
    case 'all-replica-logs': return cmd.k === 'logs-selector' && cmd.follow === undefined && !cmd.previous ? null : 'Only a label selector reaches every replica.';
    case 'all-replica-live-logs':
      if (cmd.k !== 'logs-selector' || cmd.follow === undefined) return 'Only -f with a label selector follows every replica.';
      return (state.replicas ?? 1) <= 5 || (cmd.follow ?? 0) >= (state.replicas ?? 1) ? null : `kubectl follows at most 5 streams by default; ${state.replicas} need --max-log-requests.`;
    case 'all-replica-full-logs':
      if (cmd.k === 'logs-selector' && cmd.previous) return '--previous reads each replica\'s instance from before its restart, not the one running now.';
      return cmd.k === 'logs-selector' && cmd.tail === 'all' ? null : 'With -l, kubectl logs shows only the last 10 lines of each pod unless --tail=-1.';
    case 'all-replica-previous-logs':
      if (cmd.k !== 'logs-selector') return 'That reaches one replica only.';
      if (!cmd.previous) return 'That is each replica\'s current instance, started after the restart.';
      return cmd.tail === 'all' ? null : 'With -l, kubectl logs shows only the last 10 lines of each pod unless --tail=-1.';
    case 'shell':
      if (cmd.k === 'exec-shell' && onIt) return ctr?.shell ? null : 'The image has no shell: exec fails with "executable file not found".';
      if (cmd.k === 'exec-cmd' && onIt && !ctr?.shell) return 'exec runs a program from the container\'s own image, which has no shell of any kind.';
      if (cmd.k === 'debug-copy-shell' && onIt && !ctr?.shell) return 'The copy keeps the container\'s image, which has no sh either.';
      if (cmd.k === 'debug-target' && onIt) return null;
      return 'That gives no shell in this container.';
    case 'processes': return cmd.k === 'debug-target' && onIt ? null : 'Only a debug container with --target joins its process namespace.';
    case 'shell-in-copy': return cmd.k === 'debug-copy-shell' && onIt ? null : 'The container crashes at start, so it must be copied with its command replaced by a shell.';
    case 'all-processes':
      if (state.shareProcessNamespace) return cmd.k === 'debug-plain' ? null : 'The pod already shares its process namespace: a plain debug container sees everything.';
      return cmd.k === 'debug-copy-share' ? null : 'Without a shared process namespace, only a copy made with --share-processes shows every container.';
    case 'copy-file': return cmd.k === 'cp' && onIt ? (ctr?.tar ? null : 'kubectl cp runs tar in the container, and the image has none.') : 'That copies nothing to your machine.';
    case 'why-pending': case 'probe-failures': return cmd.k === 'describe' || cmd.k === 'events' ? null : 'The answer is in the pod\'s events.';
    case 'why-waiting': case 'last-termination': return cmd.k === 'describe' || cmd.k === 'get-yaml' || (need.n === 'why-waiting' && cmd.k === 'events') ? null : 'The answer is in the container\'s status.';
    case 'node-and-ip': return cmd.k === 'get-wide' || cmd.k === 'describe' || cmd.k === 'get-yaml' ? null : 'That does not show the node and the pod IP.';
    case 'full-object': return cmd.k === 'get-yaml' ? null : 'Only -o yaml prints the whole stored object.';
    case 'usage': return cmd.k === 'top' ? null : 'Only kubectl top shows live CPU and memory use.';
    case 'status-changes': return cmd.k === 'get-watch' ? null : 'Only get -w prints each change of the pod\'s status.';
    case 'events-live': return cmd.k === 'events' && cmd.watch ? null : 'Only --watch keeps printing events as they arrive.';
    case 'event-history': return cmd.k === 'events' || cmd.k === 'describe' ? null : 'The history is in the pod\'s events.';
    case 'warnings-only': return cmd.k === 'events' && cmd.warnings ? null : 'Only --types=Warning filters out the Normal events.';
    case 'node-files': return cmd.k === 'debug-node' ? null : 'Only a debug pod on the node sees its filesystem, under /host.';
    case 'node-capacity': return cmd.k === 'describe-node' ? null : 'The node\'s capacity and conditions are on the Node object.';
    case 'node-usage':
      if (cmd.k === 'describe-node') return 'describe node adds up what the pods request, not what they use.';
      return cmd.k === 'top-node' ? null : 'Only kubectl top node shows the node\'s live CPU and memory use.';
    case 'state-and-events': return cmd.k === 'describe' ? null : 'Only describe puts the containers\' states and the recent events on one page.';
    case 'all-namespaces': return cmd.k === 'get-pods-all' ? null : 'Only -A lists the pods of every namespace.';
    case 'rollout-done':
      if (cmd.k === 'wait-available') return 'Available is True as soon as enough replicas are up, old ones included: it passes before the new version has rolled out.';
      return cmd.k === 'rollout-status' ? null : 'Only rollout status waits until the rollout has finished, and says so.';
    case 'replicas-live': return cmd.k === 'get-pods-watch' ? null : 'Only get pods -l … -w prints each pod of the Deployment as it comes and goes.';
    case 'logs-elsewhere':
      if (need.ns && need.ctx) {
        // Another cluster and another namespace: --context picks the cluster, -n the namespace in it.
        if (cmd.k === 'logs-context' && cmd.ctx === need.ctx && cmd.c === need.c) return cmd.ns === need.ns ? null : `--context alone looks in that context's namespace, default; the pod is in ${need.ns}.`;
        if (cmd.k === 'logs-namespace') return `-n alone still asks the current cluster; the pod is in the cluster of context ${need.ctx}.`;
        if (cmd.k === 'logs-context' && cmd.ctx === need.ns && cmd.ns === need.ctx) return `Swapped: --context takes the context, ${need.ctx}, and -n the namespace, ${need.ns}.`;
        return `The pod is in namespace ${need.ns} of the cluster of context ${need.ctx}.`;
      }
      if (need.ns) return cmd.k === 'logs-namespace' && cmd.ns === need.ns && cmd.c === need.c ? null : `The pod is in namespace ${need.ns}.`;
      if (need.ctx) return cmd.k === 'logs-context' && cmd.ctx === need.ctx && !cmd.ns && cmd.c === need.c ? null : `The pod is in the cluster of context ${need.ctx}.`;
      return cmd.k === 'logs' && cmd.c === need.c && !cmd.previous && !cmd.follow && !cmd.since ? null : `The container is called ${need.c}.`;
    case 'stdin': return cmd.k === 'attach' && onIt ? null : 'Only attach connects to the stdin and terminal of the process already running.';
    case 'probe-inside': {
      if (cmd.k === 'exec-cmd' && onIt) return (state.tools?.[need.c] ?? []).some((t) => cmd.cmd.startsWith(t)) ? null : 'The image has no such tool.';
      if (cmd.k === 'debug-image') return null;
      return 'That does not send the request from inside the pod\'s network namespace.';
    }
    case 'try-image': return cmd.k === 'debug-copy-image' && onIt ? null : 'Only --copy-to with --set-image runs a copy on another image.';
    case 'port':
      if (cmd.k !== 'port-forward') return 'That opens no port on your machine.';
      if (cmd.svc && !need.svc && need.svcPorts && !need.svcPorts.includes(cmd.remote)) return `The Service has no port ${cmd.remote} (only ${need.svcPorts.join(', ')}): kubectl stops with an error.`;
      if (need.svc ? cmd.svc !== need.svc : cmd.svc) return need.svc ? 'That skips the Service.' : 'That goes through a Service, maybe to another pod.';
      if (cmd.remote !== need.port) return `The other end must be ${need.port}.`;
      if (need.local && cmd.local === need.port && cmd.local !== need.local) return `Your laptop's ${cmd.local} is taken: port-forward fails to listen there.`;
      return cmd.local === (need.local ?? need.port) ? null : `The local port must be ${need.local ?? need.port}.`;
  }
}

export const answers = (pod: DebugPod, state: PodState, cmd: Cmd, need: Need): boolean => shortfall(pod, state, cmd, need) === null;

/** The container kubectl picks without -c: the kubectl.kubernetes.io/default-container annotation, else the first
 *  entry of spec.containers (native sidecars live in initContainers and never count). */
export function defaultContainer(spec: { containers: readonly string[]; annotation?: string }): string {
  const first = spec.containers[0];
  if (first === undefined) throw new Error('a pod has at least one container');
  return spec.annotation && spec.containers.includes(spec.annotation) ? spec.annotation : first;
}

// Which kubectl command answers which debugging need, and why: a small capability model of
// logs, exec, debug, describe, get, port-forward, top and events as current kubectl behaves.

export interface DebugPod {
  name: string;
  /** spec.containers in order; the first is kubectl's default container when -c is left out. */
  containers: string[];
  initContainers: string[];
  /** Containers whose image has no shell (distroless, scratch): `exec -- sh` fails there. */
  noShell: string[];
  /** containerPort per container. */
  ports: Record<string, number>;
}

export type DebugCommand =
  | { verb: 'logs'; container?: string; previous?: boolean; follow?: boolean }
  | { verb: 'exec'; container?: string }
  | { verb: 'debug'; target?: string }
  | { verb: 'describe' }
  | { verb: 'get'; output: 'wide' | 'yaml' }
  | { verb: 'port-forward'; port: number }
  | { verb: 'top' }
  | { verb: 'events' };

export type Verb = DebugCommand['verb'];

export type DebugNeed =
  | { kind: 'logs' | 'previous-logs' | 'follow-logs' | 'shell'; container: string }
  | { kind: 'why-waiting' | 'last-termination' | 'probe-failures'; container: string }
  | { kind: 'port'; container: string; port: number }
  | { kind: 'why-pending' | 'node-and-ip' | 'full-object' | 'usage' | 'deleted-pod-events' };

/** The container kubectl picks without -c (ignoring the kubectl.kubernetes.io/default-container annotation). */
export function defaultContainer(pod: DebugPod): string {
  const first = pod.containers[0];
  if (first === undefined) throw new Error('a pod has at least one container');
  return first;
}

export function renderCommand(pod: DebugPod, cmd: DebugCommand): string {
  const p = pod.name;
  switch (cmd.verb) {
    case 'logs': {
      const c = cmd.container ? ` -c ${cmd.container}` : '';
      return `kubectl logs${cmd.follow ? ' -f' : ''} ${p}${c}${cmd.previous ? ' --previous' : ''}`;
    }
    case 'exec':
      return `kubectl exec -it ${p}${cmd.container ? ` -c ${cmd.container}` : ''} -- sh`;
    case 'debug':
      return `kubectl debug -it ${p} --image=busybox:1.36${cmd.target ? ` --target=${cmd.target}` : ''}`;
    case 'describe':
      return `kubectl describe pod ${p}`;
    case 'get':
      return `kubectl get pod ${p} -o ${cmd.output}`;
    case 'port-forward':
      return `kubectl port-forward pod/${p} ${cmd.port}:${cmd.port}`;
    case 'top':
      return `kubectl top pod ${p} --containers`;
    case 'events':
      return `kubectl get events --field-selector involvedObject.name=${p}`;
  }
}

/** The container a logs/exec/debug command reaches; null for pod-wide commands. */
export function commandTarget(pod: DebugPod, cmd: DebugCommand): string | null {
  if (cmd.verb === 'logs' || cmd.verb === 'exec') return cmd.container ?? defaultContainer(pod);
  if (cmd.verb === 'debug') return cmd.target ?? null;
  return null;
}

// What the pod-wide commands show. Generous on purpose: a command that partly answers a need is never offered as wrong.
const podWide: Record<'describe' | 'wide' | 'yaml' | 'top' | 'events', readonly DebugNeed['kind'][]> = {
  describe: ['why-pending', 'why-waiting', 'last-termination', 'probe-failures', 'node-and-ip'],
  wide: ['node-and-ip'],
  yaml: ['why-pending', 'why-waiting', 'last-termination', 'node-and-ip', 'full-object'],
  top: ['usage'],
  events: ['why-pending', 'why-waiting', 'last-termination', 'probe-failures', 'node-and-ip', 'deleted-pod-events'],
};

function containerAnswers(pod: DebugPod, cmd: DebugCommand, need: DebugNeed & { container: string }): boolean {
  const onTarget = commandTarget(pod, cmd) === need.container;
  if (cmd.verb === 'logs') {
    if (need.kind === 'logs') return onTarget && !cmd.previous;
    if (need.kind === 'previous-logs') return onTarget && cmd.previous === true;
    if (need.kind === 'follow-logs') return onTarget && cmd.follow === true && !cmd.previous;
    return false;
  }
  if (need.kind !== 'shell') return false;
  if (cmd.verb === 'exec') return onTarget && !pod.noShell.includes(need.container);
  return cmd.verb === 'debug' && onTarget;
}

/** Does running this command give you what the need asks for? */
export function commandAnswers(pod: DebugPod, cmd: DebugCommand, need: DebugNeed): boolean {
  // A deleted pod's object, logs and containers are gone; only its events outlive it.
  if (need.kind === 'deleted-pod-events') return cmd.verb === 'events';
  if (need.kind === 'port') return cmd.verb === 'port-forward' && cmd.port === need.port;
  if ('container' in need && (cmd.verb === 'logs' || cmd.verb === 'exec' || cmd.verb === 'debug')) {
    return containerAnswers(pod, cmd, need);
  }
  const key = cmd.verb === 'get' ? cmd.output : cmd.verb;
  if (key === 'logs' || key === 'exec' || key === 'debug' || key === 'port-forward') return false;
  return podWide[key].includes(need.kind);
}

/** The command to teach for a need: the most direct one, in this order of preference. */
export function commandFor(pod: DebugPod, need: DebugNeed): DebugCommand {
  const c = 'container' in need ? need.container : undefined;
  const preferred: DebugCommand[] = [
    ...(c ? [
      { verb: 'logs', container: c, ...(need.kind === 'previous-logs' ? { previous: true } : {}), ...(need.kind === 'follow-logs' ? { follow: true } : {}) },
      { verb: 'exec', container: c },
      { verb: 'debug', target: c },
    ] as DebugCommand[] : []),
    ...('port' in need ? [{ verb: 'port-forward', port: need.port } as const] : []),
    { verb: 'get', output: 'wide' }, { verb: 'top' }, { verb: 'describe' }, { verb: 'get', output: 'yaml' }, { verb: 'events' },
  ];
  const found = preferred.find((cmd) => commandAnswers(pod, cmd, need));
  if (!found) throw new Error(`no command answers ${need.kind}`);
  return found;
}

/** Every command worth offering for this pod: each verb, on each container where it takes one. */
export function candidateCommands(pod: DebugPod): DebugCommand[] {
  const perContainer = pod.containers.flatMap((c): DebugCommand[] => [
    { verb: 'logs', container: c }, { verb: 'logs', container: c, previous: true }, { verb: 'logs', container: c, follow: true },
    { verb: 'exec', container: c }, { verb: 'debug', target: c },
  ]);
  // Init containers have finished by the time you exec or debug: only their logs are worth offering.
  const perInit = pod.initContainers.flatMap((c): DebugCommand[] => [
    { verb: 'logs', container: c }, { verb: 'logs', container: c, previous: true },
  ]);
  const ports = [...new Set(Object.values(pod.ports))].map((port): DebugCommand => ({ verb: 'port-forward', port }));
  return [
    ...perContainer, ...perInit, ...ports,
    { verb: 'logs' }, { verb: 'logs', previous: true }, { verb: 'exec' }, { verb: 'debug' },
    { verb: 'describe' }, { verb: 'get', output: 'wide' }, { verb: 'get', output: 'yaml' }, { verb: 'top' }, { verb: 'events' },
  ];
}

const DEBUG_RUNNING = 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-running-pod/';
const QUICK_REF = 'https://kubernetes.io/docs/reference/kubectl/quick-reference/';

/** Why the taught command answers the need, as an instructor would say it, and where the docs say so. */
export function whyItAnswers(pod: DebugPod, need: DebugNeed, cmd: DebugCommand): { reason: string; docUrl: string } {
  const c = 'container' in need ? need.container : '';
  const describeUrl = `${DEBUG_RUNNING}#using-kubectl-describe-pod-to-fetch-details-about-pods`;
  switch (need.kind) {
    case 'logs':
      return {
        reason: c === defaultContainer(pod)
          ? `It prints what ${c} wrote to stdout and stderr; -c names the container (left out, kubectl would pick ${c} anyway, as the first in the spec).`
          : `The -c ${c} flag picks the container; without it kubectl falls back to the first one in the spec (${defaultContainer(pod)}).`,
        docUrl: `${DEBUG_RUNNING}#examine-pod-logs`,
      };
    case 'previous-logs':
      return { reason: 'The --previous flag prints the output of the instance that ran before the last restart, the one that crashed; without it you get the new instance.', docUrl: `${DEBUG_RUNNING}#examine-pod-logs` };
    case 'follow-logs':
      return { reason: `The -f flag keeps the stream open and prints new lines as ${c} writes them.`, docUrl: `${QUICK_REF}#interacting-with-running-pods` };
    case 'shell':
      return cmd.verb === 'debug'
        ? { reason: `The ${c} image has no shell, so exec -- sh fails. kubectl debug adds an ephemeral busybox container, and --target=${c} puts it in ${c}'s process namespace, so you see its processes (and its files under /proc/<pid>/root).`, docUrl: `${DEBUG_RUNNING}#ephemeral-container` }
        : { reason: `With -it and -c ${c}, exec runs sh inside ${c}, with that container's own filesystem.`, docUrl: `${DEBUG_RUNNING}#container-exec` };
    case 'why-pending':
      return { reason: 'Describe ends with the pod’s events, including the scheduler’s FailedScheduling message that says why each node was rejected.', docUrl: `${DEBUG_RUNNING}#example-debugging-pending-pods` };
    case 'why-waiting':
      return { reason: `Describe shows the Waiting reason of ${c} and the kubelet's events, which carry the full error message.`, docUrl: describeUrl };
    case 'last-termination':
      return { reason: `Describe shows the Last State of ${c}: Terminated, with its Reason (such as OOMKilled) and Exit Code.`, docUrl: describeUrl };
    case 'probe-failures':
      return { reason: 'Describe lists the kubelet’s events, such as "Liveness probe failed: HTTP probe failed with statuscode: 500" followed by "failed liveness probe, will be restarted".', docUrl: describeUrl };
    case 'node-and-ip':
      return { reason: 'The -o wide output adds the IP and NODE columns to the usual one-line listing.', docUrl: `${QUICK_REF}#viewing-and-finding-resources` };
    case 'full-object':
      return { reason: 'The -o yaml output is the whole object as stored: metadata, every spec field including the defaulted ones, and status.', docUrl: `${QUICK_REF}#viewing-and-finding-resources` };
    case 'port':
      return { reason: `Port-forward listens on localhost:${need.port} and tunnels to port ${need.port} of the pod, where ${c} listens.`, docUrl: `${QUICK_REF}#interacting-with-running-pods` };
    case 'usage':
      return { reason: 'With --containers, top pod shows the current CPU and memory use of each container, as reported by metrics-server.', docUrl: `${QUICK_REF}#interacting-with-running-pods` };
    case 'deleted-pod-events':
      return { reason: 'Events are separate objects that outlive the pod (an hour by default), so you can still list them by its name; describe, logs and exec need the pod itself.', docUrl: `${DEBUG_RUNNING}#example-debugging-pending-pods` };
  }
}

function wrongContainer(pod: DebugPod, cmd: DebugCommand, need: DebugNeed): string | null {
  if (!('container' in need)) return null;
  const target = commandTarget(pod, cmd);
  if (target === need.container) return null;
  if (cmd.verb === 'debug') {
    return target === null
      ? `Without --target the debug container does not join ${need.container}'s process namespace, so its processes stay out of sight.`
      : `With --target=${target} it joins ${target}'s processes, not ${need.container}'s.`;
  }
  const verb = cmd.verb === 'logs' ? 'kubectl logs' : 'kubectl exec';
  if ((cmd.verb === 'logs' || cmd.verb === 'exec') && !cmd.container) {
    return `Without -c, ${verb} uses the first container in the spec, ${defaultContainer(pod)}, not ${need.container}.`;
  }
  return cmd.verb === 'logs' || cmd.verb === 'exec' ? `That reaches ${target}, not ${need.container}.` : null;
}

function wrongLogsFlag(cmd: DebugCommand, need: DebugNeed): string | null {
  if (cmd.verb !== 'logs') return null;
  if (need.kind === 'previous-logs' && !cmd.previous) return 'Without --previous you get the new instance, started after the crash.';
  if ((need.kind === 'logs' || need.kind === 'follow-logs') && cmd.previous) return 'The --previous flag shows the instance before the last restart, not the running one.';
  if (need.kind === 'follow-logs' && !cmd.follow) return 'Without -f it prints what is there and exits.';
  return null;
}

const limits: Record<Verb | 'wide' | 'yaml', string> = {
  logs: 'Logs show only what a container wrote to stdout and stderr.',
  exec: 'A shell inside a container shows what that container sees, not the pod’s state or events as Kubernetes records them.',
  debug: 'An ephemeral debug container is for poking around inside the pod; it reports nothing about the pod’s state or logs.',
  describe: 'Describe is a human summary of states, conditions and events: no logs, no shell, no live metrics, and it leaves fields out.',
  get: '',
  wide: 'The -o wide output is one line: READY, STATUS, RESTARTS, AGE, IP and NODE, nothing more.',
  yaml: 'The -o yaml output is the stored spec and status: no events, no logs, no metrics.',
  'port-forward': 'Port-forward only tunnels a local port to the pod; it shows nothing by itself.',
  top: 'Top shows only current CPU and memory use.',
  events: 'Events record what the scheduler and kubelet did; they hold no logs, no addresses and no metrics.',
};

/** Why this command does not answer the need. */
export function whyItFails(pod: DebugPod, cmd: DebugCommand, need: DebugNeed): string {
  if (need.kind === 'deleted-pod-events') return 'With the pod deleted, that fails with NotFound: only the pod’s events outlive it.';
  if (cmd.verb === 'exec' && need.kind === 'shell' && commandTarget(pod, cmd) === need.container && pod.noShell.includes(need.container)) {
    return `The ${need.container} image has no shell, so exec fails with "executable file not found in $PATH".`;
  }
  if (cmd.verb === 'port-forward' && need.kind === 'port') return `That forwards port ${cmd.port}, but ${need.container} listens on ${need.port}.`;
  const specific = ['logs', 'previous-logs', 'follow-logs', 'shell'].includes(need.kind)
    ? wrongContainer(pod, cmd, need) ?? wrongLogsFlag(cmd, need) : null;
  return specific ?? limits[cmd.verb === 'get' ? cmd.output : cmd.verb];
}

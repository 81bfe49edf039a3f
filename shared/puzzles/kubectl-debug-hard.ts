// Hard kubectl-debug templates: two rules decide together (what exit code 137 means and where each cause shows; the
// pod's process namespace and the debug flags; the pod's network namespace and the tools in an image; an error
// message and the flag it calls for; how long events live; what attach and a pod copy really do).
import type { Cmd } from '../model/debugging.ts';
import { caseDraft, code, podYaml, readyColumn, scene } from './kubectl-debug-pod.ts';
import type { SingleDraft, SingleTemplate } from './single-draft.ts';

const RUNNING = 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-running-pod/';
const REF = 'https://kubernetes.io/docs/reference/kubectl/generated/';

/** The last state says how it died: OOMKilled, killed by its liveness probe (137), or its own error (1). */
const oomOrLiveness: SingleTemplate = {
  id: 'kubectl-debug/oom-or-liveness',
  answers: ['oom', 'liveness', 'app-error'],
  make(rng, answer) {
    const s = scene(rng);
    const c = s.pod.app;
    const [reason, exit] = ({ oom: ['OOMKilled', '137'], liveness: ['Error', '137'], 'app-error': ['Error', '1'] } as Record<string, [string, string]>)[answer]!;
    const need = { oom: { n: 'usage' } as const, liveness: { n: 'probe-failures' } as const, 'app-error': { n: 'previous-logs', c } as const }[answer]!;
    const right: Cmd = { oom: { k: 'top' } as Cmd, liveness: { k: 'describe' } as Cmd, 'app-error': { k: 'logs', c, previous: true } as Cmd }[answer]!;
    const wrong: Cmd[] = {
      oom: [{ k: 'logs', c, previous: true }, { k: 'describe' }, { k: 'get-yaml' }] as Cmd[],
      liveness: [{ k: 'top' }, { k: 'logs', c, previous: true }, { k: 'get-yaml' }] as Cmd[],
      'app-error': [{ k: 'top' }, { k: 'describe' }, { k: 'events' }] as Cmd[],
    }[answer]!;
    return caseDraft({
      template: this.id,
      prompt: `${code(c)} restarted again; its last state reads: Terminated, Reason ${reason}, Exit Code ${exit}. You want the next piece of evidence for why. Which command?`,
      scene: s, code: podYaml(s),
      table: { columns: ['CONTAINER', 'LAST STATE', 'REASON', 'EXIT CODE', 'RESTARTS'], rows: [[c, 'Terminated', reason, exit, String(rng.int(3, 9))]] },
      need, right, wrong,
      because: {
        oom: 'OOMKilled: the kernel killed it for going over its memory limit, so compare its live memory use with the limit: kubectl top.',
        liveness: '137 without OOMKilled is a SIGKILL from outside: typically the kubelet after a failed liveness probe, which describe lists in the events.',
        'app-error': 'Exit code 1 is the app giving up on its own: its last words are in the previous instance\'s log.',
      }[answer]!,
      rules: ['debugging/exit-137', answer === 'oom' ? 'debugging/top-usage' : answer === 'liveness' ? 'debugging/describe-events' : 'debugging/logs-previous'],
      docUrl: answer === 'app-error' ? `${RUNNING}#examine-pod-logs` : answer === 'oom' ? 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#my-container-is-terminated' : 'https://kubernetes.io/docs/concepts/workloads/pods/probes/#liveness-probe',
    });
  },
};

/** Seeing processes: shareProcessNamespace decides whether a plain debug container already sees them all. */
const processNamespaces: SingleTemplate = {
  id: 'kubectl-debug/process-namespaces',
  answers: ['shared', 'copy', 'target'],
  make(rng, answer) {
    const s = scene(rng, { shell: false, sidecars: 1 });
    const c = s.pod.app;
    const spn = answer === 'shared';
    s.state.shareProcessNamespace = spn;
    const need = answer === 'target' ? { n: 'processes', c } as const : { n: 'all-processes' } as const;
    const right: Cmd = { shared: { k: 'debug-plain' } as Cmd, copy: { k: 'debug-copy-share' } as Cmd, target: { k: 'debug-target', c } as Cmd }[answer]!;
    const wrong: Cmd[] = {
      shared: [{ k: 'debug-copy-share' }, { k: 'exec-shell', c }, { k: 'top' }] as Cmd[],
      copy: [{ k: 'debug-plain' }, { k: 'debug-target', c }, { k: 'exec-shell', c }] as Cmd[],
      target: [{ k: 'debug-plain' }, { k: 'debug-copy-share' }, { k: 'exec-shell', c }] as Cmd[],
    }[answer]!;
    const want = answer === 'target' ? `the processes of ${code(c)}` : 'the processes of every container in the pod';
    return caseDraft({
      template: this.id, prompt: `You want a busybox shell that shows ${want}${answer === 'copy' ? '; a copy of the pod is fine' : ', in this running pod'}. Which command?`,
      scene: s, code: podYaml(s, { spn }), need, right, wrong,
      because: {
        shared: 'The pod sets shareProcessNamespace: true, so any container added to it, a plain ephemeral one too, sees every process.',
        copy: 'Without a shared process namespace, no container sees them all; a copy made with --share-processes has one namespace for all.',
        target: `--target=${c} puts the ephemeral container in ${c}'s process namespace, and the distroless image has no shell to exec.`,
      }[answer]!,
      rules: ['sharing/pid-namespace', answer === 'copy' ? 'debugging/copy-share-processes' : 'debugging/ephemeral-target'],
      docUrl: answer === 'copy' ? `${RUNNING}#copying-a-pod-while-adding-a-new-container` : `${RUNNING}#ephemeral-container`,
    });
  },
};

/** Send the probe's request from inside the pod's network namespace, with whatever tools are at hand. */
const probeFromInside: SingleTemplate = {
  id: 'kubectl-debug/probe-from-inside',
  answers: ['exec-wget', 'debug-curl', 'port-forward'],
  make(rng, answer) {
    const s = answer === 'exec-wget' ? scene(rng, { tool: 'wget' }) : answer === 'debug-curl' ? scene(rng, { shell: false }) : scene(rng);
    const c = s.pod.app;
    const port = s.svc.port;
    const url = `localhost:${port}${s.svc.app.ready}`;
    const laptop = answer === 'port-forward';
    const need = laptop ? { n: 'port', port } as const : { n: 'probe-inside', c } as const;
    const right: Cmd = { 'exec-wget': { k: 'exec-cmd', c, cmd: `wget -qO- ${url}` } as Cmd, 'debug-curl': { k: 'debug-image', image: 'curlimages/curl:8.9.1' } as Cmd, 'port-forward': { k: 'port-forward', local: port, remote: port } as Cmd }[answer]!;
    const wrong: Cmd[] = {
      'exec-wget': [{ k: 'exec-cmd', c, cmd: `curl -s ${url}` }, { k: 'port-forward', local: port, remote: port }, { k: 'logs', c }] as Cmd[],
      'debug-curl': [{ k: 'exec-cmd', c, cmd: `wget -qO- ${url}` }, { k: 'exec-shell', c }, { k: 'logs', c }] as Cmd[],
      'port-forward': [{ k: 'exec-shell', c }, { k: 'get-wide' }, { k: 'logs', c, follow: true }] as Cmd[],
    }[answer]!;
    const base = s.svc.base;
    return caseDraft({
      template: this.id,
      prompt: laptop
        ? `You want to open ${code(c)}'s ${s.svc.app.live} page, on port ${port}, in your laptop's browser. Which command?`
        : `${code(c)}'s readiness probe fails on ${url}. You want to send that same request from inside the pod. The image is built FROM ${base}. Which command?`,
      scene: s, code: podYaml(s), need, right, wrong,
      because: {
        'exec-wget': `${base} ships busybox wget but no curl; exec runs it inside ${c}, where localhost is the pod's.`,
        'debug-curl': `${base} has no shell and no tools; an ephemeral curl container shares the pod's network namespace, so localhost:${port} is ${c}.`,
        'port-forward': `port-forward brings the pod's port ${port} to your laptop's localhost:${port}.`,
      }[answer]!,
      rules: laptop ? ['debugging/port-forward', 'sharing/network-namespace'] : ['debugging/ephemeral-network', 'debugging/exec-needs-shell'],
      docUrl: answer === 'port-forward' ? `${REF}kubectl_port-forward/#examples` : answer === 'debug-curl' ? `${RUNNING}#ephemeral-container` : `${RUNNING}#container-exec`,
    });
  },
};

/** The error message says which flag is missing. */
const readTheError: SingleTemplate = {
  id: 'kubectl-debug/read-the-error',
  answers: ['namespace', 'container', 'not-started'],
  make(rng, answer) {
    const s = scene(rng, { sidecars: 1 });
    const c = s.pod.app;
    const ns = rng.pick(['payments', 'shop', 'platform']);
    const wrongName = `${c}-app`;
    const error = {
      namespace: `Error from server (NotFound): pods "${s.pod.name}" not found`,
      container: `error: container ${wrongName} is not valid for pod ${s.pod.name}`,
      'not-started': `Error from server (BadRequest): container "${c}" in pod "${s.pod.name}" is waiting to start: image can't be pulled`,
    }[answer]!;
    const tried = answer === 'container' ? `kubectl logs ${s.pod.name} -c ${wrongName}` : `kubectl logs ${s.pod.name} -c ${c}`;
    if (answer === 'not-started') s.state.notStarted = [c];
    const need = { namespace: { n: 'logs-elsewhere', c, ns } as const, container: { n: 'logs-elsewhere', c } as const, 'not-started': { n: 'why-waiting' } as const }[answer]!;
    const right: Cmd = { namespace: { k: 'logs-namespace', c, ns } as Cmd, container: { k: 'logs', c } as Cmd, 'not-started': { k: 'describe' } as Cmd }[answer]!;
    const wrong: Cmd[] = {
      namespace: [{ k: 'logs', c, previous: true }, { k: 'logs-context', c, ctx: ns }, { k: 'logs-all' }] as Cmd[],
      container: [{ k: 'logs-namespace', c: wrongName, ns }, { k: 'logs', c: wrongName, previous: true }, { k: 'describe' }] as Cmd[],
      'not-started': [{ k: 'logs', c, previous: true }, { k: 'logs-namespace', c, ns }, { k: 'exec-shell', c }] as Cmd[],
    }[answer]!;
    return caseDraft({
      template: this.id,
      prompt: `${answer === 'namespace' ? `The pod runs in namespace ${ns}. ` : ''}You ran ${code(tried)} and got: ${code(error)}. What do you run instead?`,
      scene: s, ...(answer === 'namespace' ? {} : { code: podYaml(s) }), need, right, wrong,
      because: {
        namespace: `NotFound: kubectl looked in your current namespace. The pod is in ${ns}: add -n ${ns}.`,
        container: `The container is called ${c}, as the spec shows: -c ${c}.`,
        'not-started': 'The container never started, so it has no logs at all; describe shows why it waits, with the pull error.',
      }[answer]!,
      rules: answer === 'not-started' ? ['debugging/no-logs-before-start', 'debugging/describe-events'] : ['debugging/logs-container', 'debugging/default-container'],
      docUrl: answer === 'not-started' ? `${RUNNING}#using-kubectl-describe-pod-to-fetch-details-about-pods` : 'https://kubernetes.io/docs/reference/kubectl/quick-reference/#kubectl-context-and-configuration',
    });
  },
};

/** Events outlive their pod, but only for an hour by default. */
const eventsTtl: SingleTemplate = {
  id: 'kubectl-debug/events-ttl',
  answers: ['describe', 'events', 'gone'],
  make(rng, answer): SingleDraft {
    const s = scene(rng);
    const p = s.pod.name;
    const when = { describe: 'is still running; it restarted twice in the last half hour', events: `was deleted ${rng.int(10, 40)} minutes ago`, gone: `was deleted ${rng.int(3, 8)} hours ago` }[answer]!;
    const options = [
      { label: `kubectl describe pod ${p}`, correct: answer === 'describe', why: 'The pod is gone: NotFound.' },
      { label: `kubectl events --for pod/${p}`, correct: answer === 'events', why: answer === 'describe' ? 'It gives the events without the containers\' states.' : 'Events are kept for one hour by default: these are gone.' },
      { label: 'None: only your monitoring or log backend still has it', correct: answer === 'gone', why: answer === 'describe' ? 'The pod still exists.' : 'Its events are still within the hour they are kept.' },
      { label: `kubectl get pod ${p} -o yaml`, correct: false, why: answer === 'describe' ? 'It has the status but not the events.' : 'The pod is gone: NotFound.' },
    ];
    return {
      template: this.id,
      prompt: `Pod ${p} ${when}. You want its recent events and what happened to its containers. Which command still answers?`,
      options,
      answerKey: { describe: 'kubectl describe pod <pod>', events: 'kubectl events --for pod/<pod>', gone: 'None: the monitoring or log backend' }[answer]!,
      rules: ['debugging/events-ttl', answer === 'describe' ? 'debugging/describe-events' : 'debugging/events-for'],
      because: [{ text: {
        describe: 'The pod exists, so describe shows both its containers\' states and its recent events.',
        events: 'The pod is gone but its events outlive it, for an hour by default: kubectl events --for finds them.',
        gone: 'Events are kept for one hour by default, so hours later neither the pod nor its events remain in the cluster.',
      }[answer]! }],
      docUrl: answer === 'describe' ? `${RUNNING}#using-kubectl-describe-pod-to-fetch-details-about-pods` : 'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/#options',
    };
  },
};

/** A rollout in progress: wait for it, watch its pods, or ask why a new one fails. */
const rolloutWatch: SingleTemplate = {
  id: 'kubectl-debug/rollout-watch',
  answers: ['status', 'pods', 'why-new-fails'],
  make(rng, answer) {
    const s = scene(rng);
    const text = {
      status: `A CI job must wait until the new version of Deployment ${s.pod.app} is fully rolled out, and fail if it stalls.`,
      pods: `During the rollout of Deployment ${s.pod.app} you want to see its old pods go and its new pods come, as it happens.`,
      'why-new-fails': `The rollout of ${s.pod.app} is stuck: new pod ${s.pod.name} is ${readyColumn(s, s.pod.containers.length)} Pending. You want to know why.`,
    }[answer]!;
    const need = { status: { n: 'rollout-done' } as const, pods: { n: 'replicas-live' } as const, 'why-new-fails': { n: 'why-pending' } as const }[answer]!;
    const right: Cmd = { status: { k: 'rollout-status' } as Cmd, pods: { k: 'get-pods-watch' } as Cmd, 'why-new-fails': { k: 'describe' } as Cmd }[answer]!;
    const wrong: Cmd[] = {
      status: [{ k: 'get-pods-watch' }, { k: 'get-watch' }, { k: 'events', watch: true }] as Cmd[],
      pods: [{ k: 'rollout-status' }, { k: 'get-watch' }, { k: 'logs-selector', c: s.pod.app }] as Cmd[],
      'why-new-fails': [{ k: 'rollout-status' }, { k: 'get-pods-watch' }, { k: 'logs', c: s.pod.app }] as Cmd[],
    }[answer]!;
    if (answer === 'why-new-fails') s.state.notStarted = [s.pod.app];
    return caseDraft({
      template: this.id, prompt: `${text} Which command?`, scene: s, need, right, wrong,
      because: {
        status: 'rollout status waits until every replica is updated and available, and exits non-zero when the rollout exceeds its deadline.',
        pods: 'get pods -l app=… -w prints each pod of the Deployment as it is created, changes and goes.',
        'why-new-fails': 'A Pending pod has no logs; describe shows the scheduler\'s reason in its events.',
      }[answer]!,
      rules: answer === 'why-new-fails' ? ['debugging/describe-events', 'debugging/no-logs-before-start'] : ['debugging/rollout-status', 'debugging/get-output'],
      docUrl: answer === 'why-new-fails' ? `${RUNNING}#example-debugging-pending-pods` : answer === 'pods' ? `${REF}kubectl_get/#options` : 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#failed-deployment',
    });
  },
};

/** attach joins the process that is there; exec starts a new one; logs only reads. */
const attachOrExec: SingleTemplate = {
  id: 'kubectl-debug/attach-or-exec',
  answers: ['attach', 'exec', 'logs'],
  make(rng, answer) {
    const s = scene(rng, { shell: true });
    const c = s.pod.app;
    const text = {
      attach: `${code(c)} runs an interactive admin console as its main process (stdin: true, tty: true). You want to type into that very console.`,
      exec: `${code(c)}'s main process is an interactive console (stdin: true, tty: true). You want a separate shell next to it, leaving the console alone.`,
      logs: `${code(c)}'s main process is an interactive console (stdin: true, tty: true). You only want to read what it has printed, without touching it.`,
    }[answer]!;
    const need = { attach: { n: 'stdin', c } as const, exec: { n: 'shell', c } as const, logs: { n: 'current-logs', c } as const }[answer]!;
    const all: Record<string, Cmd> = { attach: { k: 'attach', c }, exec: { k: 'exec-shell', c }, logs: { k: 'logs', c } };
    return caseDraft({
      template: this.id, prompt: `${text} Which command?`, scene: s, code: podYaml(s), need, right: all[answer]!,
      wrong: [...Object.entries(all).filter(([k]) => k !== answer).map(([, v]) => v), { k: 'debug-target', c } as Cmd].filter((w) => !(answer === 'exec' && w.k === 'debug-target')).concat(answer === 'exec' ? [{ k: 'logs', c, follow: true } as Cmd] : []).slice(0, 3),
      because: {
        attach: 'attach -it connects your terminal to the stdin and tty of the process already running.',
        exec: 'exec starts a new process, here sh, beside the main one; attach would take over the console.',
        logs: 'logs only reads what the console printed; attach would put your keystrokes into it.',
      }[answer]!,
      rules: ['debugging/attach', answer === 'logs' ? 'debugging/logs-container' : 'debugging/exec-needs-shell'],
      docUrl: answer === 'attach' ? `${REF}kubectl_attach/#examples` : answer === 'exec' ? `${RUNNING}#container-exec` : `${RUNNING}#examine-pod-logs`,
    });
  },
};

/** A copy of the pod changed three ways: another image, a shell command, an added container. */
const podCopy: SingleTemplate = {
  id: 'kubectl-debug/pod-copy',
  answers: ['set-image', 'command', 'share'],
  make(rng, answer) {
    const s = scene(rng, { shell: true, sidecars: 1 });
    const c = s.pod.app;
    const debugImage = `${s.images[c]}-debug`;
    if (answer === 'command') s.state.crashing = [c];
    const text = {
      'set-image': `You want to try ${code(debugImage)}, a build with debug logging, in a copy of this pod, leaving the running pod alone.`,
      command: `${code(c)} crashes at start. You want a copy of the pod in which ${code(c)} starts a shell instead, to run its command by hand.`,
      share: 'You want a copy of this pod with an extra busybox container that sees the processes of every container in it.',
    }[answer]!;
    const need = { 'set-image': { n: 'try-image', c } as const, command: { n: 'shell-in-copy', c } as const, share: { n: 'all-processes' } as const }[answer]!;
    const all: Record<string, Cmd> = { 'set-image': { k: 'debug-copy-image', c, image: debugImage }, command: { k: 'debug-copy-shell', c }, share: { k: 'debug-copy-share' } };
    return caseDraft({
      template: this.id, prompt: `${text} Which command?`, scene: s, code: podYaml(s), need, right: all[answer]!,
      wrong: [...Object.entries(all).filter(([k]) => k !== answer).map(([, v]) => v), { k: 'debug-target', c }],
      because: {
        'set-image': '--copy-to makes a new pod from this one; --set-image swaps the image of the named container in the copy.',
        command: 'With --container and a command after --, the copy runs that command in place of the container\'s own.',
        share: '--share-processes gives the copy one process namespace, and --image adds the busybox container to it.',
      }[answer]!,
      rules: [answer === 'share' ? 'debugging/copy-share-processes' : 'debugging/copy-with-shell', 'debugging/ephemeral-target'],
      docUrl: { 'set-image': `${RUNNING}#copying-a-pod-while-changing-container-images`, command: `${RUNNING}#copying-a-pod-while-changing-its-command`, share: `${RUNNING}#copying-a-pod-while-adding-a-new-container` }[answer]!,
    });
  },
};

export const hardTemplates: readonly SingleTemplate[] = [oomOrLiveness, processNamespaces, probeFromInside, readTheError, eventsTtl, rolloutWatch, attachOrExec, podCopy];

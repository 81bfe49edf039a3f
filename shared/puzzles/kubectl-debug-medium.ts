// Medium kubectl-debug templates: the rule has to be found in the pod (its image, its init containers, its
// default container) or is a default to apply (--tail with a selector, five followed streams, a busy local port).
import { defaultContainer, type Cmd } from '../model/debugging.ts';
import { caseDraft, code, jobScene, podYaml, readyColumn, scene, SIDECARS } from './kubectl-debug-pod.ts';
import type { SingleDraft, SingleTemplate } from './single-draft.ts';

const RUNNING = 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-running-pod/';
const REF = 'https://kubernetes.io/docs/reference/kubectl/generated/';
const QUICK = 'https://kubernetes.io/docs/reference/kubectl/quick-reference/';

/** Which container does a command without -c reach? The annotation, else the first regular container. */
const defaultTarget: SingleTemplate = {
  id: 'kubectl-debug/default-container',
  answers: ['first', 'annotation', 'not-the-sidecar'],
  make(rng, answer): SingleDraft {
    const s = scene(rng, { sidecars: 0 });
    const app = s.pod.app;
    // One mesh proxy and one log shipper (vector is kept for the native-sidecar case): never two proxies in a pod.
    const proxy = rng.pick(SIDECARS.filter((x) => x.name === 'envoy' || x.name === 'linkerd-proxy'));
    const [side, other] = rng.shuffle([proxy, SIDECARS.find((x) => x.name === 'fluent-bit')!]) as [typeof SIDECARS[number], typeof SIDECARS[number]];
    const appC = s.pod.containers[0]!;
    const sideC = { name: side.name, shell: side.shell, tar: side.tar };
    const otherC = { name: other.name, shell: other.shell, tar: other.tar };
    s.images[side.name] = side.image;
    s.images[other.name] = other.image;
    const inits = answer === 'not-the-sidecar' ? [{ name: 'vector', image: 'timberio/vector:0.40.0-alpine', sidecar: true }] : [];
    s.pod.containers = answer === 'annotation' ? [sideC, appC, otherC] : answer === 'first' ? [appC, sideC, otherC] : [{ name: 'vector', shell: true, tar: true }, appC, sideC];
    if (inits.length) s.images.vector = inits[0]!.image;
    const regular = s.pod.containers.map((c) => c.name).filter((n) => !inits.some((i) => i.name === n));
    const chosen = defaultContainer({ containers: regular, ...(answer === 'annotation' ? { annotation: app } : {}) });
    const cmd = rng.pick([`kubectl logs ${s.pod.name}`, `kubectl logs -f ${s.pod.name}`]);
    const names = [...new Set(s.pod.containers.map((c) => c.name))];
    return {
      template: this.id,
      prompt: `You run ${code(cmd)}, without -c. Which container does it reach?`,
      code: podYaml(s, { ...(answer === 'annotation' ? { annotation: app } : {}), inits }),
      options: [
        ...names.map((n) => ({ label: n, correct: n === chosen, why: n === 'vector' && inits.length ? 'Native sidecars sit in initContainers and are never the default.' : answer === 'annotation' ? 'The default-container annotation names another one.' : 'It is not the first entry of spec.containers.' })),
        ...(names.length < 4 ? [{ label: 'None: kubectl stops and asks for -c', correct: false, why: 'kubectl picks a default container and only prints a note saying which.' }] : []),
      ],
      answerKey: { first: 'The first container in spec.containers', annotation: 'The one the default-container annotation names', 'not-the-sidecar': 'The first regular container, not the native sidecar' }[answer]!,
      rules: ['debugging/default-container'],
      because: [{ text: {
        first: `Without -c, kubectl uses the container that the kubectl.kubernetes.io/default-container annotation names; this pod has none, so it takes the first entry of spec.containers, ${chosen}, and prints "Defaulted container \"${chosen}\" out of: ${regular.join(', ')}" on stderr.`,
        annotation: `Without -c, kubectl uses the container that the kubectl.kubernetes.io/default-container annotation names, ${chosen}, even though it is not first; only without the annotation would it take the first entry of spec.containers (and print "Defaulted container …").`,
        'not-the-sidecar': `Without -c, kubectl uses the kubectl.kubernetes.io/default-container annotation (none here), else the first entry of spec.containers, ${chosen}, and prints "Defaulted container \"${chosen}\" out of: ${regular.join(', ')}"; the native sidecar sits in initContainers, which that rule never looks at.`,
      }[answer]! }],
      docUrl: 'https://kubernetes.io/docs/reference/labels-annotations-taints/#kubectl-kubernetes-io-default-container',
    };
  },
};

/** A shell: exec when the image has one, an ephemeral container when it does not, a copy when it crashes. */
const shellOrDebug: SingleTemplate = {
  id: 'kubectl-debug/shell-or-debug',
  answers: ['exec', 'ephemeral', 'copy'],
  make(rng, answer) {
    const s = scene(rng, { shell: answer !== 'ephemeral' });
    const c = s.pod.app;
    if (answer === 'copy') s.state.crashing = [c];
    const situation = { exec: `You want a shell inside ${code(c)} to look at its files and run a few commands.`, ephemeral: `You want a shell from which to look at ${code(c)}'s processes.`, copy: `${code(c)} exits a second after it starts (CrashLoopBackOff). You want a shell with its image and files, to run its start command by hand.` }[answer]!;
    const need = { exec: { n: 'shell', c } as const, ephemeral: { n: 'processes', c } as const, copy: { n: 'shell-in-copy', c } as const }[answer]!;
    const all: Record<string, Cmd> = { exec: { k: 'exec-shell', c }, ephemeral: { k: 'debug-target', c }, copy: { k: 'debug-copy-shell', c } };
    const wrong = Object.entries(all).filter(([k]) => k !== answer && !(answer === 'exec' && k === 'ephemeral')).map(([, v]) => v);
    return caseDraft({
      template: this.id, prompt: `${situation} Which command?`, scene: s, code: podYaml(s), need, right: all[answer]!,
      wrong: ([...wrong, { k: 'logs', c }, ...(answer === 'exec' ? [{ k: 'attach', c }] : [])] as Cmd[]).slice(0, 3),
      because: { exec: `${c}'s image has a shell, so exec -it … -- sh runs it inside the container.`, ephemeral: `${c}'s image is distroless: no shell to exec. An ephemeral busybox container with --target=${c} joins its process namespace.`, copy: 'A crashing container cannot be exec\'d into: debug --copy-to with --container and sh starts a copy whose command is a shell.' }[answer]!,
      rules: [({ exec: 'debugging/exec-needs-shell', ephemeral: 'debugging/ephemeral-target', copy: 'debugging/copy-with-shell' } as const)[answer as 'exec']],
      docUrl: { exec: `${RUNNING}#container-exec`, ephemeral: `${RUNNING}#ephemeral-container`, copy: `${RUNNING}#copying-a-pod-while-changing-its-command` }[answer]!,
    });
  },
};

/** The container's history in a table: which command shows what went wrong last time? */
const crashEvidence: SingleTemplate = {
  id: 'kubectl-debug/crash-evidence',
  answers: ['previous', 'describe', 'terminated-once'],
  make(rng, answer) {
    const s = answer === 'terminated-once' ? jobScene(rng) : scene(rng);
    const c = s.pod.app;
    const n = rng.int(3, 9);
    const row = { previous: [readyColumn(s, 0), 'Running', String(n)], describe: [readyColumn(s, 0), 'Running', String(n)], 'terminated-once': [readyColumn(s, 1), 'Error', '0'] }[answer]!;
    const prompt = {
      previous: `${code(c)} keeps crashing with an exception and is running again now. You want the stack trace of the last crash.`,
      describe: `${code(c)} keeps being killed without printing anything. You want to know whether the last kill was OOMKilled, and its exit code.`,
      'terminated-once': `This pod belongs to a Job; ${code(c)} exited with an error and, with restartPolicy: Never, was not restarted. You want what it printed.`,
    }[answer]!;
    const right: Cmd = { previous: { k: 'logs', c, previous: true } as Cmd, describe: { k: 'describe' } as Cmd, 'terminated-once': { k: 'logs', c } as Cmd }[answer]!;
    const need = { previous: { n: 'previous-logs', c } as const, describe: { n: 'last-termination' } as const, 'terminated-once': { n: 'current-logs', c } as const }[answer]!;
    const wrong: Cmd[] = {
      previous: [{ k: 'logs', c }, { k: 'describe' }, { k: 'top' }] as Cmd[],
      describe: [{ k: 'logs', c, previous: true }, { k: 'top' }, { k: 'get-watch' }] as Cmd[],
      'terminated-once': [{ k: 'logs', c, previous: true }, { k: 'exec-shell', c }, { k: 'top' }] as Cmd[],
    }[answer]!;
    return caseDraft({
      template: this.id, prompt: `${prompt} Which command?`, scene: s, code: podYaml(s),
      table: { columns: ['NAME', 'READY', 'STATUS', 'RESTARTS'], rows: [[s.pod.name, ...row]] },
      need, right, wrong,
      because: {
        previous: 'It is running again, so the crash is in the previous instance: --previous.',
        describe: 'describe shows the container\'s Last State: Terminated, with Reason (OOMKilled or Error) and Exit Code.',
        'terminated-once': 'It was never restarted, so there is no --previous: the terminated container\'s own log is what plain kubectl logs prints.',
      }[answer]!,
      rules: [({ previous: 'debugging/logs-previous', describe: 'debugging/describe-events', 'terminated-once': 'debugging/logs-container' } as const)[answer as 'previous']],
      docUrl: answer === 'describe' ? `${RUNNING}#using-kubectl-describe-pod-to-fetch-details-about-pods` : `${RUNNING}#examine-pod-logs`,
    });
  },
};

/** Init containers: running, crash-looping or never pulled, each needs another command. */
const initStuck: SingleTemplate = {
  id: 'kubectl-debug/init-stuck',
  answers: ['running', 'crashing', 'not-pulled'],
  make(rng, answer) {
    const s = scene(rng);
    const init = rng.pick(['migrate', 'fetch-config', 'wait-for-db']);
    const image = { migrate: s.images[s.pod.app]!, 'fetch-config': 'curlimages/curl:8.9.1', 'wait-for-db': 'busybox:1.36' }[init]!;
    s.pod.containers.unshift({ name: init, shell: true, tar: true });
    s.images[init] = image;
    const status = { running: 'Init:0/1', crashing: 'Init:CrashLoopBackOff', 'not-pulled': 'Init:ImagePullBackOff' }[answer]!;
    s.state.notStarted = answer === 'not-pulled' ? [s.pod.app, init] : [s.pod.app];
    if (answer === 'crashing') s.state.backoff = [init];
    const need = { running: { n: 'current-logs', c: init } as const, crashing: { n: 'previous-logs', c: init } as const, 'not-pulled': { n: 'why-waiting' } as const }[answer]!;
    const right: Cmd = { running: { k: 'logs', c: init } as Cmd, crashing: { k: 'logs', c: init, previous: true } as Cmd, 'not-pulled': { k: 'describe' } as Cmd }[answer]!;
    const wrong: Cmd[] = {
      running: [{ k: 'logs', c: s.pod.app }, { k: 'logs', c: init, previous: true }, { k: 'exec-shell', c: s.pod.app }] as Cmd[],
      crashing: [{ k: 'logs', c: s.pod.app }, { k: 'exec-shell', c: s.pod.app }, { k: 'top' }] as Cmd[],
      'not-pulled': [{ k: 'logs', c: init }, { k: 'logs', c: s.pod.app }, { k: 'top' }] as Cmd[],
    }[answer]!;
    return caseDraft({
      template: this.id, prompt: `The pod has shown ${status} for ten minutes. You want to find out what ${code(init)} is doing wrong. Which command?`,
      scene: s, code: podYaml(s, { inits: [{ name: init, image }] }),
      table: { columns: ['NAME', 'READY', 'STATUS', 'RESTARTS'], rows: [[s.pod.name, readyColumn(s, s.pod.containers.length - 1, 1), status, answer === 'crashing' ? String(rng.int(3, 7)) : '0']] },
      need, right, wrong,
      because: {
        running: `Init:0/1 means ${init} is still running: its log says what it is waiting for; the app has not started.`,
        crashing: `${init} keeps failing and restarting: its output is in its log, here with --previous; the app has not started.`,
        'not-pulled': `${init}'s image cannot be pulled, so no container ran: describe shows the pull error in the events.`,
      }[answer]!,
      rules: [answer === 'not-pulled' ? 'debugging/no-logs-before-start' : 'debugging/logs-container'],
      docUrl: answer === 'not-pulled' ? `${RUNNING}#using-kubectl-describe-pod-to-fetch-details-about-pods` : `${RUNNING}#examine-pod-logs`,
    });
  },
};

/** A label selector changes the defaults: ten lines a pod, five streams at most. */
const selectorDefaults: SingleTemplate = {
  id: 'kubectl-debug/selector-defaults',
  answers: ['tail-default', 'tail-all', 'max-requests'],
  make(rng, answer) {
    const s = scene(rng);
    const c = s.pod.app;
    const n = answer === 'max-requests' ? rng.int(6, 12) : rng.int(3, 5);
    s.state.replicas = n;
    const text = {
      'tail-default': `You want the last few lines that ${code(c)} printed in each of its ${n} replicas.`,
      'tail-all': `You want every line ${code(c)} has printed since start, in each of its ${n} replicas.`,
      'max-requests': `You want to follow ${code(c)} live in all ${n} replicas at once.`,
    }[answer]!;
    const need = { 'tail-default': { n: 'all-replica-logs' } as const, 'tail-all': { n: 'all-replica-full-logs' } as const, 'max-requests': { n: 'all-replica-live-logs' } as const }[answer]!;
    const right: Cmd = { 'tail-default': { k: 'logs-selector', c } as Cmd, 'tail-all': { k: 'logs-selector', c, tail: 'all' } as Cmd, 'max-requests': { k: 'logs-selector', c, follow: n } as Cmd }[answer]!;
    const wrong: Cmd[] = {
      'tail-default': [{ k: 'logs', c }, { k: 'logs-all' }, { k: 'events' }] as Cmd[],
      'tail-all': [{ k: 'logs-selector', c }, { k: 'logs', c }, { k: 'logs-all' }] as Cmd[],
      'max-requests': [{ k: 'logs-selector', c, follow: 0 }, { k: 'logs', c, follow: true }, { k: 'get-pods-watch' }] as Cmd[],
    }[answer]!;
    return caseDraft({
      template: this.id, prompt: `${text} The replicas carry the label app=${s.pod.app}. Which command?`, scene: s, need, right, wrong,
      because: {
        'tail-default': 'With -l, kubectl logs prints the last 10 lines of each pod by default, which is what you want here.',
        'tail-all': 'With -l, kubectl logs stops at 10 lines per pod unless --tail=-1 lifts the limit.',
        'max-requests': `kubectl follows at most 5 streams by default; ${n} replicas need --max-log-requests=${n}.`,
      }[answer]!,
      rules: ['debugging/logs-selector'],
      docUrl: `${REF}kubectl_logs/#options`,
    });
  },
};

/** Which end of the tunnel: the pod's port, a free local port, or the Service's port. */
const portForward: SingleTemplate = {
  id: 'kubectl-debug/port-forward',
  answers: ['same', 'local-busy', 'service'],
  make(rng, answer) {
    const s = scene(rng);
    const port = s.svc.port;
    const local = port + 10000;
    const svc = s.pod.app;
    const text = {
      same: `You want this very pod's port ${port} at localhost:${port} on your laptop.`,
      'local-busy': `You want this very pod's port ${port} on your laptop, but something there already uses ${port}; localhost:${local} is free.`,
      service: `The Service ${svc} maps port 80 to the pods' port ${port}. You want whichever pod it picks at localhost:8080, through the Service.`,
    }[answer]!;
    const need = { same: { n: 'port', port } as const, 'local-busy': { n: 'port', port, local } as const, service: { n: 'port', port: 80, local: 8080, svc } as const }[answer]!;
    const right: Cmd = { same: { k: 'port-forward', local: port, remote: port } as Cmd, 'local-busy': { k: 'port-forward', local, remote: port } as Cmd, service: { k: 'port-forward', local: 8080, remote: 80, svc } as Cmd }[answer]!;
    const wrong: Cmd[] = {
      same: [{ k: 'port-forward', local: port, remote: 80, svc }, { k: 'port-forward', local, remote: port }, { k: 'exec-shell', c: s.pod.app }] as Cmd[],
      'local-busy': [{ k: 'port-forward', local: port, remote: port }, { k: 'port-forward', local: port, remote: local }, { k: 'get-wide' }] as Cmd[],
      service: [{ k: 'port-forward', local: 8080, remote: port, svc }, { k: 'port-forward', local: 8080, remote: port }, { k: 'port-forward', local: 80, remote: 8080, svc }] as Cmd[],
    }[answer]!;
    return caseDraft({
      template: this.id, prompt: `${text} Which command?`, scene: s, code: podYaml(s), need, right, wrong,
      because: {
        same: `pod/… ${port}:${port} listens on local ${port} and tunnels to the pod's ${port}.`,
        'local-busy': `The first number is the local port, the second the pod's: ${local}:${port}.`,
        service: 'svc/… 8080:80 listens on local 8080 and goes through the Service\'s port 80 to one of its pods.',
      }[answer]!,
      rules: ['debugging/port-forward'],
      docUrl: `${REF}kubectl_port-forward/#examples`,
    });
  },
};

/** The trouble is the node: its files, its capacity, its live use. */
const nodeTrouble: SingleTemplate = {
  id: 'kubectl-debug/node-trouble',
  answers: ['files', 'capacity', 'usage'],
  make(rng, answer) {
    const s = scene(rng);
    const node = s.pod.node;
    const text = {
      files: `You suspect the kubelet on ${node}, where the pod runs, has a bad setting; you want to read /var/lib/kubelet/config.yaml on that node, without SSH.`,
      capacity: `The pod's replacement stays Pending. You want ${node}'s allocatable memory, what its pods already request, and its conditions.`,
      usage: `Pods on ${node} are slow, yet describe node shows only ${rng.pick([35, 40, 45, 50])}% of its CPU requested. You want how much CPU and memory the node is really using right now.`,
    }[answer]!;
    const need = { files: { n: 'node-files' } as const, capacity: { n: 'node-capacity' } as const, usage: { n: 'node-usage' } as const }[answer]!;
    const all: Record<string, Cmd> = { files: { k: 'debug-node' }, capacity: { k: 'describe-node' }, usage: { k: 'top-node' } };
    return caseDraft({
      template: this.id, prompt: `${text} Which command?`, scene: s, need, right: all[answer]!,
      wrong: [...Object.entries(all).filter(([k]) => k !== answer).map(([, v]) => v), answer === 'usage' ? { k: 'top' } : { k: 'exec-shell', c: s.pod.app }],
      because: {
        files: `kubectl debug node/${node} runs a pod in the node's namespaces, with its root filesystem at /host.`,
        capacity: 'describe node shows Allocatable, the Allocated resources of its pods, and its Conditions.',
        usage: 'describe node sums what its pods request, not what they use; kubectl top node shows the live use, from metrics-server.',
      }[answer]!,
      rules: answer === 'usage' ? ['debugging/top-usage', 'debugging/describe-node'] : [answer === 'files' ? 'debugging/debug-node' : 'debugging/describe-node'],
      docUrl: answer === 'files' ? `${RUNNING}#node-shell-session` : `${QUICK}#interacting-with-nodes-and-cluster`,
    });
  },
};

/** Restarted in the same pod, or replaced by a new pod: where did the old output go? */
const replacedPod: SingleTemplate = {
  id: 'kubectl-debug/replaced-pod',
  answers: ['previous', 'gone', 'new-pod'],
  make(rng, answer): SingleDraft {
    const s = scene(rng);
    const c = s.pod.app;
    const old = s.pod.name;
    const fresh = `${s.pod.app}-${old.split('-')[1]}-${rng.pick(['q7x2k', 'm4t8z', 'r9b5w'])}`;
    const rows = answer === 'previous' ? [[old, 'Running', '1']] : [[fresh, 'Running', '0']];
    const text = {
      previous: `${code(c)} crashed once and the kubelet restarted it in the same pod. You want the crashed run's output.`,
      gone: `Pod ${old} was deleted an hour ago after a node failure; its Deployment made ${fresh}. You want what ${old} printed before it died.`,
      'new-pod': `Pod ${old} was deleted an hour ago; its Deployment made ${fresh}. You want what the new pod has printed since it started.`,
    }[answer]!;
    const options = [
      { label: `kubectl logs ${answer === 'previous' ? old : fresh} -c ${c} --previous`, correct: answer === 'previous', why: answer === 'new-pod' ? 'The new pod never restarted: there is no previous instance.' : 'The new pod is a different pod, and it has never restarted.' },
      { label: `kubectl logs ${old} -c ${c}`, correct: false, why: answer === 'previous' ? 'That is the new instance, started after the crash.' : `${old} no longer exists: NotFound.` },
      { label: 'None: its logs went with the pod; look in your log backend', correct: answer === 'gone', why: answer === 'previous' ? 'The pod still exists, and it keeps the previous instance\'s log.' : 'The new pod\'s logs are there.' },
      { label: `kubectl logs ${fresh} -c ${c}`, correct: answer === 'new-pod', why: answer === 'gone' ? `That is the new pod's output, not ${old}'s.` : 'No such pod.' },
    ].filter((o, i) => !(answer === 'previous' && i === 3));
    if (answer === 'previous') options.push({ label: `kubectl events --for pod/${old}`, correct: false, why: 'Events say that it crashed, not what it printed.' });
    return {
      template: this.id, prompt: `${text} Which command?`,
      table: { columns: ['NAME', 'STATUS', 'RESTARTS'], rows },
      options,
      answerKey: { previous: 'kubectl logs <pod> -c <container> --previous', gone: 'None: the log backend', 'new-pod': 'kubectl logs <new-pod> -c <container>' }[answer]!,
      rules: answer === 'previous' ? ['debugging/logs-previous'] : ['debugging/logs-gone-with-pod'],
      because: [{ text: {
        previous: 'The pod is the same: the kubelet keeps the previous instance\'s log, and --previous prints it.',
        gone: 'Logs live with the pod on its node; once the pod is deleted only a log backend has them.',
        'new-pod': 'The new pod has its own name and its own log: kubectl logs with that name.',
      }[answer]! }],
      docUrl: answer === 'previous' ? `${RUNNING}#examine-pod-logs` : 'https://kubernetes.io/docs/concepts/cluster-administration/logging/#how-nodes-handle-container-logs',
    };
  },
};

/** A rollout in progress: wait for it to finish, watch its pods come and go, or ask why a new one is stuck. */
const rolloutWatch: SingleTemplate = {
  id: 'kubectl-debug/rollout-watch',
  answers: ['status', 'pods', 'why-new-fails'],
  make(rng, answer) {
    const s = scene(rng);
    const d = s.pod.app;
    const text = {
      status: `A CI job must wait until the new version of Deployment ${d} is fully rolled out, and fail if the rollout stalls.`,
      pods: `During the rollout of Deployment ${d}, whose pods carry the label app=${d}, you want to see its old pods go and its new pods come, as it happens.`,
      'why-new-fails': `The rollout of ${d} is stuck: new pod ${s.pod.name} is ${readyColumn(s, s.pod.containers.length)} Pending. You want to know why.`,
    }[answer]!;
    const need = { status: { n: 'rollout-done' } as const, pods: { n: 'replicas-live' } as const, 'why-new-fails': { n: 'why-pending' } as const }[answer]!;
    const right: Cmd = { status: { k: 'rollout-status' } as Cmd, pods: { k: 'get-pods-watch' } as Cmd, 'why-new-fails': { k: 'describe' } as Cmd }[answer]!;
    const wrong: Cmd[] = {
      status: [{ k: 'wait-available' }, { k: 'get-pods-watch' }, { k: 'events', watch: true }] as Cmd[],
      pods: [{ k: 'rollout-status' }, { k: 'get-watch' }, { k: 'logs-selector', c: d }] as Cmd[],
      'why-new-fails': [{ k: 'rollout-status' }, { k: 'get-pods-watch' }, { k: 'logs', c: d }] as Cmd[],
    }[answer]!;
    if (answer === 'why-new-fails') s.state.notStarted = [d];
    return caseDraft({
      template: this.id, prompt: `${text} Which command?`, scene: s, need, right, wrong,
      because: {
        status: 'rollout status waits until every replica runs the new version and is available, and exits non-zero once the rollout passes its progress deadline.',
        pods: `get pods -l app=${d} -w prints each pod with that label as it is created, changes and goes.`,
        'why-new-fails': 'A Pending pod has no logs; describe shows the scheduler\'s reason in its events.',
      }[answer]!,
      rules: answer === 'why-new-fails' ? ['debugging/describe-events'] : answer === 'status' ? ['debugging/rollout-status'] : ['debugging/get-output'],
      docUrl: {
        status: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#failed-deployment',
        pods: `${REF}kubectl_get/#options`,
        'why-new-fails': `${RUNNING}#example-debugging-pending-pods`,
      }[answer]!,
    });
  },
};

export const mediumTemplates: readonly SingleTemplate[] = [defaultTarget, shellOrDebug, crashEvidence, initStuck, selectorDefaults, portForward, nodeTrouble, replacedPod, rolloutWatch];

// Easy kubectl-debug templates: the need is stated plainly and one command, with one flag, answers it.
import type { Cmd } from '../model/debugging.ts';
import { caseDraft, code, podYaml, readyColumn, scene } from './kubectl-debug-pod.ts';
import type { SingleTemplate } from './single-draft.ts';

const RUNNING = 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-running-pod/';
const REF = 'https://kubernetes.io/docs/reference/kubectl/generated/';
const QUICK = 'https://kubernetes.io/docs/reference/kubectl/quick-reference/';

const logsWhen: SingleTemplate = {
  id: 'kubectl-debug/logs-when',
  answers: ['current', 'previous', 'live', 'recent'],
  make(rng, answer) {
    const s = scene(rng);
    const c = rng.pick(s.pod.containers).name;
    const logs = (x: Partial<Extract<Cmd, { k: 'logs' }>> = {}): Cmd => ({ k: 'logs', c, ...x });
    const cases = {
      current: { text: `You want to print everything ${code(c)} has written so far, then get your prompt back.`, need: 'current-logs', right: logs(), wrong: [logs({ follow: true }), logs({ previous: true }), { k: 'describe' }], because: `kubectl logs -c ${c} prints what that container wrote to stdout and stderr.`, rule: 'debugging/logs-container', doc: `${RUNNING}#examine-pod-logs` },
      previous: { text: `${code(c)} crashed a few minutes ago and is running again (RESTARTS 1). You want what it printed just before the crash.`, need: 'previous-logs', right: logs({ previous: true }), wrong: [logs(), logs({ follow: true }), { k: 'events' }], because: '--previous prints the instance that ran before the last restart: the one that crashed.', rule: 'debugging/logs-previous', doc: `${RUNNING}#examine-pod-logs` },
      live: { text: `You are about to replay a failing request and want to watch ${code(c)}'s log lines appear as they are written.`, need: 'live-logs', right: logs({ follow: true }), wrong: [logs(), logs({ previous: true }), { k: 'get-watch' }], because: '-f keeps the stream open and prints each new line as it comes.', rule: 'debugging/logs-follow', doc: `${REF}kubectl_logs/#examples` },
      recent: { text: `${code(c)} has run for weeks; you only want what it printed in the last hour.`, need: 'recent-logs', right: logs({ since: '1h' }), wrong: [logs(), logs({ previous: true }), logs({ follow: true })], because: '--since=1h keeps only the lines written in the last hour.', rule: 'debugging/logs-since', doc: `${REF}kubectl_logs/#examples` },
    } as const;
    const k = cases[answer as keyof typeof cases];
    return caseDraft({ template: this.id, prompt: `${k.text} Which command?`, scene: s, code: podYaml(s), need: { n: k.need, c }, right: k.right, wrong: [...k.wrong], because: k.because, rules: [k.rule], docUrl: k.doc });
  },
};

const logsScope: SingleTemplate = {
  id: 'kubectl-debug/logs-scope',
  answers: ['one', 'all-containers', 'all-replicas'],
  make(rng, answer) {
    const s = scene(rng, { sidecars: 2 });
    const c = rng.pick(s.pod.containers).name;
    const n = rng.int(3, 5);
    const cases = {
      one: { text: `You want the log of the ${code(c)} container only.`, need: { n: 'current-logs', c } as const, right: { k: 'logs', c } as Cmd, wrong: [{ k: 'logs-all' }, { k: 'logs-selector', c }, { k: 'describe' }] as Cmd[], because: `-c ${c} picks that one container of the pod.`, rule: 'debugging/logs-container' as const, doc: `${RUNNING}#examine-pod-logs` },
      'all-containers': { text: 'You want the logs of all three containers of this pod in one go, each line marked with the container it came from.', need: { n: 'all-container-logs' } as const, right: { k: 'logs-all' } as Cmd, wrong: [{ k: 'logs', c }, { k: 'logs-selector', c }, { k: 'logs', c, previous: true }] as Cmd[], because: '--all-containers prints every container of the pod; --prefix names the source of each line.', rule: 'debugging/logs-all-containers' as const, doc: `${REF}kubectl_logs/#examples` },
      'all-replicas': { text: `The Deployment runs ${n} replicas labelled app=${s.pod.app}. You want the latest lines of ${code(c)} from every one of them.`, need: { n: 'all-replica-logs' } as const, right: { k: 'logs-selector', c } as Cmd, wrong: [{ k: 'logs', c }, { k: 'logs-all' }, { k: 'events' }] as Cmd[], because: '-l app=… reaches every pod with that label; --prefix says which pod each line came from.', rule: 'debugging/logs-selector' as const, doc: `${REF}kubectl_logs/#examples` },
    };
    const k = cases[answer as keyof typeof cases];
    return caseDraft({ template: this.id, prompt: `${k.text} Which command?`, scene: s, code: podYaml(s), need: k.need, right: k.right, wrong: k.wrong, because: k.because, rules: [k.rule], docUrl: k.doc });
  },
};

const podFacts: SingleTemplate = {
  id: 'kubectl-debug/pod-facts',
  answers: ['node-and-ip', 'full-object', 'usage', 'events'],
  make(rng, answer) {
    const s = scene(rng);
    const c = s.pod.containers[0]!.name;
    const cases = {
      'node-and-ip': { text: 'You want to know which node the pod landed on and what its IP is.', need: 'node-and-ip', right: { k: 'get-wide' }, wrong: [{ k: 'top' }, { k: 'logs', c }, { k: 'get-watch' }], because: '-o wide adds the IP and NODE columns to the one-line listing.', rule: 'debugging/get-output', doc: `${QUICK}#viewing-and-finding-resources` },
      'full-object': { text: 'A maintainer asks for the complete pod, every field as the API server stores it, defaulted ones included.', need: 'full-object', right: { k: 'get-yaml' }, wrong: [{ k: 'describe' }, { k: 'get-wide' }, { k: 'events' }], because: '-o yaml prints the whole stored object: metadata, the full spec with its defaults, and status.', rule: 'debugging/get-output', doc: `${QUICK}#viewing-and-finding-resources` },
      usage: { text: 'You suspect the pod is close to its memory limit. You want the current CPU and memory use of each container.', need: 'usage', right: { k: 'top' }, wrong: [{ k: 'describe' }, { k: 'get-yaml' }, { k: 'get-wide' }], because: 'kubectl top pod --containers shows live use per container, from metrics-server.', rule: 'debugging/top-usage', doc: `${QUICK}#interacting-with-running-pods` },
      events: { text: 'You want the pod\'s events on their own, oldest first: scheduling, image pulls, starts, kills.', need: 'event-history', right: { k: 'events' }, wrong: [{ k: 'logs', c }, { k: 'get-wide' }, { k: 'top' }], because: 'kubectl events --for pod/… lists that pod\'s events, sorted by time.', rule: 'debugging/events-for', doc: `${REF}kubectl_events/#examples` },
    } as const;
    const k = cases[answer as keyof typeof cases];
    return caseDraft({ template: this.id, prompt: `${k.text} Which command?`, scene: s, code: podYaml(s), need: { n: k.need }, right: k.right, wrong: [...k.wrong], because: k.because, rules: [k.rule], docUrl: k.doc });
  },
};

const getInside: SingleTemplate = {
  id: 'kubectl-debug/get-inside',
  answers: ['shell', 'port', 'copy'],
  make(rng, answer) {
    // The port case brings a sidecar with a port of its own, so the YAML (not the prompt) says which port is the app's.
    const s = scene(rng, { shell: true, ...(answer === 'port' ? { sidecars: 1 } : {}) });
    const c = s.pod.app;
    const port = s.svc.port;
    const sidePort = s.pod.containers.find((x) => x.name !== c && x.port && x.port !== port)?.port;
    // A file this runtime really writes: a JVM heap dump, a V8 heap snapshot, a cProfile dump, or a log file.
    const dump = ({ temurin: '/tmp/heap.hprof', node: '/tmp/heap.heapsnapshot', node22: '/tmp/heap.heapsnapshot', python: '/tmp/profile.prof' } as Record<string, string>)[s.svc.app.base];
    const path = rng.pick([...(dump ? [dump] : []), '/var/log/app/error.log']);
    const cases = {
      shell: { text: `You want an interactive shell inside ${code(c)} to look at the files it loaded.`, need: { n: 'shell', c } as const, right: { k: 'exec-shell', c } as Cmd, wrong: [{ k: 'port-forward', local: port, remote: port }, { k: 'cp', c, path }, { k: 'logs', c, follow: true }] as Cmd[], because: `exec -it runs sh inside ${c}, whose image has one.`, rule: 'debugging/exec-needs-shell' as const, doc: `${RUNNING}#container-exec` },
      port: { text: `${code(c)} serves its admin page on the port its container declares. You want that page in your laptop's browser, on the same port number.`, need: { n: 'port', port } as const, right: { k: 'port-forward', local: port, remote: port } as Cmd, wrong: [...(sidePort ? [{ k: 'port-forward', local: sidePort, remote: sidePort }] : [{ k: 'get-wide' }]), { k: 'exec-shell', c }, { k: 'logs', c, follow: true }] as Cmd[], because: `${c} declares containerPort ${port}; port-forward listens on localhost:${port} and tunnels to the pod's port ${port}.${sidePort ? ` ${sidePort} is the sidecar's port, so it would open the sidecar's page instead.` : ''}`, rule: 'debugging/port-forward' as const, doc: `${REF}kubectl_port-forward/#examples` },
      copy: { text: `${code(c)} wrote ${path}, and you want that file on your laptop.`, need: { n: 'copy-file', c } as const, right: { k: 'cp', c, path } as Cmd, wrong: [{ k: 'exec-shell', c }, { k: 'logs', c }, { k: 'port-forward', local: port, remote: port }] as Cmd[], because: `kubectl cp copies it out, using the tar in ${c}'s image.`, rule: 'debugging/cp-needs-tar' as const, doc: `${REF}kubectl_cp/#examples` },
    };
    const k = cases[answer as keyof typeof cases];
    return caseDraft({ template: this.id, prompt: `${k.text} Which command?`, scene: s, code: podYaml(s), need: k.need, right: k.right, wrong: k.wrong, because: k.because, rules: [k.rule], docUrl: k.doc });
  },
};

/** The STATUS column says what is wrong; the command that explains it follows. */
const whyStuck: SingleTemplate = {
  id: 'kubectl-debug/why-stuck',
  answers: ['describe', 'previous', 'current', 'usage'],
  make(rng, answer) {
    const s = scene(rng);
    const c = s.pod.app;
    const restarts = rng.int(2, 9);
    const cases = {
      describe: rng.chance(0.5)
        ? { row: [readyColumn(s, s.pod.containers.length), 'Pending', '0'], text: 'The pod has been Pending for 20 minutes. You want to know why.', need: { n: 'why-pending' } as const, wrong: [{ k: 'logs', c }, { k: 'logs', c, previous: true }, { k: 'exec-shell', c }] as Cmd[], because: 'describe ends with the pod\'s events, including the scheduler\'s FailedScheduling message.' }
        : { row: [readyColumn(s, 1), 'ImagePullBackOff', '0'], text: `The pod shows ImagePullBackOff. You want the registry's exact error.`, need: { n: 'why-waiting' } as const, wrong: [{ k: 'logs', c }, { k: 'top' }, { k: 'exec-shell', c }] as Cmd[], because: 'describe shows the Waiting reason and the kubelet\'s events, which carry the pull error.' },
      previous: { row: [readyColumn(s, 0), 'Running', String(restarts)], text: `${code(c)} crashed two minutes ago and is running again. You want the output of the crashed run.`, need: { n: 'previous-logs', c } as const, wrong: [{ k: 'logs', c }, { k: 'describe' }, { k: 'top' }] as Cmd[], because: '--previous prints the instance before the last restart, the one that crashed.' },
      current: { row: [readyColumn(s, 0), 'Running', '0'], text: `${code(c)} answers some requests with HTTP 500. You want its error messages.`, need: { n: 'current-logs', c } as const, wrong: [{ k: 'logs', c, previous: true }, { k: 'describe' }, { k: 'top' }] as Cmd[], because: 'The app\'s errors are in what it prints: kubectl logs. It has never restarted, so there is no --previous.' },
      usage: { row: [readyColumn(s, 0), 'Running', '0'], text: `${code(c)} has become slow, and you suspect it is hitting its CPU limit. You want its CPU use right now.`, need: { n: 'usage' } as const, wrong: [{ k: 'describe' }, { k: 'logs', c }, { k: 'get-yaml' }] as Cmd[], because: 'kubectl top shows live CPU use; describe and get show only the limits.' },
    };
    const k = cases[answer as keyof typeof cases];
    if (answer === 'describe') s.state.notStarted = [c];
    const right: Cmd = answer === 'describe' ? { k: 'describe' } : answer === 'previous' ? { k: 'logs', c, previous: true } : answer === 'current' ? { k: 'logs', c } : { k: 'top' };
    const rule = ({ describe: 'debugging/describe-events', previous: 'debugging/logs-previous', current: 'debugging/logs-container', usage: 'debugging/top-usage' } as const)[answer as 'usage'];
    const doc = answer === 'describe' ? `${RUNNING}#using-kubectl-describe-pod-to-fetch-details-about-pods` : answer === 'usage' ? `${QUICK}#interacting-with-running-pods` : `${RUNNING}#examine-pod-logs`;
    return caseDraft({
      template: this.id, prompt: `${k.text} Which command?`, scene: s, code: podYaml(s),
      table: { columns: ['NAME', 'READY', 'STATUS', 'RESTARTS'], rows: [[s.pod.name, ...k.row]] },
      need: k.need, right, wrong: k.wrong, because: k.because, rules: [rule], docUrl: doc,
    });
  },
};

const watch: SingleTemplate = {
  id: 'kubectl-debug/watch',
  answers: ['status', 'events', 'logs'],
  make(rng, answer) {
    const s = scene(rng);
    const c = s.pod.app;
    const cases = {
      status: { text: 'You just applied a fix and want to see the pod\'s STATUS change, line by line, as it starts.', need: 'status-changes', right: { k: 'get-watch' }, wrong: [{ k: 'events', watch: true }, { k: 'logs', c, follow: true }, { k: 'describe' }], because: 'get -w prints a new line each time the pod changes.', rule: 'debugging/get-output', doc: `${QUICK}#viewing-and-finding-resources` },
      events: { text: 'You want to see the pod\'s events (pulls, starts, probe failures) as they arrive.', need: 'events-live', right: { k: 'events', watch: true }, wrong: [{ k: 'get-watch' }, { k: 'logs', c, follow: true }, { k: 'describe' }], because: 'kubectl events --for … --watch lists the events, then keeps printing new ones.', rule: 'debugging/events-for', doc: `${REF}kubectl_events/#examples` },
      logs: { text: `You want ${code(c)}'s log lines as it writes them.`, need: 'live-logs', right: { k: 'logs', c, follow: true }, wrong: [{ k: 'get-watch' }, { k: 'events', watch: true }, { k: 'logs', c }], because: '-f keeps the log stream open.', rule: 'debugging/logs-follow', doc: `${REF}kubectl_logs/#examples` },
    } as const;
    const k = cases[answer as keyof typeof cases];
    const need = k.need === 'live-logs' ? { n: k.need, c } : { n: k.need };
    return caseDraft({ template: this.id, prompt: `${k.text} Which command?`, scene: s, code: podYaml(s), need, right: k.right, wrong: [...k.wrong], because: k.because, rules: [k.rule], docUrl: k.doc });
  },
};

/** Which namespace, which cluster, which flag: the prompt says where the pod is. */
const whereIsIt: SingleTemplate = {
  id: 'kubectl-debug/where-is-it',
  answers: ['namespace', 'context', 'all-namespaces'],
  make(rng, answer) {
    const s = scene(rng);
    const c = s.pod.app;
    const ns = rng.pick(['payments', 'shop', 'platform']);
    const ctx = rng.pick(['prod-eu', 'prod-us', 'staging']);
    const cases = {
      namespace: { text: `The pod runs in namespace ${ns}; your context's default namespace is default. You want ${code(c)}'s log.`, need: { n: 'logs-elsewhere', c, ns } as const, right: { k: 'logs-namespace', c, ns } as Cmd, wrong: [{ k: 'logs', c }, { k: 'logs-context', c, ctx: ns }, { k: 'get-pods-all' }] as Cmd[], because: `-n ${ns} runs the command in that namespace.`, rule: 'debugging/logs-container' as const },
      context: { text: `The pod runs in the cluster of your kubeconfig context ${ctx}, not in the current one. You want ${code(c)}'s log.`, need: { n: 'logs-elsewhere', c, ctx } as const, right: { k: 'logs-context', c, ctx } as Cmd, wrong: [{ k: 'logs', c }, { k: 'logs-namespace', c, ns: ctx }, { k: 'get-pods-all' }] as Cmd[], because: `--context=${ctx} sends this one command to that cluster.`, rule: 'debugging/logs-container' as const },
      'all-namespaces': { text: 'You do not know which namespace the pod is in. You want to list the pods of every namespace.', need: { n: 'all-namespaces' } as const, right: { k: 'get-pods-all' } as Cmd, wrong: [{ k: 'get-wide' }, { k: 'logs', c }, { k: 'events' }] as Cmd[], because: '-A lists across all namespaces.', rule: 'debugging/get-output' as const },
    };
    const k = cases[answer as keyof typeof cases];
    return caseDraft({ template: this.id, prompt: `${k.text} Which command?`, scene: s, code: podYaml(s), need: k.need, right: k.right, wrong: k.wrong, because: k.because, rules: [k.rule], docUrl: `${QUICK}#kubectl-context-and-configuration` });
  },
};

const events: SingleTemplate = {
  id: 'kubectl-debug/events',
  answers: ['describe', 'deleted', 'warnings'],
  make(rng, answer) {
    const s = scene(rng);
    const minutes = rng.int(5, 40);
    const cases = {
      describe: { text: 'You want the pod\'s container states and its recent events on one page.', need: 'state-and-events', right: { k: 'describe' }, wrong: [{ k: 'events' }, { k: 'get-wide' }, { k: 'top' }], because: 'describe shows each container\'s state and the pod\'s recent events together.', rule: 'debugging/describe-events', deleted: false },
      deleted: { text: `The pod was deleted and replaced ${minutes} minutes ago. You want to see what happened to it before it went. The cluster keeps the default event TTL (kube-apiserver --event-ttl=1h).`, need: 'event-history', right: { k: 'events' }, wrong: [{ k: 'describe' }, { k: 'get-yaml' }, { k: 'logs', c: s.pod.app, previous: true }], because: 'Events are separate objects and outlive the pod for the event TTL (one hour here); kubectl events --for finds them by its name.', rule: 'debugging/events-for', deleted: true },
      warnings: { text: 'The pod has dozens of Normal events; you only want its Warning events.', need: 'warnings-only', right: { k: 'events', warnings: true }, wrong: [{ k: 'events' }, { k: 'describe' }, { k: 'get-watch' }], because: '--types=Warning leaves out the Normal events.', rule: 'debugging/events-for', deleted: false },
    } as const;
    const k = cases[answer as keyof typeof cases];
    if (k.deleted) s.state.deleted = true;
    return caseDraft({ template: this.id, prompt: `${k.text} Which command?`, scene: s, need: { n: k.need }, right: k.right, wrong: [...k.wrong], because: k.because, rules: [k.rule], docUrl: k.rule === 'debugging/describe-events' ? `${RUNNING}#using-kubectl-describe-pod-to-fetch-details-about-pods` : `${REF}kubectl_events/#examples` });
  },
};

export const easyTemplates: readonly SingleTemplate[] = [logsWhen, logsScope, podFacts, getInside, whyStuck, watch, whereIsIt, events];

// Hard kubectl-debug templates: two rules decide together (what exit code 137 means and where each cause shows; the
// pod's process namespace and the debug flags; the pod's network namespace and the tools in an image; an error
// message and the flag it calls for; how long events live; which replicas crashed and the selector's defaults; what
// attach and a pod copy really do).
import { render, type Cmd } from '../model/debugging.ts';
import { caseDraft, code, podYaml, readyColumn, scene } from './kubectl-debug-pod.ts';
import type { RuleId } from '../model/rules/index.ts';
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
        liveness: '137 is 128 + 9, a SIGKILL, and the reason is not OOMKilled, so it came from outside. A kubelet that kills a container (after failed liveness probes, say) sends SIGTERM first and SIGKILL only when the grace period runs out; describe lists the events that say who killed it and why (Unhealthy, Killing).',
        'app-error': 'Exit code 1 is the app giving up on its own: its last words are in the previous instance\'s log.',
      }[answer]!,
      rules: ['debugging/exit-137', answer === 'oom' ? 'debugging/top-usage' : answer === 'liveness' ? 'debugging/describe-events' : 'debugging/logs-previous'],
      docUrl: answer === 'app-error' ? `${RUNNING}#examine-pod-logs`
        : answer === 'oom' ? 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#my-container-is-terminated'
        : 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination',
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

/**
 * Send the probe's request from inside the pod's network namespace with whatever tools are at hand, or bring a
 * sidecar's port to the laptop: that port is the pod's (one network namespace, so port-forward names no container),
 * the Service does not carry it, and the laptop's own copy of that port is taken.
 */
const probeFromInside: SingleTemplate = {
  id: 'kubectl-debug/probe-from-inside',
  answers: ['exec-wget', 'debug-curl', 'port-forward'],
  make(rng, answer) {
    const laptop = answer === 'port-forward';
    const s = answer === 'exec-wget' ? scene(rng, { tool: 'wget' }) : answer === 'debug-curl' ? scene(rng, { shell: false }) : scene(rng, { sidecars: 1 });
    const c = s.pod.app;
    const port = s.svc.port;
    const url = `localhost:${port}${s.svc.app.ready}`;
    const side = s.pod.containers[1];
    const sidePort = side?.port ?? port;
    // A free local port that does not spell the sidecar's own (no 10000 + port): the YAML has to be read for that.
    const local = rng.pick([18000, 18888, 19000, 28080]);
    const page = laptop ? SIDE_PAGES[side!.name]! : '';
    const need = laptop ? { n: 'port', port: sidePort, local, svcPorts: [80] } as const : { n: 'probe-inside', c } as const;
    const right: Cmd = { 'exec-wget': { k: 'exec-cmd', c, cmd: `wget -qO- ${url}` } as Cmd, 'debug-curl': { k: 'debug-image', image: 'curlimages/curl:8.9.1' } as Cmd, 'port-forward': { k: 'port-forward', local, remote: sidePort } as Cmd }[answer]!;
    const wrong: Cmd[] = {
      'exec-wget': [{ k: 'exec-cmd', c, cmd: `curl -s ${url}` }, { k: 'port-forward', local: port, remote: port }, { k: 'logs', c }] as Cmd[],
      'debug-curl': [{ k: 'exec-cmd', c, cmd: `wget -qO- ${url}` }, { k: 'exec-shell', c }, { k: 'logs', c }] as Cmd[],
      'port-forward': [{ k: 'port-forward', local: sidePort, remote: sidePort }, { k: 'port-forward', local, remote: sidePort, svc: c }, { k: 'port-forward', local, remote: port }] as Cmd[],
    }[answer]!;
    const base = s.svc.base;
    return caseDraft({
      template: this.id,
      prompt: laptop
        ? `The Service ${code(c)} maps port 80 to the pods' port ${port}. You want ${code(side!.name)}'s ${page} in your laptop's browser, from this pod; your laptop already uses that port number for something else, and localhost:${local} is free. Which command?`
        : `${code(c)}'s readiness probe fails on ${url}. You want to send that same request from inside the pod. The image is built FROM ${base}. Which command?`,
      scene: s, code: podYaml(s), need, right, wrong,
      because: {
        'exec-wget': `${base} ships busybox wget but no curl; exec runs it inside ${c}, where localhost is the pod's.`,
        'debug-curl': `${base} has no shell and no tools; an ephemeral curl container shares the pod's network namespace, so localhost:${port} is ${c}.`,
        'port-forward': `${side?.name} listens on ${sidePort}, and every container's port is a port of the pod (one network namespace), so port-forward to the pod reaches it. The Service carries only its port 80, so svc/ cannot; your laptop's ${sidePort} is taken, so the local end, the first number, is ${local}.`,
      }[answer]!,
      rules: laptop ? ['debugging/port-forward', 'sharing/network-namespace'] : ['debugging/ephemeral-network', 'debugging/exec-needs-shell'],
      docUrl: answer === 'port-forward' ? `${REF}kubectl_port-forward/#examples` : answer === 'debug-curl' ? `${RUNNING}#ephemeral-container` : `${RUNNING}#container-exec`,
    });
  },
};

/** What each sidecar serves on its listed port. */
const SIDE_PAGES: Record<string, string> = {
  envoy: 'admin page (/stats)', 'linkerd-proxy': 'admin metrics (/metrics)', 'fluent-bit': 'monitoring page (/api/v1/metrics)', vector: 'API health page (/health)',
};

/** The error message and the pod together say what to run instead: two rules meet in each case. */
const readTheError: SingleTemplate = {
  id: 'kubectl-debug/read-the-error',
  answers: ['elsewhere', 'no-shell', 'not-started'],
  make(rng, answer) {
    const s = scene(rng, answer === 'no-shell' ? { shell: false, sidecars: 1 } : { sidecars: 1 });
    const c = s.pod.app;
    const p = s.pod.name;
    const ns = rng.pick(['payments', 'shop', 'platform']);
    const ctx = rng.pick(['prod-eu', 'prod-us', 'prod-ap']);
    const error = {
      elsewhere: `Error from server (NotFound): pods "${p}" not found`,
      'no-shell': 'OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in $PATH: unknown',
      'not-started': `Error from server (BadRequest): container "${c}" in pod "${p}" is waiting to start: image can't be pulled`,
    }[answer]!;
    const tried = answer === 'no-shell' ? `kubectl exec -it ${p} -c ${c} -- sh` : `kubectl logs ${p} -c ${c}`;
    if (answer === 'not-started') s.state.notStarted = [c];
    const need = { elsewhere: { n: 'logs-elsewhere', c, ns, ctx } as const, 'no-shell': { n: 'shell', c } as const, 'not-started': { n: 'why-waiting' } as const }[answer]!;
    const right: Cmd = { elsewhere: { k: 'logs-context', c, ctx, ns } as Cmd, 'no-shell': { k: 'debug-target', c } as Cmd, 'not-started': { k: 'describe' } as Cmd }[answer]!;
    const wrong: Cmd[] = {
      elsewhere: [{ k: 'logs-namespace', c, ns }, { k: 'logs-context', c, ctx }, { k: 'logs-context', c, ctx: ns, ns: ctx }] as Cmd[],
      'no-shell': [{ k: 'exec-cmd', c, cmd: '/bin/bash' }, { k: 'debug-copy-shell', c }, { k: 'attach', c }] as Cmd[],
      'not-started': [{ k: 'logs', c, previous: true }, { k: 'logs-namespace', c, ns }, { k: 'exec-shell', c }] as Cmd[],
    }[answer]!;
    const where = answer === 'elsewhere'
      ? `Your current context is staging; ${p} runs in namespace ${ns} of the cluster behind your context ${ctx}, and both contexts use the namespace default. `
      : '';
    return caseDraft({
      template: this.id,
      prompt: `${where}You ran ${code(tried)} and got: ${code(error)}. What do you run instead?`,
      scene: s, ...(answer === 'elsewhere' ? {} : { code: podYaml(s) }), need, right, wrong,
      because: {
        elsewhere: `NotFound: kubectl asked the current cluster, in its namespace. --context=${ctx} picks the other cluster and -n ${ns} the namespace in it; either alone still misses.`,
        'no-shell': `The image is distroless: exec can only run what the image has. kubectl debug adds a busybox container, and --target=${c} puts it in ${c}'s process namespace.`,
        'not-started': 'The container never started, so it has no logs at all; describe shows why it waits, with the pull error.',
      }[answer]!,
      rules: { elsewhere: ['debugging/logs-elsewhere', 'tools/per-command-context'], 'no-shell': ['debugging/exec-needs-shell', 'debugging/ephemeral-target'], 'not-started': ['debugging/no-logs-before-start', 'debugging/describe-events'] }[answer]! as RuleId[],
      docUrl: {
        elsewhere: 'https://kubernetes.io/docs/reference/kubectl/quick-reference/#kubectl-context-and-configuration',
        'no-shell': `${RUNNING}#ephemeral-container`,
        'not-started': `${RUNNING}#using-kubectl-describe-pod-to-fetch-details-about-pods`,
      }[answer]!,
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
    const hours = rng.int(2, 5);
    const when = { describe: `is still running; its container last restarted ${hours} hours ago`, events: `was deleted ${rng.int(10, 40)} minutes ago`, gone: `was deleted ${rng.int(3, 8)} hours ago` }[answer]!;
    const options = [
      { label: `kubectl describe pod ${p}`, correct: answer === 'describe', why: 'The pod is gone: NotFound.' },
      { label: `kubectl events --for pod/${p}`, correct: answer === 'events', why: answer === 'describe' ? `The events of a restart ${hours} hours ago are gone (kept one hour), and events never show the containers' states.` : 'Events are kept for one hour by default: these are gone.' },
      { label: 'None: only your monitoring or log backend still has it', correct: answer === 'gone', why: answer === 'describe' ? 'The pod still exists, and its status keeps each container\'s last termination.' : 'Its events are still within the hour they are kept.' },
      { label: `kubectl get pod ${p} -o yaml`, correct: false, why: answer === 'describe' ? 'It has the status but not the events.' : 'The pod is gone: NotFound.' },
    ];
    return {
      template: this.id,
      prompt: `Pod ${p} ${when}. You want its recent events and what happened to its containers. The cluster runs with the default event TTL (kube-apiserver --event-ttl=1h). Which command still answers?`,
      options,
      answerKey: { describe: 'kubectl describe pod <pod>', events: 'kubectl events --for pod/<pod>', gone: 'None: the monitoring or log backend' }[answer]!,
      rules: ['debugging/events-ttl', answer === 'describe' ? 'debugging/describe-events' : 'debugging/events-for'],
      because: [{ text: {
        describe: 'The pod exists: describe shows each container\'s last termination, kept in its status, and whatever events the last hour left.',
        events: 'The pod is gone but its events outlive it, for an hour by default: kubectl events --for finds them.',
        gone: 'Events are kept for one hour by default, so hours later neither the pod nor its events remain in the cluster.',
      }[answer]! }],
      docUrl: answer === 'describe' ? `${RUNNING}#using-kubectl-describe-pod-to-fetch-details-about-pods` : 'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/#options',
    };
  },
};

/**
 * Which replicas crashed (the table) and which instance you want (the prompt) meet the selector's defaults: with -l,
 * kubectl prints 10 lines a pod unless --tail=-1, and --previous asks every selected pod for an instance from before
 * a restart, which a replica that never restarted does not have.
 */
const crashedReplicas: SingleTemplate = {
  id: 'kubectl-debug/crashed-replicas',
  answers: ['all-previous', 'one-previous', 'all-current'],
  make(rng, answer): SingleDraft {
    const s = scene(rng);
    const c = s.pod.app;
    const n = rng.int(3, 4);
    const hash = s.pod.name.split('-').slice(-2, -1)[0]!;
    const tail = (): string => Array.from({ length: 5 }, () => rng.pick([...'bcdfghjklmnpqrstvwxz2456789'])).join('');
    // kubectl get pods lists by name, as here.
    const names = [s.pod.name, ...Array.from({ length: n - 1 }, () => `${c}-${hash}-${tail()}`)].sort();
    const crashed = rng.int(0, n - 1);
    const onlyOne = answer === 'one-previous';
    const hours = rng.int(3, 9);
    const age = `${rng.int(2, 6)}d`;
    const ready = readyColumn(s, 0);
    const rows = names.map((name, i) => [name, ready, 'Running', onlyOne && i !== crashed ? '0' : `1 (${hours + (i % 2)}h ago)`, age]);
    const pod = names[crashed]!;
    const want = answer === 'all-current' ? 'everything it has printed since it came back' : 'everything it printed before it crashed';
    const lines = {
      allPrevTail: render(s.pod, { k: 'logs-selector', c, previous: true, tail: 'all' }),
      allPrev: render(s.pod, { k: 'logs-selector', c, previous: true }),
      allTail: render(s.pod, { k: 'logs-selector', c, tail: 'all' }),
      onePrev: render({ ...s.pod, name: pod }, { k: 'logs', c, previous: true }),
    };
    const right = { 'all-previous': lines.allPrevTail, 'one-previous': lines.onePrev, 'all-current': lines.allTail }[answer]!;
    const tenLines = 'With -l, kubectl prints only the last 10 lines of each pod unless --tail=-1.';
    const neverRestarted = 'The replicas that never restarted have no previous instance: kubectl stops with an error at the first of them.';
    const why: Record<string, string> = {
      [lines.allPrevTail]: answer === 'one-previous' ? neverRestarted : '--previous reads the instance from before the restart, not the one running now.',
      [lines.allPrev]: answer === 'one-previous' ? neverRestarted : tenLines,
      [lines.allTail]: 'Without --previous, that is the instance started after the restart.',
      [lines.onePrev]: answer === 'all-current' ? 'That is one replica, and its instance from before the restart.' : 'Every replica restarted: that reaches one of them only.',
    };
    return {
      template: this.id,
      prompt: `Last night ${code(c)} crashed and was restarted in one or more replicas of Deployment ${s.pod.app} (its pods carry the label app=${s.pod.app}). You want ${want}, in each replica where it crashed. Which command?`,
      table: { columns: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'], rows },
      options: Object.values(lines).map((label) => ({ label, correct: label === right, why: label === right ? '' : why[label]! })),
      answerKey: { 'all-previous': 'kubectl logs -l <label> -c <container> --previous --prefix --tail=-1', 'one-previous': 'kubectl logs <pod> -c <container> --previous', 'all-current': 'kubectl logs -l <label> -c <container> --prefix --tail=-1' }[answer]!,
      rules: ['debugging/logs-selector', 'debugging/logs-previous'],
      because: [{ text: {
        'all-previous': 'Every replica restarted, so -l reaches them all and --previous reads each one\'s crashed instance; with a selector only --tail=-1 prints it whole, not its last 10 lines.',
        'one-previous': `Only ${pod} restarted. --previous on that one pod prints its crashed instance whole; through -l the other replicas, which have no previous instance, make kubectl fail.`,
        'all-current': 'You want the instances running now, so no --previous; with a selector only --tail=-1 prints each one whole, not its last 10 lines.',
      }[answer]!, evidence: { cells: rows.flatMap((_, row) => [{ row, column: 3 }]) } }],
      docUrl: `${REF}kubectl_logs/#options`,
    };
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

export const hardTemplates: readonly SingleTemplate[] = [oomOrLiveness, processNamespaces, probeFromInside, readTheError, eventsTtl, crashedReplicas, attachOrExec, podCopy];

// probe-choice, medium: one rule the player must find, or defaults to apply.
import { actsDuringFailure, firstToAct } from '../model/probe-windows.ts';
import { withProbeDefaults, type ContainerProbes, type ProbeKind, type ProbeSpec } from '../model/probes.ts';
import { appName, httpHandler, withEndpoints, type ProbeApp } from './probe-apps.ts';
import { docs, pickFrom, unexpected, type ChoiceTemplate } from './probe-choice-kit.ts';
import { appContainer, defaultsNoteFor, failuresText, leaveOut, plural } from './probe-choice-scenes.ts';
import { line, podYaml } from './probe-yaml.ts';

/** A name at the start of a sentence: 'The orders-api service', 'Keycloak', 'The etcd container'. */
const cap = (s: string): string => (/^[a-z]/.test(s) && !s.startsWith('the ') ? `The ${s} container` : s.charAt(0).toUpperCase() + s.slice(1));

const symptom: ChoiceTemplate = {
  id: 'probe-choice/symptom',
  options: ['startupProbe', 'livenessProbe', 'readinessProbe', 'no-probe-exit'],
  answers: ['startupProbe', 'livenessProbe', 'readinessProbe', 'no-probe-exit'],
  build(rng, answer) {
    const app = rng.pick(answer === 'startupProbe' ? withEndpoints('live').filter((a) => a.slowBoot) : withEndpoints('live', 'ready'));
    const name = appName(app);
    const n = 10 * rng.int(2, 9);
    const texts: Record<string, { text: string; why: string }[]> = {
      livenessProbe: [
        { text: `Every few days ${name} deadlocks: the process stays up and its port stays open, but no request completes until the container is restarted.`, why: 'The process never exits and only a restart clears it: a livenessProbe has the kubelet restart it.' },
        { text: `The worker pool of ${name} sometimes gets stuck on a lock that is never released; the container keeps running but serves nothing until it is restarted.`, why: 'The container keeps running, stuck, and only a restart helps: that is a livenessProbe’s job.' },
      ],
      readinessProbe: [
        { text: `Under traffic bursts the request queue of ${name} fills up for ${n} to ${2 * n} seconds. It should get no new requests until the queue drains, without losing the work already queued.`, why: 'The replica is busy but healthy and recovers by itself: a readinessProbe keeps traffic away meanwhile and restarts nothing.' },
        { text: `When ${app.dependency} is unreachable, ${name} can only answer errors; it recovers by itself as soon as it is back. Meanwhile it should get no traffic.`, why: `A restart cannot bring ${app.dependency} back: a readinessProbe keeps traffic away until it returns, and restarts nothing.` },
      ],
      startupProbe: [
        { text: `${cap(name)} needs ${rng.int(2, 4)} to ${rng.int(5, 8)} minutes to boot on a cold node. Its livenessProbe (periodSeconds 10, failureThreshold 3) kills it before it finishes, yet you want that quick hang detection once it is up.`, why: 'A startupProbe gives the boot its own budget and holds liveness back until it passes; after that, liveness keeps its fast settings.' },
      ],
      'no-probe-exit': [
        { text: `When it loses its connection to ${app.dependency}, ${name} logs an error and exits with code 1. You want it running again each time; the pod uses the default restartPolicy.`, why: 'The process exits on its own, and the restart policy (Always by default) already restarts it: no probe is needed for that.' },
        { text: `Now and then ${name} runs out of memory and is OOM-killed. You want it running again each time; the pod uses the default restartPolicy.`, why: 'An OOM kill ends the process, and the restart policy (Always by default) already restarts it: no probe is needed for that.' },
      ],
    };
    const t = pickFrom(rng, texts[answer] ?? [], answer);
    return {
      prompt: `${t.text} What should you add to handle it?`,
      yaml: null,
      lines: [{ text: t.why }],
      whyNot: {
        readinessProbe: answer === 'livenessProbe' ? 'A readinessProbe would only hide the stuck replica; it never restarts it.' : 'A readinessProbe never stops the liveness checks, and restarts nothing.',
        livenessProbe: answer === 'startupProbe' ? 'Stretching liveness to cover the boot would also delay hang detection later.' : answer === 'readinessProbe' ? 'A restart would throw the replica’s work away and fix nothing.' : 'A livenessProbe is for a process that stays up but stops working.',
        startupProbe: 'A startupProbe only runs until the app has started; this happens later.',
        'no-probe-exit': 'The process does not exit, so the restart policy never sees anything wrong.',
      },
      rules: [answer === 'startupProbe' ? 'probes/startup-gates' : answer === 'livenessProbe' ? 'probes/liveness-restarts'
        : answer === 'readinessProbe' ? 'probes/readiness-endpoints' : 'probes/exits-need-no-probe'],
      docUrl: answer === 'startupProbe' ? docs.whenStartup : answer === 'livenessProbe' ? docs.whenLiveness
        : answer === 'readinessProbe' ? docs.whenReadiness : docs.whenLiveness,
    };
  },
};

/** An app with one health path that both probes may call, as the probes task's common pattern does. */
const oneEndpointApps = (): ProbeApp[] => withEndpoints('live').filter((a) => a.name === 'grafana' || /^an in-house (Go|Node|Python)/.test(a.what));

const firstToActTemplate: ChoiceTemplate = {
  id: 'probe-choice/first-to-act',
  options: ['out-then-restart', 'restart-first', 'leaves-endpoints', 'restart-keeps-traffic'],
  answers: ['out-then-restart', 'restart-first', 'leaves-endpoints'],
  build(rng, answer) {
    const app = rng.pick(oneEndpointApps());
    const handler = httpHandler(app.live!);
    for (;;) {
      const ready: ProbeSpec = { handler, periodSeconds: rng.pick([5, 10]), failureThreshold: rng.int(1, 3) };
      const live: ProbeSpec = { handler, periodSeconds: rng.pick([5, 10, 20]), failureThreshold: rng.int(1, 6) };
      const order = firstToAct(ready, live);
      const fits = answer === 'leaves-endpoints' || (answer === 'out-then-restart' ? order === 'a' : order === 'b');
      if (!fits) continue;
      const shownReady = leaveOut(rng, ready, ['periodSeconds', 'failureThreshold']);
      const shownLive = leaveOut(rng, live, ['periodSeconds', 'failureThreshold']);
      const probes: ContainerProbes = answer === 'leaves-endpoints' ? { readinessProbe: shownReady } : { livenessProbe: shownLive, readinessProbe: shownReady };
      const r = withProbeDefaults(ready);
      const l = withProbeDefaults(live);
      const notes = defaultsNoteFor(answer === 'leaves-endpoints' ? [['readiness', shownReady]] : [['readiness', shownReady], ['liveness', shownLive]], ['periodSeconds', 'failureThreshold']);
      const text = answer === 'leaves-endpoints'
        ? `Only a readinessProbe calls it: after ${failuresText(r.failureThreshold)} in a row the pod leaves the endpoints, and with no livenessProbe nothing restarts.`
        : answer === 'out-then-restart'
          ? `Readiness acts within ${r.failureThreshold} × ${r.periodSeconds} = ${r.failureThreshold * r.periodSeconds} s; liveness needs ${l.failureThreshold} failures ${l.periodSeconds} s apart, at least ${(l.failureThreshold - 1) * l.periodSeconds} s: the pod leaves the endpoints first.`
          : `Liveness acts within ${l.failureThreshold} × ${l.periodSeconds} = ${l.failureThreshold * l.periodSeconds} s, before readiness can (at least ${(r.failureThreshold - 1) * r.periodSeconds} s): the container restarts first.`;
      return {
        prompt: `From now on, ${app.live!.path} on port ${app.live!.port} of ${appName(app)} answers 500 to every check. What happens first?`,
        yaml: podYaml({ containers: [appContainer(app, probes)] }),
        lines: [{ text, tags: ['livenessProbe', 'readinessProbe'] }, ...(notes ? [{ text: notes }] : [])],
        whyNot: {
          'restart-keeps-traffic': 'A container that is restarting is not ready, so the pod leaves the endpoints anyway.',
          'out-then-restart': answer === 'leaves-endpoints' ? 'No livenessProbe is defined, so nothing restarts.' : 'Liveness gets there first with these settings.',
        },
        rules: answer === 'leaves-endpoints' ? ['probes/failure-threshold', 'probes/readiness-endpoints'] : ['probes/failure-threshold', 'probes/defaults'],
        docUrl: docs.configure,
      };
    }
  },
};

const afterStartup: ChoiceTemplate = {
  id: 'probe-choice/after-startup',
  options: ['restarts-container', 'leaves-endpoints', 'nothing-startup-done', 'restarts-pod'],
  answers: ['restarts-container', 'leaves-endpoints', 'nothing-startup-done'],
  build(rng, answer) {
    const app = rng.pick(withEndpoints('live', 'ready'));
    const startup: ProbeSpec = { handler: httpHandler(app.started ?? app.live!), failureThreshold: rng.int(12, 30), periodSeconds: 10 };
    const live: ProbeSpec = { handler: httpHandler(app.live!) };
    const ready: ProbeSpec = { handler: httpHandler(app.ready!) };
    const probes: ContainerProbes = answer === 'restarts-container' ? (rng.chance(0.5) ? { startupProbe: startup, livenessProbe: live } : { startupProbe: startup, livenessProbe: live, readinessProbe: ready })
      : answer === 'leaves-endpoints' ? { startupProbe: startup, readinessProbe: ready }
        : answer === 'nothing-startup-done' ? { startupProbe: startup } : unexpected(this.id, answer);
    const text = answer === 'restarts-container'
      ? { text: 'The startupProbe stopped after its pass, and the livenessProbe has run since: its timeouts make the kubelet restart the container.', tags: ['livenessProbe'] }
      : answer === 'leaves-endpoints'
        ? { text: 'The startupProbe stopped after its pass and there is no livenessProbe: the readinessProbe’s timeouts take the pod out of the endpoints, and nothing restarts it.', tags: ['readinessProbe'] }
        : { text: 'A startupProbe stops checking after its first pass, and nothing else checks this container: it stays in the endpoints, deadlocked.', tags: ['startupProbe'] };
    return {
      prompt: `${cap(appName(app))} started ${rng.int(2, 9)} hours ago, and its startupProbe passed then. Now it deadlocks: every request, to any path, hangs. What does the kubelet do?`,
      yaml: podYaml({ containers: [appContainer(app, probes)] }),
      lines: [text],
      whyNot: {
        'restarts-pod': 'Probes act on one container; the kubelet never replaces the pod.',
        'nothing-startup-done': 'Another probe in this spec keeps checking after the startupProbe has passed.',
        'restarts-container': 'No livenessProbe is defined, and the startupProbe no longer runs.',
      },
      rules: ['probes/startup-stops', answer === 'restarts-container' ? 'probes/liveness-restarts' : answer === 'leaves-endpoints' ? 'probes/readiness-endpoints' : 'probes/initial-state'],
      docUrl: docs.startup,
    };
  },
};

const failuresDefaults: ChoiceTemplate = {
  id: 'probe-choice/failures-defaults',
  options: ['nothing-yet', 'restarts-container', 'leaves-endpoints', 'restarts-pod'],
  answers: ['nothing-yet', 'restarts-container', 'leaves-endpoints'],
  build(rng, answer) {
    const app = rng.pick(withEndpoints('live', 'ready'));
    const kind: ProbeKind = answer === 'restarts-container' ? 'livenessProbe' : answer === 'leaves-endpoints' ? 'readinessProbe'
      : rng.pick(['livenessProbe', 'readinessProbe'] as const);
    const period = rng.pick([5, 10, 10, 15]);
    const spec: ProbeSpec = { handler: httpHandler(kind === 'livenessProbe' ? app.live! : app.ready!), ...(period === 10 && rng.chance(0.5) ? {} : { periodSeconds: period }) };
    const p = withProbeDefaults(spec);
    const seconds = answer === 'nothing-yet' ? rng.int(p.periodSeconds + 1, 2 * p.periodSeconds) : rng.int(3 * p.periodSeconds + 2, 3 * p.periodSeconds + 9);
    const acts = actsDuringFailure(spec, seconds);
    if (acts !== (answer === 'nothing-yet' ? 'never' : 'surely')) throw new Error('the model disagrees with the drawn answer');
    const path = kind === 'livenessProbe' ? app.live! : app.ready!;
    const head = `With failureThreshold left at 3${spec.periodSeconds === undefined ? ' and periodSeconds at 10' : ''}`;
    const text = answer === 'nothing-yet'
      ? `${head}, ${seconds} s hold at most ${plural(Math.ceil(seconds / p.periodSeconds), 'failed check')}: short of 3 in a row.`
      : `${head}, 3 failures in a row take at most ${3 * p.periodSeconds} s, so after ${seconds} s the ${kind} has acted: ${kind === 'livenessProbe' ? 'the kubelet restarted the container' : 'the pod left the endpoints, and nothing restarted'}.`;
    return {
      prompt: `${cap(appName(app))} had been running fine until ${seconds} seconds ago; since then ${path.path} has failed every check with a 503. What has the kubelet done about it so far?`,
      yaml: podYaml({ containers: [appContainer(app, { [kind]: spec })] }),
      lines: [{ text, tags: [kind] }],
      whyNot: { 'restarts-pod': 'Probes act on one container; the kubelet never replaces the pod.' },
      rules: answer === 'nothing-yet' ? ['probes/failure-threshold', 'probes/defaults']
        : ['probes/failure-threshold', 'probes/defaults', kind === 'livenessProbe' ? 'probes/liveness-restarts' : 'probes/readiness-endpoints'],
      docUrl: docs.configure,
    };
  },
};

const killAndPolicy: ChoiceTemplate = {
  id: 'probe-choice/kill-and-policy',
  options: ['restarts-container', 'killed-stays-stopped', 'leaves-endpoints', 'restarts-pod'],
  answers: ['restarts-container', 'killed-stays-stopped', 'leaves-endpoints'],
  build(rng, answer) {
    const app = rng.pick(withEndpoints('live', 'ready'));
    const policy = answer === 'restarts-container' ? 'Always' : answer === 'killed-stays-stopped' ? 'Never' : rng.pick(['Always', 'Never'] as const);
    const kind: ProbeKind = answer === 'leaves-endpoints' ? 'readinessProbe' : rng.pick(['livenessProbe', 'livenessProbe', 'startupProbe'] as const);
    const endpoint = kind === 'readinessProbe' ? app.ready! : kind === 'startupProbe' ? (app.started ?? app.live!) : app.live!;
    const spec: ProbeSpec = { handler: httpHandler(endpoint), failureThreshold: kind === 'startupProbe' ? rng.int(10, 30) : rng.int(2, 5) };
    const when = kind === 'startupProbe' ? 'During a boot that never finishes, the check below' : 'The check below';
    const text = answer === 'restarts-container'
      ? `A ${kind} failure makes the kubelet kill the container; restartPolicy Always then starts it again.`
      : answer === 'killed-stays-stopped'
        ? `The kubelet kills the container, and restartPolicy Never does not start it again: a probe kill ends the container like any exit.`
        : `A readinessProbe never kills anything, whatever the restartPolicy: the pod leaves the endpoints and the container keeps running.`;
    return {
      prompt: `${when} has just failed failureThreshold times in a row. What happens to the ${app.name} container?`,
      yaml: podYaml({ spec: [line(`restartPolicy: ${policy}`, 'restartPolicy')], containers: [appContainer(app, { [kind]: spec })] }),
      lines: [{ text, tags: [kind, 'restartPolicy'] }],
      whyNot: { 'restarts-pod': 'Probes act on one container; the kubelet never replaces the pod.' },
      rules: answer === 'leaves-endpoints' ? ['probes/readiness-endpoints'] : ['probes/kill-then-restart-policy', kind === 'startupProbe' ? 'probes/startup-budget' : 'probes/liveness-restarts'],
      docUrl: answer === 'leaves-endpoints' ? docs.readiness : docs.results,
    };
  },
};

export const mediumTemplatesA: readonly ChoiceTemplate[] = [symptom, firstToActTemplate, afterStartup, failuresDefaults, killAndPolicy];

// probe-choice, easy: one rule, stated in the prompt or directly visible in the spec.
import { runChecks } from '../model/probe-checks.ts';
import type { ContainerProbes, ProbeKind } from '../model/probes.ts';
import { appName, httpHandler, withEndpoints, type Endpoint } from './probe-apps.ts';
import { docs, pickFrom, unexpected, type ChoiceTemplate } from './probe-choice-kit.ts';
import { easyCheckTemplates } from './probe-choice-easy-checks.ts';
import { appContainer, failuresText, ordinal } from './probe-choice-scenes.ts';
import { line, podYaml } from './probe-yaml.ts';

const wantedEffect: ChoiceTemplate = {
  id: 'probe-choice/wanted-effect',
  options: ['startupProbe', 'livenessProbe', 'readinessProbe', 'no-probe-exit'],
  answers: ['startupProbe', 'livenessProbe', 'readinessProbe', 'no-probe-exit'],
  build(rng, answer) {
    const app = rng.pick(withEndpoints('live', 'ready'));
    const name = appName(app);
    const live = app.live!;
    const ready = app.ready!;
    const ask = 'What do you configure?';
    switch (answer) {
      case 'startupProbe':
        return {
          prompt: `The first boot of ${name} can take up to ${rng.int(2, 6)} minutes. You want the kubelet to hold its liveness checks back until it has started, and to kill it if it has not started by then. ${ask}`,
          yaml: null,
          lines: [{ text: 'A startupProbe holds the liveness and readiness checks back until it passes, and kills the container once its failureThreshold × periodSeconds have run out.' }],
          whyNot: {
            livenessProbe: 'A livenessProbe runs from the start: it would kill the app during a slow boot.',
            readinessProbe: 'A readinessProbe only holds traffic back; it never holds the liveness checks back.',
          },
          rules: ['probes/startup-gates'],
          docUrl: docs.startup,
        };
      case 'livenessProbe':
        return {
          prompt: `You want the kubelet to kill and restart the ${app.name} container whenever ${live.path} on port ${live.port} stops answering. ${ask}`,
          yaml: null,
          lines: [{ text: 'A livenessProbe is the one whose failures make the kubelet kill the container and restart it, per the restart policy.' }],
          whyNot: {
            readinessProbe: 'A readinessProbe only takes the pod out of the endpoints; it never restarts anything.',
            startupProbe: 'A startupProbe stops checking once the app has started.',
          },
          rules: ['probes/liveness-restarts'],
          docUrl: docs.liveness,
        };
      case 'readinessProbe':
        return {
          prompt: `While ${ready.path} on port ${ready.port} answers 503, you want ${name} to get no Service traffic, and you do not want it restarted. ${ask}`,
          yaml: null,
          lines: [{ text: 'A failing readinessProbe takes the pod out of its Services’ endpoints and restarts nothing; it gets traffic again once the check passes.' }],
          whyNot: { livenessProbe: 'A livenessProbe would restart the container, which you do not want.' },
          rules: ['probes/readiness-endpoints'],
          docUrl: docs.readiness,
        };
      case 'no-probe-exit':
        return {
          prompt: `When the process of ${name} exits with an error, you want the container started again. The pod keeps the default restartPolicy, Always. ${ask}`,
          yaml: null,
          lines: [{ text: 'Nothing to add: the kubelet restarts a container that exits, per its restart policy. Probes are for a process that stays up but stops working.' }],
          whyNot: { livenessProbe: 'A livenessProbe is for a process that stays up but stops working; an exit is noticed without one.' },
          rules: ['probes/exits-need-no-probe'],
          docUrl: docs.whenLiveness,
        };
      default:
        return unexpected(this.id, answer);
    }
  },
};

const failingEndpoint: ChoiceTemplate = {
  id: 'probe-choice/failing-endpoint',
  options: ['liveness-fails', 'readiness-fails', 'nothing-unprobed', 'both-fail'],
  answers: ['liveness-fails', 'readiness-fails', 'nothing-unprobed', 'both-fail'],
  build(rng, answer) {
    const app = rng.pick(withEndpoints('live', 'ready'));
    // Probes are wired the usual way (liveness on the live path, readiness on the ready one or on the same light
    // check), never a liveness check crossed onto the readiness path: an unannounced crossed path would teach "the
    // path name is a trap". The name still does not decide: whether a probe calls the path, and which ones, is read
    // off the spec.
    const failingIsLive = answer === 'liveness-fails' || answer === 'both-fail' ? true
      : answer === 'readiness-fails' ? rng.chance(0.3) : rng.chance(0.5);
    const failing = failingIsLive ? app.live! : app.ready!;
    const other = failingIsLive ? app.ready! : app.live!;
    const on = (e: Endpoint) => ({ handler: httpHandler(e) });
    const configs: Record<string, ContainerProbes[]> = {
      'liveness-fails': [{ livenessProbe: on(failing) }, { livenessProbe: on(failing), readinessProbe: on(other) }],
      'readiness-fails': failingIsLive ? [{ readinessProbe: on(failing) }] : [{ readinessProbe: on(failing) }, { livenessProbe: on(other), readinessProbe: on(failing) }],
      'nothing-unprobed': failingIsLive ? [{ readinessProbe: on(other) }] : [{ livenessProbe: on(other) }, { livenessProbe: on(other), readinessProbe: on(other) }],
      'both-fail': [{ livenessProbe: on(failing), readinessProbe: on(failing) }],
    };
    const probes = pickFrom(rng, configs[answer] ?? [], answer);
    const yaml = podYaml({ containers: [appContainer(app, probes)] });
    const p = failing.path;
    // With no readinessProbe a running container counts as ready, so the endpoints line must not name one.
    const readiness = probes.readinessProbe
      ? 'The readinessProbe’s path still answers'
      : 'With no readinessProbe the container counts as ready while it runs';
    const lines = answer === 'liveness-fails'
      ? [{ text: `In this spec ${p} is the livenessProbe’s check: after failureThreshold failures in a row the kubelet kills the container and restarts it. ${readiness}: the pod is out of the endpoints only while the container restarts.`, tags: ['livenessProbe.handler'] }]
      : answer === 'readiness-fails'
        ? [{ text: `In this spec ${p} is the readinessProbe’s check: the pod is marked not ready and leaves the Service endpoints; nothing restarts.`, tags: ['readinessProbe.handler'] }]
        : answer === 'both-fail'
          ? [{ text: `Both probes call ${p}: readiness takes the pod out of the endpoints, and liveness has the kubelet restart the container.`, tags: ['livenessProbe.handler', 'readinessProbe.handler'] }]
          : [{ text: `No probe in this spec calls ${p}, so the kubelet never sees it fail, whatever the path is called.`, tags: ['livenessProbe.handler', 'readinessProbe.handler'] }];
    return {
      prompt: `From now on, every request to ${p} on port ${failing.port} gets a 503, while the rest of ${appName(app)} keeps working. Which of its probes fail, and what follows?`,
      yaml,
      lines,
      whyNot: {
        'liveness-fails': answer === 'readiness-fails' ? 'No livenessProbe calls that path, and a failing readinessProbe restarts nothing.' : answer === 'both-fail' ? 'The readinessProbe calls that path too.' : 'No livenessProbe calls that path.',
        'readiness-fails': answer === 'both-fail' ? 'The livenessProbe calls that path too, and it restarts the container.' : 'No readinessProbe calls that path.',
        'nothing-unprobed': `A probe in this spec does call ${p}.`,
        'both-fail': 'Only one probe in this spec calls that path, if any.',
      },
      rules: answer === 'liveness-fails' ? ['probes/liveness-restarts'] : answer === 'readiness-fails' ? ['probes/readiness-endpoints']
        : answer === 'both-fail' ? ['probes/readiness-endpoints', 'probes/liveness-restarts'] : ['probes/initial-state'],
      docUrl: answer === 'liveness-fails' || answer === 'both-fail' ? docs.liveness : answer === 'readiness-fails' ? docs.readiness : docs.results,
    };
  },
};

const beforeFirstCheck: ChoiceTemplate = {
  id: 'probe-choice/before-first-check',
  options: ['traffic-at-once', 'after-readiness-pass', 'after-startup-pass', 'after-startup-then-readiness'],
  answers: ['traffic-at-once', 'after-readiness-pass', 'after-startup-pass', 'after-startup-then-readiness'],
  build(rng, answer) {
    const app = rng.pick(withEndpoints('live', 'ready'));
    const live = { handler: httpHandler(app.live!), ...(rng.chance(0.5) ? { periodSeconds: rng.pick([5, 10, 15]) } : {}) };
    const ready = { handler: httpHandler(app.ready!) };
    const startup = { handler: httpHandler(app.started ?? app.live!), failureThreshold: rng.int(12, 30), periodSeconds: 10 };
    const cases = {
      'traffic-at-once': {
        probes: { livenessProbe: live },
        lines: [{ text: 'With no readinessProbe the container counts as ready once it runs, so the pod joins the endpoints at once; liveness decides restarts, never traffic.', tags: ['livenessProbe'] }],
        rules: ['probes/initial-state'] as const,
      },
      'after-readiness-pass': {
        probes: rng.chance(0.5) ? { readinessProbe: ready } : { livenessProbe: live, readinessProbe: ready },
        lines: [{ text: 'A readinessProbe counts as failed until its first pass, so the pod stays out of the endpoints until then.', tags: ['readinessProbe'] }],
        rules: ['probes/initial-state'] as const,
      },
      'after-startup-then-readiness': {
        probes: rng.chance(0.5) ? { startupProbe: startup, readinessProbe: ready } : { startupProbe: startup, livenessProbe: { handler: httpHandler(app.live!) }, readinessProbe: ready },
        lines: [{ text: 'Readiness waits for the startupProbe, then counts as failed until its own first pass: the pod gets traffic only after both.', tags: ['startupProbe', 'readinessProbe'] }],
        rules: ['probes/startup-gates', 'probes/initial-state'] as const,
      },
      'after-startup-pass': {
        probes: { startupProbe: startup, livenessProbe: { handler: httpHandler(app.live!) } },
        lines: [{ text: 'Until its startupProbe passes the container has not started, so it is not ready; with no readinessProbe it is ready as soon as that pass comes.', tags: ['startupProbe'] }],
        rules: ['probes/startup-gates'] as const,
      },
    };
    if (!(answer in cases)) return unexpected(this.id, answer);
    const c = cases[answer as keyof typeof cases];
    return {
      prompt: `The ${app.name} container has just started and no probe has checked it yet. Does the pod get traffic from its Service?`,
      yaml: podYaml({ containers: [appContainer(app, c.probes)] }),
      lines: c.lines,
      whyNot: {
        'traffic-at-once': 'A probe in this spec holds traffic back until it passes.',
        'after-startup-pass': (c.probes as ContainerProbes).readinessProbe ? 'The readinessProbe must pass too, after the startupProbe.' : 'There is no startupProbe here.',
        'after-startup-then-readiness': 'This spec does not have both a startupProbe and a readinessProbe.',
      },
      rules: [...c.rules],
      docUrl: answer === 'after-startup-pass' ? docs.startup : docs.results,
    };
  },
};

const failuresInARow: ChoiceTemplate = {
  id: 'probe-choice/failures-in-a-row',
  options: ['nothing-yet', 'restarts-container', 'leaves-endpoints', 'restarts-pod'],
  answers: ['nothing-yet', 'restarts-container', 'leaves-endpoints'],
  build(rng, answer) {
    const app = rng.pick(withEndpoints('live', 'ready'));
    const kind: ProbeKind = answer === 'restarts-container' ? 'livenessProbe' : answer === 'leaves-endpoints' ? 'readinessProbe'
      : rng.pick(['livenessProbe', 'readinessProbe'] as const);
    const threshold = rng.int(2, 6);
    const failures = answer === 'nothing-yet' ? rng.int(1, threshold - 1) : threshold;
    const spec = { handler: httpHandler(kind === 'livenessProbe' ? app.live! : app.ready!), periodSeconds: rng.pick([5, 10, 15]), failureThreshold: threshold };
    const run = runChecks(kind, spec, Array(failures).fill('fail'), 'Success');
    const reached = kind === 'livenessProbe' ? run.killedAfter !== null : run.state === 'Failure';
    if (reached !== (answer !== 'nothing-yet')) throw new Error('the model disagrees with the drawn answer');
    const text = answer === 'nothing-yet'
      ? `failureThreshold is ${threshold}, so ${failures === 1 ? 'one failure is' : `${failures} failures in a row are`} not enough yet; a single pass would start the count over.`
      : kind === 'livenessProbe'
        ? `${failuresText(failures)} in a row reach failureThreshold on a livenessProbe: the kubelet kills the container and restarts it.`
        : `${failuresText(failures)} in a row reach failureThreshold on a readinessProbe: the pod leaves the endpoints, and nothing restarts.`;
    return {
      prompt: `The ${app.name} container has been running fine. The check below has just failed ${failures === 1 ? 'once' : `for the ${ordinal(failures)} time in a row`}. What has the kubelet done about it so far?`,
      yaml: podYaml({ containers: [appContainer(app, { [kind]: spec })] }),
      lines: [{ text, tags: [`${kind}.failureThreshold`] }],
      whyNot: { 'restarts-pod': 'Probes act on one container; the kubelet never replaces the pod.' },
      rules: answer === 'nothing-yet' ? ['probes/failure-threshold']
        : ['probes/failure-threshold', kind === 'livenessProbe' ? 'probes/liveness-restarts' : 'probes/readiness-endpoints'],
      docUrl: docs.configure,
    };
  },
};

const noProbe: ChoiceTemplate = {
  id: 'probe-choice/no-probe',
  options: ['restarts-container', 'stays-stopped', 'nothing-looks-healthy', 'readiness-removes'],
  answers: ['restarts-container', 'stays-stopped', 'nothing-looks-healthy'],
  build(rng, answer) {
    const app = rng.pick(withEndpoints('live'));
    type Case = { policy: 'Always' | 'OnFailure' | 'Never'; event: string; text: string };
    const cases: Record<string, Case[]> = {
      'restarts-container': [
        { policy: 'Always', event: 'exits with code 1', text: 'The process exited, and restartPolicy Always restarts a container after any exit; no probe is needed for that.' },
        { policy: 'OnFailure', event: 'exits with code 1', text: 'The process exited with an error, and restartPolicy OnFailure restarts it; no probe is needed for that.' },
      ],
      'stays-stopped': [
        { policy: 'Never', event: 'exits with code 1', text: 'The process exited, and restartPolicy Never restarts nothing: the container stays stopped.' },
        { policy: 'OnFailure', event: 'exits with code 0', text: 'The process exited with code 0, and restartPolicy OnFailure restarts only after an error: it stays stopped.' },
      ],
      'nothing-looks-healthy': [
        { policy: rng.pick(['Always', 'OnFailure'] as const), event: 'deadlocks: it keeps running but answers no request', text: 'The process still runs, and with no livenessProbe or readinessProbe it counts as live and ready: the kubelet does nothing, and traffic keeps coming.' },
      ],
    };
    const c = pickFrom(rng, cases[answer] ?? [], answer);
    return {
      prompt: `The pod below defines no probes. The ${app.name} process ${c.event}. What does the kubelet do?`,
      yaml: podYaml({ spec: [line(`restartPolicy: ${c.policy}`, 'restartPolicy')], containers: [appContainer(app, {})] }),
      lines: [{ text: c.text, tags: ['restartPolicy'] }],
      whyNot: { 'readiness-removes': 'The pod defines no readinessProbe, so no probe acts here.' },
      rules: [answer === 'nothing-looks-healthy' ? 'probes/unprobed-counts-healthy' : 'probes/exits-need-no-probe'],
      docUrl: answer === 'nothing-looks-healthy' ? docs.results : docs.restartPolicy,
    };
  },
};

export const easyTemplates: readonly ChoiceTemplate[] = [
  wantedEffect, failingEndpoint, beforeFirstCheck, failuresInARow, noProbe, ...easyCheckTemplates,
];

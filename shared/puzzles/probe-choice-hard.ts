// probe-choice, hard: what to change in a spec, where two rules meet (a dependency check and restarts across
// replicas, a startup budget and the liveness gate, a check mechanism and what readiness never does).
import { actsDuringFailure, bootOutcome, killsDuringBoot } from '../model/probe-windows.ts';
import { withProbeDefaults, type ContainerProbes, type ProbeSpec } from '../model/probes.ts';
import { appName, httpHandler, withEndpoints } from './probe-apps.ts';
import { docs, unexpected, type ChoiceTemplate } from './probe-choice-kit.ts';
import { appContainer, leaveOut } from './probe-choice-scenes.ts';
import { line, podYaml } from './probe-yaml.ts';

/** A name at the start of a sentence: 'The orders-api service', 'Keycloak', 'The etcd container'. */
const cap = (s: string): string => (/^[a-z]/.test(s) && !s.startsWith('the ') ? `The ${s} container` : s.charAt(0).toUpperCase() + s.slice(1));
/** Apps whose readiness endpoint checks a back-end service. */
const dependencyApps = () => withEndpoints('live', 'ready').filter((a) => /reach|database|datasource|feature store/.test(a.ready!.means));

const dependencyOutage: ChoiceTemplate = {
  id: 'probe-choice/dependency-outage',
  options: ['move-check-to-readiness', 'nothing-to-change', 'add-readiness-deps', 'add-deps-to-liveness'],
  answers: ['move-check-to-readiness', 'nothing-to-change', 'add-readiness-deps'],
  build(rng, answer) {
    const app = rng.pick(dependencyApps());
    const live = { handler: httpHandler(app.live!) };
    const deps = { handler: httpHandler(app.ready!) };
    const probes: ContainerProbes = answer === 'move-check-to-readiness' ? { livenessProbe: deps }
      : answer === 'nothing-to-change' ? { livenessProbe: live, readinessProbe: deps }
        : answer === 'add-readiness-deps' ? { livenessProbe: live } : unexpected(this.id, answer);
    const dep = app.dependency.replace(/^its /, 'the ');
    const lines = answer === 'move-check-to-readiness'
      ? [{ text: `This livenessProbe runs the dependency check, so every replica fails it at once and the kubelet restarts them all: a restart storm that fixes nothing.`, tags: ['livenessProbe.handler'] },
        { text: `In a readinessProbe the replicas would just leave the endpoints until ${dep} is back.` }]
      : answer === 'nothing-to-change'
        ? [{ text: `The dependency check is the readinessProbe’s: during the failover the replicas leave the endpoints and return after.`, tags: ['readinessProbe.handler'] },
          { text: `The livenessProbe calls ${app.live!.path}, which keeps passing, so nothing restarts.`, tags: ['livenessProbe.handler'] }]
        : [{ text: `With no readinessProbe every replica stays in the endpoints and answers errors throughout.`, tags: ['livenessProbe'] },
          { text: `A readinessProbe on ${app.ready!.path} takes them out until ${dep} is back; liveness stays on ${app.live!.path}.` }];
    return {
      prompt: `${cap(app.dependency.replace(/^its /, 'The '))} of ${appName(app)} fails over for about ${rng.int(2, 6)} minutes. Meanwhile ${app.ready!.path} fails on every replica (it checks ${dep}) while ${app.live!.path} keeps passing. What should change in this spec?`,
      yaml: podYaml({ containers: [appContainer(app, probes)] }),
      lines,
      whyNot: {
        'add-deps-to-liveness': 'A dependency check in liveness restarts every replica at once and brings nothing back.',
        'nothing-to-change': answer === 'move-check-to-readiness' ? 'As it is, every replica gets restarted during the failover.' : 'As it is, every replica keeps getting traffic it can only answer with errors.',
      },
      rules: answer === 'nothing-to-change' ? ['probes/dependencies-in-readiness', 'probes/readiness-endpoints']
        : answer === 'move-check-to-readiness' ? ['probes/dependencies-in-readiness', 'probes/liveness-restarts', 'probes/readiness-endpoints']
          : ['probes/dependencies-in-readiness', 'probes/initial-state', 'probes/readiness-endpoints'],
      docUrl: docs.whenReadiness,
    };
  },
};

const slowBootFix: ChoiceTemplate = {
  id: 'probe-choice/slow-boot-fix',
  options: ['add-startup', 'raise-startup-threshold', 'nothing-boot-covered', 'replace-delay'],
  answers: ['add-startup', 'raise-startup-threshold', 'nothing-boot-covered', 'replace-delay'],
  build(rng, answer) {
    const app = rng.pick(withEndpoints('live', 'ready').filter((a) => a.slowBoot));
    const boot = 30 * rng.int(3, 10);
    for (;;) {
      const live: ProbeSpec = leaveOut(rng, { handler: httpHandler(app.live!), periodSeconds: 10, failureThreshold: rng.pick([3, 3, 5]) }, ['periodSeconds', 'failureThreshold']);
      const startup: ProbeSpec = leaveOut(rng, { handler: httpHandler(app.started ?? app.live!), periodSeconds: rng.pick([5, 10, 10]), failureThreshold: rng.int(6, 40) }, ['periodSeconds']);
      const delayed: ProbeSpec = { ...live, initialDelaySeconds: boot + 30 * rng.int(1, 3) };
      const ready = { handler: httpHandler(app.ready!) };
      const probes: ContainerProbes = answer === 'add-startup' ? { livenessProbe: live, readinessProbe: ready }
        : answer === 'replace-delay' ? { livenessProbe: delayed, ...(rng.chance(0.5) ? { readinessProbe: ready } : {}) }
          : { startupProbe: startup, livenessProbe: live };
      const outcome = bootOutcome(probes, boot);
      const fits = answer === 'add-startup' ? outcome === 'killed-by-liveness' : answer === 'raise-startup-threshold' ? outcome === 'killed-by-startup'
        : outcome === 'boots' && (answer === 'replace-delay' || killsDuringBoot(startup, boot) === 'never');
      const s = withProbeDefaults(startup);
      const l = withProbeDefaults(live);
      const budget = s.failureThreshold * s.periodSeconds;
      if (!fits || (answer !== 'add-startup' && answer !== 'replace-delay' && Math.abs(budget - boot) < 30)) continue;
      const liveBudget = l.failureThreshold * l.periodSeconds;
      const lines = answer === 'add-startup'
        ? [{ text: `Liveness allows ${l.failureThreshold} × ${l.periodSeconds} = ${liveBudget} s, far less than the boot, and the readinessProbe does not hold it back.`, tags: ['livenessProbe', 'readinessProbe'] },
          { text: `A startupProbe whose failureThreshold × periodSeconds exceeds ${boot} s would.` }]
        : answer === 'raise-startup-threshold'
          ? [{ text: `The startupProbe allows ${s.failureThreshold} × ${s.periodSeconds} = ${budget} s, less than the ${boot} s boot: it kills every boot.`, tags: ['startupProbe'] },
            { text: 'A higher failureThreshold gives it room; liveness keeps its fast settings.' }]
          : answer === 'nothing-boot-covered'
            ? [{ text: `The startupProbe allows ${s.failureThreshold} × ${s.periodSeconds} = ${budget} s, more than the ${boot} s boot, and holds liveness back until it passes.`, tags: ['startupProbe'] },
              { text: `After that, liveness catches a hang within ${liveBudget} s.`, tags: ['livenessProbe'] }]
            : [{ text: `initialDelaySeconds ${delayed.initialDelaySeconds} lets every boot survive, but liveness is blind that long after every start, even a quick one.`, tags: ['livenessProbe.initialDelaySeconds'] },
              { text: 'A startupProbe ends as soon as the app answers, and liveness takes over from then.' }];
      return {
        prompt: `${cap(appName(app))} needs up to ${boot} s to boot. The team wants every boot to survive, and a hang at any later moment caught within about a minute. What should change in this spec?`,
        yaml: podYaml({ containers: [appContainer(app, probes)] }),
        lines,
        whyNot: {
          'nothing-boot-covered': answer === 'replace-delay' ? 'Every boot survives, but a hang in the first minutes after a start goes unnoticed.' : 'As it is, the boot gets killed before it ends.',
          'add-startup': answer === 'raise-startup-threshold' || answer === 'nothing-boot-covered' ? 'There is a startupProbe already.' : 'Adding one is right only once the delay goes too.',
        },
        rules: answer === 'replace-delay' ? ['probes/initial-delay', 'probes/startup-gates', 'probes/failure-threshold']
          : ['probes/startup-budget', 'probes/startup-gates', 'probes/defaults'],
        docUrl: docs.whenStartup,
      };
    }
  },
};

const hangUnnoticed: ChoiceTemplate = {
  id: 'probe-choice/hang-unnoticed',
  // Every option names something the pod has (its tcpSocket or file check, its readinessProbe, a livenessProbe or
  // its lack), so none can be dropped as filler: a pod with a file check is offered options about a file check.
  options: ['add-liveness', 'tcp-to-http', 'shorter-tcp-timeout', 'lower-readiness-threshold'],
  optionsFor: (answer) => (answer === 'exec-file'
    ? ['add-liveness', 'exec-file', 'longer-exec-timeout', 'lower-readiness-threshold']
    : ['add-liveness', 'tcp-to-http', 'shorter-tcp-timeout', 'lower-readiness-threshold']),
  answers: ['add-liveness', 'tcp-to-http', 'exec-file'],
  build(rng, answer) {
    const shells = withEndpoints('live', 'ready').filter((a) => /Node\.js|Python/.test(a.what));
    const app = rng.pick(answer === 'exec-file' ? shells : withEndpoints('live', 'ready'));
    const ready = { handler: httpHandler(app.ready!) };
    const tcp: ProbeSpec = { handler: { type: 'tcpSocket', port: app.live!.port } };
    const file: ProbeSpec = { handler: { type: 'exec', command: ['cat', '/tmp/healthy'] } };
    // Two rules, not one: the tcpSocket check here is a startupProbe, which stopped at its first pass, so neither
    // changing it nor tuning readiness (which never restarts) helps.
    const boot: ProbeSpec = { handler: { type: 'tcpSocket', port: app.live!.port }, periodSeconds: 10, failureThreshold: rng.pick([18, 30]) };
    const probes: ContainerProbes = answer === 'add-liveness' ? { startupProbe: boot, readinessProbe: ready }
      : answer === 'tcp-to-http' ? { livenessProbe: tcp, readinessProbe: ready }
        : answer === 'exec-file' ? { livenessProbe: file, readinessProbe: ready } : unexpected(this.id, answer);
    const runtime = /Node/.test(app.what) ? 'node server.js' : 'python -m app';
    const extra = answer === 'exec-file' ? [line(`  command: [sh, -c, "touch /tmp/healthy && exec ${runtime}"]`, 'command')] : [];
    const container = appContainer(app, probes);
    const lines = answer === 'add-liveness'
      ? [{ text: 'The startupProbe stopped checking once it passed at boot; the readinessProbe took the pod out of the endpoints, and readiness never restarts.', tags: ['startupProbe', 'readinessProbe'] },
        { text: `A livenessProbe on ${app.live!.path} would have had the kubelet restart it.` }]
      : answer === 'tcp-to-http'
        ? [{ text: 'The livenessProbe is a tcpSocket check, and the hung app’s port still accepted connections, so it kept passing.', tags: ['livenessProbe.handler'] },
          { text: `An httpGet liveness check on an endpoint the app itself serves (its health path is ${app.live!.path}) gets no answer from a hung app, and fails.` }]
        : [{ text: 'The livenessProbe only reads /tmp/healthy, which the command wrote once at start: it passes however stuck the app is.', tags: ['livenessProbe.handler', 'command'] },
          { text: `An httpGet liveness check on an endpoint the app itself serves (its health path is ${app.live!.path}) would fail.` }];
    return {
      prompt: `Last night ${appName(app)} hung: the process kept running and its port kept accepting connections, but no request completed. It stayed so for ${rng.int(3, 8)} hours, until someone deleted the pod. What would have brought it back on its own?`,
      yaml: podYaml({ containers: [{ ...container, extra: [...(container.extra ?? []), ...extra] }] }),
      lines,
      whyNot: {
        'lower-readiness-threshold': 'Readiness never restarts anything, however quickly it reacts.',
        'add-liveness': 'There is a livenessProbe already; it just cannot see the hang.',
        'shorter-tcp-timeout': 'A hung app’s port still accepts the connection at once, so a tcpSocket check passes with any timeout.',
        'longer-exec-timeout': 'cat answers at once whatever the app is doing: no timeout makes that check see the hang.',
        ...(answer === 'add-liveness' ? { 'tcp-to-http': 'The tcpSocket check is the startupProbe, which stopped at its first pass: an HTTP check there would not run either.' } : {}),
      },
      rules: answer === 'add-liveness' ? ['probes/startup-stops', 'probes/readiness-endpoints', 'probes/liveness-restarts'] : ['probes/check-mechanisms', 'probes/liveness-restarts'],
      docUrl: answer === 'add-liveness' ? docs.whenLiveness : docs.mechanisms,
    };
  },
};

const maintenanceWindow: ChoiceTemplate = {
  id: 'probe-choice/maintenance-window',
  options: ['out-and-back', 'liveness-kills-rebuild', 'serves-503', 'restart-once'],
  answers: ['out-and-back', 'liveness-kills-rebuild', 'serves-503'],
  build(rng, answer) {
    const app = rng.pick(withEndpoints('live', 'ready').filter((a) => /^an in-house/.test(a.what)));
    const minutes = rng.int(5, 20);
    const task = app.name === 'search-api' ? 'rebuilds its search index' : rng.pick(['reloads its reference data', 'rebuilds its local cache', 'compacts its local store']);
    const live = { handler: httpHandler(app.live!) };
    const ready = { handler: httpHandler(app.ready!) };
    // A livenessProbe on the maintenance path kills the task only if its budget runs out before the task ends: a
    // patient one (long period, high threshold) sits it out. So the spec's numbers decide, not just its paths.
    const onReady = (patient: boolean): ProbeSpec => {
      for (;;) {
        const spec: ProbeSpec = patient
          ? { handler: httpHandler(app.ready!), periodSeconds: rng.pick([30, 60]), failureThreshold: rng.int(20, 40) }
          : { handler: httpHandler(app.ready!), periodSeconds: rng.pick([10, 15, 30]), failureThreshold: rng.int(3, 6) };
        if (actsDuringFailure(spec, minutes * 60) === (patient ? 'never' : 'surely')) return spec;
      }
    };
    const configs: Record<string, () => { probes: ContainerProbes; shape: 'usual' | 'patient' | 'kills' | 'no-readiness' | 'readiness-elsewhere' }> = {
      'out-and-back': () => rng.chance(0.5)
        ? { probes: { livenessProbe: live, readinessProbe: ready }, shape: 'usual' }
        : { probes: { livenessProbe: onReady(true), readinessProbe: ready }, shape: 'patient' },
      'liveness-kills-rebuild': () => ({ probes: { livenessProbe: onReady(false), ...(rng.chance(0.5) ? { readinessProbe: rng.chance(0.5) ? ready : live } : {}) }, shape: 'kills' }),
      'serves-503': () => rng.chance(0.5)
        ? { probes: { livenessProbe: live }, shape: 'no-readiness' }
        : { probes: rng.chance(0.5) ? { livenessProbe: live, readinessProbe: live } : { readinessProbe: live }, shape: 'readiness-elsewhere' },
    };
    const make = configs[answer];
    if (!make) return unexpected(this.id, answer);
    const { probes, shape } = make();
    const l = probes.livenessProbe ? withProbeDefaults(probes.livenessProbe) : null;
    const budget = l ? `${l.failureThreshold} × ${l.periodSeconds} = ${l.failureThreshold * l.periodSeconds} s` : '';
    const r = app.ready!.path;
    const lines = {
      usual: [{ text: `The readinessProbe calls ${r}: the pod leaves the endpoints during the task and returns after.`, tags: ['readinessProbe.handler'] },
        { text: `The livenessProbe calls ${app.live!.path}, which keeps passing, so nothing restarts.`, tags: ['livenessProbe.handler'] }],
      patient: [{ text: `The readinessProbe calls ${r}: the pod leaves the endpoints during the task and returns after.`, tags: ['readinessProbe.handler'] },
        { text: `The livenessProbe calls ${r} too, but it needs ${budget}, longer than the ${minutes}-minute task: nothing restarts.`, tags: ['livenessProbe'] }],
      kills: [{ text: `The livenessProbe calls ${r}, which answers 503 throughout: after ${budget}, well inside the ${minutes} minutes, the kubelet kills the container, and the task starts over.`, tags: ['livenessProbe'] }],
      'no-readiness': [{ text: `No readinessProbe is defined, so the pod stays in the endpoints and users get its 503s.`, tags: ['livenessProbe'] },
        { text: `The livenessProbe, on ${app.live!.path}, keeps passing.`, tags: ['livenessProbe.handler'] }],
      'readiness-elsewhere': [{ text: `The readinessProbe calls ${app.live!.path}, not ${r}: it keeps passing, so the pod stays in the endpoints and users get the 503s.`, tags: ['readinessProbe.handler'] },
        { text: 'Nothing restarts either.' }],
    }[shape];
    return {
      prompt: `Every night ${appName(app)} ${task} for about ${minutes} minutes. Meanwhile it answers 503 on ${r} on purpose, and ${app.live!.path} keeps passing. What happens during the task?`,
      yaml: podYaml({ containers: [appContainer(app, probes)] }),
      lines,
      whyNot: {
        'restart-once': 'Nothing in this spec restarts it just once: a probe that fails throughout keeps acting.',
        'liveness-kills-rebuild': shape === 'patient' ? `The livenessProbe calls ${r}, but its ${budget} outlast the task.` : `No livenessProbe calls ${r}.`,
        'out-and-back': shape === 'readiness-elsewhere' ? `The readinessProbe calls ${app.live!.path}, which keeps passing.` : answer === 'serves-503' ? 'No readinessProbe is defined.' : 'The livenessProbe kills it before the task ends.',
      },
      rules: shape === 'usual' ? ['probes/readiness-endpoints', 'probes/liveness-restarts']
        : shape === 'patient' ? ['probes/readiness-endpoints', 'probes/failure-threshold', 'probes/liveness-restarts']
          : shape === 'kills' ? ['probes/liveness-restarts', 'probes/failure-threshold']
            : ['probes/unprobed-counts-healthy', 'probes/readiness-endpoints'],
      // The patient shape is the docs' own pattern: liveness on the readiness endpoint with a higher failureThreshold.
      docUrl: shape === 'kills' ? docs.configure : shape === 'patient' ? docs.whenLiveness : docs.whenReadiness,
    };
  },
};

export const hardTemplatesA: readonly ChoiceTemplate[] = [dependencyOutage, slowBootFix, hangUnnoticed, maintenanceWindow];

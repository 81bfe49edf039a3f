// probe-choice, hard: what a run of checks does, where thresholds, periods, timeouts and the two probes' effects
// meet (a stall against both probes, slow answers against timeoutSeconds, a flapping check, a two-container pod).
import { checkOutcome, runChecks, type CheckResult } from '../model/probe-checks.ts';
import { actsDuringFailure, outageOutcome } from '../model/probe-windows.ts';
import { withProbeDefaults, type ContainerProbes, type ProbeKind, type ProbeSpec } from '../model/probes.ts';
import { appName, httpHandler, probeProxies, withEndpoints, type Endpoint } from './probe-apps.ts';
import type { ChoiceId } from './probe-choice-answers.ts';
import { docs, pickFrom, unexpected, type ChoiceTemplate } from './probe-choice-kit.ts';
import { appContainer, defaultsNote, defaultsNoteFor, leaveOut, plural } from './probe-choice-scenes.ts';
import { podYaml } from './probe-yaml.ts';

/** A name at the start of a sentence: 'The orders-api service', 'Keycloak', 'The etcd container'. */
const cap = (s: string): string => (/^[a-z]/.test(s) && !s.startsWith('the ') ? `The ${s} container` : s.charAt(0).toUpperCase() + s.slice(1));
const oneEndpointApps = () => withEndpoints('live').filter((a) => a.name === 'grafana' || /^an in-house (Go|Node|Python)/.test(a.what));

const outageDuration: ChoiceTemplate = {
  id: 'probe-choice/outage-duration',
  options: ['nothing-visible', 'out-briefly', 'out-then-restart', 'restart-keeps-traffic'],
  answers: ['nothing-visible', 'out-briefly', 'out-then-restart'],
  build(rng, answer) {
    const app = rng.pick(oneEndpointApps());
    const handler = httpHandler(app.live!);
    for (;;) {
      const ready = leaveOut(rng, { handler, periodSeconds: rng.pick([5, 10]), failureThreshold: rng.int(2, 3) }, ['periodSeconds', 'failureThreshold']);
      const live = leaveOut(rng, { handler, periodSeconds: rng.pick([10, 10, 20]), failureThreshold: rng.int(3, 6) }, ['periodSeconds', 'failureThreshold']);
      const seconds = 5 * rng.int(2, 36);
      const probes: ContainerProbes = { livenessProbe: live, readinessProbe: ready };
      const outcome = outageOutcome(probes, ['livenessProbe', 'readinessProbe'], seconds);
      const wanted = answer === 'nothing-visible' ? 'nothing' : answer === 'out-briefly' ? 'out-of-endpoints' : 'out-then-restarted';
      if (outcome !== wanted) continue;
      const r = withProbeDefaults(ready);
      const l = withProbeDefaults(live);
      const text = answer === 'nothing-visible'
        ? `Readiness acts only after ${r.failureThreshold} failures in a row, ${r.periodSeconds} s apart: ${seconds} s of failures are too short for that, and for liveness’s ${l.failureThreshold} failures ${l.periodSeconds} s apart as well.`
        : answer === 'out-briefly'
          ? `Readiness reaches ${r.failureThreshold} failures within ${r.failureThreshold * r.periodSeconds} s: the pod leaves the endpoints. Liveness needs ${l.failureThreshold} failures ${l.periodSeconds} s apart, more than ${seconds} s hold: nothing restarts.`
          : `Readiness acts within ${r.failureThreshold * r.periodSeconds} s, so the pod leaves the endpoints; the stall also outlasts liveness’s ${l.failureThreshold} × ${l.periodSeconds} = ${l.failureThreshold * l.periodSeconds} s, so the container restarts.`;
      const note = defaultsNoteFor([['readiness', ready], ['liveness', live]], ['periodSeconds', 'failureThreshold']);
      return {
        prompt: `A ${seconds}-second stall makes ${app.live!.path} of ${appName(app)} answer 500 to every check; then it recovers by itself. What happens meanwhile?`,
        yaml: podYaml({ containers: [appContainer(app, probes)] }),
        lines: [{ text, tags: ['readinessProbe', 'livenessProbe'] }, ...(note ? [{ text: note }] : [])],
        whyNot: { 'restart-keeps-traffic': 'Readiness, with the lower threshold, always acts before liveness here.' },
        rules: ['probes/failure-threshold', 'probes/readiness-endpoints', 'probes/liveness-restarts', 'probes/defaults'],
        docUrl: docs.configure,
      };
    }
  },
};

const slowAnswers: ChoiceTemplate = {
  id: 'probe-choice/slow-answers',
  options: ['nothing-within-timeout', 'timeouts-below-threshold', 'restarts-under-load', 'restarts-pod'],
  answers: ['nothing-within-timeout', 'timeouts-below-threshold', 'restarts-under-load'],
  build(rng, answer) {
    const app = rng.pick(withEndpoints('live'));
    // What a player who ignores the spec and assumes the defaults would say: the spec must change that answer.
    const reading = (spec: ProbeSpec, answerTime: number, seconds: number): ChoiceId => {
      if (checkOutcome('httpGet', spec, { kind: 'http', status: 200, afterSeconds: answerTime }) === 'pass') return 'nothing-within-timeout';
      return actsDuringFailure(spec, seconds) === 'never' ? 'timeouts-below-threshold' : 'restarts-under-load';
    };
    for (;;) {
      const period = rng.pick([3, 5, 5, 10, 15, 20]);
      const timeout = rng.pick([1, 2, 2, 3].filter((t) => t < period));
      const spec = leaveOut(rng, { handler: httpHandler(app.live!), periodSeconds: period, timeoutSeconds: timeout, failureThreshold: rng.pick([2, 3, 3, 4, 5]) }, ['timeoutSeconds', 'failureThreshold', 'periodSeconds']);
      const p = withProbeDefaults(spec);
      const answerTime = answer === 'nothing-within-timeout' ? p.timeoutSeconds - 0.5 : p.timeoutSeconds + rng.pick([1, 1.5, 3]);
      const seconds = 5 * rng.int(2, 30);
      const outcome = checkOutcome('httpGet', spec, { kind: 'http', status: 200, afterSeconds: answerTime });
      const acts = outcome === 'pass' ? 'never' : actsDuringFailure(spec, seconds);
      const fits = answer === 'nothing-within-timeout' ? outcome === 'pass' && answerTime >= 0.5
        : answer === 'timeouts-below-threshold' ? outcome === 'timeout' && acts === 'never' : outcome === 'timeout' && acts === 'surely';
      if (!fits || reading({ handler: spec.handler }, answerTime, seconds) === answer) continue;
      const text = answer === 'nothing-within-timeout'
        ? `Each answer comes in ${answerTime} s, within timeoutSeconds (${p.timeoutSeconds} s): every check passes, however slow it feels.`
        : answer === 'timeouts-below-threshold'
          ? `Each check times out after ${p.timeoutSeconds} s and counts as a failure, but ${seconds} s hold at most ${plural(Math.ceil(seconds / p.periodSeconds), 'check')} ${p.periodSeconds} s apart: short of failureThreshold ${p.failureThreshold}.`
          : `Each check times out after ${p.timeoutSeconds} s and counts as a failure, and the peak outlasts ${p.failureThreshold} × ${p.periodSeconds} = ${p.failureThreshold * p.periodSeconds} s: the kubelet restarts it mid-peak, and its load moves to the other replicas.`;
      const note = defaultsNote([spec], answer === 'nothing-within-timeout' ? ['timeoutSeconds'] : ['timeoutSeconds', 'periodSeconds', 'failureThreshold']);
      return {
        prompt: `During the daily peak, ${app.live!.path} of ${appName(app)} takes about ${answerTime} s to answer, for ${seconds} s in a row; then it is fast again. What does its livenessProbe lead to?`,
        yaml: podYaml({ containers: [appContainer(app, { livenessProbe: spec })] }),
        lines: [{ text, tags: ['livenessProbe'] }, ...(note ? [{ text: note }] : [])],
        whyNot: {
          'restarts-pod': 'Probes act on one container; the kubelet never replaces the pod.',
          'nothing-within-timeout': `Each answer takes ${answerTime} s, past this spec’s timeoutSeconds (${p.timeoutSeconds} s).`,
          ...(answer === 'nothing-within-timeout' ? {
            'timeouts-below-threshold': `${answerTime} s is within this spec’s timeoutSeconds (${p.timeoutSeconds} s): no check fails.`,
            'restarts-under-load': `${answerTime} s is within this spec’s timeoutSeconds (${p.timeoutSeconds} s): no check fails.`,
          } : answer === 'restarts-under-load' ? {
            'timeouts-below-threshold': `${seconds} s hold ${p.failureThreshold} failed checks ${p.periodSeconds} s apart: enough to act.`,
          } : {
            'restarts-under-load': `${seconds} s hold at most ${plural(Math.ceil(seconds / p.periodSeconds), 'check')} ${p.periodSeconds} s apart: short of ${p.failureThreshold} in a row.`,
          }),
        },
        rules: answer === 'nothing-within-timeout' ? ['probes/timeout-fails', 'probes/check-mechanisms', 'probes/defaults']
          : ['probes/timeout-fails', 'probes/failure-threshold', ...(answer === 'restarts-under-load' ? ['probes/liveness-restarts' as const] : [])],
        docUrl: docs.configure,
      };
    }
  },
};

const resultWords = (results: readonly CheckResult[]): string => results.map((r) => (r === 'pass' ? 'pass' : 'fail')).join(', ');

const flappingCheck: ChoiceTemplate = {
  id: 'probe-choice/flapping-check',
  options: ['in-endpoints', 'leaves-endpoints', 'restarts-container', 'restarts-pod'],
  answers: ['in-endpoints', 'leaves-endpoints', 'restarts-container'],
  build(rng, answer) {
    const app = rng.pick(withEndpoints('live', 'ready'));
    const kind: ProbeKind = answer === 'leaves-endpoints' ? 'readinessProbe' : answer === 'restarts-container' ? 'livenessProbe'
      : rng.pick(['livenessProbe', 'readinessProbe'] as const);
    for (;;) {
      const spec = leaveOut(rng, {
        handler: httpHandler(kind === 'livenessProbe' ? app.live! : app.ready!), periodSeconds: 10, failureThreshold: rng.int(2, 4),
        ...(kind === 'readinessProbe' ? { successThreshold: rng.pick([1, 2, 2, 3]) } : {}),
      }, ['failureThreshold', 'successThreshold']);
      const results: CheckResult[] = Array.from({ length: rng.int(6, 9) }, () => (rng.chance(0.6) ? 'fail' : 'pass'));
      const run = runChecks(kind, spec, results, 'Success');
      const p = withProbeDefaults(spec);
      const failures = results.filter((r) => r === 'fail').length;
      const got = run.killedAfter !== null ? (run.killedAfter === results.length ? 'restarts-container' : null)
        : run.state === 'Success' ? 'in-endpoints' : 'leaves-endpoints';
      // The naive reading (count every failure) must give another answer, so the reset rule decides.
      const trap = answer === 'in-endpoints' ? failures >= p.failureThreshold : run.changes.length > 1 || results.includes('pass');
      if (got !== answer || !trap) continue;
      const text = answer === 'in-endpoints'
        ? `The failures never reach ${p.failureThreshold} in a row: each pass starts the count over, so the ${kind} never acts.`
        : answer === 'restarts-container'
          ? `The last ${p.failureThreshold} checks failed in a row, reaching failureThreshold on a livenessProbe: the kubelet restarts the container.`
          : `${p.failureThreshold} failures in a row took the pod out of the endpoints. Coming back takes ${p.successThreshold === 1 ? 'one pass' : `${p.successThreshold} passes in a row`}, and it has not had ${p.successThreshold === 1 ? 'one' : 'them'} since.`;
      const note = defaultsNote([spec], answer === 'leaves-endpoints' ? ['failureThreshold', 'successThreshold'] : ['failureThreshold']);
      return {
        prompt: `The ${app.name} container was passing its check below. Its next checks, oldest first: ${resultWords(results)}. Where does it stand now?`,
        yaml: podYaml({ containers: [appContainer(app, { [kind]: spec })] }),
        lines: [{ text, tags: [kind] }, ...(note ? [{ text: note }] : [])],
        whyNot: { 'restarts-pod': 'Probes act on one container; the kubelet never replaces the pod.' },
        rules: ['probes/counts-reset', 'probes/failure-threshold', ...(kind === 'readinessProbe' ? ['probes/success-threshold' as const] : [])],
        docUrl: docs.configure,
      };
    }
  },
};

type Owner = 'app' | 'proxy';
interface Served { owner: Owner; endpoint: Endpoint }

const twoContainers: ChoiceTemplate = {
  id: 'probe-choice/two-containers',
  options: ['app-restarts', 'proxy-restarts', 'pod-out-no-restart', 'nothing-unprobed'],
  answers: ['app-restarts', 'proxy-restarts', 'pod-out-no-restart', 'nothing-unprobed'],
  build(rng, answer) {
    const app = rng.pick(withEndpoints('live', 'ready'));
    const proxy = rng.pick(answer === 'proxy-restarts' ? probeProxies.filter((x) => x.live) : probeProxies);
    const served: Served[] = [
      { owner: 'app', endpoint: app.live! }, { owner: 'app', endpoint: app.ready! },
      ...(proxy.live ? [{ owner: 'proxy' as const, endpoint: proxy.live }] : []), { owner: 'proxy', endpoint: proxy.ready! },
    ];
    // Probes are wired as the software really wires them (liveness on a live endpoint, readiness on a ready one, as
    // linkerd's injector does with /live and /ready on 4191): a crossed path would be a trick on real software. The
    // pod still decides: which container's probe calls the endpoint, whether any does, and a probe of one container
    // may call another container's port (one network namespace).
    const isLive = (e: Endpoint) => e === app.live || e === proxy.live;
    const failing = pickFrom(rng, served.filter((x) => answer === 'proxy-restarts' ? x.endpoint === proxy.live
      : answer === 'app-restarts' ? isLive(x.endpoint)
        : answer === 'pod-out-no-restart' ? !isLive(x.endpoint) : true), answer);
    const same = (e: Endpoint | undefined) => e !== undefined && e.path === failing.endpoint.path && e.port === failing.endpoint.port;
    const probe = (e: Endpoint) => ({ handler: httpHandler(e) });
    // The usual wiring, minus every probe that would call the failing endpoint…
    const appProbes: ContainerProbes = {
      ...(same(app.live) ? {} : { livenessProbe: probe(app.live!) }),
      ...(same(app.ready) || rng.chance(0.4) ? {} : { readinessProbe: probe(app.ready!) }),
    };
    const proxyProbes: ContainerProbes = {
      ...(proxy.live && !same(proxy.live) ? { livenessProbe: probe(proxy.live) } : {}),
      ...(same(proxy.ready) ? {} : { readinessProbe: probe(proxy.ready!) }),
    };
    // …then the one probe the answer needs. A cross-container call is the app probing the proxy's port.
    let caller: { container: Owner; kind: ProbeKind } | null = null;
    if (answer === 'app-restarts') caller = { container: 'app', kind: 'livenessProbe' };
    else if (answer === 'proxy-restarts') caller = { container: 'proxy', kind: 'livenessProbe' };
    else if (answer === 'pod-out-no-restart') caller = { container: failing.owner === 'proxy' && rng.chance(0.3) ? 'app' : failing.owner, kind: 'readinessProbe' };
    else if (answer !== 'nothing-unprobed') return unexpected(this.id, answer);
    if (caller) (caller.container === 'app' ? appProbes : proxyProbes)[caller.kind] = probe(failing.endpoint);
    const owner = failing.owner === 'app' ? app.name : proxy.name;
    const callerName = caller?.container === 'app' ? app.name : proxy.name;
    const cross = caller !== null && caller.container !== failing.owner;
    const where = `${failing.endpoint.path} on port ${failing.endpoint.port}`;
    const tag = `container:${callerName}`;
    const lines = answer === 'app-restarts' || answer === 'proxy-restarts'
      ? cross
        ? [{ text: `${app.name}’s livenessProbe calls ${where}, ${proxy.name}’s port: the containers share one network, so that check sees the proxy fail.`, tags: [tag] },
          { text: `The kubelet restarts ${app.name}, the container whose probe failed; ${proxy.name} keeps running.` }]
        : [{ text: `${where} is the livenessProbe of ${callerName}: the kubelet restarts that container only; ${callerName === app.name ? proxy.name : app.name} keeps running.`, tags: [tag] }]
      : answer === 'pod-out-no-restart'
        ? [{ text: `${where} is the readinessProbe of ${callerName}${cross ? `, on ${proxy.name}’s port` : ''}: ${callerName} turns not ready, so the whole pod is not Ready and leaves the endpoints; nothing restarts.`, tags: [tag] }]
        : [{ text: `No probe of either container calls ${where}, so the kubelet never sees it fail.`, tags: [`container:${app.name}`, `container:${proxy.name}`] }];
    return {
      prompt: `From now on, ${where}, served by the ${owner} container, answers 503; everything else in the pod works. What does the kubelet do?`,
      yaml: podYaml({ containers: [appContainer(app, appProbes), appContainer(proxy, proxyProbes)] }),
      lines,
      whyNot: {
        'proxy-restarts': answer === 'app-restarts' && cross ? 'The failing check belongs to the app’s livenessProbe: the kubelet restarts the container whose probe failed.' : 'No livenessProbe of the proxy calls that endpoint.',
        'app-restarts': answer === 'proxy-restarts' ? 'The failing check belongs to the proxy’s livenessProbe; it restarts the proxy only.' : 'No livenessProbe of the app calls that endpoint.',
        'nothing-unprobed': 'A probe in this pod does call that endpoint; read each container’s probes.',
      },
      rules: answer === 'app-restarts' || answer === 'proxy-restarts'
        ? ['probes/liveness-restarts', 'probes/per-container', ...(cross ? ['sharing/network-namespace' as const] : [])]
        : answer === 'pod-out-no-restart' ? ['probes/readiness-endpoints', 'probes/ready-needs-all-containers', ...(cross ? ['sharing/network-namespace' as const] : [])]
          : ['probes/unprobed-counts-healthy', 'probes/per-container'],
      docUrl: answer === 'pod-out-no-restart' ? docs.conditions : answer === 'nothing-unprobed' ? docs.results : cross ? docs.podNetwork : docs.liveness,
    };
  },
};

export const hardTemplatesB: readonly ChoiceTemplate[] = [outageDuration, slowAnswers, flappingCheck, twoContainers];

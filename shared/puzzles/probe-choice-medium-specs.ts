// probe-choice, medium, reading a spec closely: a check's outcome with the defaults, what validation accepts, and
// whether a first boot survives its probes.
import { checkOutcome, type CheckResponse } from '../model/probe-checks.ts';
import { bootOutcome } from '../model/probe-windows.ts';
import {
  validateProbe, withProbeDefaults, type ContainerProbes, type ProbeKind, type ProbeSpec,
} from '../model/probes.ts';
import { appName, httpHandler, probeStores, withEndpoints, type ProbeApp } from './probe-apps.ts';
import { docs, pickFrom, type ChoiceTemplate } from './probe-choice-kit.ts';
import { appContainer, defaultsNote, leaveOut, responseText } from './probe-choice-scenes.ts';
import { podYaml } from './probe-yaml.ts';

/** A name at the start of a sentence: 'The orders-api service', 'Keycloak', 'The etcd container'. */
const cap = (s: string): string => (/^[a-z]/.test(s) && !s.startsWith('the ') ? `The ${s} container` : s.charAt(0).toUpperCase() + s.slice(1));

interface OutcomeCase { app: ProbeApp; spec: ProbeSpec; response: CheckResponse; why: string; tag: string }

const checkOutcomeDefaults: ChoiceTemplate = {
  id: 'probe-choice/check-outcome-defaults',
  options: ['check-passes', 'check-fails', 'check-times-out', 'check-unknown'],
  answers: ['check-passes', 'check-fails', 'check-times-out'],
  build(rng, answer) {
    const http = rng.pick(withEndpoints('live'));
    const tcpApp = rng.pick(withEndpoints('live'));
    const exec = pickFrom(rng, probeStores.filter((s) => s.execCheck), 'exec store');
    const slow = rng.pick([1.5, 2, 3]);
    // A timeout set just above the slow answer: only the YAML says whether it came in time (the default 1 s says no).
    const longer = Math.floor(slow) + 1;
    const kind = rng.pick(['livenessProbe', 'readinessProbe'] as const);
    const httpSpec = { handler: httpHandler(kind === 'readinessProbe' && http.ready ? http.ready : http.live!) };
    const execSpec = { handler: { type: 'exec' as const, command: exec.execCheck! } };
    const inTime = `timeoutSeconds is ${longer}, so an answer after ${slow} s is in time`;
    const cases: Record<string, OutcomeCase[]> = {
      'check-passes': [
        { app: http, spec: { ...httpSpec, timeoutSeconds: longer }, response: { kind: 'http', status: 200, afterSeconds: slow }, why: `${inTime} (the default 1 s would not be), and 200 passes.`, tag: 'timeoutSeconds' },
        { app: tcpApp, spec: { handler: { type: 'tcpSocket', port: tcpApp.live!.port } }, response: { kind: 'tcp', accepts: true }, why: 'A tcpSocket check only asks whether the port accepts a connection: a deadlocked app whose port is open still passes.', tag: 'handler' },
      ],
      'check-fails': [
        { app: http, spec: { ...httpSpec, timeoutSeconds: longer }, response: { kind: 'http', status: rng.pick([500, 503]), afterSeconds: slow }, why: `${inTime}, but its status is outside 200–399: a failing answer, not a timeout.`, tag: 'timeoutSeconds' },
        { app: exec, spec: { ...execSpec, timeoutSeconds: longer }, response: { kind: 'exec', exitCode: 1, afterSeconds: slow }, why: `${inTime}, but an exec check passes only on exit code 0: a failing answer, not a timeout.`, tag: 'timeoutSeconds' },
      ],
      'check-times-out': [
        { app: http, spec: httpSpec, response: { kind: 'http', status: 200, afterSeconds: slow }, why: `timeoutSeconds is left out, so it is 1 s: a 200 after ${slow} s comes too late and counts as a failure.`, tag: 'handler' },
        { app: exec, spec: execSpec, response: { kind: 'exec', exitCode: 0, afterSeconds: slow }, why: `timeoutSeconds is left out, so it is 1 s: the command would exit 0, but after ${slow} s the check has already failed.`, tag: 'handler' },
      ],
    };
    const c = pickFrom(rng, cases[answer] ?? [], answer);
    const spec = { ...c.spec, periodSeconds: rng.pick([5, 10, 15]) };
    const expected = { 'check-passes': 'pass', 'check-fails': 'fail', 'check-times-out': 'timeout' }[answer as string];
    if (checkOutcome(spec.handler.type, spec, c.response) !== expected) throw new Error('the model disagrees with the drawn answer');
    const tcpDeadlock = c.response.kind === 'tcp';
    return {
      prompt: tcpDeadlock
        ? `${cap(appName(c.app))} has deadlocked: it answers no request, but its listening socket still accepts connections. The kubelet runs the check below. How does it count?`
        : `The kubelet runs the check below on ${appName(c.app)}: ${responseText(c.response, spec.handler)}. How does this check count?`,
      yaml: podYaml({ containers: [appContainer(c.app, { [kind]: spec })] }),
      lines: [{ text: c.why, tags: [`${kind}.${c.tag}`] }],
      whyNot: { 'check-unknown': 'Unknown is only for a check the kubelet could not run at all.' },
      rules: answer === 'check-times-out' ? ['probes/timeout-fails', 'probes/defaults'] : tcpDeadlock ? ['probes/check-mechanisms'] : ['probes/check-mechanisms', 'probes/timeout-fails'],
      docUrl: answer === 'check-times-out' ? docs.configure : docs.mechanisms,
    };
  },
};

interface SpecCase { kind: ProbeKind; spec: ProbeSpec; why: string; tag: string; url: string }

const specAccepted: ChoiceTemplate = {
  id: 'probe-choice/spec-accepted',
  options: ['accepted', 'reject-success-threshold', 'reject-readiness-grace', 'reject-below-minimum'],
  answers: ['accepted', 'reject-success-threshold', 'reject-readiness-grace', 'reject-below-minimum'],
  build(rng, answer) {
    const app = rng.pick(withEndpoints('live', 'ready'));
    const live = httpHandler(app.live!);
    const ready = httpHandler(app.ready!);
    const n = rng.int(2, 3);
    const grace = rng.pick([5, 10, 15]);
    const cases: Record<string, SpecCase[]> = {
      accepted: [
        { kind: 'readinessProbe', spec: { handler: ready, periodSeconds: 5, successThreshold: n }, why: `successThreshold may exceed 1 on a readinessProbe, the one probe that turns back from failing; every other field is within its limits.`, tag: 'successThreshold', url: docs.configure },
        { kind: 'livenessProbe', spec: { handler: live, failureThreshold: 3, terminationGracePeriodSeconds: grace }, why: 'A livenessProbe may set its own terminationGracePeriodSeconds, used when it kills the container; every field is within its limits.', tag: 'terminationGracePeriodSeconds', url: docs.probeGrace },
      ],
      'reject-success-threshold': [
        { kind: 'livenessProbe', spec: { handler: live, periodSeconds: 10, successThreshold: n }, why: 'successThreshold must be 1 on a livenessProbe: validation rejects any other value.', tag: 'successThreshold', url: docs.configure },
        { kind: 'startupProbe', spec: { handler: httpHandler(app.started ?? app.live!), failureThreshold: 30, successThreshold: n }, why: 'successThreshold must be 1 on a startupProbe: validation rejects any other value.', tag: 'successThreshold', url: docs.configure },
      ],
      'reject-readiness-grace': [
        { kind: 'readinessProbe', spec: { handler: ready, periodSeconds: 5, terminationGracePeriodSeconds: grace }, why: 'A probe-level terminationGracePeriodSeconds is for liveness and startup kills; a readinessProbe never kills, and the API server rejects it.', tag: 'terminationGracePeriodSeconds', url: docs.probeGrace },
      ],
      'reject-below-minimum': [
        { kind: 'livenessProbe', spec: { handler: live, periodSeconds: 0 }, why: 'periodSeconds must be at least 1; validation rejects 0.', tag: 'periodSeconds', url: docs.configure },
        { kind: 'readinessProbe', spec: { handler: ready, failureThreshold: 0 }, why: 'failureThreshold must be at least 1; validation rejects 0, it does not mean “never fail”.', tag: 'failureThreshold', url: docs.configure },
        { kind: 'livenessProbe', spec: { handler: live, timeoutSeconds: 0 }, why: 'timeoutSeconds must be at least 1; validation rejects 0.', tag: 'timeoutSeconds', url: docs.configure },
      ],
    };
    const c = pickFrom(rng, cases[answer] ?? [], answer);
    const errors = validateProbe(c.kind, c.spec);
    if ((errors.length === 0) !== (answer === 'accepted')) throw new Error(`validation says ${errors.join('; ')}`);
    return {
      prompt: `Someone applies this spec for ${appName(app)}. What does the API server do with it?`,
      yaml: podYaml({ containers: [appContainer(app, { [c.kind]: c.spec })] }),
      lines: [{ text: c.why, tags: [`${c.kind}.${c.tag}`] }],
      whyNot: { accepted: `Validation rejects it: ${errors[0] ?? ''}.` },
      rules: ['probes/validation'],
      docUrl: c.url,
    };
  },
};

const bootSurvives: ChoiceTemplate = {
  id: 'probe-choice/boot-survives',
  options: ['boots', 'liveness-kills-boot', 'startup-kills-boot', 'readiness-kills-boot'],
  answers: ['boots', 'liveness-kills-boot', 'startup-kills-boot'],
  build(rng, answer) {
    const app = rng.pick(withEndpoints('live', 'ready').filter((a) => a.slowBoot));
    const withStartup = answer === 'startup-kills-boot' || (answer === 'boots' && rng.chance(0.5));
    for (;;) {
      const boot = 10 * rng.int(6, 24);
      const live: ProbeSpec = withStartup
        ? leaveOut(rng, { handler: httpHandler(app.live!), periodSeconds: rng.pick([10, 10, 15]), failureThreshold: 3 }, ['periodSeconds', 'failureThreshold'])
        : leaveOut(rng, { handler: httpHandler(app.live!), initialDelaySeconds: rng.pick([0, 10, 20, 30, 60]), periodSeconds: rng.pick([10, 10, 20]), failureThreshold: rng.pick([3, 3, 5]) }, ['periodSeconds', 'failureThreshold', 'initialDelaySeconds']);
      const startup: ProbeSpec = leaveOut(rng, { handler: httpHandler(app.started ?? app.live!), periodSeconds: rng.pick([5, 10, 10]), failureThreshold: rng.int(6, 30) }, ['periodSeconds']);
      const probes: ContainerProbes = {
        ...(withStartup ? { startupProbe: startup } : {}), livenessProbe: live, ...(rng.chance(0.5) ? { readinessProbe: { handler: httpHandler(app.ready!) } } : {}),
      };
      const outcome = bootOutcome(probes, boot);
      const wanted = answer === 'boots' ? 'boots' : answer === 'liveness-kills-boot' ? 'killed-by-liveness' : 'killed-by-startup';
      const gate = withProbeDefaults(withStartup ? startup : live);
      // One window everywhere (docs/rules/probes.md#when-a-probe-acts): the first counted check lands within one
      // period after initialDelaySeconds, so the kill comes between a + (n − 1) × p and a + n × p. The boot keeps a
      // full period clear of that window, so the worker's phase never decides the answer.
      const earliest = gate.initialDelaySeconds + (gate.failureThreshold - 1) * gate.periodSeconds;
      const latest = earliest + gate.periodSeconds;
      const clear = answer === 'boots' ? boot <= earliest - gate.periodSeconds : boot >= latest + gate.periodSeconds;
      if (outcome !== wanted || !clear) continue;
      const kind: ProbeKind = withStartup ? 'startupProbe' : 'livenessProbe';
      const pre = gate.initialDelaySeconds > 0 ? `${gate.initialDelaySeconds} + ` : '';
      const n = gate.failureThreshold;
      const window = `after ${n} failures in a row: ${pre}${n - 1} × ${gate.periodSeconds} = ${earliest} s at the earliest, ${pre}${n} × ${gate.periodSeconds} = ${latest} s at the latest`;
      const text = answer === 'startup-kills-boot'
        ? `The startupProbe kills ${window}, before the ${boot} s boot ends, on every start.`
        : answer === 'liveness-kills-boot'
          ? `With no startupProbe, liveness checks the boot and kills ${window}, before ${boot} s, every time.`
          : withStartup
            ? `Liveness waits for the startupProbe, which kills only ${window}: enough for a ${boot} s boot.`
            : `Liveness kills only ${window}: the ${boot} s boot is done before.`;
      const note = defaultsNote([probes[kind]!], ['initialDelaySeconds', 'periodSeconds', 'failureThreshold'].filter((f) => f !== 'initialDelaySeconds' || !withStartup) as ('initialDelaySeconds' | 'periodSeconds' | 'failureThreshold')[]);
      return {
        prompt: `${cap(appName(app))} needs about ${boot} seconds to boot on this node, and none of its checks pass before then. What happens at its first start?`,
        yaml: podYaml({ containers: [appContainer(app, probes)] }),
        lines: [{ text, tags: [kind] }, ...(note ? [{ text: note }] : [])],
        whyNot: { 'readiness-kills-boot': 'A readinessProbe never kills anything; it only holds traffic back.' },
        rules: withStartup ? ['probes/startup-budget', 'probes/startup-gates', 'probes/defaults'] : ['probes/failure-threshold', 'probes/initial-delay', 'probes/defaults'],
        docUrl: docs.whenStartup,
      };
    }
  },
};

export const mediumTemplatesB: readonly ChoiceTemplate[] = [checkOutcomeDefaults, specAccepted, bootSurvives];


// Hard sidecar-lifecycle questions: each needs two rules at once (a startupProbe that gates the init containers
// after it, a sidecar's restarts against the pod's policy, a helper written the old way in containers, preStop hooks
// against the stop order). Built answer-first and checked against the model, like the others.
import { podEnds, stopTimes, terminationStages } from '../model/sidecars.ts';
import { nextInitStep } from '../model/init-sequence.ts';
import { podPhase } from '../model/pod-phase.ts';
import { containerShouldRestart } from '../model/restart-policy.ts';
import { probeEffects } from '../model/probes.ts';
import type { ContainerSnapshot, RestartPolicy } from '../model/pod-types.ts';
import type { RuleId } from '../model/rules/index.ts';
import { ruleInfo } from '../model/rules/index.ts';
import type { Rng } from '../random.ts';
import { software } from '../model/software.ts';
import { code, helperId, helpers, inits, jobSteps, podYaml, probeFor, service, type Box } from './sidecar-cast.ts';
import { checked, optionsOf, type Ask, type Template } from './sidecar-ask.ts';
import { withMeshNote } from './sidecar-templates-end.ts';

const doc = (rule: RuleId): string => ruleInfo(rule).docUrl;
const sidecarSpec = (b: Box) => (b.place === 'sidecar' ? { name: b.name, restartPolicy: 'Always' as const } : { name: b.name });

// ── A probe that never passes ──────────────────────────────────────────────────────────────────

/** Why a helper's health check keeps failing, as it really would. */
function failureCause(id: string): string {
  switch (id) {
    case 'envoy': case 'istio-proxy': case 'linkerd-proxy': return 'it never gets its configuration from the mesh control plane';
    case 'cloud-sql-proxy': return 'its service account may not connect to the Cloud SQL instance';
    case 'vault-agent': return 'its Kubernetes auth role is wrong, so no token is ever written';
    // Fluent Bit's /api/v1/health (Health_Check On) fails once its outputs keep erroring; its HTTP server still runs.
    case 'fluent-bit': return 'its log backend rejects its credentials, and its health check counts the failed flushes';
    default: return 'a typo in its configuration keeps it from starting its pipeline';
  }
}

const STUCK_LABELS = {
  stuck: (n: { S: string; N: string }) => `Stuck initializing: ${n.N} never starts, ${n.S} restarts over and over`,
  'not-ready': (n: { S: string; N: string }) => `Everything runs, but the pod is not Ready; ${n.S} is not restarted`,
  loop: (n: { S: string; N: string }) => `The app runs; ${n.S} is restarted over and over beside it`,
  failed: (n: { S: string; N: string }) => `The pod is marked Failed once ${n.S} fails failureThreshold times`,
};

export const stuckSidecar: Template = {
  id: 'stuck-sidecar', levels: ['hard'],
  keys: () => ['stuck', 'not-ready', 'loop'],
  make(rng, _level, key): Ask {
    const [s] = helpers(rng, 1);
    const probe = key === 'not-ready' ? 'readinessProbe' : 'startupProbe';
    const helper: Box = { ...s!, place: key === 'loop' ? 'containers' : 'sidecar', [probe]: probeFor(helperId(s!), key === 'not-ready' ? 'ready' : 'started') };
    // A mesh proxy that never gets its configuration forwards nothing either: the init container after a not-ready
    // proxy is then one that needs no network, so "everything runs" stays true.
    const meshDown = key === 'not-ready' && ['envoy', 'linkerd-proxy', 'istio-proxy'].includes(helperId(helper));
    const [next] = meshDown ? [{ name: 'fix-permissions', image: software('busybox').image, place: 'init' as const }] : inits(rng, 1);
    const app = service(rng);
    const boxes = key === 'loop' ? [next!, app, helper] : [helper, next!, app];
    // A failing startupProbe keeps the container from ever being started; readiness has no say in `started`.
    const status: ContainerSnapshot = { name: helper.name, ...(helper.place === 'sidecar' ? { restartPolicy: 'Always' as const } : {}), state: 'running', started: probe !== 'startupProbe' };
    const blocked = helper.place === 'sidecar' && nextInitStep([status, { name: next!.name, state: 'none' }], 'Always').action === 'wait';
    const got = blocked ? 'stuck' : probeEffects[probe].killsContainer ? 'loop' : 'not-ready';
    checked(key, got, 'stuck-sidecar');
    const S = code(helper.name);
    const N = code(next!.name);
    const { options, answerKey } = optionsOf(STUCK_LABELS, { S, N }, { S: '<helper>', N: '<next>' }, key);
    const why = {
      stuck: [`${S} is a native sidecar with a startupProbe: it counts as started only once that probe passes, so ${N} and the app never start (STATUS Init:0/2, or Init:CrashLoopBackOff while ${S} waits out its back-off between restarts).`,
        `Each time the probe fails failureThreshold times, the kubelet kills ${S} and starts it again: sidecars always restart.`],
      'not-ready': [`A readinessProbe gates nothing at start-up: ${S} is started as soon as it runs, so ${N} and the app start.`,
        `Its readiness counts toward the pod's Ready, so the pod runs but stays out of the Service's endpoints. Readiness never restarts a container.`],
      loop: [`${S} is listed in containers: it is an app container started beside the app, so nothing waits for it.`,
        `A failing startupProbe kills it after failureThreshold tries, and restartPolicy Always starts it again, over and over.`],
    }[key]!;
    const rules: RuleId[] = key === 'stuck' ? ['sidecars/startup-probe-gates', 'sidecars/always-restarted'] : key === 'not-ready' ? ['sidecars/start-gate', 'sidecars/readiness-counts'] : ['sidecars/legacy-sidecar', 'probes/startup-budget'];
    return {
      // The loop's surprise is the kill and the restart: the docs link backs that (the startup probe section).
      format: 'single', template: 'sidecar-lifecycle/stuck-sidecar', key, options, answerKey, rules, why, docUrl: doc(key === 'loop' ? rules[1]! : rules[0]!),
      prompt: `A Deployment's pod. ${S}'s ${probe} fails every time (${failureCause(helperId(helper))}). What do you see?`,
      yaml: podYaml(null, boxes),
    };
  },
};

// ── A two-step Job ─────────────────────────────────────────────────────────────────────────────

// Each option says whether anything restarts, so no option is another one with a clause added: exactly one fits.
const TWO_LABELS = {
  succeeded: (n: { S: string; M: string }) => `Succeeded; nothing restarts, and the kubelet stops ${n.S}`,
  failed: (n: { S: string; M: string }) => `Failed; nothing restarts, and the kubelet stops ${n.S}`,
  running: (n: { S: string; M: string }) => `Running; nothing restarts, and ${n.S} keeps running`,
  restarting: (n: { S: string; M: string }) => `Running; ${n.M} runs again, and ${n.S} keeps running`,
};

export const jobTwoSteps: Template = {
  id: 'job-two-steps', levels: ['hard'],
  keys: () => ['succeeded', 'failed', 'running', 'restarting'],
  make(rng, _level, key): Ask {
    const [main] = jobSteps(rng, 1);
    const second: Box = { name: 'upload', image: software('aws-cli').image, place: 'containers' };
    const [sidecar] = helpers(rng, 1);
    const policy: RestartPolicy = key === 'failed' ? 'Never' : key === 'restarting' ? 'OnFailure' : rng.pick(['Never', 'OnFailure']);
    const code1 = key === 'failed' || key === 'restarting' ? rng.pick([1, 2]) : 0;
    const a: ContainerSnapshot = { name: main!.name, state: 'terminated', exitCode: code1 };
    const b: ContainerSnapshot = key === 'running' ? { name: second.name, state: 'running' } : { name: second.name, state: 'terminated', exitCode: 0 };
    const sidecarExit = rng.pick([137, 143, 1]);
    let got: string;
    if (!podEnds([a, b], policy)) got = [a, b].some((c) => c.state === 'terminated' && containerShouldRestart(c, policy, c.exitCode ?? 0)) ? 'restarting' : 'running';
    else got = podPhase({ restartPolicy: policy, podIsTerminal: true, initContainers: [{ name: sidecar!.name, restartPolicy: 'Always', state: 'terminated', exitCode: sidecarExit }], containers: [a, b] }) === 'Succeeded' ? 'succeeded' : 'failed';
    checked(key, got, 'job-two-steps');
    const S = code(sidecar!.name);
    const { options, answerKey } = optionsOf(TWO_LABELS, { S, M: code(a.name) }, { S: '<sidecar>', M: '<main>' }, key);
    const state = (c: ContainerSnapshot): string => (c.state === 'running' ? `${code(c.name)} is still running` : `${code(c.name)} exited ${c.exitCode}`);
    const why = {
      succeeded: [`Both regular containers exited 0 and restartPolicy ${policy} restarts neither: the kubelet ends the pod and stops ${S}.`, `${S}'s own exit code (${sidecarExit}) is ignored: Succeeded.`],
      failed: [`Neither container will run again under restartPolicy Never, so the kubelet ends the pod and stops ${S}.`, `${code(a.name)} exited ${code1}: Failed, whatever ${S}'s exit code.`],
      running: [`${code(a.name)} exited 0, so nothing restarts; ${code(b.name)} still runs, so the pod is not over: Running, and the native sidecar ${S} keeps running beside it.`],
      restarting: [`Under OnFailure, ${code(a.name)} exited ${code1} and will run again: the pod is not over, so it stays Running and ${S} keeps running.`],
    }[key]!;
    const rules: RuleId[] = key === 'succeeded' || key === 'failed' ? ['sidecars/job-completes', 'sidecars/exit-ignored'] : ['sidecars/job-completes', 'sidecars/always-restarted'];
    return {
      format: 'single', template: 'sidecar-lifecycle/job-two-steps', key, options, answerKey, rules, why, docUrl: doc('sidecars/job-completes'),
      prompt: `A Job's pod with two containers (${code('upload')} copies the report to S3): ${state(a)}, ${state(b)}. What is the pod's phase a moment later, and what do its containers do?`,
      yaml: podYaml(policy, [sidecar!, main!, second]),
    };
  },
};

// ── Shutdown order with a helper in containers ─────────────────────────────────────────────────

export const stopOrderMixed: Template = {
  id: 'stop-order-mixed', levels: ['hard'],
  keys: () => [''],
  make(rng): Ask {
    const side = helpers(rng, 4);
    const init = rng.shuffle([...side.slice(0, 3), ...inits(rng, 1)]);
    const apps: Box[] = [service(rng), { ...side[3]!, place: 'containers' }];
    const stages = terminationStages(init.map(sidecarSpec), apps.map((b) => b.name));
    const sidecars = init.filter((b) => b.place === 'sidecar').map((b) => b.name);
    const notes = [
      `${apps.map((b) => code(b.name)).join(' and ')} get SIGTERM first: ${code(apps[1]!.name)} is in containers, so it is an app container`,
      ...stages.slice(1).map((stage, i) => (i === 0 ? `${code(stage[0]!)} waits until every app container has exited: it is the last sidecar listed` : `${code(stage[0]!)} waits for ${code(stages[i]![0]!)}, listed after it`)),
    ];
    return {
      format: 'order', template: 'sidecar-lifecycle/stop-order-mixed', rules: ['sidecars/termination-order', 'sidecars/legacy-sidecar'], docUrl: doc('sidecars/termination-order'),
      prompt: 'The pod is deleted. Put its running containers in the order they get SIGTERM, first to last (containers signalled together may go in either order).',
      yaml: podYaml(null, [...init, ...apps]),
      stages, labels: Object.fromEntries([...apps.map((b) => b.name), ...sidecars].map((n) => [n, n])), stageNotes: notes,
      why: ['Regular init containers exited long ago; app containers (helpers in containers too) get SIGTERM first, then sidecars in reverse spec order.', ...withMeshNote(podYaml(null, [...init, ...apps]))],
    };
  },
};

// ── Seconds until a sidecar's SIGTERM ──────────────────────────────────────────────────────────

export const sigtermSeconds: Template = {
  id: 'sigterm-seconds', levels: ['hard'],
  keys: () => [''],
  make(rng): Ask {
    const [first, last] = helpers(rng, 2);
    const app = service(rng);
    const appExit = rng.int(4, 14);
    const hook = rng.pick([first!, last!]);
    const hookSeconds = rng.int(3, 20);
    const boxes = [first!, last!].map((b) => (b === hook ? { ...b, preStop: `sleep ${hookSeconds}` } : b));
    const times = stopTimes([
      { name: first!.name, sidecar: true, preStopSeconds: hook === first ? hookSeconds : 0, exitSeconds: 1 },
      { name: last!.name, sidecar: true, preStopSeconds: hook === last ? hookSeconds : 0, exitSeconds: 1 },
      { name: app.name, sidecar: false, preStopSeconds: 0, exitSeconds: appExit },
    ], 60);
    const asked = rng.pick([first!, last!]);
    const t = times.find((x) => x.name === asked.name)!;
    const lastT = times.find((x) => x.name === last!.name)!;
    // No docs page says when a sidecar's preStop runs (docs/rules/sidecars.md#prestop-at-once): say whose rule it is.
    const hookNote = (b: Box): string => (b === hook ? ` and for its own preStop, which runs at once (kubelet behaviour, not in the docs) and ends at ${hookSeconds} s` : '');
    const why = [
      `${code(app.name)} gets SIGTERM at 0 s and exits at ${appExit} s.`,
      `${code(last!.name)}, the last sidecar listed, waits for it${hookNote(last!)}: SIGTERM at ${lastT.sigterm} s, exit at ${lastT.exit} s.`,
      ...(asked === first ? [`${code(first!.name)} waits for ${code(last!.name)}${hookNote(first!)}: SIGTERM at ${t.sigterm} s.`] : []),
    ];
    const track = (b: Box) => {
      const own = times.find((x) => x.name === b.name)!;
      const hookMarks = b === hook ? [{ at: 0, label: 'preStop starts', tone: 'wait' as const }, { at: hookSeconds, label: 'preStop ends', tone: 'ok' as const }] : [];
      return { label: b.name, marks: [...hookMarks, { at: own.sigterm, label: 'SIGTERM', tone: 'stop' as const }, { at: own.exit, label: 'exits', tone: 'stop' as const }] };
    };
    const picture = {
      type: 'timeline' as const, unit: 's' as const, end: Math.max(...times.map((x) => x.exit)) + 2, answerAt: t.sigterm,
      tracks: [
        { label: app.name, marks: [{ at: 0, label: 'SIGTERM', tone: 'stop' as const }, { at: appExit, label: 'exits', tone: 'stop' as const }] },
        track(last!), track(first!),
      ],
    };
    return {
      picture,
      format: 'number', template: 'sidecar-lifecycle/sigterm-seconds', value: t.sigterm, answerKey: String(t.sigterm),
      rules: ['sidecars/termination-order', 'sidecars/prestop-at-once'], docUrl: doc('sidecars/termination-order'), why,
      prompt: `The pod is deleted at 0 s (grace period 60 s). ${code(app.name)} exits ${appExit} s after its SIGTERM; each sidecar exits 1 s after its own. How many seconds after the deletion does ${code(asked.name)} get SIGTERM?`,
      yaml: podYaml(null, [...boxes, app], ['terminationGracePeriodSeconds: 60']),
    };
  },
};

// ── The Job ends while its sidecar crash-loops ─────────────────────────────────────────────────

const LOOP_LABELS = {
  succeeded: (n: { S: string; M: string }) => `The pod ends Succeeded; the kubelet stops restarting ${n.S}`,
  failed: (n: { S: string; M: string }) => `The pod ends Failed; the kubelet stops restarting ${n.S}`,
  again: (n: { S: string; M: string }) => `${n.M} runs again, and ${n.S} keeps being restarted`,
  forever: (n: { S: string; M: string }) => `The pod stays Running, restarting ${n.S}: the Job never completes`,
};

export const crashloopAtEnd: Template = {
  id: 'crashloop-at-end', levels: ['hard'],
  keys: () => Object.keys(LOOP_LABELS),
  make(rng, _level, key): Ask {
    const [main] = jobSteps(rng, 1);
    const legacy = key === 'forever';
    const helper: Box = { ...helpers(rng, 1)[0]!, place: legacy ? 'containers' : 'sidecar' };
    const policy: RestartPolicy = key === 'failed' ? 'Never' : key === 'again' || key === 'forever' ? 'OnFailure' : rng.pick(['Never', 'OnFailure']);
    const exit = key === 'failed' || key === 'again' ? rng.pick([1, 2]) : 0;
    const mainNow: ContainerSnapshot = { name: main!.name, state: 'terminated', exitCode: exit };
    const helperNow: ContainerSnapshot = { name: helper.name, state: 'waiting', reason: 'CrashLoopBackOff', lastTerminationState: { exitCode: 1 } };
    const regulars = legacy ? [mainNow, helperNow] : [mainNow];
    let got: string;
    if (podEnds(regulars, policy)) got = podPhase({ restartPolicy: policy, podIsTerminal: true, initContainers: [{ name: helper.name, restartPolicy: 'Always', state: 'terminated', exitCode: 1 }], containers: regulars }) === 'Succeeded' ? 'succeeded' : 'failed';
    else got = containerShouldRestart(mainNow, policy, exit) ? 'again' : 'forever';
    checked(key, got, 'crashloop-at-end');
    const S = code(helper.name);
    const M = code(main!.name);
    const { options, answerKey } = optionsOf(LOOP_LABELS, { S, M }, { S: '<helper>', M: '<main>' }, key);
    const why = {
      succeeded: [`${S} is a native sidecar: it is restarted whenever it exits, but only while the pod lives.`, `${M} exited 0 and will not run again, so the kubelet ends the pod: Succeeded, whatever ${S} was doing.`],
      failed: [`${S} is a native sidecar: restarted only while the pod lives.`, `${M} exited ${exit} under restartPolicy Never, so the kubelet ends the pod: Failed; ${S}'s crashes never decide the phase.`],
      again: [`Under OnFailure, ${M}'s exit ${exit} means it runs again: the pod lives on, and so the kubelet keeps restarting the sidecar ${S}.`],
      forever: [`${S} is listed in containers: it is an app container, and OnFailure restarts it after each non-zero exit.`, `So the pod never runs out of containers to restart, and the Job never completes although ${M} succeeded.`],
    }[key]!;
    const rules: RuleId[] = legacy ? ['sidecars/legacy-sidecar', 'sidecars/always-restarted'] : ['sidecars/always-restarted', 'sidecars/job-completes'];
    return {
      // A rerun is the restart policy's table (OnFailure restarts a non-zero exit; a sidecar always restarts), not the
      // Jobs section, which covers only completion.
      format: 'single', template: 'sidecar-lifecycle/crashloop-at-end', key, options, answerKey, rules, why,
      docUrl: doc(key === 'again' || key === 'forever' ? 'sidecars/always-restarted' : 'sidecars/job-completes'),
      prompt: `A Job's pod: ${S} is in CrashLoopBackOff (its backend is down) when ${M} exits with code ${exit}. What happens?`,
      yaml: podYaml(policy, legacy ? [main!, helper] : [helper, main!]),
    };
  },
};

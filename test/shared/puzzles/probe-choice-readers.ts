// Solving probe-choice puzzles from what the player sees (prompt and YAML) with the model, template by template: if
// these agree with the generator, the shown pod — not hidden state — decides the answer.
import { checkOutcome, runChecks, type CheckResult } from '../../../shared/model/probe-checks.ts';
import { actsDuringFailure, bootOutcome, firstToAct, outageOutcome } from '../../../shared/model/probe-windows.ts';
import { validateProbe, withProbeDefaults, type ContainerProbes, type ProbeKind, type ProbeSpec } from '../../../shared/model/probes.ts';
import type { ChoiceId } from '../../../shared/puzzles/probe-choice-answers.ts';
import { readPod, type ShownPod, type ShownProbe } from './probe-yaml-reader.ts';

const num = (text: string, re: RegExp): number => Number(text.match(re)?.[1] ?? NaN);
const ordinals = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

function spec(p: ShownProbe): ProbeSpec {
  return { handler: { type: 'httpGet', path: p.path ?? '/', port: p.port ?? 0 }, ...p.fields };
}

function probesOf(pod: ShownPod, container = 0): ContainerProbes {
  const out: ContainerProbes = {};
  for (const [k, p] of Object.entries(pod.containers[container]?.probes ?? {})) out[k as ProbeKind] = spec(p);
  return out;
}

/** The probe kinds of the first container that call this path (and port, when given). */
function callers(pod: ShownPod, path: string, port?: number, container = 0): ProbeKind[] {
  return Object.entries(pod.containers[container]?.probes ?? {})
    .filter(([, p]) => p.path === path && (port === undefined || p.port === port)).map(([k]) => k as ProbeKind);
}

type Reader = (prompt: string, pod: ShownPod) => ChoiceId;

export const readers: Record<string, Reader> = {
  'probe-choice/failing-endpoint': (prompt, pod) => {
    const [, path, port] = prompt.match(/request to (\S+) on port (\d+)/)!;
    const who = callers(pod, path!, Number(port));
    if (who.includes('livenessProbe') && who.includes('readinessProbe')) return 'both-fail';
    return who.includes('livenessProbe') ? 'liveness-fails' : who.includes('readinessProbe') ? 'readiness-fails' : 'nothing-unprobed';
  },
  'probe-choice/check-outcome': (prompt, pod) => {
    const [kind, p] = Object.entries(pod.containers[0]!.probes)[0]!;
    void kind;
    const after = num(prompt, /after ([\d.]+) s/);
    if (!Number.isNaN(after) && after > withProbeDefaults(p.fields).timeoutSeconds) return 'check-times-out';
    const status = num(prompt, /answers (\d{3}) /);
    const exit = num(prompt, /exits with code (\d+)/);
    const passes = /accepts the connection/.test(prompt) || /answers SERVING/.test(prompt) || exit === 0 || (status >= 200 && status < 400);
    return passes ? 'check-passes' : 'check-fails';
  },
  'probe-choice/before-first-check': (_, pod) => {
    const kinds = Object.keys(pod.containers[0]!.probes);
    if (kinds.includes('startupProbe')) return kinds.includes('readinessProbe') ? 'after-startup-then-readiness' : 'after-startup-pass';
    return kinds.includes('readinessProbe') ? 'after-readiness-pass' : 'traffic-at-once';
  },
  'probe-choice/failures-in-a-row': (prompt, pod) => {
    const failures = /just failed once/.test(prompt) ? 1 : ordinals.indexOf(prompt.match(/for the (\w+) time in a row/)![1]!) + 1;
    const [kind, p] = Object.entries(pod.containers[0]!.probes)[0]!;
    if (failures < withProbeDefaults(p.fields).failureThreshold) return 'nothing-yet';
    return kind === 'livenessProbe' ? 'restarts-container' : 'leaves-endpoints';
  },
  'probe-choice/no-probe': (prompt, pod) => {
    if (/deadlocks/.test(prompt)) return 'nothing-looks-healthy';
    const code = num(prompt, /exits with code (\d+)/);
    const policy = pod.spec['restartPolicy'];
    return policy === 'Always' || (policy === 'OnFailure' && code !== 0) ? 'restarts-container' : 'stays-stopped';
  },
  'probe-choice/first-to-act': (_, pod) => {
    const probes = probesOf(pod);
    if (!probes.livenessProbe) return 'leaves-endpoints';
    return firstToAct(probes.readinessProbe!, probes.livenessProbe) === 'a' ? 'out-then-restart' : 'restart-first';
  },
  'probe-choice/after-startup': (_, pod) => {
    const kinds = Object.keys(pod.containers[0]!.probes);
    return kinds.includes('livenessProbe') ? 'restarts-container' : kinds.includes('readinessProbe') ? 'leaves-endpoints' : 'nothing-startup-done';
  },
  'probe-choice/failures-defaults': (prompt, pod) => {
    const seconds = num(prompt, /until (\d+) seconds ago/);
    const [kind, p] = Object.entries(pod.containers[0]!.probes)[0]!;
    if (actsDuringFailure(p.fields, seconds) === 'never') return 'nothing-yet';
    return kind === 'livenessProbe' ? 'restarts-container' : 'leaves-endpoints';
  },
  'probe-choice/kill-and-policy': (_, pod) => {
    const kind = Object.keys(pod.containers[0]!.probes)[0];
    if (kind === 'readinessProbe') return 'leaves-endpoints';
    return pod.spec['restartPolicy'] === 'Never' ? 'killed-stays-stopped' : 'restarts-container';
  },
  'probe-choice/spec-accepted': (_, pod) => {
    const [kind, p] = Object.entries(pod.containers[0]!.probes)[0]!;
    const errors = validateProbe(kind as ProbeKind, p.fields);
    if (errors.length === 0) return 'accepted';
    if (errors.some((e) => e.startsWith('successThreshold'))) return 'reject-success-threshold';
    if (errors.some((e) => e.startsWith('terminationGracePeriodSeconds'))) return 'reject-readiness-grace';
    return 'reject-below-minimum';
  },
  'probe-choice/boot-survives': (prompt, pod) => {
    const outcome = bootOutcome(probesOf(pod), num(prompt, /about (\d+) seconds to boot/));
    return outcome === 'boots' ? 'boots' : outcome === 'killed-by-liveness' ? 'liveness-kills-boot' : 'startup-kills-boot';
  },
  'probe-choice/dependency-outage': (prompt, pod) => {
    const deps = prompt.match(/Meanwhile (\S+) fails/)![1]!;
    const who = callers(pod, deps);
    return who.includes('livenessProbe') ? 'move-check-to-readiness' : who.includes('readinessProbe') ? 'nothing-to-change' : 'add-readiness-deps';
  },
  'probe-choice/slow-boot-fix': (prompt, pod) => {
    const boot = num(prompt, /up to (\d+) s to boot/);
    const probes = probesOf(pod);
    const outcome = bootOutcome(probes, boot);
    if (outcome === 'killed-by-liveness') return 'add-startup';
    if (outcome === 'killed-by-startup') return 'raise-startup-threshold';
    return withProbeDefaults(probes.livenessProbe!).initialDelaySeconds > 60 ? 'replace-delay' : 'nothing-boot-covered';
  },
  'probe-choice/hang-unnoticed': (_, pod) => {
    const live = pod.containers[0]!.probes['livenessProbe'];
    return !live ? 'add-liveness' : live.handler === 'tcpSocket' ? 'tcp-to-http' : 'exec-file';
  },
  'probe-choice/maintenance-window': (prompt, pod) => {
    const failing = prompt.match(/503 on (\S+) on purpose/)![1]!;
    const minutes = num(prompt, /for about (\d+) minutes/);
    const probes = probesOf(pod);
    const who = callers(pod, failing);
    if (who.includes('livenessProbe') && actsDuringFailure(probes.livenessProbe!, minutes * 60) !== 'never') return 'liveness-kills-rebuild';
    return who.includes('readinessProbe') ? 'out-and-back' : 'serves-503';
  },
  'probe-choice/outage-duration': (prompt, pod) => {
    const outcome = outageOutcome(probesOf(pod), ['livenessProbe', 'readinessProbe'], num(prompt, /A (\d+)-second stall/));
    return outcome === 'nothing' ? 'nothing-visible' : outcome === 'out-of-endpoints' ? 'out-briefly' : 'out-then-restart';
  },
  'probe-choice/slow-answers': (prompt, pod) => {
    const answer = num(prompt, /takes about ([\d.]+) s to answer/);
    const seconds = num(prompt, /for (\d+) s in a row/);
    const live = probesOf(pod).livenessProbe!;
    if (checkOutcome('httpGet', live, { kind: 'http', status: 200, afterSeconds: answer }) === 'pass') return 'nothing-within-timeout';
    return actsDuringFailure(live, seconds) === 'never' ? 'timeouts-below-threshold' : 'restarts-under-load';
  },
  'probe-choice/flapping-check': (prompt, pod) => {
    const results = prompt.match(/oldest first: ([a-z, ]+)\./)![1]!.split(', ') as CheckResult[];
    const [kind, p] = Object.entries(pod.containers[0]!.probes)[0]!;
    const run = runChecks(kind as ProbeKind, p.fields, results, 'Success');
    return run.killedAfter !== null ? 'restarts-container' : run.state === 'Success' ? 'in-endpoints' : 'leaves-endpoints';
  },
  'probe-choice/two-containers': (prompt, pod) => {
    const [, path, port] = prompt.match(/now on, (\S+) on port (\d+)/)!;
    // Any container's probe may call the port: the pod has one network namespace.
    const calls = pod.containers.flatMap((c, i) => callers(pod, path!, Number(port), i).map((kind) => ({ index: i, kind })));
    const live = calls.find((c) => c.kind === 'livenessProbe');
    if (live) return live.index === 0 ? 'app-restarts' : 'proxy-restarts';
    return calls.some((c) => c.kind === 'readinessProbe') ? 'pod-out-no-restart' : 'nothing-unprobed';
  },
};

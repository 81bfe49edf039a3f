// One check and a run of checks, as the kubelet's probe worker counts them (pkg/kubelet/prober/worker.go doProbe):
// how a single check comes out, and how consecutive results move the probe's state. docs/rules/probes.md.
import { probeEffects, withProbeDefaults, type ProbeHandler, type ProbeKind, type ProbeSettings } from './probes.ts';

/** What the container did when the kubelet checked it. */
export type CheckResponse =
  | { kind: 'http'; status: number; afterSeconds: number }
  | { kind: 'tcp'; accepts: boolean }
  | { kind: 'exec'; exitCode: number; afterSeconds: number }
  | { kind: 'grpc'; status: 'SERVING' | 'NOT_SERVING'; afterSeconds: number };

export type CheckOutcome = 'pass' | 'fail' | 'timeout';

const responseFor: Record<ProbeHandler['type'], CheckResponse['kind']> = {
  httpGet: 'http', tcpSocket: 'tcp', exec: 'exec', grpc: 'grpc',
};

/**
 * One check: httpGet passes on a status from 200 to 399, tcpSocket when the port accepts the connection, exec on
 * exit 0, grpc on SERVING; an answer slower than timeoutSeconds is a failure (a timeout).
 */
export function checkOutcome(handler: ProbeHandler['type'], settings: ProbeSettings, response: CheckResponse): CheckOutcome {
  if (responseFor[handler] !== response.kind) throw new Error(`a ${handler} check cannot get a ${response.kind} response`);
  if (response.kind === 'tcp') return response.accepts ? 'pass' : 'fail';
  const timeout = withProbeDefaults(settings).timeoutSeconds;
  if (response.afterSeconds === timeout) throw new Error('an answer exactly at the timeout is a race');
  if (response.afterSeconds > timeout) return 'timeout';
  switch (response.kind) {
    case 'http':
      return response.status >= 200 && response.status < 400 ? 'pass' : 'fail';
    case 'exec':
      return response.exitCode === 0 ? 'pass' : 'fail';
    case 'grpc':
      return response.status === 'SERVING' ? 'pass' : 'fail';
  }
}

export type CheckResult = 'pass' | 'fail';
export type ProbeState = 'Success' | 'Failure' | 'Unknown';

export interface RunOutcome {
  /** The result the kubelet records after these checks. */
  state: ProbeState;
  /** 1-based check after which the kubelet killed the container (liveness, startup); the worker then holds. */
  killedAfter: number | null;
  /** 1-based check after which a startup probe passed; it stops checking then. */
  startedAfter: number | null;
  /** 1-based checks at which the recorded state changed. */
  changes: number[];
}

/**
 * Feed a run of check results through the worker's counters: a result changes the state only after
 * failureThreshold failures (or successThreshold passes) in a row, and the count starts over whenever the result
 * flips. Liveness and startup stop at the kill; startup also stops at its first recorded pass.
 */
export function runChecks(kind: ProbeKind, settings: ProbeSettings, results: readonly CheckResult[], start?: ProbeState): RunOutcome {
  const p = withProbeDefaults(settings);
  const out: RunOutcome = { state: start ?? probeEffects[kind].initialResult, killedAfter: null, startedAfter: null, changes: [] };
  let last: CheckResult | null = null;
  let run = 0;
  for (const [i, result] of results.entries()) {
    run = result === last ? run + 1 : 1;
    last = result;
    if (run < (result === 'fail' ? p.failureThreshold : p.successThreshold)) continue;
    const next: ProbeState = result === 'pass' ? 'Success' : 'Failure';
    if (next !== out.state) out.changes.push(i + 1);
    out.state = next;
    if (result === 'fail' && kind !== 'readinessProbe') {
      out.killedAfter = i + 1;
      break;
    }
    if (result === 'pass' && kind === 'startupProbe') {
      out.startedAfter = i + 1;
      break;
    }
  }
  return out;
}

// What a probe-timing puzzle holds (plain data: rooms store it as JSON) and the pieces its builders share: the
// timeline the reveal draws from the model's traces, and the checks each app is really probed with.
import type { Rng } from '../random.ts';
import type { ProbeRuleId } from '../model/rules/probes.ts';
import type { ProbeTrace } from '../model/probe-schedule.ts';
import type { ProbeHandler, ProbeKind } from '../model/probes.ts';
import { httpHandler, probeApps, probeStores, type ProbeApp } from './probe-apps.ts';

export type Tone = 'start' | 'ok' | 'fail' | 'restart' | 'ready' | 'stop' | 'wait';
export interface Mark { at: number; label: string; tone: Tone }
export interface Track { label: string; marks: Mark[] }
export interface Timeline { type: 'timeline'; unit: 's'; end: number; tracks: Track[]; answerAt?: number }

export interface TimingLine { text: string; codeLines?: number[] }

export interface TimingPuzzle {
  template: string;
  prompt: string;
  code: { language: 'yaml' | 'shell'; text: string };
  seconds: number;
  /** Why: 1–3 short lines, pointing at the YAML lines they use. */
  lines: TimingLine[];
  /** Numbers a typical mistake produces, with what the mistake was. */
  misses: { value: number; note: string }[];
  /** Probe bounds on a ticking clock: a near answer earns half credit. Backoff waits are exact. */
  approximate: boolean;
  rules: ProbeRuleId[];
  docUrl: string;
  timeline: Timeline;
}

/** Probe material's concept page; the crash-loop sequence's page ("the first restart is immediate"). */
export const PROBES = 'https://kubernetes.io/docs/concepts/workloads/pods/probes/';
export const RESTARTS = 'https://kubernetes.io/docs/concepts/workloads/pods/container-restarts/';

const checkLabel = { pass: 'pass', fail: 'fail', timeout: 'timeout' } as const;
const actionMark = {
  killed: { label: 'killed', tone: 'restart' },
  'not-ready': { label: 'not ready', tone: 'stop' },
  ready: { label: 'ready', tone: 'ready' },
  started: { label: 'started', tone: 'ready' },
} as const;

/** A probe's track: its checks, then what the kubelet did. */
export function traceTrack(trace: ProbeTrace): Track {
  return {
    label: trace.kind,
    marks: [
      ...trace.checks.map((c) => ({ at: c.at, label: checkLabel[c.outcome], tone: (c.outcome === 'pass' ? 'ok' : 'fail') as Tone })),
      { at: trace.action.at, ...actionMark[trace.action.what] },
    ],
  };
}

export function timeline(tracks: Track[], answerAt: number): Timeline {
  const last = Math.max(answerAt, ...tracks.flatMap((t) => t.marks.map((m) => m.at)));
  return { type: 'timeline', unit: 's', end: Math.ceil(last * 1.1) || 10, tracks, answerAt };
}

/**
 * The check a probe of this kind really uses on this app: its documented path, or a port or command it has. For a
 * hung process no tcpSocket check: the kernel still accepts connections on its listening socket, so it would pass.
 */
export function handlerFor(rng: Rng, app: ProbeApp, kind: ProbeKind, hung = false): ProbeHandler {
  const endpoint = kind === 'readinessProbe' ? app.ready : kind === 'startupProbe' ? (app.started ?? app.live) : app.live;
  const options: ProbeHandler[] = [];
  if (endpoint) options.push(httpHandler(endpoint), httpHandler(endpoint));
  if (app.execCheck) options.push({ type: 'exec', command: app.execCheck });
  if (app.grpcHealthPort) options.push({ type: 'grpc', port: app.grpcHealthPort });
  if (!hung && (!endpoint || rng.chance(0.2))) options.push({ type: 'tcpSocket', port: app.servePort });
  if (options.length === 0) throw new Error(`${app.name} has no check that a hang fails`);
  return rng.pick(options);
}

/**
 * How a check fails at once, with no timeout to wait out (docs/rules/probes.md#timeout-fails): a hang would add
 * timeoutSeconds to each check, so templates whose point is elsewhere say the check is answered, and fails.
 * `booting`: nothing listens yet, so connections are refused.
 */
export function failsAtOnce(h: ProbeHandler, booting = false): string {
  if (h.type === 'exec') return 'its check command exits 1';
  if (h.type === 'tcpSocket') throw new Error('a tcpSocket check passes while the port listens');
  if (booting) return `nothing listens on port ${h.port} yet`;
  return h.type === 'grpc' ? 'its gRPC health service answers NOT_SERVING' : `${h.path} answers 500`;
}

/** Apps with a check that a hung process fails: an HTTP path, a check command or a gRPC health service. */
export const hangApps = (kind: ProbeKind = 'livenessProbe'): ProbeApp[] =>
  timingApps.filter((a) => (kind === 'readinessProbe' ? a.ready : a.live) || a.execCheck || a.grpcHealthPort);

/** Every app a probe-timing puzzle may show, services and stores alike. */
export const timingApps: readonly ProbeApp[] = [...probeApps, ...probeStores];

/** Readiness needs an endpoint that can fail while the process lives: apps with a readiness path, or a check command. */
export const readinessApps = (): ProbeApp[] => timingApps.filter((a) => a.ready || a.execCheck);

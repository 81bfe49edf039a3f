// Small pieces the probe-choice templates share: the app's container, and how responses and counts read.
import type { Rng } from '../random.ts';
import type { CheckResponse } from '../model/probe-checks.ts';
import { probeDefaults, type ContainerProbes, type ProbeHandler, type ProbeSpec, type ResolvedProbe } from '../model/probes.ts';
import type { ProbeApp } from './probe-apps.ts';
import { line, type ContainerYaml } from './probe-yaml.ts';

export function appContainer(app: ProbeApp, probes: ContainerProbes): ContainerYaml {
  return { name: app.name, image: app.image, probes, ...(app.env ? { extra: [line(`  ${app.env}`, 'env')] } : {}) };
}

const ordinals = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
export const ordinal = (n: number): string => ordinals[n - 1] ?? `${n}th`;

export const failuresText = (n: number): string => (n === 1 ? '1 failure' : `${n} failures`);

const reasons: Record<number, string> = { 200: 'OK', 204: 'No Content', 404: 'Not Found', 500: 'Internal Server Error', 503: 'Service Unavailable' };

/** "it answers 503 Service Unavailable after 0.2 s", as the check's target did. */
export function responseText(r: CheckResponse, h: ProbeHandler): string {
  switch (r.kind) {
    case 'http':
      return `it answers ${r.status} ${reasons[r.status] ?? ''}`.trimEnd() + ` after ${r.afterSeconds} s`;
    case 'tcp':
      return r.accepts ? `port ${h.type === 'tcpSocket' ? h.port : ''} accepts the connection at once` : `the connection to port ${h.type === 'tcpSocket' ? h.port : ''} is refused`;
    case 'exec':
      return `the command exits with code ${r.exitCode} after ${r.afterSeconds} s`;
    case 'grpc':
      return `the health service answers ${r.status} after ${r.afterSeconds} s`;
  }
}

/** Leave out fields that hold their default value (each with a fair chance), so the defaults have to be known. */
export function leaveOut<S extends ProbeSpec>(rng: Rng, spec: S, fields: readonly (keyof ResolvedProbe)[]): S {
  const out = { ...spec };
  for (const f of fields) if (out[f] === probeDefaults[f] && rng.chance(0.6)) delete out[f];
  return out;
}

/** "Defaults used: periodSeconds 10, failureThreshold 3." for the asked fields some spec leaves out; '' if none. */
export function defaultsNote(specs: readonly ProbeSpec[], fields: readonly (keyof ResolvedProbe)[]): string {
  const missing = fields.filter((f) => specs.some((s) => s[f] === undefined));
  if (missing.length === 0) return '';
  return `Defaults used: ${missing.map((f) => `${f} ${probeDefaults[f]}`).join(', ')}.`;
}

/** The same for two probes of one container: "Defaults used on readiness: periodSeconds 10; on liveness: failureThreshold 3." */
export function defaultsNoteFor(specs: readonly [string, ProbeSpec][], fields: readonly (keyof ResolvedProbe)[]): string {
  const parts = specs.flatMap(([who, spec]) => {
    const missing = fields.filter((f) => spec[f] === undefined);
    return missing.length === 0 ? [] : [`${who}: ${missing.map((f) => `${f} ${probeDefaults[f]}`).join(', ')}`];
  });
  return parts.length === 0 ? '' : `Defaults used on ${parts.join('; on ')}.`;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

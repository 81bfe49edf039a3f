import { describe, expect, it } from 'vitest';
import { actsDuringFailure, bootOutcome, firstToAct, killsDuringBoot, outageOutcome } from '../../../shared/model/probe-windows.ts';
import type { ProbeSpec } from '../../../shared/model/probes.ts';

const http = (settings: Omit<ProbeSpec, 'handler'> = {}): ProbeSpec => ({ handler: { type: 'httpGet', path: '/healthz', port: 8080 }, ...settings });

describe('actsDuringFailure', () => {
  it('is sure past F × period, never up to (F − 1) × period, and undecided between (defaults 3 × 10 s)', () => {
    expect(actsDuringFailure({}, 31)).toBe('surely');
    expect(actsDuringFailure({}, 20)).toBe('never');
    expect(actsDuringFailure({}, 25)).toBe('depends');
    expect(actsDuringFailure({}, 30)).toBe('depends');
  });
});

describe('killsDuringBoot', () => {
  it('adds initialDelaySeconds to both ends of the window', () => {
    expect(killsDuringBoot({ initialDelaySeconds: 60 }, 80)).toBe('never');
    expect(killsDuringBoot({ initialDelaySeconds: 60 }, 90)).toBe('surely');
    expect(killsDuringBoot({ initialDelaySeconds: 60 }, 85)).toBe('depends');
  });

  it('gives the docs’ startup example 30 × 10 = 300 s', () => {
    expect(killsDuringBoot({ failureThreshold: 30, periodSeconds: 10 }, 280)).toBe('never');
    expect(killsDuringBoot({ failureThreshold: 30, periodSeconds: 10 }, 320)).toBe('surely');
  });
});

describe('bootOutcome', () => {
  it('lets a startup probe gate liveness: only its budget counts', () => {
    expect(bootOutcome({ livenessProbe: http(), startupProbe: http({ failureThreshold: 30 }) }, 120)).toBe('boots');
    expect(bootOutcome({ livenessProbe: http(), startupProbe: http({ failureThreshold: 6 }) }, 120)).toBe('killed-by-startup');
    expect(bootOutcome({ livenessProbe: http(), readinessProbe: http() }, 120)).toBe('killed-by-liveness');
    expect(bootOutcome({ readinessProbe: http() }, 600)).toBe('boots');
  });
});

describe('firstToAct and outageOutcome', () => {
  const probes = { readinessProbe: http({ periodSeconds: 5, failureThreshold: 2 }), livenessProbe: http({ failureThreshold: 6 }) };

  it('says which probe surely acts first', () => {
    expect(firstToAct(probes.readinessProbe, probes.livenessProbe)).toBe('a');
    expect(firstToAct({ failureThreshold: 1 }, { periodSeconds: 5, failureThreshold: 2 })).toBe('depends');
  });

  it('grows from nothing to out of the endpoints to restarted with the length of the outage', () => {
    const both = ['readinessProbe', 'livenessProbe'] as const;
    expect(outageOutcome(probes, both, 4)).toBe('nothing');
    expect(outageOutcome(probes, both, 30)).toBe('out-of-endpoints');
    expect(outageOutcome(probes, both, 61)).toBe('out-then-restarted');
    expect(outageOutcome(probes, both, 55)).toBe('depends');
    expect(outageOutcome(probes, ['readinessProbe'], 600)).toBe('out-of-endpoints');
    expect(outageOutcome({ livenessProbe: http() }, ['livenessProbe'], 40)).toBe('restarted');
  });
});

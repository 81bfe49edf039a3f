import { describe, expect, it } from 'vitest';
import { failingTrace, passingTrace, startupPassingAt } from '../../../shared/model/probe-schedule.ts';
import { hangDetectionSeconds, livenessKillSeconds, readinessRecoverySeconds, startupGiveUpSeconds } from '../../../shared/model/probes.ts';

describe('worst-case traces agree with the formulas', () => {
  it('puts a startup give-up at initialDelay + F × period', () => {
    const s = { initialDelaySeconds: 10, periodSeconds: 5, failureThreshold: 4 };
    const trace = failingTrace('startupProbe', s, 10);
    expect(trace.checks.map((c) => c.at)).toEqual([15, 20, 25, 30]);
    expect(trace.action).toEqual({ at: startupGiveUpSeconds(s), what: 'killed' });
  });

  it('adds the timeout to each check of a hanging app', () => {
    const s = { periodSeconds: 10, failureThreshold: 3, timeoutSeconds: 4 };
    const trace = failingTrace('livenessProbe', s, 0, true);
    expect(trace.checks.map((c) => c.outcome)).toEqual(['timeout', 'timeout', 'timeout']);
    expect(trace.action.at).toBe(hangDetectionSeconds(s));
    expect(failingTrace('livenessProbe', s, 0).action.at).toBe(livenessKillSeconds(s));
  });

  it('marks readiness ready after successThreshold passes', () => {
    const s = { periodSeconds: 5, successThreshold: 3 };
    expect(passingTrace('readinessProbe', s, 0).action).toEqual({ at: readinessRecoverySeconds(s), what: 'ready' });
  });

  it('places a startup pass on the probe’s own schedule only', () => {
    const trace = startupPassingAt({ initialDelaySeconds: 5, periodSeconds: 10, failureThreshold: 6 }, 45);
    expect(trace.checks.map((c) => c.outcome)).toEqual(['fail', 'fail', 'fail', 'pass']);
    expect(() => startupPassingAt({ periodSeconds: 10 }, 45)).toThrow();
    expect(() => startupPassingAt({ periodSeconds: 10, failureThreshold: 3 }, 40)).toThrow();
  });
});

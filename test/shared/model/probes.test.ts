import { describe, expect, it } from 'vitest';
import {
  delayReadsTheSame, graceAfterProbeKill, hangDetectionSeconds, livenessKillSeconds, probeEffects, probesActiveAfterSeconds,
  readinessRecoverySeconds, readinessRemovalSeconds, readyAfterStartSeconds, startupGiveUpSeconds, validateProbe, withProbeDefaults,
} from '../../../shared/model/probes.ts';

describe('probeEffects', () => {
  it('restarts on liveness and startup failure but never on readiness failure (probes.md)', () => {
    expect(probeEffects.livenessProbe.killsContainer).toBe(true);
    expect(probeEffects.startupProbe.killsContainer).toBe(true);
    expect(probeEffects.readinessProbe.killsContainer).toBe(false);
    expect(probeEffects.readinessProbe.removesFromEndpoints).toBe(true);
  });

  it('lets only the startup probe gate the others and run before the container has started', () => {
    expect(probeEffects.startupProbe.gatesOtherProbes).toBe(true);
    expect(probeEffects.startupProbe.runsBeforeStarted).toBe(true);
    expect(probeEffects.livenessProbe.runsBeforeStarted).toBe(false);
    expect(probeEffects.readinessProbe.runsBeforeStarted).toBe(false);
  });

  it('starts readiness at Failure, liveness at Success and startup at Unknown', () => {
    expect(probeEffects.readinessProbe.initialResult).toBe('Failure');
    expect(probeEffects.livenessProbe.initialResult).toBe('Success');
    expect(probeEffects.startupProbe.initialResult).toBe('Unknown');
  });
});

describe('withProbeDefaults', () => {
  it('fills the SetDefaults_Probe values (probes.md)', () => {
    expect(withProbeDefaults({})).toEqual({
      initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3,
    });
  });

  it('keeps the fields that are set', () => {
    expect(withProbeDefaults({ periodSeconds: 5, failureThreshold: 30 })).toMatchObject({ periodSeconds: 5, failureThreshold: 30 });
  });
});

describe('validateProbe', () => {
  it.each([
    ['livenessProbe', { successThreshold: 3 }, ['successThreshold: must be 1']],
    ['startupProbe', { successThreshold: 2 }, ['successThreshold: must be 1']],
    ['readinessProbe', { successThreshold: 3 }, []],
    ['livenessProbe', { successThreshold: 1 }, []],
    ['readinessProbe', { periodSeconds: 0 }, ['periodSeconds: must be greater than or equal to 1']],
    ['readinessProbe', { failureThreshold: 0 }, ['failureThreshold: must be greater than or equal to 1']],
    ['livenessProbe', { initialDelaySeconds: -5 }, ['initialDelaySeconds: must be greater than or equal to 0']],
    ['livenessProbe', { timeoutSeconds: 0 }, ['timeoutSeconds: must be greater than or equal to 1']],
    ['startupProbe', { failureThreshold: 2.5 }, ['failureThreshold: must be an integer']],
  ] as const)('%s with %o reports %o', (kind, settings, errors) => {
    expect(validateProbe(kind, settings)).toEqual(errors);
  });
});

describe('probe time math (probes.md)', () => {
  it('gives the docs example 30 × 10 = 300 s to start', () => {
    expect(startupGiveUpSeconds({ failureThreshold: 30, periodSeconds: 10 })).toBe(300);
  });

  it('adds initialDelaySeconds to the startup budget', () => {
    expect(startupGiveUpSeconds({ initialDelaySeconds: 15, failureThreshold: 6, periodSeconds: 5 })).toBe(45);
  });

  it('kills after 3 × 10 = 30 s of failing liveness with defaults', () => {
    expect(livenessKillSeconds({})).toBe(30);
  });

  it('ignores initialDelaySeconds once liveness failures have begun', () => {
    expect(livenessKillSeconds({ initialDelaySeconds: 60, periodSeconds: 5, failureThreshold: 4 })).toBe(20);
  });

  it('marks not ready after failureThreshold × period and ready again after successThreshold × period', () => {
    const probe = { periodSeconds: 5, failureThreshold: 2, successThreshold: 3 };
    expect(readinessRemovalSeconds(probe)).toBe(10);
    expect(readinessRecoverySeconds(probe)).toBe(15);
  });

  it('applies readiness initialDelaySeconds even when it is shorter than the period (probes.md)', () => {
    expect(readyAfterStartSeconds({ initialDelaySeconds: 5, periodSeconds: 10, successThreshold: 2 })).toBe(25);
    expect(readyAfterStartSeconds({})).toBe(10);
  });

  it('holds liveness until startup succeeded, and refuses a delay on the gated probe (docs and kubelet differ)', () => {
    expect(probesActiveAfterSeconds(40, {})).toBe(40);
    expect(probesActiveAfterSeconds(40, { initialDelaySeconds: 0 })).toBe(40);
    expect(() => probesActiveAfterSeconds(40, { initialDelaySeconds: 60 })).toThrow();
  });

  it('adds the timeout of the last check when the app hangs instead of failing at once', () => {
    expect(hangDetectionSeconds({ periodSeconds: 10, failureThreshold: 3, timeoutSeconds: 5 })).toBe(35);
    expect(hangDetectionSeconds({})).toBe(31);
    expect(() => hangDetectionSeconds({ periodSeconds: 2, timeoutSeconds: 2 })).toThrow();
  });

  it.each([
    [{ initialDelaySeconds: 0, periodSeconds: 10 }, true],
    [{ initialDelaySeconds: 10, periodSeconds: 10 }, true],
    [{ initialDelaySeconds: 5, periodSeconds: 10 }, false],
    [{ initialDelaySeconds: 5 }, false],
    [{ initialDelaySeconds: 15 }, true],
  ])('says whether docs and kubelet read initialDelaySeconds the same for %o', (settings, same) => {
    expect(delayReadsTheSame(settings)).toBe(same);
  });
});

describe('probe-level grace period', () => {
  it('takes the probe’s own value over the pod’s, and 30 s when neither is set', () => {
    expect(graceAfterProbeKill(10, 60)).toBe(10);
    expect(graceAfterProbeKill(undefined, 60)).toBe(60);
    expect(graceAfterProbeKill(undefined, undefined)).toBe(30);
  });

  it('is rejected on a readiness probe and accepted on liveness', () => {
    expect(validateProbe('readinessProbe', { terminationGracePeriodSeconds: 10 })).toEqual([
      'terminationGracePeriodSeconds: must not be set for readinessProbes',
    ]);
    expect(validateProbe('livenessProbe', { terminationGracePeriodSeconds: 10 })).toEqual([]);
  });
});

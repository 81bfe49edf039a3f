import { describe, expect, it } from 'vitest';
import { checkOutcome, runChecks, type CheckResult } from '../../../shared/model/probe-checks.ts';

const seq = (s: string): CheckResult[] => [...s].map((c) => (c === '+' ? 'pass' : 'fail'));

describe('checkOutcome (one check)', () => {
  it.each([
    [200, 'pass'], [204, 'pass'], [302, 'pass'], [399, 'pass'], [199, 'fail'], [400, 'fail'], [404, 'fail'], [503, 'fail'],
  ] as const)('httpGet status %i → %s', (status, outcome) => {
    expect(checkOutcome('httpGet', {}, { kind: 'http', status, afterSeconds: 0.2 })).toBe(outcome);
  });

  it('counts an answer slower than timeoutSeconds as a timeout, even a 200', () => {
    expect(checkOutcome('httpGet', {}, { kind: 'http', status: 200, afterSeconds: 1.5 })).toBe('timeout');
    expect(checkOutcome('httpGet', { timeoutSeconds: 3 }, { kind: 'http', status: 200, afterSeconds: 1.5 })).toBe('pass');
    expect(checkOutcome('exec', { timeoutSeconds: 2 }, { kind: 'exec', exitCode: 0, afterSeconds: 4 })).toBe('timeout');
  });

  it('passes a tcpSocket check whenever the port accepts, whatever the app does', () => {
    expect(checkOutcome('tcpSocket', {}, { kind: 'tcp', accepts: true })).toBe('pass');
    expect(checkOutcome('tcpSocket', {}, { kind: 'tcp', accepts: false })).toBe('fail');
  });

  it('passes exec on exit 0 and grpc on SERVING only', () => {
    expect(checkOutcome('exec', {}, { kind: 'exec', exitCode: 1, afterSeconds: 0.1 })).toBe('fail');
    expect(checkOutcome('grpc', {}, { kind: 'grpc', status: 'NOT_SERVING', afterSeconds: 0.1 })).toBe('fail');
    expect(checkOutcome('grpc', {}, { kind: 'grpc', status: 'SERVING', afterSeconds: 0.1 })).toBe('pass');
  });

  it('refuses a response that does not fit the mechanism, and an answer exactly at the timeout', () => {
    expect(() => checkOutcome('tcpSocket', {}, { kind: 'http', status: 200, afterSeconds: 0 })).toThrow();
    expect(() => checkOutcome('httpGet', {}, { kind: 'http', status: 200, afterSeconds: 1 })).toThrow();
  });
});

describe('runChecks (consecutive results, worker.go)', () => {
  it('starts readiness at Failure and turns it Success after successThreshold passes in a row', () => {
    expect(runChecks('readinessProbe', {}, []).state).toBe('Failure');
    expect(runChecks('readinessProbe', { successThreshold: 3 }, seq('++')).state).toBe('Failure');
    expect(runChecks('readinessProbe', { successThreshold: 3 }, seq('+++'))).toMatchObject({ state: 'Success', changes: [3] });
  });

  it('starts the count over when the result flips', () => {
    expect(runChecks('readinessProbe', {}, seq('ff+ff'), 'Success').state).toBe('Success');
    expect(runChecks('readinessProbe', {}, seq('ff+fff'), 'Success')).toMatchObject({ state: 'Failure', changes: [6] });
    expect(runChecks('readinessProbe', { successThreshold: 2 }, seq('fff+f+'), 'Success').state).toBe('Failure');
  });

  it('kills on failureThreshold liveness failures in a row and stops there', () => {
    expect(runChecks('livenessProbe', { failureThreshold: 3 }, seq('ff+ff+ff'))).toMatchObject({ state: 'Success', killedAfter: null });
    expect(runChecks('livenessProbe', { failureThreshold: 2 }, seq('+ff+'))).toMatchObject({ state: 'Failure', killedAfter: 3 });
  });

  it('marks a startup probe started at its first pass, and kills after failureThreshold failures', () => {
    expect(runChecks('startupProbe', { failureThreshold: 5 }, seq('ffff+ff'))).toMatchObject({ state: 'Success', startedAfter: 5, killedAfter: null });
    expect(runChecks('startupProbe', { failureThreshold: 5 }, seq('fffff'))).toMatchObject({ killedAfter: 5 });
  });
});

import { describe, expect, it } from 'vitest';
import { deadlineApplies, pastActiveDeadline } from '../../../shared/model/deadlines.ts';

describe('activeDeadlineSeconds', () => {
  it('counts from startTime and fires at elapsed >= deadline', () => {
    expect(pastActiveDeadline({ activeDeadlineSeconds: 300, secondsSinceStart: 299 })).toBe(false);
    expect(pastActiveDeadline({ activeDeadlineSeconds: 300, secondsSinceStart: 300 })).toBe(true);
  });

  it('does not start for a pod no kubelet has accepted (no startTime)', () => {
    expect(pastActiveDeadline({ activeDeadlineSeconds: 60 })).toBe(false);
  });

  it('leaves a pod that ended before its deadline as it ended', () => {
    expect(deadlineApplies({ activeDeadlineSeconds: 600, secondsSinceStart: 900, endedAtSeconds: 420 })).toBe(false);
    expect(deadlineApplies({ activeDeadlineSeconds: 600, secondsSinceStart: 900 })).toBe(true);
  });
});

// No kind shows a Job pod that its Job controller would already have failed: under restartPolicy OnFailure the
// restarts of the pod's containers count against the default backoffLimit (review J, PP-H4). factsOf throws on such
// a pod, so generating every kind over many seeds finds any template that draws one.
import { describe, expect, it } from 'vitest';
import { kindById, kindIds } from '../../../shared/index.ts';
import { type Difficulty } from '../../../shared/puzzles/kind.ts';
import { levelsOf } from '../../../shared/puzzles/levels.ts';
import { factsOf, JOB_BACKOFF_LIMIT } from '../../../shared/puzzles/pod-build.ts';
import { terminated, waiting } from '../../../shared/model/container-states.ts';

describe('Job pods stay within the default backoffLimit', () => {
  it('rejects a Job pod under OnFailure whose restarts reach the limit', () => {
    const cast = { owner: 'Job' as const, podName: 'reindex-1', inits: [], apps: [{ name: 'reindex', image: 'x' }] };
    const crash = (n: number) => waiting('reindex', 'CrashLoopBackOff', { restartCount: n, lastTerminationState: { exitCode: 1, reason: 'Error' } });
    expect(() => factsOf({ cast, restartPolicy: 'OnFailure', inits: [], apps: [crash(JOB_BACKOFF_LIMIT)] })).toThrow(/backoffLimit/);
    expect(() => factsOf({ cast, restartPolicy: 'OnFailure', inits: [], apps: [crash(JOB_BACKOFF_LIMIT - 1)] })).not.toThrow();
    expect(() => factsOf({ cast: { ...cast, owner: 'Deployment' as const }, restartPolicy: 'Always', inits: [], apps: [crash(30)] })).not.toThrow();
    expect(terminated('reindex', { exitCode: 0, reason: 'Completed' }).restartCount ?? 0).toBe(0);
  });

  it.each([...kindIds])('%s never generates one', (id) => {
    const kind = kindById(id);
    for (const level of levelsOf(kind as { levels?: readonly Difficulty[] })) {
      for (let i = 0; i < 1500; i++) expect(() => kind.generate(`job-${i}`, level), `${id} ${level} job-${i}`).not.toThrow();
    }
  });
});

// statusDecision names printPod's step; the text it implies must always be kubectlColumns' STATUS, which stays as specified.
import { describe, expect, it } from 'vitest';
import { kubectlColumns } from '../../../shared/model/kubectl-columns.ts';
import { statusDecision, type StatusStep } from '../../../shared/model/kubectl-decision.ts';
import { podScenario, scenarioKinds } from '../../../shared/model/pod-scenarios.ts';
import type { PodListing } from '../../../shared/model/pod-types.ts';
import { createRng } from '../../../shared/random.ts';

/** The STATUS text a step implies, rebuilt from the listing independently of kubectlColumns. */
function textOf(l: PodListing): string {
  const d = statusDecision(l);
  const c = [...l.initContainers, ...l.containers].find((x) => x.name === d.by[0]);
  const exit = (x: typeof c) => (x?.signal ? `Signal:${x.signal}` : `ExitCode:${x?.exitCode ?? 0}`);
  const texts: Record<StatusStep, () => string> = {
    'unknown-node-lost': () => 'Unknown',
    terminating: () => 'Terminating',
    'init-reason': () => `Init:${c?.reason}`,
    'init-exit': () => `Init:${exit(c)}`,
    'init-progress': () => `Init:${l.initContainers.filter((x) => x.state !== 'none').findIndex((x) => x.name === c?.name)}/${l.initContainers.length}`,
    'container-reason': () => c?.reason ?? '',
    'container-exit': () => exit(c),
    'completed-running': () => 'Running',
    'completed-not-ready': () => 'NotReady',
    'completed-error': () => c?.reason || exit(c),
    gated: () => 'SchedulingGated',
    'pod-reason': () => l.reason ?? '',
    phase: () => l.phase,
  };
  return texts[d.step]();
}

describe('statusDecision', () => {
  it('implies exactly the STATUS kubectlColumns prints, on every scenario moment', () => {
    for (const kind of scenarioKinds) {
      for (let i = 0; i < 60; i++) {
        const l = podScenario(createRng(`k${i}`), kind).listing;
        expect(textOf(l), kind).toBe(kubectlColumns(l).status);
      }
    }
  });

  it('keeps the init text when the pod is initialized but no app container has a reason (a sidecar crash-looping later)', () => {
    const l = podScenario(createRng('s'), 'sidecar-crashloop').listing;
    expect(statusDecision(l)).toMatchObject({ step: 'init-reason' });
    expect(kubectlColumns(l).status).toBe('Init:CrashLoopBackOff');
  });

  it('takes the error of the first container that exited non-zero over Completed', () => {
    const l: PodListing = {
      phase: 'Failed', initContainers: [],
      containers: [
        { name: 'a', state: 'terminated', exitCode: 0, reason: 'Completed' },
        { name: 'b', state: 'terminated', exitCode: 2, reason: 'Error' },
        { name: 'c', state: 'terminated', exitCode: 137, reason: 'OOMKilled' },
      ],
    };
    expect(statusDecision(l)).toMatchObject({ step: 'completed-error', by: ['b'] });
    expect(kubectlColumns(l).status).toBe('Error');
  });
});

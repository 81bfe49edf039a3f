// phaseDecision names the getPhase step that decided; it must always agree with podPhase, which stays as specified.
import { describe, expect, it } from 'vitest';
import { phaseDecision } from '../../../shared/model/phase-decision.ts';
import { podPhase } from '../../../shared/model/pod-phase.ts';
import { podScenario, scenarioKinds } from '../../../shared/model/pod-scenarios.ts';
import { crashLoop, running, terminated, waiting, COMPLETED } from '../../../shared/model/container-states.ts';
import type { PodSnapshot } from '../../../shared/model/pod-types.ts';
import { podPhaseKind } from '../../../shared/puzzles/pod-phase.ts';
import { createRng } from '../../../shared/random.ts';

const snap = (over: Partial<PodSnapshot>): PodSnapshot => ({ restartPolicy: 'Always', podHasInitialized: true, initContainers: [], containers: [], ...over });

describe('phaseDecision', () => {
  it('agrees with podPhase on every scenario moment and every generated pod-phase puzzle', () => {
    for (const kind of scenarioKinds) {
      for (let i = 0; i < 40; i++) {
        const s = podScenario(createRng(`d${i}`), kind).snapshot;
        expect(phaseDecision(s).phase, kind).toBe(podPhase(s));
      }
    }
    for (const d of ['easy', 'medium', 'hard'] as const) {
      for (let i = 0; i < 200; i++) {
        const f = podPhaseKind.generate(`d${i}`, d).facts;
        if (f.placement.bound && !f.deadline) expect(phaseDecision(f).phase).toBe(podPhase(f));
      }
    }
  });

  it.each([
    ['a failed init container under Never', snap({ restartPolicy: 'Never', initContainers: [terminated('migrate', { exitCode: 1 })], containers: [waiting('app', 'PodInitializing')], podHasInitialized: false }), 'init-failed', ['migrate']],
    ['a crash loop under Always', snap({ containers: [crashLoop(createRng('c'), 'web')] }), 'will-restart', ['web']],
    ['an image pull beside a running container', snap({ containers: [running('web'), waiting('exporter', 'ImagePullBackOff')] }), 'waiting', ['exporter']],
    ['a sidecar not started yet', snap({ initContainers: [{ ...running('envoy', { started: false }), restartPolicy: 'Always' }], containers: [waiting('app', 'PodInitializing')], podHasInitialized: false }), 'sidecar-pending', ['envoy']],
    ['a deleted pod whose containers exited 0', snap({ podIsTerminal: true, containers: [terminated('web', COMPLETED)] }), 'terminal', ['web']],
  ] as const)('names the step and the containers for %s', (_, pod, step, by) => {
    expect(phaseDecision(pod)).toMatchObject({ step, by });
  });
});

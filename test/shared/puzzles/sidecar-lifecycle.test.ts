import { describe, expect, it } from 'vitest';
import { sidecarLifecycle, type SidecarPuzzle } from '../../../shared/puzzles/sidecar-lifecycle.ts';
import { difficulties } from '../../../shared/puzzles/kind.ts';
import { checkPuzzleKind } from '../puzzle-kind-properties.ts';

checkPuzzleKind(sidecarLifecycle);

const seeds = Array.from({ length: 600 }, (_, i) => `s${i}`);
type Q = SidecarPuzzle['scenario']['q'];

function find(q: Q, difficulty: (typeof difficulties)[number], extra: (p: SidecarPuzzle) => boolean = () => true): SidecarPuzzle {
  const found = seeds.map((s) => sidecarLifecycle.generate(s, difficulty)).find((p) => p.scenario.q === q && extra(p));
  if (!found) throw new Error(`no ${q} puzzle at ${difficulty}`);
  return found;
}
const keyOf = (p: SidecarPuzzle, id: unknown) => p.options.find((o) => o.id === id)?.key;
const idOf = (p: SidecarPuzzle, key: string) => p.options.find((o) => o.key === key)!.id;

describe('sidecarLifecycle', () => {
  it('asks the harder questions (termination, preStop, SIGTERM order) only at hard or medium', () => {
    const qs = (d: (typeof difficulties)[number]) => new Set(seeds.map((s) => sidecarLifecycle.generate(s, d).scenario.q));
    expect([...qs('easy')].sort()).toEqual(['job-end', 'sidecar-crash', 'start-gate']);
    expect(qs('medium').has('termination')).toBe(true);
    expect(qs('hard').has('prestop')).toBe(true);
    expect(qs('hard').has('sigterm')).toBe(true);
  });

  it('lets a Job with a sidecar complete: the sidecar is stopped, not restarted', () => {
    const p = find('job-end', 'easy');
    expect(keyOf(p, sidecarLifecycle.solve(p))).toBe('succeeded');
    const grade = sidecarLifecycle.grade(p, idOf(p, 'waits'));
    expect(grade.score).toBe(0);
    expect(grade.explanation).toMatch(/does not restart/);
    expect(grade.docUrl).toContain('#jobs-with-sidecar-containers');
  });

  it('keeps the pod going when the main container will be restarted under OnFailure', () => {
    const p = find('job-end', 'medium', (x) => x.scenario.q === 'job-end' && x.scenario.policy === 'OnFailure' && x.scenario.exitCode !== 0);
    expect(keyOf(p, sidecarLifecycle.solve(p))).toBe('main-restarts');
  });

  it('restarts a crashed sidecar even under restartPolicy Never', () => {
    const p = find('sidecar-crash', 'easy');
    expect(p.scenario).toMatchObject({ policy: 'Never' });
    expect(keyOf(p, sidecarLifecycle.solve(p))).toBe('restarted');
    expect(sidecarLifecycle.grade(p, idOf(p, 'pod-failed')).score).toBe(0);
  });

  it('never lets a sidecar exit code fail the pod (P12)', () => {
    const p = find('exit-phase', 'medium', (x) => x.scenario.q === 'exit-phase' && x.scenario.mainExit === 0);
    expect(keyOf(p, sidecarLifecycle.solve(p))).toBe('Succeeded');
    expect(sidecarLifecycle.grade(p, idOf(p, 'Failed')).explanation).toMatch(/never fails the pod/);
  });

  it('starts the init container after a sidecar once the sidecar is started, not when it exits', () => {
    const p = find('start-gate', 'medium', (x) => x.scenario.q === 'start-gate' && x.scenario.init[x.scenario.target - 1]!.sidecar);
    expect(keyOf(p, sidecarLifecycle.solve(p))).toBe('started');
    expect(sidecarLifecycle.grade(p, idOf(p, 'exit-0')).score).toBe(0);
  });

  it('runs a sidecar preStop at once, not after the app exits (folklore, sidecars.md)', () => {
    const p = find('prestop', 'hard');
    expect(keyOf(p, sidecarLifecycle.solve(p))).toBe('at-once');
    expect(sidecarLifecycle.grade(p, idOf(p, 'after-apps')).explanation).toMatch(/preStop runs at the start of termination/);
  });

  it('stops sidecars in reverse spec order after every regular container', () => {
    const p = find('termination', 'hard');
    if (p.scenario.q !== 'termination') throw new Error('unreachable');
    const sidecars = p.scenario.init.filter((b) => b.sidecar).map((b) => b.name);
    const apps = p.scenario.apps.map((b) => b.name);
    expect(sidecarLifecycle.grade(p, [...apps, ...[...sidecars].reverse()]).score).toBe(1);
    expect(sidecarLifecycle.grade(p, [...[...apps].reverse(), ...[...sidecars].reverse()]).score).toBe(1);
    const specOrder = sidecarLifecycle.grade(p, [...apps, ...sidecars]);
    expect(specOrder.score).toBeLessThan(1);
    expect(specOrder.explanation).toMatch(/reverse spec order/);
  });

  it('answers the SIGTERM timing of the first sidecar as "after the later one has stopped"', () => {
    const p = find('sigterm', 'hard', (x) => x.scenario.q === 'sigterm' && x.scenario.target === 0 && x.scenario.other === 1);
    expect(keyOf(p, sidecarLifecycle.solve(p))).toBe('after-other');
  });

  it.each(difficulties)('never puts two service-mesh proxies in one pod (%s)', (d) => {
    for (const s of seeds) {
      const yaml = sidecarLifecycle.generate(s, d).yaml;
      expect(['envoy', 'linkerd-proxy', 'istio-proxy'].filter((m) => yaml.includes(`name: ${m}\n`)).length).toBeLessThan(2);
    }
  });

  it('gives the wrong start-gate options the same shape as the right one, so length gives nothing away', () => {
    const p = find('start-gate', 'hard', (x) => x.scenario.q === 'start-gate' && x.scenario.init[x.scenario.target - 1]!.startupProbe === true);
    const right = p.options.find((o) => o.key === 'started')!.label;
    expect(right).toMatch(/startup probe has passed/);
    expect(p.options.find((o) => o.key === 'ready')!.label.length).toBeGreaterThanOrEqual(right.length);
  });

  it('renders a fixed seed the same way', () => {
    const p = sidecarLifecycle.generate('golden', 'medium');
    expect(sidecarLifecycle.publicView(p)).toMatchInlineSnapshot(`
      {
        "code": {
          "language": "yaml",
          "text": "restartPolicy: OnFailure
      initContainers:
        - name: vault-agent
          image: hashicorp/vault:1.15
          restartPolicy: Always
      containers:
        - name: export
          image: ghcr.io/acme/exporter:0.9.4",
        },
        "format": "single",
        "kind": "sidecar-lifecycle",
        "options": [
          {
            "id": "a",
            "label": "\`export\` is restarted; \`vault-agent\` keeps running meanwhile",
          },
          {
            "id": "b",
            "label": "The pod completes as Succeeded; \`vault-agent\` is stopped, not restarted",
          },
          {
            "id": "c",
            "label": "The pod ends as Failed; \`vault-agent\` is stopped, not restarted",
          },
          {
            "id": "d",
            "label": "The pod stays Running until \`vault-agent\` exits on its own",
          },
        ],
        "prompt": "This is a Job's pod template. \`export\` exits with code 0 while \`vault-agent\` is still running. What happens next?",
      }
    `);
  });
});

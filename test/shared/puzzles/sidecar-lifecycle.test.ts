import { describe, expect, it } from 'vitest';
import { sidecarLifecycle, sidecarTemplates, type SidecarPuzzle } from '../../../shared/puzzles/sidecar-lifecycle.ts';
import { difficulties, type Difficulty } from '../../../shared/puzzles/kind.ts';
import { createRng } from '../../../shared/random.ts';
import { checkPuzzleKind } from '../puzzle-kind-properties.ts';
import { sidecarsListed } from '../../../shared/puzzles/sidecar-cast.ts';
import { ruleInfo } from '../../../shared/model/rules/index.ts';

checkPuzzleKind(sidecarLifecycle);

const seeds = Array.from({ length: 600 }, (_, i) => `s${i}`);
const all = new Map<Difficulty, SidecarPuzzle[]>();
const puzzles = (d: Difficulty): SidecarPuzzle[] => {
  if (!all.has(d)) all.set(d, seeds.map((s) => sidecarLifecycle.generate(s, d)));
  return all.get(d)!;
};
function find(template: string, d: Difficulty, key?: string, extra: (p: SidecarPuzzle) => boolean = () => true): SidecarPuzzle {
  const found = puzzles(d).find((p) => p.ask.template === `sidecar-lifecycle/${template}` && (key === undefined || (p.ask.format === 'single' && p.ask.key === key)) && extra(p));
  if (!found) throw new Error(`no ${template}/${key ?? ''} puzzle at ${d}`);
  return found;
}
const idOf = (p: SidecarPuzzle, key: string): string => p.options.find((o) => o.key === key)!.id;
const yaml = (p: SidecarPuzzle): string => p.ask.yaml;

describe('sidecarLifecycle', () => {
  it('builds every template for every answer it can have, and the model agrees each time', () => {
    for (const t of sidecarTemplates) {
      for (const level of t.levels) {
        for (const key of t.keys(level)) {
          for (let i = 0; i < 30; i++) {
            const ask = t.make(createRng(`${t.id}:${key}:${i}`), level, key);
            if (ask.format === 'single') expect(ask.key).toBe(key);
            expect(ask.yaml.split('\n').length, `${t.id} ${key}`).toBeLessThanOrEqual(16);
          }
        }
      }
    }
  });

  it('keeps hard questions to the hard level, each exercising two rules', () => {
    const easyTemplates = new Set(puzzles('easy').map((p) => p.ask.template));
    for (const p of puzzles('hard')) {
      expect(easyTemplates.has(p.ask.template)).toBe(false);
      expect(p.ask.rules.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('lets a Job with a native sidecar complete, and never one whose helper sits in containers', () => {
    const native = find('job-end', 'easy', 'succeeded');
    expect(yaml(native)).toMatch(/initContainers:[\s\S]*restartPolicy: Always/);
    expect(sidecarLifecycle.grade(native, sidecarLifecycle.solve(native)).docUrl).toContain('#jobs-with-sidecar-containers');
    const legacy = find('job-end', 'easy', 'runs-on');
    expect(yaml(legacy)).not.toContain('initContainers');
    const wrong = sidecarLifecycle.grade(legacy, idOf(legacy, 'succeeded'));
    expect(wrong.score).toBe(0);
    expect(wrong.explanation).toMatch(/listed in containers, not as a native sidecar/);
  });

  it('keeps the Job going when main will be restarted under OnFailure', () => {
    const p = find('job-end', 'medium', 'main-restarts');
    expect(yaml(p)).toContain('restartPolicy: OnFailure');
  });

  it('restarts a native sidecar even under restartPolicy Never', () => {
    const p = find('helper-exits', 'easy', 'restarted-running', (x) => yaml(x).includes('restartPolicy: Never') && yaml(x).includes('initContainers'));
    expect(sidecarLifecycle.grade(p, idOf(p, 'stopped-running')).score).toBe(0);
  });

  it('gates the next init container on a sidecar started, after its startupProbe at medium', () => {
    const p = find('start-gate', 'medium', 'startup');
    expect(yaml(p)).toContain('startupProbe');
    expect(sidecarLifecycle.meta(p).rules).toContain('sidecars/startup-probe-gates');
  });

  it('stops app containers first, then sidecars in reverse spec order', () => {
    const p = find('stop-order', 'easy');
    if (p.ask.format !== 'order') throw new Error('unreachable');
    const [apps, last, first] = p.ask.stages;
    const sidecarsInSpec = [...yaml(p).matchAll(/- name: (\S+)\n\s+image: \S+\n\s+restartPolicy: Always/g)].map((m) => m[1]);
    expect([first![0], last![0]]).toEqual(sidecarsInSpec);
    expect(sidecarLifecycle.grade(p, [...apps!, ...last!, ...first!]).score).toBe(1);
    const specOrder = sidecarLifecycle.grade(p, [...apps!, ...first!, ...last!]);
    expect(specOrder.score).toBeLessThan(1);
    expect(specOrder.lines.some((l) => l.text.startsWith('✗'))).toBe(true);
  });

  it('signals a helper listed in containers together with the app', () => {
    const p = find('stop-order-mixed', 'hard');
    if (p.ask.format !== 'order') throw new Error('unreachable');
    expect(p.ask.stages[0]).toHaveLength(2);
    expect(sidecarLifecycle.meta(p).rules).toContain('sidecars/legacy-sidecar');
  });

  it('runs a sidecar preStop at once: its SIGTERM waits for the longer of the hook and the app', () => {
    for (const p of puzzles('hard').filter((x) => x.ask.template.endsWith('sigterm-seconds')).slice(0, 30)) {
      if (p.ask.format !== 'number') throw new Error('unreachable');
      expect(p.ask.value).toBeGreaterThan(0);
      expect(sidecarLifecycle.grade(p, p.ask.value).score).toBe(1);
      expect(sidecarLifecycle.grade(p, p.ask.value + 1).score).toBe(0);
    }
  });

  it('never lets a failing readinessProbe hold back start-up, but a failing startupProbe does', () => {
    expect(yaml(find('stuck-sidecar', 'hard', 'stuck'))).toContain('startupProbe');
    expect(yaml(find('stuck-sidecar', 'hard', 'not-ready'))).toContain('readinessProbe');
  });

  it('draws a picture for orders and timelines, and names the answer for the figures', () => {
    const order = find('start-order', 'medium');
    expect(sidecarLifecycle.picture(order)?.type).toBe('sequence');
    expect(sidecarLifecycle.meta(order).answerKey).toBeNull();
    const single = find('pod-ready', 'easy', 'sidecar');
    expect(sidecarLifecycle.meta(single).answerKey).toBe('No: `<app>` is ready, but `<sidecar>` is not'.replace(/`/g, ''));
  });

  it('uses eight templates at every level', () => {
    for (const d of difficulties) expect(new Set(puzzles(d).map((p) => p.ask.template)).size).toBe(8);
  });
});

describe('sidecarLifecycle reveal data', () => {
  it('points explanation lines at the YAML lines of the containers they name', () => {
    const p = find('job-end', 'easy', 'runs-on');
    const grade = sidecarLifecycle.grade(p, sidecarLifecycle.solve(p));
    const lines = p.ask.yaml.split('\n');
    const pointed = grade.lines.flatMap((l) => l.evidence?.codeLines ?? []);
    expect(pointed.length).toBeGreaterThan(0);
    for (const n of pointed) expect(lines[n - 1]).toMatch(/name: /);
  });

  it('draws a timeline for the seconds questions, with the asked moment marked', () => {
    const p = find('sigterm-seconds', 'hard');
    const picture = sidecarLifecycle.picture(p);
    if (picture?.type !== 'timeline' || p.ask.format !== 'number') throw new Error('expected a timeline');
    expect(picture.answerAt).toBe(p.ask.value);
    expect(picture.tracks.length).toBe(3);
    expect(picture.end).toBeGreaterThan(p.ask.value);
  });
});

describe('sidecarLifecycle realism', () => {
  it('lists the mesh proxy before every other native sidecar and every networked init container', () => {
    let withMeshAndMore = 0;
    for (const d of difficulties) {
      for (const p of puzzles(d)) {
        const sidecars = sidecarsListed(p.ask.yaml);
        const mesh = sidecars.findIndex((n) => ['envoy', 'linkerd-proxy', 'istio-proxy'].includes(n));
        expect(mesh, `${p.ask.template}\n${p.ask.yaml}`).toBeLessThanOrEqual(0);
        if (mesh === 0 && sidecars.length > 1) withMeshAndMore++;
        const lines = p.ask.yaml.split('\n');
        const meshLine = lines.findIndex((l) => /^- name: (envoy|linkerd-proxy|istio-proxy)$/.test(l));
        const initEnd = lines.indexOf('containers:');
        if (meshLine >= 0 && meshLine < initEnd) {
          for (const l of lines.slice(0, meshLine)) if (/^- \{ name: /.test(l)) expect(l, p.ask.yaml).toMatch(/name: fix-permissions/);
        }
      }
    }
    expect(withMeshAndMore).toBeGreaterThan(50);
  });

  it('says why the mesh proxy is first in the stop-order explanations', () => {
    const p = find('stop-order', 'medium', undefined, (x) => sidecarsListed(x.ask.yaml).length > 1 && ['envoy', 'linkerd-proxy', 'istio-proxy'].includes(sidecarsListed(x.ask.yaml)[0]!));
    expect(sidecarLifecycle.grade(p, sidecarLifecycle.solve(p)).explanation).toMatch(/is listed first for that reason: it stops last/);
  });

  it('calls an exit 137 an OOM kill, never a crash', () => {
    for (const d of difficulties) for (const p of puzzles(d)) expect(p.ask.prompt).not.toMatch(/137 \(it crashed\)/);
    expect(puzzles('easy').some((p) => /is OOM-killed \(exit code 137\)/.test(p.ask.prompt))).toBe(true);
  });

  it('links a helper in containers killed by its startupProbe to the startup probe docs', () => {
    const p = find('stuck-sidecar', 'hard', 'loop');
    expect(p.ask.rules).toContain('probes/startup-budget');
    expect(sidecarLifecycle.grade(p, sidecarLifecycle.solve(p)).docUrl).toBe(ruleInfo('probes/startup-budget').docUrl);
  });

  it('links each claim to a section that says it: app readiness, an OnFailure rerun, and preStop timing owned up to', () => {
    const docOf = (p: SidecarPuzzle): string => sidecarLifecycle.grade(p, sidecarLifecycle.solve(p)).docUrl;
    // An app container not ready: the probes page says the Pod then gets no traffic; the sidecar page does not.
    expect(docOf(find('pod-ready', 'easy', 'app'))).toBe('https://kubernetes.io/docs/concepts/workloads/pods/probes/#readiness-probe');
    // main runs again under OnFailure: the restart-policy table, not the Jobs section (completion only).
    expect(docOf(find('crashloop-at-end', 'hard', 'again'))).toContain('container-restarts/#pod-level-container-restart-policy');
    // No docs page says a sidecar's preStop runs at once: the explanation says whose behaviour it is.
    const hooked = puzzles('hard').filter((p) => p.ask.template === 'sidecar-lifecycle/sigterm-seconds');
    expect(hooked.length).toBeGreaterThan(5);
    for (const p of hooked) {
      const text = sidecarLifecycle.grade(p, sidecarLifecycle.solve(p)).explanation;
      if (/preStop/.test(text)) expect(text).toContain('kubelet behaviour, not in the docs');
    }
  });
});

/** The YAML lines of one container's entry (its `- name:` line and the indented lines under it). */
function entryOf(spec: string, name: string): string[] {
  const lines = spec.split('\n');
  const at = lines.findIndex((l) => new RegExp(`^- (\\{ )?name: ${name}\\b`).test(l));
  if (at < 0) return [];
  const rest = lines.slice(at + 1);
  const end = rest.findIndex((l) => !l.startsWith('  '));
  return [lines[at]!, ...(end < 0 ? rest : rest.slice(0, end))];
}

describe('sidecarLifecycle: states a cluster can reach', () => {
  const asks = () => sidecarTemplates.flatMap((t) => t.levels.flatMap((level) => t.keys(level).flatMap((key) =>
    Array.from({ length: 40 }, (_, i) => t.make(createRng(`reach:${t.id}:${level}:${key}:${i}`), level, key)))));

  it('shows a running, started container not ready only when it has a readinessProbe, and links a probe it has', () => {
    let checked = 0;
    for (const ask of asks()) {
      const cols = ask.table?.columns ?? [];
      const [state, started, ready] = ['State', 'Started', 'Ready'].map((c) => cols.indexOf(c));
      if (ready === undefined || ready < 0) continue;
      for (const row of ask.table!.rows) {
        if (row[state!] !== 'Running' || row[started!] !== 'yes' || row[ready] !== 'no') continue;
        checked++;
        const entry = entryOf(ask.yaml, row[0]!).join('\n');
        expect(entry, `${ask.template} ${row[0]}\n${ask.yaml}`).toMatch(/readinessProbe:/);
        if (ask.docUrl.includes('#readiness-probe')) expect(entry).toMatch(/readinessProbe:/);
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('offers no two-part option that is another option with a clause added', () => {
    const parts = (label: string): string[] => label.split(/; |, and |, | and |: /).map((s) => s.trim().replace(/^and /, ''));
    for (const ask of asks()) {
      if (ask.format !== 'single') continue;
      for (const a of ask.options) for (const b of ask.options) {
        if (a.key === b.key) continue;
        const pa = parts(a.label);
        const pb = parts(b.label);
        expect(pa.length > 1 && pa.every((x) => pb.includes(x)), `${ask.template}: "${a.label}" ⊂ "${b.label}"`).toBe(false);
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { podDesign } from '../../../shared/model/pod-design.ts';
import type { Difficulty } from '../../../shared/puzzles/kind.ts';
import { samePod } from '../../../shared/puzzles/same-pod.ts';
import { easyTemplates } from '../../../shared/puzzles/same-pod-easy.ts';
import { hardTemplates } from '../../../shared/puzzles/same-pod-hard.ts';
import { MIXED, TOGETHER, APART } from '../../../shared/puzzles/same-pod-pairs.ts';
import { FOLKLORE } from '../../../shared/puzzles/same-pod-words.ts';
import { createRng } from '../../../shared/random.ts';
import { checkPuzzleKind } from '../puzzle-kind-properties.ts';

checkPuzzleKind(samePod);

const levels: Difficulty[] = ['easy', 'medium', 'hard'];
const puzzles = (d: Difficulty, n = 400) => Array.from({ length: n }, (_, i) => samePod.generate(`sp-${i}`, d));

describe('samePod', () => {
  it('never runs a drained Job pod\'s log shipper as a plain container, which would keep the Job from completing', () => {
    const drained = puzzles('hard').filter((p) => samePod.meta(p).template === 'same-pod/what-restarts' && /drained/.test(samePod.publicView(p).prompt) && /Job/.test(samePod.publicView(p).prompt));
    expect(drained.length).toBeGreaterThan(3);
    for (const p of drained) expect(samePod.publicView(p).code!.text).toMatch(/initContainers:[\s\S]*restartPolicy: Always/);
  });

  it('makes each gateway a single pod when the reload goes through its Service', () => {
    const viaService = puzzles('hard').filter((p) => samePod.meta(p).template === 'same-pod/reload-access' && samePod.meta(p).answerKey === 'Own pod, through a Service');
    expect(viaService.length).toBeGreaterThan(0);
    for (const p of viaService) expect(samePod.publicView(p).prompt).toContain('replicas: 1');
  });

  it('gives every template at least three different correct answers', () => {
    for (const d of levels) {
      const answers = new Map<string, Set<string>>();
      for (const p of puzzles(d)) {
        const m = samePod.meta(p);
        answers.set(m.template, (answers.get(m.template) ?? new Set()).add(m.answerKey!));
      }
      for (const [t, keys] of answers) expect(keys.size, t).toBeGreaterThanOrEqual(3);
      expect(answers.size).toBe(8);
    }
  });

  it('shows in the YAML whether the helper is a native sidecar, and that decides a Never Job pod\'s restart', () => {
    const t = hardTemplates.find((x) => x.id === 'same-pod/what-restarts')!;
    let native = 0; let plain = 0;
    for (let i = 0; i < 300; i++) {
      const answer = t.answers[i % t.answers.length]!;
      const d = t.make(createRng(`wr${i}`), answer);
      const yaml = d.code!.text;
      const never = /restartPolicy: Never/.test(yaml) && /OOMKilled|liveness probe fails/.test(d.prompt);
      if (!never) continue;
      const killed = /Then `?([a-z-]+)(?:'s|'|`)? (?:goes over|liveness)/.exec(d.prompt.replace(/`/g, ''))![1]!;
      const isNative = new RegExp(`initContainers:\\n  - name: ${killed}\\n[\\s\\S]*?restartPolicy: Always`).test(yaml);
      if (isNative) native++; else plain++;
      expect(d.answerKey, `${d.prompt}\n${yaml}`).toBe(isNative ? 'Only that container, in place' : 'Nothing restarts');
      expect(d.because[0]!.text).toMatch(isNative ? /native sidecar/ : /second entry in containers/);
    }
    expect(native).toBeGreaterThan(5);
    expect(plain).toBeGreaterThan(5);
  });

  it('takes the verdict from podDesign: the option naming the deciding reason is the answer', () => {
    const verdict = easyTemplates.find((t) => t.id === 'same-pod/verdict-stated')!;
    for (const [i, reason] of verdict.answers.entries()) {
      const draft = verdict.make(createRng(`v${i}`), reason);
      const right = draft.options.find((o) => o.correct)!;
      expect(right.label).toBe(draft.answerKey);
      expect(right.label.startsWith(['shares-localhost', 'shares-volume', 'shares-ipc'].includes(reason) ? 'One pod' : 'Separate pods')).toBe(true);
    }
  });

  it('keeps its pairs honest: coupled pairs together, split pairs apart, and on mixed pairs the split wins', () => {
    const rng = createRng('pairs');
    for (const m of Object.values(TOGETHER)) expect(podDesign(m(rng).needs).together).toBe(true);
    for (const m of Object.values(APART)) expect(podDesign(m(rng).needs).together).toBe(false);
    for (const m of Object.values(MIXED)) {
      const p = m(rng);
      expect(podDesign(p.needs).together, p.pattern).toBe(false);
      expect(p.needs.sharesLocalhost || p.needs.sharesVolume || p.needs.sharesIpc, p.pattern).toBe(true);
    }
  });

  it('sets the trap on mixed pairs: the coupling that holds is offered, and it is wrong', () => {
    const mixed = hardTemplates.find((t) => t.id === 'same-pod/mixed-needs')!;
    for (const [i, answer] of mixed.answers.entries()) {
      const draft = mixed.make(createRng(`m${i}`), answer);
      const trap = draft.options.find((o) => /^One pod: they (must reach|share files|exchange data)/.test(o.label));
      expect(trap?.correct, draft.prompt).toBe(false);
    }
  });

  it('explains a wrong pick first, then the rule, in at most 60 words', () => {
    for (const d of levels) {
      for (const p of puzzles(d, 150)) {
        const view = samePod.publicView(p);
        const wrong = view.options.find((o) => o.id !== samePod.solve(p))!;
        const grade = samePod.grade(p, wrong.id);
        expect(grade.lines.length).toBeGreaterThanOrEqual(2);
        expect(grade.lines[0]!.evidence?.optionIds).toEqual([wrong.id]);
        expect(samePod.grade(p, samePod.solve(p)).explanation.split(/\s+/).length).toBeLessThanOrEqual(60);
      }
    }
  });

  it('never lets the form of the options give the key away', () => {
    // A test-wise player picks the odd one out: one option opening differently from three that open alike, or the only
    // one that names a mechanism the prompt mentions. The key must never be either.
    const opening = (l: string) => l.replace(/`/g, '').toLowerCase().split(/[\s,:;]+/).slice(0, 2).join(' ');
    // What ties two containers (not "Service": a prompt's Service call is a situation, and the verdict labels name it).
    const MECHANISMS = ['shared memory', 'localhost', 'emptydir', 'unix socket', 'shareprocessnamespace', 'podaffinity', '127.0.0.1'];
    const bad = new Set<string>();
    for (const d of levels) {
      for (let i = 0; i < 600; i++) {
        const p = samePod.generate(`form-${d}-${i}`, d);
        const labels = samePod.publicView(p).options.map((o) => o.label);
        const key = labels.find((l) => l === samePod.publicView(p).options.find((o) => o.id === samePod.solve(p))!.label)!;
        const others = labels.filter((l) => l !== key);
        const where = `${samePod.meta(p).template} ${d} form-${d}-${i}: ${key}`;
        // pick-apart lists pair descriptions ("an API and its Envoy proxy"): alike openings there are chance, not form.
        if (samePod.meta(p).template !== 'same-pod/pick-apart' && new Set(others.map(opening)).size === 1 && opening(others[0]!) !== opening(key)) bad.add(`odd opening: ${where}`);
        const prompt = samePod.publicView(p).prompt.toLowerCase();
        for (const m of MECHANISMS) {
          if (prompt.includes(m) && key.toLowerCase().includes(m) && !others.some((l) => l.toLowerCase().includes(m))) bad.add(`only the key names ${m}: ${where}`);
        }
      }
    }
    expect([...bad].slice(0, 2000)).toEqual([]);
  });

  it('mixes technical folklore with the organisational kind, so "team, language, repository" is no shortcut', () => {
    // Review K2 (what repeats, item 4): the wrong options were always organisational. Now they are one kind of folklore among two.
    const labels = new Set(Object.values(FOLKLORE).map((f) => f.label));
    const shown = levels.flatMap((d) => puzzles(d).flatMap((p) => samePod.publicView(p).options.map((o) => o.label).filter((l) => labels.has(l))));
    expect(shown.length).toBeGreaterThan(200);
    const organisational = shown.filter((l) => /team|language|repositor/.test(l)).length;
    expect(organisational / shown.length).toBeLessThan(0.4);
    expect(new Set(shown).size).toBeGreaterThanOrEqual(10);
  });

  it('renders a golden puzzle', () => {
    const p = samePod.generate('golden', 'hard');
    expect({ prompt: samePod.publicView(p).prompt, options: samePod.publicView(p).options.map((o) => o.label), meta: samePod.meta(p) }).toMatchSnapshot();
  });
});

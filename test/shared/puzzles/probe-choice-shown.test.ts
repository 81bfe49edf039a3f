// Review M1 properties: explanations name only what the view shows, boot questions keep a full period clear of the
// kill window, and the no-probe options are false for every pod shown but the key's.
import { describe, expect, it } from 'vitest';
import { probeChoice, type ProbeChoicePuzzle } from '../../../shared/puzzles/probe-choice.ts';
import { difficulties, type Difficulty } from '../../../shared/puzzles/kind.ts';
import { withProbeDefaults } from '../../../shared/model/probes.ts';
import { readPod } from './probe-yaml-reader.ts';

const puzzlesAt = (d: Difficulty, n = 600): ProbeChoicePuzzle[] => Array.from({ length: n }, (_, i) => probeChoice.generate(`pcs-${d}-${i}`, d));

describe('probeChoice: what the view shows', () => {
  it.each(difficulties)('every path and port an explanation names appears in the prompt or the YAML (%s)', (d) => {
    for (const p of puzzlesAt(d)) {
      const view = `${p.prompt}\n${p.yaml ?? ''}`;
      for (const line of p.lines) {
        for (const path of line.text.match(/(?<![\w.])\/[a-z][\w./-]*[\w]/g) ?? []) expect(view, `${p.template}: ${path}\n${line.text}`).toContain(path);
        for (const port of line.text.matchAll(/port (\d+)/g)) expect(view, `${p.template}: port ${port[1]}\n${line.text}`).toContain(port[1]!);
      }
    }
  });

  // "a livenessProbe's job" in a spec-less question is the concept; "the readinessProbe's path/check" is this spec's.
  it.each(difficulties)('an explanation points at a probe\'s path or check only where the spec has that probe (%s)', (d) => {
    for (const p of puzzlesAt(d)) {
      const yaml = p.yaml ?? '';
      for (const line of p.lines) {
        for (const [, probe] of line.text.matchAll(/\b(liveness|readiness|startup)Probe’s (?:path|check)/g)) {
          expect(yaml, `${p.template}: ${probe}Probe\n${line.text}`).toContain(`${probe}Probe:`);
        }
      }
    }
  });

  it('boot-survives keeps the boot at least one period away from the kill window', () => {
    let checked = 0;
    for (const p of puzzlesAt('medium', 1500).filter((q) => q.template === 'probe-choice/boot-survives')) {
      const boot = Number(p.prompt.match(/about (\d+) seconds to boot/)![1]);
      const probes = readPod(p.yaml!).containers[0]!.probes;
      const shown = (probes['startupProbe'] ?? probes['livenessProbe']!).fields;
      const gate = withProbeDefaults(shown);
      const earliest = gate.initialDelaySeconds + (gate.failureThreshold - 1) * gate.periodSeconds;
      const latest = gate.initialDelaySeconds + gate.failureThreshold * gate.periodSeconds;
      if (p.answer === 'boots') expect(earliest - boot, p.prompt).toBeGreaterThanOrEqual(gate.periodSeconds);
      else expect(boot - latest, p.prompt).toBeGreaterThanOrEqual(gate.periodSeconds);
      for (const line of p.lines.slice(0, 1)) expect(line.text).toContain(`${earliest} s at the earliest`);
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('no-probe: every option but the key is false for the pod shown', () => {
    let checked = 0;
    for (const p of puzzlesAt('easy', 1500).filter((q) => q.template === 'probe-choice/no-probe')) {
      const pod = readPod(p.yaml!);
      const policy = pod.spec['restartPolicy'];
      const exit = p.prompt.match(/exits with code (\d+)/);
      const restarts = exit !== null && (policy === 'Always' || (policy === 'OnFailure' && exit[1] !== '0'));
      const truth: Record<string, boolean> = {
        'restarts-container': restarts,
        'stays-stopped': exit !== null && !restarts,
        'nothing-looks-healthy': exit === null,
        // no probe is defined, so a readinessProbe acts in no pod of this template
        'readiness-removes': Object.keys(pod.containers[0]!.probes).length > 0,
      };
      const trueOnes = Object.values(p.optionAnswers).filter((a) => truth[a] ?? expect.fail(`unread option ${a}`));
      expect(trueOnes, p.prompt).toEqual([p.answer]);
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });
});

import { describe, expect, it } from 'vitest';
import { TOOLS, toolsFor } from '../../../shared/model/tools.ts';
import { whichTool } from '../../../shared/puzzles/which-tool.ts';
import { easyTemplates } from '../../../shared/puzzles/which-tool-easy.ts';
import { mediumTemplates } from '../../../shared/puzzles/which-tool-medium.ts';
import { offeredLevel } from '../../../shared/puzzles/levels.ts';
import { createRng } from '../../../shared/random.ts';
import { checkPuzzleKind } from '../puzzle-kind-properties.ts';

checkPuzzleKind(whichTool);

describe('whichTool', () => {
  it('offers easy and medium only, and plays medium when hard is asked for', () => {
    expect(whichTool.levels).toEqual(['easy', 'medium']);
    expect(whichTool.templates.hard).toEqual([]);
    expect(offeredLevel(whichTool, 'hard')).toBe('medium');
    const p = whichTool.generate('x', 'hard');
    expect(whichTool.templates.medium).toContain(whichTool.meta(p).template);
    expect(p.difficulty).toBe('medium');
  });

  it('asks about all six tools of the seed, at both levels', () => {
    for (const d of ['easy', 'medium'] as const) {
      const answers = new Set(Array.from({ length: 400 }, (_, i) => whichTool.meta(whichTool.generate(`wt-${i}`, d)).answerKey));
      expect([...answers].sort()).toEqual([...TOOLS].sort());
    }
  });

  it('offers only tools as options, one right, and every template at least three different answers', () => {
    for (const t of [...easyTemplates, ...mediumTemplates]) {
      expect(t.answers.length, t.id).toBeGreaterThanOrEqual(3);
      for (const [i, answer] of t.answers.entries()) {
        const draft = t.make(createRng(`${t.id}:${i}`), answer);
        expect(draft.options.every((o) => (TOOLS as readonly string[]).includes(o.label))).toBe(true);
        expect(draft.options.filter((o) => o.correct).map((o) => o.label)).toEqual([answer]);
        expect(draft.options.find((o) => !o.correct)!.why).toMatch(/\.$/);
      }
    }
  });

  it('never offers a second tool that would also answer', () => {
    // The model decides: an option is wrong only if it lacks a capability the need lists.
    expect(toolsFor(['regex-pod-logs'])).toEqual(['stern']);
    for (let i = 0; i < 300; i++) {
      const p = whichTool.generate(`wt-x-${i}`, i % 2 ? 'easy' : 'medium');
      expect(p.options.filter((o) => o.correct)).toHaveLength(1);
    }
  });
});

import '@testing-library/svelte/vitest';
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import { cellKey, evidenceMarks, explanationLines, hasEvidence, splitSentences, withoutRepeatedNotes } from '../../client/src/lib/evidence.ts';
import { codeLines } from '../../client/src/lib/code-lines.ts';
import { legendOf, percentAt, ticks, timelineSummary } from '../../client/src/lib/timeline.ts';
import CodeView from '../../client/src/components/CodeView.svelte';
import TableView from '../../client/src/components/TableView.svelte';
import RevealBody from '../../client/src/host/RevealBody.svelte';
import type { ExplanationLine, TimelinePicture } from '../../client/src/lib/reveal-types.ts';
import type { PuzzleView } from '../../shared/puzzles/kind.ts';
import type { RevealInfo } from '../../shared/protocol.ts';

// Fixtures in the shape of the puzzle contract's reveal (lines with evidence, a picture).
const lines: ExplanationLine[] = [
  { text: 'The startup probe fails three times.', evidence: { codeLines: [4, 5] } },
  { text: 'Then the kubelet restarts the container.', evidence: { cells: [{ row: 1, column: 2 }], optionIds: ['b'] } },
  { text: 'Restarts back off from 10 s.' },
];

const puzzle: PuzzleView = {
  kind: 'fixture',
  format: 'single',
  prompt: 'When is app restarted?',
  code: { language: 'yaml', text: 'containers:\n- name: app\n  startupProbe:\n    failureThreshold: 3\n    periodSeconds: 10\n' },
  table: { columns: ['Container', 'State', 'Restarts'], rows: [['sidecar', 'Running', '0'], ['app', 'Waiting', '2']] },
  options: [
    { id: 'a', label: 'At 10 s' },
    { id: 'b', label: 'At 30 s' },
  ],
};

const timeline: TimelinePicture = {
  type: 'timeline',
  unit: 's',
  end: 40,
  tracks: [
    { label: 'startup probe', marks: [{ at: 10, label: 'fails', tone: 'fail' }, { at: 20, label: 'fails', tone: 'fail' }, { at: 30, label: 'fails', tone: 'fail' }] },
    { label: 'app', marks: [{ at: 0, label: 'starts', tone: 'start' }, { at: 30, label: 'restarted', tone: 'restart' }] },
  ],
  answerAt: 30,
};

describe('evidenceMarks', () => {
  it('numbers what each line points at, so the screen can put the same number beside it', () => {
    const marks = evidenceMarks(lines);
    expect([...marks.code]).toEqual([[4, [1]], [5, [1]]]);
    expect(marks.cells.get(cellKey(1, 2))).toEqual([2]);
    expect(marks.options.get('b')).toEqual([2]);
    expect(hasEvidence(marks)).toBe(true);
    expect(hasEvidence(evidenceMarks([{ text: 'No pointers.' }]))).toBe(false);
  });

  it('keeps one number per line even when a line names the same thing twice', () => {
    const marks = evidenceMarks([{ text: 'x', evidence: { codeLines: [2, 2], optionIds: ['a', 'a'] } }]);
    expect(marks.code.get(2)).toEqual([1]);
    expect(marks.options.get('a')).toEqual([1]);
  });
});

describe('explanationLines', () => {
  it('uses the reveal’s own lines when it has them', () => {
    expect(explanationLines(lines, 'ignored')).toEqual(lines);
  });

  it('otherwise shows the explanation one sentence per line, keeping numbers like 1.5 s whole', () => {
    expect(splitSentences('Wait 1.5 s first. Then `kubectl logs` runs! Done?')).toEqual(['Wait 1.5 s first.', 'Then `kubectl logs` runs!', 'Done?']);
    expect(explanationLines(undefined, 'One. Two.')).toEqual([{ text: 'One.' }, { text: 'Two.' }]);
  });
});

describe('codeLines', () => {
  it('measures each line’s indentation so a wrapped line hangs under its own', () => {
    expect(codeLines('a:\n  b: 1\n\t- c\n')).toEqual([
      { number: 1, indent: 0, text: 'a:' },
      { number: 2, indent: 2, text: 'b: 1' },
      { number: 3, indent: 2, text: '- c' },
    ]);
  });
});

describe('timeline arithmetic', () => {
  it('places marks along the axis and pins times outside it to the ends', () => {
    expect(percentAt(10, 40)).toBe(25);
    expect(percentAt(-5, 40)).toBe(0);
    expect(percentAt(90, 40)).toBe(100);
  });

  it('labels round ticks, at most seven', () => {
    expect(ticks(40)).toEqual([0, 10, 20, 30, 40]);
    expect(ticks(300)).toEqual([0, 50, 100, 150, 200, 250, 300]);
    expect(ticks(7).length).toBeLessThanOrEqual(7);
  });

  it('lists each kind of mark once and says the whole picture in a sentence', () => {
    expect(legendOf(timeline)).toEqual([
      { tone: 'fail', label: 'fails' },
      { tone: 'start', label: 'starts' },
      { tone: 'restart', label: 'restarted' },
    ]);
    expect(timelineSummary(timeline)).toBe('startup probe: fails at 10 s, fails at 20 s, fails at 30 s. app: starts at 0 s, restarted at 30 s. The answer is at 30 s.');
  });
});

describe('CodeView and TableView at the reveal', () => {
  it('marks the lines an explanation points at with that line’s number, in words for screen readers too', () => {
    const { container } = render(CodeView, { code: puzzle.code!, marks: evidenceMarks(lines).code });
    const marked = [...container.querySelectorAll('.line.hl')].map((l) => l.textContent);
    expect(marked).toEqual(['1(point 1) failureThreshold: 3', '1(point 1) periodSeconds: 10']);
  });

  it('marks the cell an explanation points at', () => {
    render(TableView, { table: puzzle.table!, marks: evidenceMarks(lines).cells });
    const marked = screen.getAllByRole('cell').filter((c) => c.classList.contains('hl'));
    expect(marked.map((c) => c.textContent)).toEqual(['2(point 2) 2']);
  });

  it('turns each row into a card of column: value pairs on a phone', () => {
    render(TableView, { table: puzzle.table!, cards: true });
    const cards = screen.getAllByRole('listitem');
    expect(cards).toHaveLength(2);
    expect(within(cards[1]!).getByText('Restarts')).toBeTruthy();
    expect(within(cards[1]!).getByText('Waiting')).toBeTruthy();
  });
});

describe('RevealBody', () => {
  const reveal = (over: Partial<RevealInfo> = {}): RevealInfo => ({
    solution: 'b',
    explanation: lines.map((l) => l.text).join(' '),
    lines,
    picture: timeline,
    docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-probes',
    distribution: { correct: 3, partial: 0, wrong: 1, none: 0, options: [{ id: 'a', count: 1 }, { id: 'b', count: 3 }] },
    averageScore: 0.75,
    ...over,
  });

  it('keeps the spec beside the answer, numbers the why, and draws the picture', () => {
    render(RevealBody, { puzzle, reveal: reveal() });
    const why = screen.getByRole('region', { name: 'Why' });
    const [list] = within(why).getAllByRole('list');
    expect(within(list!).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '1The startup probe fails three times.',
      '2Then the kubelet restarts the container.',
      '3Restarts back off from 10 s.',
    ]);
    expect(screen.getByRole('figure', { name: /^YAML/ })).toBeTruthy();
    expect(screen.getByRole('img', { name: /^Timeline\. startup probe: fails at 10 s/ })).toBeTruthy();
    const answer = screen.getByRole('region', { name: 'The answer' });
    expect(within(answer).getByText('At 30 s').closest('li')?.textContent).toMatch(/point 2.*Correct.*3 picked/);
    expect(screen.getByRole('link').textContent).toMatch(/^kubernetes\.io\/…\/pod-lifecycle\/#container-probes/);
  });

  it('without lines (a room saved before they existed), shows the explanation one sentence per line, unnumbered', () => {
    render(RevealBody, { puzzle, reveal: reveal({ lines: [], picture: null }) });
    const why = screen.getByRole('region', { name: 'Why' });
    expect(within(why).getByRole('list').tagName).toBe('UL');
    expect(within(why).getAllByRole('listitem')).toHaveLength(3);
  });
});

describe('withoutRepeatedNotes', () => {
  it('drops a sequence note that repeats an explanation line, keeps the others', () => {
    const picture = {
      type: 'sequence' as const,
      lanes: [{ label: 'start order', steps: [{ id: 'a', label: 'a', note: '`a` is listed first' }, { id: 'b', label: 'b', note: 'runs, exits 0' }] }],
    };
    expect(withoutRepeatedNotes(picture, ['a is listed first.', 'Something else.'])).toEqual({
      type: 'sequence',
      lanes: [{ label: 'start order', steps: [{ id: 'a', label: 'a' }, { id: 'b', label: 'b', note: 'runs, exits 0' }] }],
    });
    expect(withoutRepeatedNotes(timeline, ['fails'])).toBe(timeline);
  });
});

import { describe, expect, it } from 'vitest';
import { parseRoute, normaliseCode, joinHash, hashUrlForPath } from '../../client/src/lib/route.ts';
import { dropIndex, moveItem } from '../../client/src/lib/reorder.ts';
import { crossedMilestone, displaySeconds, remainingMs } from '../../client/src/lib/timer.ts';
import { parseNumber } from '../../client/src/lib/parse-number.ts';
import { safeUrl, shortUrl } from '../../client/src/lib/safe-url.ts';
import { answerStyle, indexForKey, letterFor } from '../../client/src/lib/answer-style.ts';
import { initialOrder } from '../../client/src/lib/order-items.ts';
import { verdictOf } from '../../client/src/lib/verdict.ts';
import { chartRows } from '../../client/src/lib/chart.ts';
import { answerText } from '../../client/src/lib/answer-text.ts';

describe('parseRoute', () => {
  it.each([
    ['', { name: 'home' }],
    ['#/', { name: 'home' }],
    ['#/nowhere', { name: 'home' }],
    ['#/practice', { name: 'practice' }],
    ['#/host', { name: 'host' }],
    ['#/join', { name: 'player', code: null }],
    ['#/join/ab-c7kz', { name: 'player', code: 'ABC7KZ' }],
    ['#/join/abc', { name: 'player', code: null }],
    ['#/join/abcde0', { name: 'player', code: null }],
    ['#/join/%E0%A4%A', { name: 'player', code: null }],
    ['#/join/<script>', { name: 'player', code: null }],
    ['#/play', { name: 'player', code: null }],
  ])('reads %j as %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('builds a join hash that parses back to the same code', () => {
    const code = normaliseCode(' k7 qz 2m ');
    expect(code).toBe('K7QZ2M');
    expect(parseRoute(joinHash(code ?? ''))).toEqual({ name: 'player', code: 'K7QZ2M' });
  });
});

describe('hashUrlForPath', () => {
  it.each([
    ['/join/ABC234', '', '', '/#/join/ABC234'],
    ['/join/abc234/', '', '', '/#/join/ABC234'],
    ['/join/ab-c234', '?src=qr', '', '/?src=qr#/join/ABC234'],
    ['/podium/join/ABC234', '', '', '/podium/#/join/ABC234'],
    ['/join', '', '', '/#/join'],
    ['/join/', '', '#', '/#/join'],
    ['/join/%3Cscript%3E', '', '', '/#/join'],
    ['/join/%E0%A4%A', '', '', '/#/join'],
  ])('sends %s%s%s to %s', (path, search, hash, wanted) => {
    expect(hashUrlForPath(path, search, hash)).toBe(wanted);
  });

  it.each([
    ['/', '', ''],
    ['/', '', '#/practice'],
    ['/join/ABC234', '', '#/host'],
    ['/rejoin/ABC234', '', ''],
    ['/join/ABC234/extra', '', ''],
  ])('leaves %s%s%s alone', (path, search, hash) => {
    expect(hashUrlForPath(path, search, hash)).toBeNull();
  });

  it('lands on the player screen with the code, like the hash link', () => {
    const url = new URL(hashUrlForPath('/join/k7qz23', '', '') ?? '', 'http://podium.test');
    expect(parseRoute(url.hash)).toEqual({ name: 'player', code: 'K7QZ23' });
  });
});

describe('reorder', () => {
  it.each([
    [0, 2, ['b', 'c', 'a']],
    [2, 0, ['c', 'a', 'b']],
    [1, 9, ['a', 'c', 'b']],
    [5, 0, ['a', 'b', 'c']],
  ])('moves the item at %i to %i', (from, to, expected) => {
    expect(moveItem(['a', 'b', 'c'], from, to)).toEqual(expected);
  });

  it.each([
    [0, 10, 0],
    [0, 80, 1],
    [0, 200, 2],
    [2, 5, 0],
    [1, 60, 1],
  ])('drops the item at %i under the pointer at y=%i in slot %i', (from, y, expected) => {
    expect(dropIndex([25, 75, 125], from, y)).toBe(expected);
  });

  it('starts from the order already sent only when it names exactly the items', () => {
    const items = [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }];
    expect(initialOrder(items, ['b', 'a']).map((i) => i.id)).toEqual(['b', 'a']);
    expect(initialOrder(items, ['b', 'x']).map((i) => i.id)).toEqual(['a', 'b']);
    expect(initialOrder(items, 'b').map((i) => i.id)).toEqual(['a', 'b']);
  });
});

describe('timer arithmetic', () => {
  it('counts from the server clock and never below zero', () => {
    expect(remainingMs(10_000, 1_000, 500)).toBe(8_500);
    expect(remainingMs(10_000, 12_000, 0)).toBe(0);
  });

  it.each([
    [8_500, 9],
    [200, 1],
    [0, 0],
  ])('shows %i ms as %i s', (ms, s) => {
    expect(displaySeconds(ms)).toBe(s);
  });

  it.each([
    [10_100, 9_900, 10],
    [10_000, 9_900, null],
    [12_000, 4_000, 5],
    [4_000, 3_000, null],
  ])('from %i ms to %i ms crosses milestone %j', (before, after, mark) => {
    expect(crossedMilestone(before, after, [10, 5])).toBe(mark);
  });
});

describe('input helpers', () => {
  it.each([
    ['30', 30],
    ['2.5', 2.5],
    ['2,5', 2.5],
    [' 1 000 ', 1000],
    ['.5', 0.5],
    ['', null],
    ['1e3', null],
    ['12s', null],
    ['1.2.3', null],
  ])('parses %j as %j', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each([
    ['https://kubernetes.io/docs/concepts/workloads/pods/', 'https://kubernetes.io/docs/concepts/workloads/pods/'],
    ['javascript:alert(1)', null],
    ['data:text/html,hi', null],
    ['not a url', null],
  ])('allows only http(s) links: %s', (raw, expected) => {
    expect(safeUrl(raw)).toBe(expected);
  });

  it.each([
    ['https://kubernetes.io/docs/tasks/debug/debug-application/debug-running-pod/#container-exec', 'kubernetes.io/…/debug-running-pod/#container-exec'],
    ['https://kubernetes.io/docs/', 'kubernetes.io/docs/'],
    ['https://kubernetes.io/', 'kubernetes.io/'],
  ])('shortens %s for one projector line', (url, short) => {
    expect(shortUrl(url)).toBe(short);
  });
});

describe('answer style', () => {
  it('gives each of the first options its own letter, shape and tone', () => {
    const styles = [0, 1, 2, 3].map(answerStyle);
    expect(styles.map((s) => s.letter)).toEqual(['A', 'B', 'C', 'D']);
    expect(new Set(styles.map((s) => s.shape)).size).toBe(4);
    expect(new Set(styles.map((s) => s.tone)).size).toBe(4);
    expect(letterFor(26)).toBe('AA');
  });

  it.each([
    ['b', 4, 1],
    ['B', 4, 1],
    ['3', 4, 2],
    ['e', 4, -1],
    ['0', 4, -1],
    ['Enter', 4, -1],
  ])('maps key %j with %i options to index %i', (key, count, index) => {
    expect(indexForKey(key, count)).toBe(index);
  });
});

describe('verdicts and charts', () => {
  it.each([
    [{ score: 1, correct: true }, true, 'Right!'],
    [{ score: 0.5, correct: false }, true, 'Partly right (50%)'],
    [{ score: 0, correct: false }, true, 'Not quite'],
    [{ score: 0, correct: false }, false, 'No answer in time'],
  ])('words %j (answered: %s) as %s', (grade, answered, text) => {
    expect(verdictOf(grade, answered).text).toBe(text);
  });

  it('scales bars to the largest value unless a maximum is given, and shortens long labels', () => {
    const rows = chartRows([{ label: 'x'.repeat(60), value: 5 }, { label: 'b', value: 10 }], undefined, 300);
    expect(rows.map((r) => r.length)).toEqual([150, 300]);
    expect(rows[0]?.shortLabel.length).toBe(44);
    expect(chartRows([{ label: 'a', value: 50 }], 100, 300)[0]?.length).toBe(150);
    expect(chartRows([{ label: 'a', value: 0 }], undefined, 300)[0]?.length).toBe(0);
  });
});

describe('answerText', () => {
  const view = {
    kind: 'k',
    format: 'order' as const,
    prompt: 'p',
    items: [{ id: 'a', label: 'wait-db' }, { id: 'b', label: 'migrate' }],
  };
  it.each([
    [view, ['b', 'a'], 'migrate → wait-db'],
    [{ ...view, format: 'multi' as const, options: view.items }, [], 'none of them'],
    [{ ...view, format: 'single' as const, options: view.items }, 'a', 'wait-db'],
    [{ ...view, format: 'number' as const, unit: 'seconds' }, 30, '30 seconds'],
  ])('puts %j answered %j into words', (v, answer, text) => {
    expect(answerText(v, answer)).toBe(text);
  });
});

// The partial-credit rules every kind shares (docs/protocol.md, "Scoring"): an order earns only what the player
// fixed, a multi-select earns right ticks less wrong ticks, and neither rewards doing nothing.
import { describe, expect, it } from 'vitest';
import { multiChoiceScore } from '../../../shared/puzzles/choice.ts';
import { isFairShownOrder, orderScore, shownOrder } from '../../../shared/puzzles/ordering.ts';
import { createRng } from '../../../shared/random.ts';
import type { Precedence } from '../../../shared/model/precedence.ts';

const ids = ['a', 'b', 'c', 'd'];
// a → b → c, and a → d
const pairs: Precedence[] = [['a', 'b'], ['b', 'c'], ['a', 'c'], ['a', 'd']];

describe('orderScore', () => {
  const shown = ['b', 'a', 'c', 'd']; // breaks a→b only; keeps b→c, a→c, a→d

  it('scores every order consistent with the pairs 1, whatever the shown order', () => {
    for (const order of [['a', 'b', 'c', 'd'], ['a', 'd', 'b', 'c'], ['a', 'b', 'd', 'c']]) {
      expect(orderScore(ids, pairs, shown, order)).toBe(1);
    }
  });

  it('gives nothing for the order as shown, or for its reverse', () => {
    expect(orderScore(ids, pairs, shown, shown)).toBe(0);
    expect(orderScore(ids, pairs, shown, [...shown].reverse())).toBe(0);
  });

  it('counts the pairs fixed less the pairs spoiled, over the pairs the shown order broke', () => {
    const twoBroken = ['c', 'a', 'b', 'd']; // breaks b→c and a→c; keeps a→b, a→d
    expect(orderScore(ids, pairs, twoBroken, ['a', 'c', 'b', 'd'])).toBe(1 / 2); // fixes a→c, spoils nothing
    expect(orderScore(ids, pairs, twoBroken, ['b', 'c', 'a', 'd'])).toBe(0); // fixes b→c, spoils a→b: 1 − 1
    expect(orderScore(ids, pairs, twoBroken, ['a', 'd', 'b', 'c'])).toBe(1); // consistent
  });

  it('scores junk and orders that are not a permutation 0', () => {
    for (const junk of [null, 'a', ['a', 'b', 'c'], ['a', 'b', 'c', 'c'], ['a', 'b', 'c', 'x'], [1, 2, 3, 4]]) {
      expect(orderScore(ids, pairs, shown, junk)).toBe(0);
    }
  });

  it('shows an order that breaks at least one pair and keeps at least as many as it breaks', () => {
    for (let i = 0; i < 200; i++) {
      const order = shownOrder(createRng(`shown-${i}`), ids, pairs);
      expect(isFairShownOrder(order, pairs)).toBe(true);
      expect(orderScore(ids, pairs, order, order)).toBe(0);
      expect(orderScore(ids, pairs, order, [...order].reverse())).toBe(0);
    }
  });

  it('refuses to show an order puzzle that has one dependency only', () => {
    expect(() => shownOrder(createRng('one'), ['a', 'b'], [['a', 'b']])).toThrow(/two dependencies/);
  });
});

describe('multiChoiceScore', () => {
  const options = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, label: id.toUpperCase() }));
  const truths = ['a', 'b'];

  it('scores the exact set 1, and both the empty and the full answer 0', () => {
    expect(multiChoiceScore(options, truths, ['b', 'a'])).toBe(1);
    expect(multiChoiceScore(options, truths, [])).toBe(0);
    expect(multiChoiceScore(options, truths, options.map((o) => o.id))).toBe(0);
  });

  it('gives the share of true statements ticked less the share of false ones ticked', () => {
    expect(multiChoiceScore(options, truths, ['a'])).toBe(1 / 2);
    expect(multiChoiceScore(options, truths, ['a', 'b', 'c'])).toBeCloseTo(1 - 1 / 3);
    expect(multiChoiceScore(options, truths, ['a', 'c', 'd'])).toBe(0);
  });

  it('scores junk and unknown ids 0', () => {
    for (const junk of [null, 'a', ['a', 'a'], ['a', 'z'], [1], {}]) expect(multiChoiceScore(options, truths, junk)).toBe(0);
  });
});

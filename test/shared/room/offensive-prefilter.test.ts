// The one-regexp prefilter in front of obscenity (shared/room/names.ts, offensive): it may only ever skip texts
// obscenity's own matcher would not refuse, so every answer is the stock matcher's.
import { describe, expect, it } from 'vitest';
import { englishDataset } from 'obscenity';
import { buildMatcher, offensive, prefilterOf } from '../../../shared/room/names.ts';

/** A deterministic stream of numbers in [0, 1) (the test must not depend on Math.random). */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Texts that match a term's compiled pattern: optional parts in or out, wildcards a random letter, boundaries
 *  dropped (so some sit inside longer words, where the boundary decides). */
function instancesOf(source: string, rnd: () => number): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (source.startsWith('(?:', i)) {
      const close = source.indexOf(')?', i);
      if (rnd() < 0.5) out += source.slice(i + 3, close).replace(/\\(.)/g, '$1');
      i = close + 1;
    } else if (c === '\\' && source[i + 1] === 'b') i++;
    else if (c === '\\') out += source[++i];
    else if (c === '.') out += 'aeiouxz'[Math.floor(rnd() * 7)];
    else out += c;
  }
  return out;
}

const WRAP = ['', 'x', 'the', '1', ' ', 'Ana ', '-', 'ss', 'ing', 'er'];
const LETTERS = 'abcdefghiklmnoprstuwyAEIOST0134$@!. _-';

function corpus(): string[] {
  const rnd = seeded(14);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const sources = buildMatcherSources();
  const texts = ['b123', 'Ana', 'ANA', 'Аna', 'analise', 'Annalise', 'Fukushima', 'shitake', 'Dikshit', 'bot-455', 'Scunthorpe', 'assassin', 'classic', 'cocktail', 'Ana2'];
  for (const source of sources) for (let k = 0; k < 6; k++) texts.push(`${pick(WRAP)}${instancesOf(source, rnd)}${pick(WRAP)}`);
  // Confusables and case: obscenity's transformers see through them, the prefilter must too.
  for (const source of sources.slice(0, 40)) {
    const word = instancesOf(source, rnd);
    texts.push(word.toUpperCase(), word.replace(/a/g, 'а').replace(/o/g, 'о'), word.replace(/(.)/, '$1$1$1'), [...word].join(' '));
  }
  for (let k = 0; k < 3000; k++) {
    let t = '';
    for (let n = 1 + Math.floor(rnd() * 12); n > 0; n--) t += pick([...LETTERS]);
    texts.push(t);
  }
  return texts;
}

const buildMatcherSources = (): string[] => {
  const inside = buildMatcher() as unknown as { blacklistedTerms: { regExp: RegExp }[] };
  return inside.blacklistedTerms.map((t) => t.regExp.source);
};

describe('offensive (prefilter + obscenity)', () => {
  it('finds the prefilter with this obscenity, so the fast path is the one under test', () => {
    expect(prefilterOf(buildMatcher())).not.toBeNull();
    expect(englishDataset.build().blacklistedTerms.length).toBeGreaterThan(50);
  });

  it('answers exactly as the stock matcher over terms, their variants, whitelisted words and random text', () => {
    const stock = buildMatcher();
    const texts = corpus();
    const differs = texts.filter((t) => offensive(t) !== stock.hasMatch(t));
    expect(differs).toEqual([]);
    // Both answers occur in quantity: the comparison is not all one way.
    const refused = texts.filter((t) => stock.hasMatch(t)).length;
    expect(refused).toBeGreaterThan(300);
    expect(texts.length - refused).toBeGreaterThan(1000);
  });

  it('passes on to the matcher every text it matches, whitelisted ones included', () => {
    const stock = buildMatcher();
    const mayMatch = prefilterOf(stock)!;
    for (const t of corpus()) if (stock.hasMatch(t)) expect(mayMatch(t), t).toBe(true);
    // A whitelisted real name contains a term: the prefilter lets it through and the matcher clears it.
    expect(mayMatch('analise')).toBe(true);
    expect(offensive('analise')).toBe(false);
  });
});

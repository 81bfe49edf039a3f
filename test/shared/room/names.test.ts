// The name policy: what the projector will show, and what it refuses (docs/protocol.md, "Names").
import { describe, expect, it } from 'vitest';
import { checkName, nameKeys, skeleton } from '../../../shared/room/names.ts';
import { reduce, getPlayer } from '../../../shared/room/index.ts';
import { apply, join, newRoom } from './fixtures.ts';

const clash = (a: string, b: string): boolean => nameKeys(a).some((k, i) => k === nameKeys(b)[i]);

describe('checkName', () => {
  it.each([
    ['zero-width only', '\u200b\u200b'],
    ['zero-width joiner alone', '\u200d'],
    ['Ana + zero-width space', 'Ana\u200b'],
    ['word joiner', 'A\u2060na'],
    ['right-to-left override', '\u202eanA'],
    ['left-to-right isolate', '\u2066Ana\u2069'],
    ['right-to-left mark', 'Ana\u200f'],
    ['soft hyphen', 'A\u00adna'],
    ['Hangul filler (looks blank)', '\u3164'],
    ['blank braille pattern', '\u2800\u2800'],
    ['tag characters', 'Ana\u{E0041}'],
    ['Zalgo', 'Z\u0300\u0301\u0302\u0303\u0304a\u0305\u0306l\u0307go'],
    ['tab', 'tab\there'],
    ['line break', 'line\nbreak'],
    ['private use', 'Ana\ue000'],
    ['only punctuation-free marks', '\u0301\u0301'],
    ['too long once normalised', 'ｘ'.repeat(21)],
  ])('refuses %s as invalid_name', (_what, raw) => {
    expect(checkName(raw)).toEqual({ ok: false, error: 'invalid_name' });
  });

  it.each([['fuck'], ['ShitHead'], ['f\u0443ck'], ['ＦＵＣＫ']])('refuses the offensive %j as name_not_allowed', (raw) => {
    expect(checkName(raw)).toEqual({ ok: false, error: 'name_not_allowed' });
  });

  it.each([
    ['Ｆｕｌｌｗｉｄｔｈ', 'Fullwidth'],
    ['Ana\u00a0\u00a0Lu', 'Ana Lu'],
    ['  Zoë  ', 'Zoë'],
    ['ﬁona', 'fiona'],
  ])('normalises %j to %j (NFKC, spaces collapsed)', (raw, shown) => {
    expect(checkName(raw)).toEqual({ ok: true, name: shown });
  });

  it.each([['Zoë'], ['李小龙'], ['😀 party'], ['👩‍💻 Dev'], ['❤️ Lu'], ['محمد'], ['नमस्ते'], ['Nguyễn'], ['bot-455'], ['Ana2'], ['Analise'], ['Fukuda'], ['<b>x</b>']])('accepts %j', (raw) => {
    expect(checkName(raw)).toMatchObject({ ok: true });
  });
});

describe('name keys', () => {
  it.each([
    ['Ana', 'ANA'],
    ['Ana', '\u0410na'],
    ['Ana', 'Аna'.normalize('NFKC')],
    ['Ilona', 'llona'],
    ['paypal', '\u0440\u0430ypal'],
    ['Bob', 'B0b'],
  ])('%j and %j clash', (a, b) => {
    expect(clash(a, b)).toBe(true);
  });

  it.each([['Ana', 'Anna'], ['Li', 'Lu'], ['Ben', 'Ken']])('%j and %j do not', (a, b) => {
    expect(clash(a, b)).toBe(false);
  });

  it('skeletons follow TS #39 (NFD, mapped, NFD)', () => {
    expect(skeleton('\u0410')).toBe('A');
    expect(skeleton('é')).toBe('e\u0301');
  });
});

describe('joining with the name policy', () => {
  it('refuses a look-alike of a name in the room as name_taken, with a suggestion', () => {
    const s = apply(newRoom(), join('a', 'Ana'));
    expect(reduce(s, join('b', '\u0410na'))).toEqual({ ok: false, error: 'name_taken', suggestion: '\u0410na2' });
    expect(reduce(s, join('c', 'Ana\u200b'))).toEqual({ ok: false, error: 'invalid_name' });
  });

  it('stores the normalised name', () => {
    expect(getPlayer(apply(newRoom(), join('a', 'Ｂｅｎ')), 'a')!.name).toBe('Ben');
  });
});

// Nicknames, as they will stand on a projector: NFKC-normalised, 1–20 code points in any script, nothing invisible
// (no control, format, bidi or other default-ignorable character, except the joiners inside an emoji), no Zalgo
// stacks, nothing offensive (obscenity's English set), and unique in the room by two keys: ignoring case, and by
// confusable skeleton (Unicode TS #39 via unhomoglyph), so "Ana", "ANA", "Аna" (Cyrillic А) and "Ana"+U+200B
// cannot stand side by side. See docs/protocol.md, "Names".
import {
  RegExpMatcher, collapseDuplicatesTransformer, englishDataset, englishRecommendedWhitelistMatcherTransformers,
  resolveConfusablesTransformer, toAsciiLowerCaseTransformer,
} from 'obscenity';
import unhomoglyph from 'unhomoglyph';
import { limits } from '../protocol.ts';

export type NameRefusal = 'invalid_name' | 'name_not_allowed';
export type NameCheck = { ok: true; name: string } | { ok: false; error: NameRefusal };

/** Never allowed: controls, line/paragraph separators, private use, unassigned, lone surrogates. */
const FORBIDDEN = /[\p{Cc}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Cs}]/u;
/** Invisible characters (format controls, bidi overrides, zero-width spaces, Hangul fillers, tags…) and the blank
 *  braille pattern, which renders as nothing. */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/u;
/** The two invisibles an emoji sequence needs: a zero-width joiner between pictographs, a presentation selector. */
const EMOJI_JOINERS = /(?<=[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F])\u200D(?=\p{Extended_Pictographic})|(?<=[\p{Extended_Pictographic}#*0-9])\uFE0F/gu;
/** More combining marks in a row than any script needs: "Zalgo" text that spills over the lines around it. */
const MARK_STACK = /\p{Mn}{4,}|\p{Me}/u;
const VISIBLE = /[\p{L}\p{N}\p{S}\p{P}]/u;

/** Real names the English set would refuse (it matches inside words). */
const REAL_NAMES = ['analise', 'annalise', 'dikshit', 'fukuda', 'fukushima', 'shitake'];

/** What obscenity 0.4's RegExpMatcher keeps inside (not its typed interface): the terms' compiled patterns and how
 *  it transforms the text they are matched against. */
interface MatcherInside {
  blacklistedTerms: readonly { regExp: RegExp }[];
  blacklistMatcherTransformers: unknown;
  applyTransformers(input: string, transformers: unknown): [number[], string];
}

/**
 * "No term can match this text": every blacklisted term's pattern in one alternation, tried once on the text as
 * the matcher transforms it. hasMatch is true only when some term's pattern matches that text somewhere (and the
 * match is not whitelisted), and an alternation matches wherever one of its branches does, so a miss here is a
 * sure "no" and anything else goes to hasMatch itself: the same answers, for one regular expression instead of one
 * per term (~70 iterator objects and regexp copies, the biggest item of a join's CPU: issue 14). Null when the
 * matcher is not shaped as expected (another obscenity version): then every text goes to hasMatch.
 */
export function prefilterOf(m: RegExpMatcher): ((text: string) => boolean) | null {
  const inside = m as unknown as Partial<MatcherInside>;
  const { blacklistedTerms: terms, blacklistMatcherTransformers: transformers } = inside;
  if (!Array.isArray(terms) || typeof inside.applyTransformers !== 'function' || terms.length === 0) return null;
  if (!terms.every((t) => t.regExp instanceof RegExp && t.regExp.flags === 'gs')) return null;
  const any = new RegExp(terms.map((t) => `(?:${t.regExp.source})`).join('|'), 's');
  const transform = inside.applyTransformers.bind(m);
  return (text) => any.test(transform(text, transformers)[1]);
}

/**
 * obscenity's recommended transformers minus its leet-speak one: nicknames are full of digits ("bot-455", the
 * suggestions "Ana2"…), and leet reads 455 as "ass".
 */
export function buildMatcher(): RegExpMatcher {
  const { blacklistedTerms, whitelistedTerms } = englishDataset.build();
  return new RegExpMatcher({
    blacklistedTerms,
    whitelistedTerms: [...(whitelistedTerms ?? []), ...REAL_NAMES],
    blacklistMatcherTransformers: [
      resolveConfusablesTransformer(),
      toAsciiLowerCaseTransformer(),
      collapseDuplicatesTransformer({ defaultThreshold: 1, customThresholds: new Map([['b', 2], ['e', 2], ['o', 2], ['l', 2], ['s', 2], ['g', 2]]) }),
    ],
    whitelistMatcherTransformers: englishRecommendedWhitelistMatcherTransformers,
  });
}

let matcher: RegExpMatcher | null = null;
let mayMatch: ((text: string) => boolean) | null = null;
/** Built on first use (building the set takes a few milliseconds). */
export function offensive(text: string): boolean {
  if (!matcher) {
    matcher = buildMatcher();
    mayMatch = prefilterOf(matcher);
  }
  if (mayMatch && !mayMatch(text)) return false;
  return matcher.hasMatch(text);
}

/** The name as it will be shown, or why it cannot be used. */
export function checkName(raw: string): NameCheck {
  const normalised = raw.normalize('NFKC');
  if (FORBIDDEN.test(normalised)) return { ok: false, error: 'invalid_name' };
  const name = normalised.replace(/\p{Zs}+/gu, ' ').trim();
  const length = [...name].length;
  if (length < 1 || length > limits.nameMaxChars || MARK_STACK.test(name)) return { ok: false, error: 'invalid_name' };
  if (INVISIBLE.test(name.replace(EMOJI_JOINERS, ''))) return { ok: false, error: 'invalid_name' };
  if (!VISIBLE.test(name)) return { ok: false, error: 'invalid_name' };
  // The skeleton is checked too (homoglyphs obscenity's own table lacks); a name that is its own skeleton is checked
  // once (a check that has to go to obscenity's own hasMatch is ~20–100 µs: issue 14).
  const look = skeleton(name);
  if (offensive(name) || (look !== name && offensive(look))) return { ok: false, error: 'name_not_allowed' };
  return { ok: true, name };
}

/** The cleaned name, or null when it cannot be used (any reason). */
export function cleanName(raw: string): string | null {
  const checked = checkName(raw);
  return checked.ok ? checked.name : null;
}

let lastText: string | null = null;
let lastSkeleton = '';
/** TS #39's skeleton: NFD, the confusables mapping, NFD again. Only for comparing, never for showing. The last one
 *  is kept: a join asks for the same name's skeleton in checkName and again in nameKeys (issue 14). */
export function skeleton(text: string): string {
  if (text !== lastText) {
    lastSkeleton = unhomoglyph(text.normalize('NFD')).normalize('NFD');
    lastText = text;
  }
  return lastSkeleton;
}

/**
 * Two names clash when either key is equal: "case:" compares confusable skeletons of the lower-cased names (ANA = Аna),
 * "look:" lower-cases the skeletons (so capital I, lower-case l and digit 1 are one letter: "Ilona" = "llona").
 * Neither alone is both case-insensitive and confusable-aware, since "looks like" is not transitive.
 */
export function nameKeys(name: string): [string, string] {
  const look = skeleton(name); // first: checkName has just computed it
  return [`case:${skeleton(name.toLowerCase())}`, `look:${look.toLowerCase()}`];
}

/** `Ana` → `Ana2`, `Ana3`…, cut so the result still fits in 20 code points. */
export function suggestName(name: string, isTaken: (keys: readonly string[]) => boolean): string | undefined {
  for (let n = 2; n < 1000; n++) {
    const suffix = String(n);
    const base = [...name].slice(0, limits.nameMaxChars - suffix.length).join('');
    const candidate = `${base}${suffix}`;
    if (!isTaken(nameKeys(candidate))) return candidate;
  }
  return undefined;
}

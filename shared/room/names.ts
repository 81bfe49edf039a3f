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

let matcher: RegExpMatcher | null = null;
/**
 * Built on first use (building the set takes a few milliseconds). obscenity's recommended transformers minus its
 * leet-speak one: nicknames are full of digits ("bot-455", the suggestions "Ana2"…), and leet reads 455 as "ass".
 */
function offensive(text: string): boolean {
  if (!matcher) {
    const { blacklistedTerms, whitelistedTerms } = englishDataset.build();
    matcher = new RegExpMatcher({
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
  // once (each check is ~50–100 µs, the biggest part of a join's CPU: issue 14).
  const look = skeleton(name);
  if (offensive(name) || (look !== name && offensive(look))) return { ok: false, error: 'name_not_allowed' };
  return { ok: true, name };
}

/** The cleaned name, or null when it cannot be used (any reason). */
export function cleanName(raw: string): string | null {
  const checked = checkName(raw);
  return checked.ok ? checked.name : null;
}

/** TS #39's skeleton: NFD, the confusables mapping, NFD again. Only for comparing, never for showing. */
export const skeleton = (text: string): string => unhomoglyph(text.normalize('NFD')).normalize('NFD');

/**
 * Two names clash when either key is equal: "case:" compares confusable skeletons of the lower-cased names (ANA = Аna),
 * "look:" lower-cases the skeletons (so capital I, lower-case l and digit 1 are one letter: "Ilona" = "llona").
 * Neither alone is both case-insensitive and confusable-aware, since "looks like" is not transitive.
 */
export const nameKeys = (name: string): [string, string] => [
  `case:${skeleton(name.toLowerCase())}`,
  `look:${skeleton(name).toLowerCase()}`,
];

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

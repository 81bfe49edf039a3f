// "Practise what I missed": the kinds a recap links to, read from #/practice/focus/<kind>,<kind>. Unknown names are
// dropped (a link is only text).
import { isKindId, type KindId } from '../../../shared/puzzles/index.ts';

export function focusKinds(hash: string): KindId[] {
  const match = /^#\/?practice\/focus\/([^/?#]+)/.exec(hash);
  if (!match) return [];
  let list: string;
  try {
    list = decodeURIComponent(match[1]!);
  } catch {
    return [];
  }
  return [...new Set(list.split(',').filter(isKindId))];
}

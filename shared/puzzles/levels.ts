// What each level asks of players, one line each, for the host's setup screen (issue 9: difficulty is reasoning,
// not length). The content figures test holds every hard puzzle to two or more rules.
import { difficulties, type Difficulty } from './kind.ts';

export const levelLines: Record<Difficulty, string> = {
  easy: 'One rule, stated in the question or plain to see in the pod.',
  medium: 'One rule you must find in the pod, or defaults to fill in.',
  hard: 'Two or more rules at work together in one pod.',
};

/** 'rising' plays the three in turn. */
export const risingLine = 'Easy, then medium, then hard, in thirds of the game.';

/** The levels a kind offers: all three unless it says otherwise. */
export function levelsOf(kind: { levels?: readonly Difficulty[] }): readonly Difficulty[] {
  return kind.levels ?? difficulties;
}

/** The level a kind plays when `wanted` is asked: wanted if offered, else the nearest offered one below, else above. */
export function offeredLevel(kind: { levels?: readonly Difficulty[] }, wanted: Difficulty): Difficulty {
  const offered = levelsOf(kind);
  if (offered.includes(wanted)) return wanted;
  const at = difficulties.indexOf(wanted);
  const below = [...difficulties.slice(0, at)].reverse().find((d) => offered.includes(d));
  return below ?? difficulties.slice(at + 1).find((d) => offered.includes(d)) ?? wanted;
}

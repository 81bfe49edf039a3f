// What each level asks of players, one line each, for the host's setup screen (issue 9: difficulty is reasoning,
// not length). The content figures test holds every hard puzzle to two or more rules.
import type { Difficulty } from './kind.ts';

export const levelLines: Record<Difficulty, string> = {
  easy: 'One rule, stated in the question or plain to see in the pod.',
  medium: 'One rule you must find in the pod, or defaults to fill in.',
  hard: 'Two or more rules at work together in one pod.',
};

/** 'rising' plays the three in turn. */
export const risingLine = 'Easy, then medium, then hard, in thirds of the game.';

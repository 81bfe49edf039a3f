// What a bot answers. Bots never see a solution before the reveal (the protocol sends none), so without an
// oracle they guess: a random option, a random subset, a random order, a random number. With an oracle (test
// mode only: an in-process server whose seeds the test chose) they give the solution with probability `accuracy`.
import type { Answer, PuzzleView } from '../../shared/puzzles/kind.ts';
import { answerAs, choicesOf } from '../../shared/puzzles/answers.ts';

/** A float in [0, 1). */
export type Rand = () => number;

const pickOne = <T>(items: readonly T[], rand: Rand): T | undefined => items[Math.floor(rand() * items.length)];

function shuffled<T>(items: readonly T[], rand: Rand): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A well-formed guess for the puzzle's format: graded by the server like any player's answer. */
export function randomAnswer(puzzle: PuzzleView, rand: Rand): Answer {
  const ids = choicesOf(puzzle).map((o) => o.id);
  switch (puzzle.format) {
    case 'single':
      return pickOne(ids, rand) ?? '';
    case 'multi':
      return ids.filter(() => rand() < 0.5);
    case 'order':
      return shuffled(ids, rand);
    case 'number':
      return Math.floor(rand() * 61);
  }
}

const sameAnswer = (a: Answer, b: Answer): boolean => JSON.stringify(a) === JSON.stringify(b);

/** An answer that differs from the solution whenever the format allows one. */
function wrongAnswer(puzzle: PuzzleView, solution: Answer, rand: Rand): Answer {
  const options = choicesOf(puzzle).map((o) => o.id);
  if (puzzle.format === 'single') return pickOne(options.filter((id) => id !== solution), rand) ?? solution;
  if (puzzle.format === 'number') return typeof solution === 'number' ? solution * 3 + 7 : randomAnswer(puzzle, rand);
  const ticked = puzzle.format === 'multi' ? answerAs('multi', solution) : null;
  if (ticked !== null) {
    const flip = pickOne(options, rand);
    return flip === undefined ? ticked : ticked.includes(flip) ? ticked.filter((id) => id !== flip) : [...ticked, flip];
  }
  const guess = randomAnswer(puzzle, rand);
  return Array.isArray(guess) && sameAnswer(guess, solution) ? [...guess].reverse() : guess;
}

/** The solution with probability `accuracy` when one is known, otherwise a guess. */
export function pickAnswer(puzzle: PuzzleView, solution: Answer | null, accuracy: number, rand: Rand): Answer {
  if (solution === null) return randomAnswer(puzzle, rand);
  return rand() < accuracy ? solution : wrongAnswer(puzzle, solution, rand);
}

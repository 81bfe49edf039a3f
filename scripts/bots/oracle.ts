// Test mode only: the solution of a live question, for a server whose room seeds the caller injected
// (createServer's newSeed). It regenerates round r from `<roomSeed>:<r>` exactly as the room does, and trusts
// the result only if its public view equals what the server sent. Nothing here touches the wire protocol.
import { kindById } from '../../shared/puzzles/index.ts';
import type { Answer } from '../../shared/puzzles/kind.ts';
import type { QuestionInfo } from '../../shared/room/view-types.ts';

/** The solution of the question a room is showing, or null when it cannot be known. */
export type Oracle = (code: string, question: QuestionInfo) => Answer | null;

export function seedOracle(roomSeedOf: (code: string) => string | undefined): Oracle {
  return (code, question) => {
    const seed = roomSeedOf(code);
    if (seed === undefined) return null;
    const kind = kindById(question.kind);
    const puzzle = kind.generate(`${seed}:${question.round}`, question.difficulty);
    const matches = JSON.stringify(kind.publicView(puzzle)) === JSON.stringify(question.puzzle);
    return matches ? kind.solve(puzzle) : null;
  };
}

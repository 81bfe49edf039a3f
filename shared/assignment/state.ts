// An assignment: the room machine's self-paced mode. A saved quiz is played by each student at their own pace
// between an opening and a closing time; each question has its own timer, started when the student opens it; a
// student can close the tab and resume where they were (a question's timer keeps running on the server); at the
// closing time every open question closes and the assignment closes by itself. Plain JSON with absolute times.
import type { PlayerId, RoomSettings } from '../protocol.ts';
import type { RoundPlan } from '../room/rounds.ts';
import type { Slot } from '../room/state.ts';

/** A question a student has open: its own timer. */
export interface OpenQuestion {
  round: number;
  startedAt: number;
  deadline: number;
}

export interface StudentState {
  id: PlayerId;
  /** Protected like a player token (server/tokens.ts): `<id>.<hash>`. */
  token: string;
  name: string;
  joinIndex: number;
  joinedAt: number;
  connected: boolean;
  /** The next round this student may open, 1-based; totalRounds + 1 once every round is done. */
  next: number;
  current: OpenQuestion | null;
  /** One slot per round done, answered or timed out, in order. */
  history: Slot[];
  score: number;
  streak: number;
  finishedAt: number | null;
}

export interface AssignmentState {
  version: 1;
  mode: 'assignment';
  /** The games index id (server/library). */
  id: string;
  code: string;
  quizName: string;
  settings: RoomSettings;
  plan: RoundPlan[];
  /** sha256 of the teacher's token. */
  owner: string;
  createdAt: number;
  opensAt: number;
  closesAt: number;
  /** When it closed (at closesAt by itself, or earlier by the teacher); null while open. */
  closedAt: number | null;
  students: Record<PlayerId, StudentState>;
  /** Name keys (shared/room/names.ts) → student id: names are unique in an assignment as in a room. */
  names: Record<string, PlayerId>;
  nextJoinIndex: number;
}

export interface NewAssignment {
  id: string;
  code: string;
  quizName: string;
  settings: RoomSettings;
  plan: RoundPlan[];
  owner: string;
  now: number;
  opensAt: number;
  closesAt: number;
}

export function createAssignment(a: NewAssignment): AssignmentState {
  return {
    version: 1, mode: 'assignment', id: a.id, code: a.code, quizName: a.quizName, settings: a.settings, plan: a.plan, owner: a.owner,
    createdAt: a.now, opensAt: a.opensAt, closesAt: a.closesAt, closedAt: null, students: {}, names: {}, nextJoinIndex: 0,
  };
}

export const totalRounds = (state: AssignmentState): number => state.plan.length;
export const isClosed = (state: AssignmentState): boolean => state.closedAt !== null;
export const isDone = (state: AssignmentState, s: StudentState): boolean => s.next > totalRounds(state);
export const studentOf = (state: AssignmentState, id: PlayerId): StudentState | undefined =>
  Object.hasOwn(state.students, id) ? state.students[id] : undefined;

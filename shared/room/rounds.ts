// Planning and opening rounds. A game is its settings plus the exact list of rounds (kind, difficulty, seed), planned
// once from the room seed when the game starts, so any round can be generated again from its stored seed.
import { createRng } from '../random.ts';
import { kindById, type KindId } from '../puzzles/index.ts';
import type { PuzzleView } from '../puzzles/kind.ts';
import { offeredLevel } from '../puzzles/levels.ts';
import type { RoomSettings } from '../protocol.ts';
import { commonOf, timing, type Level, type QuestionRoom, type QuestionState, type RoomState } from './state.ts';

const LEVELS: readonly Level[] = ['easy', 'medium', 'hard'];
/** Seeds tried per round for a template the kind has not shown yet in this game. */
const TRIES = 40;

export interface RoundPlan {
  round: number;
  kind: KindId;
  difficulty: Level;
  /** kind.generate(seed, difficulty) is this round's puzzle. */
  seed: string;
  /** The question template that seed gives (kind.meta(puzzle).template). */
  template: string;
}

/** 'rising' splits the game in thirds: easy, then medium, then hard. */
export function levelOf(settings: RoomSettings, round: number): Level {
  if (settings.difficulty !== 'rising') return settings.difficulty;
  return LEVELS[Math.floor(((round - 1) * LEVELS.length) / settings.rounds)] ?? 'hard';
}

/** Round r's seed: `<roomSeed>:<r>`, or on a retry `<roomSeed>:<r>:<attempt>`. */
const seedFor = (roomSeed: string, round: number, attempt: number): string =>
  attempt === 0 ? `${roomSeed}:${round}` : `${roomSeed}:${round}:${attempt}`;

/** The first seed whose puzzle uses a template not in `seen`, or the round's first seed when none does. */
function pickSeed(roomSeed: string, round: number, kindId: KindId, difficulty: Level, seen: ReadonlySet<string>): { seed: string; template: string } {
  const kind = kindById(kindId);
  let first: { seed: string; template: string } | null = null;
  for (let attempt = 0; attempt < TRIES; attempt++) {
    const seed = seedFor(roomSeed, round, attempt);
    const template = kind.meta(kind.generate(seed, difficulty)).template;
    if (!seen.has(template)) return { seed, template };
    first ??= { seed, template };
  }
  return first!;
}

/**
 * Every round of a game, deterministic for the room seed. Kinds rotate through the host's selection in an order drawn
 * from the room seed; within a kind no question template comes back while the kind still has unused ones at that
 * level (once they are all used, that level's pool starts over).
 */
export function planRounds(roomSeed: string, settings: RoomSettings): RoundPlan[] {
  const order = createRng(`${roomSeed}:kinds`).shuffle(settings.kinds);
  const seen = new Map<KindId, Set<string>>();
  return Array.from({ length: settings.rounds }, (_, i) => {
    const round = i + 1;
    const kind = order[i % order.length]!;
    // A kind without this level (which-tool has no hard) plays its nearest level.
    const difficulty = offeredLevel(kindById(kind), levelOf(settings, round));
    const used = seen.get(kind) ?? new Set<string>();
    const pool = kindById(kind).templates[difficulty];
    if (pool.length > 0 && pool.every((t) => used.has(t))) for (const t of pool) used.delete(t);
    const { seed, template } = pickSeed(roomSeed, round, kind, difficulty, used);
    used.add(template);
    seen.set(kind, used);
    return { round, kind, difficulty, seed, template };
  });
}

/** One round of the plan (tests and tools; the room keeps its plan in state.plan). */
export function roundPlan(roomSeed: string, settings: RoomSettings, round: number): RoundPlan {
  const plan = planRounds(roomSeed, settings)[round - 1];
  if (!plan) throw new Error(`round ${round} is not in a game of ${settings.rounds}`);
  return plan;
}

/** The room's plan, or (a room saved before plans were stored) the same plan computed again. */
const planOf = (state: Pick<RoomState, 'plan' | 'seed' | 'settings'>, round: number): RoundPlan =>
  state.plan[round - 1] ?? roundPlan(state.seed, state.settings, round);

/** A round's puzzle and public view, made ahead of its question (prepareRound), keyed by the plan entry the room
 *  keeps: generating a puzzle is the costly part of opening a question (~0.2–0.5 ms; with 100 rooms opening
 *  together, 16–52 ms before the last room's question went out: issue 14 profile). Taken out when the question
 *  opens, so at most the next round's puzzle is held per room; a plan entry that is gone takes its entry with it. */
const preparedPuzzles = new WeakMap<RoundPlan, { puzzle: unknown; view: PuzzleView }>();

/** Generates round `round`'s puzzle now, for its question to take when it opens (the leaderboard before it is a
 *  quiet moment; the question's opening is not). Deterministic: the same puzzle questionFor would make. */
export function prepareRound(state: Pick<RoomState, 'plan' | 'seed' | 'settings'>, round: number): void {
  const plan = state.plan[round - 1];
  if (plan !== undefined && !preparedPuzzles.has(plan)) preparedPuzzles.set(plan, generated(plan));
}

function generated(plan: RoundPlan): { puzzle: unknown; view: PuzzleView } {
  const kind = kindById(plan.kind);
  const puzzle = kind.generate(plan.seed, plan.difficulty);
  return { puzzle, view: kind.publicView(puzzle) };
}

/** The prepared puzzle, taken out, or one generated now. */
function puzzleOf(plan: RoundPlan): { puzzle: unknown; view: PuzzleView } {
  const ready = preparedPuzzles.get(plan);
  if (ready === undefined) return generated(plan);
  preparedPuzzles.delete(plan);
  return ready;
}

/** Round `round`'s question, generated again from its plan: the same puzzle on every call (a restore calls it
 *  with the saved start time instead of storing the puzzle), made ahead when prepareRound ran for it. */
export function questionFor(state: Pick<RoomState, 'plan' | 'seed' | 'settings'>, round: number, now: number): QuestionState {
  const plan = planOf(state, round);
  const kind = kindById(plan.kind);
  const { puzzle, view } = puzzleOf(plan);
  return {
    round,
    kind: plan.kind,
    concept: kind.concept,
    title: kind.title,
    difficulty: plan.difficulty,
    seed: plan.seed,
    puzzle,
    view,
    startedAt: now,
    deadline: now + state.settings.secondsPerRound * 1000,
  };
}

export function openRound(state: RoomState, round: number, now: number): QuestionRoom {
  const question = questionFor(state, round, now);
  return { ...commonOf(state), phase: 'question', round, question, answered: 0, pending: state.connectedCount };
}

export const revealDeadline = (state: Pick<RoomState, 'settings'>, now: number): number | null =>
  state.settings.autoAdvance ? now + timing.revealMs : null;

export const leaderboardDeadline = (state: Pick<RoomState, 'settings'>, now: number): number | null =>
  state.settings.autoAdvance ? now + timing.leaderboardMs : null;

// Opening and closing rounds. Round r's puzzle comes from the seed `<roomSeed>:<r>`, so a game can be replayed.
import { createRng } from '../random.ts';
import { kindById, type KindId } from '../puzzles/index.ts';
import type { RoomSettings } from '../protocol.ts';
import { timing, type Level, type QuestionState, type RoomState } from './state.ts';

const LEVELS: readonly Level[] = ['easy', 'medium', 'hard'];

export interface RoundPlan {
  kind: KindId;
  difficulty: Level;
  seed: string;
}

/** 'rising' splits the game in thirds: easy, then medium, then hard. */
export function levelOf(settings: RoomSettings, round: number): Level {
  if (settings.difficulty !== 'rising') return settings.difficulty;
  return LEVELS[Math.floor(((round - 1) * LEVELS.length) / settings.rounds)] ?? 'hard';
}

/** Kinds rotate through the host's selection in an order drawn from the room seed. */
export function roundPlan(roomSeed: string, settings: RoomSettings, round: number): RoundPlan {
  const order = createRng(`${roomSeed}:kinds`).shuffle(settings.kinds);
  const kind = order[(round - 1) % order.length]!;
  return { kind, difficulty: levelOf(settings, round), seed: `${roomSeed}:${round}` };
}

export function questionFor(state: RoomState, round: number, now: number): QuestionState {
  const plan = roundPlan(state.seed, state.settings, round);
  const kind = kindById(plan.kind);
  const puzzle = kind.generate(plan.seed, plan.difficulty);
  return {
    round,
    kind: plan.kind,
    concept: kind.concept,
    title: kind.title,
    difficulty: plan.difficulty,
    seed: plan.seed,
    puzzle,
    view: kind.publicView(puzzle),
    startedAt: now,
    deadline: now + state.settings.secondsPerRound * 1000,
  };
}

export function openRound(state: RoomState, round: number, now: number): RoomState {
  const question = questionFor(state, round, now);
  return {
    ...state,
    phase: 'question',
    round,
    question,
    answered: 0,
    pending: state.connectedCount,
    reveal: null,
    phaseDeadline: question.deadline,
  };
}

export const revealDeadline = (state: RoomState, now: number): number | null =>
  state.settings.autoAdvance ? now + timing.revealMs : null;

export const leaderboardDeadline = (state: RoomState, now: number): number | null =>
  state.settings.autoAdvance ? now + timing.leaderboardMs : null;

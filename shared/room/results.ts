// The full results of a game, for the host, the CSV and the database.
import type { FinalResults, PlayerRoundRecord } from './view-types.ts';
import type { PlayedRound, PlayerState, RoomState, Slot } from './state.ts';
import { allPlayers } from './players.ts';
import { ranked } from './ranking.ts';
import { standings } from './views.ts';
import { teamName } from './teams.ts';

const record = ({ round, answer, score, correct, points, timeMs }: Slot): PlayerRoundRecord =>
  ({ round, answered: answer !== null, answer, score, correct, points, timeMs });

function concepts(rounds: readonly PlayedRound[], players: readonly PlayerState[]): FinalResults['concepts'] {
  const byConcept = new Map<string, { answers: number; correct: number; total: number }>();
  const conceptOf = new Map(rounds.map((r) => [r.round, r.concept]));
  for (const slot of players.flatMap((p) => p.history)) {
    const concept = conceptOf.get(slot.round);
    if (concept === undefined) continue;
    const row = byConcept.get(concept) ?? { answers: 0, correct: 0, total: 0 };
    byConcept.set(concept, { answers: row.answers + 1, correct: row.correct + (slot.correct ? 1 : 0), total: row.total + slot.score });
  }
  return [...byConcept].map(([concept, r]) => ({ concept, answers: r.answers, correct: r.correct, accuracy: r.total / r.answers }));
}

export function finalResults(state: RoomState, now: number): FinalResults {
  const players = allPlayers(state);
  return {
    code: state.code,
    settings: state.settings,
    startedAt: state.startedAt,
    finishedAt: state.phase === 'finished' ? state.finishedAt : now,
    rounds: state.rounds.map(({ round, kind, concept, difficulty, seed }) => ({ round, kind, concept, difficulty, seed })),
    players: ranked(players).map(({ player: p, rank }) => ({
      playerId: p.id, name: p.name, team: p.team, teamName: p.team === null ? null : teamName(p.team),
      score: p.score, rank, correct: p.history.filter((s) => s.correct).length, rounds: p.history.map(record),
    })),
    teams: standings(state, players),
    concepts: concepts(state.rounds, players),
  };
}

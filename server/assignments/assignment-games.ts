// What live assignments say on the Games page: scheduled, open or closed, how many students, results so far.
import { assignmentResults, phaseOf } from '../../shared/assignment/index.ts';
import type { Clock } from '../clock.ts';
import type { LiveGames } from '../library/api.ts';
import type { AssignmentHost } from './assignment-host.ts';

export function assignmentGames(assignments: AssignmentHost, clock: Clock): LiveGames {
  return {
    status(entry) {
      const a = assignments.byId(entry.id);
      if (!a) return null;
      const { state } = a;
      return { state: phaseOf(state, clock.now()), players: Object.keys(state.students).length, startedAt: state.opensAt, finishedAt: state.closedAt };
    },
    resultsSoFar(entry) {
      const a = assignments.byId(entry.id);
      return a && Object.keys(a.state.students).length > 0 ? assignmentResults(a.state, clock.now()) : null;
    },
  };
}

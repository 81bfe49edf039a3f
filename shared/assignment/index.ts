// The room machine's self-paced mode (assignments): state, events, reduce, views, progress and results.
export { createAssignment, isClosed, isDone, studentOf, totalRounds, type AssignmentState, type StudentState, type NewAssignment, type OpenQuestion } from './state.ts';
export type { AssignmentEvent, AssignmentEffect, AssignmentResult } from './events.ts';
export { reduceAssignment, nextAssignmentDeadline, MAX_STUDENTS } from './reduce.ts';
export { viewForStudent, assignmentInfo, type StudentView, type AssignmentInfo } from './views.ts';
export { progressOf, assignmentResults, phaseOf, type AssignmentProgress, type AssignmentPhase } from './progress.ts';

export type { Report, ReportRound, ReportPlayer, ReportAnswer, ReportConcept, GameInfo, GameMode, Verdict } from './types.ts';
export { buildReport, answerInWords, verdictOf, median } from './build.ts';
export { recapFor, type Recap, type RecapRound } from './recap.ts';

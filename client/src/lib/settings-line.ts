// The room's settings in one line for the lobby, so everyone can see what game they are about to play.
import type { RoomSettings } from '../../../shared/protocol.ts';

const difficulty: Record<RoomSettings['difficulty'], string> = {
  rising: 'rising (easy → hard)',
  easy: 'easy',
  medium: 'medium',
  hard: 'hard',
};

const teams = (s: RoomSettings): string =>
  s.teamMode === 'off' ? 'no teams' : `${s.teamCount} teams${s.teamMode === 'pick' ? ', players pick' : ', balanced'}`;

/** "10 rounds of 30 s · rising (easy → hard) · speed scoring · no teams · host moves on · 9 kinds" */
export function settingsLine(s: RoomSettings): string {
  return [
    `${s.rounds} ${s.rounds === 1 ? 'round' : 'rounds'} of ${s.secondsPerRound} s`,
    difficulty[s.difficulty],
    `${s.scoring} scoring`,
    teams(s),
    s.autoAdvance ? 'moves on by itself' : 'host moves on',
    `${s.kinds.length} ${s.kinds.length === 1 ? 'kind' : 'kinds'}`,
  ].join(' · ');
}

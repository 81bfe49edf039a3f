// Sizes every side agrees on: the server's schemas enforce them, the answer parsers and the client respect them.
export const limits = {
  nameMaxChars: 20,
  roundsMax: 50,
  secondsMin: 10,
  secondsMax: 120,
  teamsMin: 2,
  teamsMax: 8,
  answerItemsMax: 16,
  idMaxLength: 64,
  tokenMaxLength: 128,
  playersMax: 10_000,
} as const;

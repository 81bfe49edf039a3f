// Quizzes: a quiz is its settings plus its exact rounds; editing, preview and the file format.
export { QuizSchema, QuizName, QuizRoundSchema, QuizRounds, normaliseQuiz, quizFromSettings, planOfQuiz, kindsOf, quizLimits, type Quiz, type QuizRound } from './quiz.ts';
export { replaceRound, moveRound, removeRound, addRound, renameQuiz, freshRound, type Edit } from './edit.ts';
export { previewRound, previewQuiz, type RoundPreview } from './preview.ts';
export { quizFile, quizFileName, readQuizFile, readQuiz, QUIZ_FORMAT, QUIZ_FILE_VERSION, type QuizFile, type ReadQuiz } from './file.ts';

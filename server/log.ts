// Structured logs: one JSON object per line (time, level, msg, fields) for log collectors, or plain text when a
// person is watching a terminal. PODIUM_LOG_FORMAT=json|text picks one; tests pass a silent logger.
export type Level = 'info' | 'warn' | 'error';
export type Fields = Record<string, unknown>;

export interface Logger {
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
}

/** An error as fields a log line can carry. */
export const errorFields = (error: unknown): Fields =>
  error instanceof Error ? { error: error.message, ...(error.stack ? { stack: error.stack } : {}) } : error === undefined ? {} : { error: String(error) };

type Write = (level: Level, line: string) => void;

const toStreams: Write = (level, line) => (level === 'info' ? process.stdout : process.stderr).write(`${line}\n`);

function logger(format: (level: Level, msg: string, fields: Fields) => string, write: Write): Logger {
  const at = (level: Level) => (msg: string, fields: Fields = {}) => write(level, format(level, msg, fields));
  return { info: at('info'), warn: at('warn'), error: at('error') };
}

export const jsonLogger = (write: Write = toStreams): Logger =>
  logger((level, msg, fields) => JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }), write);

export const textLogger = (write: Write = toStreams): Logger =>
  logger((level, msg, fields) => {
    const extra = Object.entries(fields).filter(([k]) => k !== 'stack').map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
    const stack = typeof fields['stack'] === 'string' ? `\n${fields['stack']}` : '';
    return `${level === 'info' ? (msg.startsWith('Podium') ? '' : 'Podium: ') : `podium ${level}: `}${msg}${extra.length ? ` (${extra.join(', ')})` : ''}${stack}`;
  }, write);

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** JSON unless a person is reading the terminal. */
export function loggerFromEnv(env: NodeJS.ProcessEnv = process.env): Logger {
  const format = env['PODIUM_LOG_FORMAT'] ?? (process.stdout.isTTY ? 'text' : 'json');
  return format === 'text' ? textLogger() : jsonLogger();
}

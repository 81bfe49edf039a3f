// Which PostgreSQL failures mean "the database cannot be reached now" (the server down or restarting, the network
// cut, every connection busy past the timeout) rather than a fault in a query: those become StorageUnavailableError,
// which the API answers with 503 storage_unavailable (server/library/api.ts).
import { StorageUnavailableError } from '../teacher-data.ts';

/** Node's socket errors, and PostgreSQL's SQLSTATE classes 08 (connection exception) and 57P (operator
 *  intervention: admin shutdown, crash shutdown, cannot connect now). */
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

export function isUnavailable(error: unknown): boolean {
  if (error instanceof StorageUnavailableError) return true;
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (NETWORK.has(code) || code.startsWith('08') || code.startsWith('57P')) return true;
  const message = error instanceof Error ? error.message : '';
  // pg's own wording for a connection lost mid-query and for a pool that could not connect in time.
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message);
}

/** Runs a PostgreSQL call; an unreachable database is rethrown as StorageUnavailableError. */
export async function reaching<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isUnavailable(error) && !(error instanceof StorageUnavailableError)) {
      throw new StorageUnavailableError(`PostgreSQL cannot be reached: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    throw error;
  }
}

// Bench-only preload for Podium (npm run bench -- --sqlite-log): records every SQLite transaction the server runs
// (start time, duration, statements run) and writes them to $BENCH_SQLITE_LOG at exit, to see how the save batch
// groups a round's answers into transactions. The server is unchanged: better-sqlite3's transaction() and
// Statement.run are wrapped before the server loads them.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

interface Db {
  prepare(sql: string): object;
  close(): void;
}
type DbClass = (new (path: string) => Db) & { prototype: { transaction(fn: (...a: unknown[]) => unknown): TxFn } };
type TxFn = ((...a: unknown[]) => unknown) & Record<'deferred' | 'immediate' | 'exclusive', unknown>;

const Database = createRequire(import.meta.url)('better-sqlite3') as DbClass;
/** [epoch ms at the start, ms it took, statements run]. */
const log: [number, number, number][] = [];
let runs = 0;

const probe = new Database(':memory:');
const statement = Object.getPrototypeOf(probe.prepare('SELECT 1')) as { run(...a: unknown[]): unknown };
probe.close();
const run = statement.run;
statement.run = function counted(this: unknown, ...a: unknown[]): unknown {
  runs++;
  return run.apply(this, a);
};

const transaction = Database.prototype.transaction;
Database.prototype.transaction = function timed(this: unknown, fn: (...a: unknown[]) => unknown): TxFn {
  const inner = transaction.call(this, fn);
  const outer = function (this: unknown, ...a: unknown[]): unknown {
    const at = Date.now();
    const t = performance.now();
    const before = runs;
    try {
      return inner.apply(this, a);
    } finally {
      log.push([at, performance.now() - t, runs - before]);
    }
  };
  return Object.assign(outer, { deferred: inner.deferred, immediate: inner.immediate, exclusive: inner.exclusive });
};

const file = process.env['BENCH_SQLITE_LOG'];
process.on('exit', () => {
  if (file && log.length) writeFileSync(file, JSON.stringify(log));
});

// Started by infra.test.ts as a separate process: starts Redis, reports its pid, then waits to be killed, so the
// test can check that the server dies with the process that started it.
import { startRedis } from './redis.ts';

const redis = await startRedis();
process.send?.({ pid: redis.pid(), dir: redis.dir });
setInterval(() => {}, 1000);

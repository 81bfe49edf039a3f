// This process's name in the cluster: in every lease it holds, in /healthz (`node`) and in the X-Podium-Node
// response header (docs/operations.md, "Cluster mode"). PODIUM_NODE_ID when set (a pod name is a good one), else
// host name, pid and a random suffix, so a process restarted with the same pid (a container's PID 1) never takes
// itself for its predecessor: a lease the dead process held is not this one's.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** Characters a node name may hold: a lease value is "<name>:<token>", and names go into Redis channel names. */
const NODE_NAME = /^[A-Za-z0-9._-]{1,100}$/;

export function nodeName(env: Readonly<Record<string, string | undefined>> = process.env, random = (): string => randomBytes(2).toString('hex')): string {
  const given = env['PODIUM_NODE_ID']?.trim();
  if (given) {
    if (!NODE_NAME.test(given)) throw new Error(`PODIUM_NODE_ID must be 1-100 letters, digits, '.', '_' or '-' (got ${JSON.stringify(given)})`);
    return given;
  }
  const host = hostname().replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 60) || 'node';
  return `${host}-${process.pid}-${random()}`;
}

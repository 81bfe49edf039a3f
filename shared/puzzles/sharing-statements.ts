// The statements a shared-namespaces puzzle can make, one wording each. A wording is a sentence shape whose truth
// the pod decides (its mounts, readOnly, ports, shareProcessNamespace, users, init containers), never the sentence:
// the generator draws each statement's truth first and then builds a pod that makes it so.
import { possessive, type Claim, type SharingPod } from '../model/sharing.ts';

export type Wording =
  | 'reach-port' | 'ports-coexist' | 'read-logs' | 'see-content' | 'see-config' | 'read-secret' | 'init-files'
  | 'write-dir' | 'survives-restart' | 'see-processes' | 'pid1-pause' | 'signal' | 'hostname'
  | 'kill-pid1' | 'after-restart-init-files';

export interface Statement {
  wording: Wording;
  claim: Claim;
  label: string;
}

/** The knob values a template's pod was built from (mount layout, users, which port a statement asks about…). */
export type Knobs = Readonly<Record<string, string | number | boolean>>;

/** A statement about this pod variant; null when the variant has nothing for it to be about. */
export type StatementMaker = (pod: SharingPod, k: Knobs) => Statement | null;

const has = (pod: SharingPod, ...names: string[]): boolean => names.every((n) => pod.containers.some((c) => c.name === n));
const code = (s: string): string => `\`${s}\``;
const of = possessive;

export const say = {
  reachPort: (pod: SharingPod, from: string, to: string, p: number, what = ''): Statement | null => {
    if (!has(pod, from, to)) return null;
    const target = what.startsWith("'s") ? `${of(to)}${what.slice(2)}` : `${to}${what}`;
    return { wording: 'reach-port', claim: { kind: 'reach-port', from, to, port: p }, label: `${from} can reach ${target} at localhost:${p}` };
  },
  portsCoexist: (pod: SharingPod, a: string, b: string): Statement | null =>
    has(pod, a, b) ? { wording: 'ports-coexist', claim: { kind: 'ports-coexist', a, b }, label: `${a} and ${b} can both listen on the ports they declare` } : null,
  readLogs: (pod: SharingPod, reader: string, writer: string, dir: string): Statement | null =>
    has(pod, reader, writer) ? { wording: 'read-logs', claim: { kind: 'read-file', reader, writer, path: `${dir}/access.log` }, label: `${reader} can read the log files ${writer} writes to ${dir}` } : null,
  seeContent: (pod: SharingPod, reader: string, writer: string, dir: string, file = 'index.html'): Statement | null =>
    has(pod, reader, writer) ? { wording: 'see-content', claim: { kind: 'read-file', reader, writer, path: `${dir}/${file}` }, label: `${reader} can read the ${file} that ${writer} writes to ${dir}` } : null,
  seeConfig: (pod: SharingPod, reader: string, owner: string, dir: string, file: string): Statement | null =>
    has(pod, reader, owner) ? { wording: 'see-config', claim: { kind: 'read-file', reader, writer: owner, path: `${dir}/${file}` }, label: `${reader} can read the ${file} that ${owner} loads from ${dir}` } : null,
  readSecret: (pod: SharingPod, reader: string, owner: string, path: string): Statement | null =>
    has(pod, reader, owner) ? { wording: 'read-secret', claim: { kind: 'read-file', reader, writer: owner, path }, label: `${reader} can read ${of(owner)} ${code(path)}` } : null,
  initFiles: (pod: SharingPod, app: string, init: string, dir: string, file: string): Statement | null =>
    has(pod, app, init) ? { wording: 'init-files', claim: { kind: 'read-file', reader: app, writer: init, path: `${dir}/${file}` }, label: `${app} can read the ${file} that ${init} wrote to ${dir} before it exited` } : null,
  writeDir: (pod: SharingPod, c: string, dir: string): Statement | null =>
    has(pod, c) ? { wording: 'write-dir', claim: { kind: 'write-dir', container: c, dir }, label: `${c} can write files to ${dir}` } : null,
  survivesRestart: (pod: SharingPod, c: string, dir: string, what: string): Statement | null =>
    has(pod, c) ? { wording: 'survives-restart', claim: { kind: 'survives-restart', container: c, dir }, label: `If ${c} restarts, the ${what} it wrote to ${dir} are still there` } : null,
  seeProcesses: (pod: SharingPod, viewer: string, target: string): Statement | null =>
    has(pod, viewer, target) ? { wording: 'see-processes', claim: { kind: 'see-processes', viewer, target }, label: `${viewer} can see ${of(target)} processes in its /proc` } : null,
  pid1Pause: (pod: SharingPod, c: string): Statement | null =>
    has(pod, c) ? { wording: 'pid1-pause', claim: { kind: 'pid1-pause', container: c }, label: `PID 1 in ${c} is the pod's pause process` } : null,
  signal: (pod: SharingPod, sender: string, target: string, process: string): Statement | null =>
    has(pod, sender, target) ? { wording: 'signal', claim: { kind: 'signal', sender, target }, label: `${sender} can send SIGHUP to ${of(target)} ${process} process` } : null,
  killPid1: (pod: SharingPod, c: string, process: string): Statement | null =>
    has(pod, c) ? { wording: 'kill-pid1', claim: { kind: 'kill-pid1', container: c }, label: `${code('kill -HUP 1')} in ${c} signals ${of(c)} own ${process} process` } : null,
  afterRestartInitFiles: (pod: SharingPod, app: string, init: string, dir: string, file: string): Statement | null =>
    has(pod, app, init) ? { wording: 'after-restart-init-files', claim: { kind: 'read-after-restart', reader: app, writer: init, path: `${dir}/${file}` }, label: `After ${app} restarts, it still finds the ${file} that ${init} wrote to ${dir}` } : null,
  hostname: (pod: SharingPod, c: string, v: string): Statement | null => {
    if (!has(pod, c)) return null;
    return { wording: 'hostname', claim: { kind: 'hostname', container: c, value: v }, label: `${code('hostname')} in ${c} prints ${v}` };
  },
};

/**
 * The hostname knob, so no container name is false by habit: 'pod' asks the pod's name (true); 'container' the
 * asker's own name (false); 'bare' a bare pod that `kubectl run <app>` named after its app container, asked with the
 * app's name (true: the pod's name is the app's); 'app' the app's name in a pod named `<app>-N` (false).
 */
export const podFor = (k: Knobs, name: string, app: string): string => (k.host === 'bare' ? app : name);
export const hostAsked = (k: Knobs, pod: SharingPod, self: string, app: string): string =>
  k.host === 'pod' ? pod.name : k.host === 'container' || k.host === 'self' ? self : app;

// How a pod is shown on the projector: a container table of at most five columns chosen for the question, and short
// YAML excerpts, both with locators so explanation lines can point at the cell or line that proves them.
import { isSidecar, type ContainerSnapshot } from '../model/pod-types.ts';
import type { CodeBlock, Evidence, TableBlock } from './kind.ts';

export const DASH = '—';

export type Role = 'init' | 'sidecar' | 'app';

export interface ShownContainer {
  role: Role;
  status: ContainerSnapshot;
}

/** Columns a template can pick. 'status' folds state and reason into one cell to save a column. */
export type Column = 'container' | 'state' | 'reason' | 'status' | 'exit' | 'restarts' | 'ready' | 'started';

const HEADERS: Record<Column, string> = {
  container: 'Container', state: 'State', reason: 'Reason', status: 'State', exit: 'Exit code', restarts: 'Restarts', ready: 'Ready', started: 'Started',
};

export function roleOf(c: ContainerSnapshot, inInit: boolean): Role {
  if (!inInit) return 'app';
  return isSidecar(c) ? 'sidecar' : 'init';
}

export function shown(inits: readonly ContainerSnapshot[], apps: readonly ContainerSnapshot[]): ShownContainer[] {
  return [...inits.map((status) => ({ role: roleOf(status, true), status })), ...apps.map((status) => ({ role: 'app' as const, status }))];
}

const stateWord = (c: ContainerSnapshot): string =>
  ({ none: 'no status yet', waiting: 'Waiting', running: 'Running', terminated: 'Terminated' })[c.state];

function reasonCell(c: ContainerSnapshot): string {
  if (c.state === 'running' || c.state === 'none') return DASH;
  return c.reason ?? DASH;
}

function exitCell(c: ContainerSnapshot): string {
  if (c.state === 'terminated') return String(c.exitCode ?? 0);
  const last = c.lastTerminationState;
  if (!last) return DASH;
  const why = last.reason && last.reason !== 'Error' && last.reason !== 'Completed' ? ` (${last.reason})` : '';
  return `last run: ${last.exitCode}${why}`;
}

function statusCell(c: ContainerSnapshot): string {
  const reason = reasonCell(c);
  return reason === DASH ? stateWord(c) : `${stateWord(c)}: ${reason}`;
}

function cell(col: Column, { role, status: c }: ShownContainer, sidecarAsInit: boolean): string {
  switch (col) {
    case 'container': return role === 'app' ? c.name : `${c.name} (${sidecarAsInit ? 'init' : role})`;
    case 'state': return stateWord(c);
    case 'reason': return reasonCell(c);
    case 'status': return statusCell(c);
    case 'exit': return exitCell(c);
    case 'restarts': return c.state === 'none' ? DASH : String(c.restartCount ?? 0);
    // A regular init container reports ready: false once it has exited, as the API shows it.
    case 'ready': return c.state === 'none' ? DASH : c.ready === true ? 'yes' : 'no';
    case 'started': return c.state !== 'running' || role === 'init' ? DASH : c.started === false ? 'no' : 'yes';
  }
}

export interface ContainerView {
  table: TableBlock;
  /** The cell for a container (by name) and column, for evidence. */
  at(name: string, ...cols: Column[]): Evidence;
}

/** `sidecarAsInit` labels a native sidecar "(init)", as its place in initContainers, so the player must find it in the YAML. */
export function containerView(containers: readonly ShownContainer[], cols: readonly Column[], { sidecarAsInit = false } = {}): ContainerView {
  if (cols.length > 5) throw new Error('a table shows at most five columns');
  const table = { columns: cols.map((c) => HEADERS[c]), rows: containers.map((c) => cols.map((col) => cell(col, c, sidecarAsInit))) };
  return {
    table,
    at(name, ...wanted) {
      const row = containers.findIndex((c) => c.status.name === name);
      if (row < 0) return {};
      return { cells: wanted.map((col) => ({ row, column: cols.indexOf(col) })).filter((x) => x.column >= 0) };
    },
  };
}

export interface YamlView {
  code: CodeBlock;
  /** The 1-based line numbers marked with any of these marks. */
  at(...marks: string[]): Evidence;
}

/** A YAML excerpt; a line may carry a mark (e.g. 'restartPolicy') for evidence. At most 16 lines. */
export function yamlView(lines: readonly (string | readonly [string, string])[]): YamlView {
  if (lines.length > 16) throw new Error(`a YAML excerpt shows at most 16 lines, got ${lines.length}`);
  const texts = lines.map((l) => (typeof l === 'string' ? l : l[0]));
  const marks = lines.map((l) => (typeof l === 'string' ? null : l[1]));
  return {
    code: { language: 'yaml', text: texts.join('\n') },
    at: (...wanted) => ({ codeLines: marks.flatMap((m, i) => (m !== null && wanted.includes(m) ? [i + 1] : [])) }),
  };
}

/** Merge evidence from several places into one. */
export function both(...parts: Evidence[]): Evidence {
  const codeLines = parts.flatMap((p) => p.codeLines ?? []);
  const cells = parts.flatMap((p) => p.cells ?? []);
  return { ...(codeLines.length > 0 ? { codeLines } : {}), ...(cells.length > 0 ? { cells } : {}) };
}

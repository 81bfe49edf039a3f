// The Dockerfile cannot be built here (no container runtime), so what matters about it is checked as text: it runs
// the very bundle `npm run build:server` writes, as PID 1 (exec form, no shell or npm in between, so SIGTERM reaches
// the drain), as a non-root user, from a final stage without the build tool chain; and the port agrees with the
// Deployment's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_BUNDLE } from '../../scripts/server-bundle.ts';
import { only, render, repoRoot } from './render.ts';

interface Instruction {
  op: string;
  args: string;
}

/** Instructions per stage, continuation lines joined, comments dropped. */
function stages(text: string): Instruction[][] {
  const lines = text.replace(/\\\n/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const out: Instruction[][] = [];
  for (const line of lines) {
    const [op = '', ...rest] = line.split(/\s+/);
    const instruction = { op: op.toUpperCase(), args: rest.join(' ') };
    if (instruction.op === 'FROM') out.push([]);
    out.at(-1)?.push(instruction);
  }
  return out;
}

const dockerfile = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8');
const all = stages(dockerfile);
const final = all.at(-1)!;
const last = (op: string): Instruction | undefined => final.filter((i) => i.op === op).at(-1);

describe('Dockerfile', () => {
  it('builds in one stage and runs from another, with only production dependencies copied over', () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    const build = all[0]!;
    expect(build.some((i) => i.op === 'RUN' && /\bnpm ci\b/.test(i.args))).toBe(true);
    expect(build.some((i) => i.op === 'RUN' && /npm prune --omit=dev/.test(i.args))).toBe(true);
    // Compilers stay in the build stage: the final one installs nothing.
    expect(final.filter((i) => i.op === 'RUN').map((i) => i.args).join(' ')).not.toMatch(/apt-get|npm (ci|install)/);
    expect(final.filter((i) => i.op === 'COPY').every((i) => i.args.startsWith('--from='))).toBe(true);
  });

  it('runs node on the server bundle directly, in exec form, as PID 1', () => {
    // build:server runs scripts/server-bundle.ts, which writes SERVER_BUNDLE.
    expect((JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['build:server']).toMatch(/scripts\/server-bundle\.ts/);
    const outfile = SERVER_BUNDLE;
    expect(last('ENTRYPOINT')).toBeUndefined();
    const cmd = JSON.parse(last('CMD')!.args) as string[];
    expect(cmd[0]).toBe('node');
    expect(cmd.at(-1)).toBe(outfile);
    expect(cmd.join(' ')).not.toMatch(/\b(npm|sh|bash|tsx)\b/);
    expect(last('STOPSIGNAL')?.args ?? 'SIGTERM').toBe('SIGTERM');
  });

  it('runs as an unprivileged user', () => {
    const user = last('USER')?.args;
    expect(user).toBeDefined();
    expect(['root', '0', '0:0']).not.toContain(user);
  });

  it('listens on the port the Deployment probes and serves', () => {
    const env = final.filter((i) => i.op === 'ENV').map((i) => i.args).join(' ');
    const port = /\bPORT=(\d+)/.exec(env)?.[1];
    expect(last('EXPOSE')?.args).toBe(port);
    const container = (only(render('deploy/base'), 'Deployment')['spec'] as { template: { spec: { containers: { ports: { containerPort: number }[] }[] } } })
      .template.spec.containers[0]!;
    expect(container.ports.map((p) => String(p.containerPort))).toContain(port);
  });

  it('leaves installed and built output, data and the git history out of the build context', () => {
    const ignored = readFileSync(join(repoRoot, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim());
    for (const path of ['node_modules', 'dist', 'data', '.git', '*.db']) expect(ignored).toContain(path);
  });
});

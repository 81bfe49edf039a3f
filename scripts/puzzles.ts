// Print puzzles for authors to review: the public view a player sees, then the solution and its explanation.
// npm run puzzles -- --kind init-order --difficulty hard --seed 42 [--count 5]
import { parseArgs } from 'node:util';
import { difficulties, isKindId, kindById, kindIds, offeredLevel, type Difficulty, type PuzzleView } from '../shared/index.ts';

const usage = `usage: npm run puzzles -- --kind <${kindIds.join('|')}> [--difficulty easy|medium|hard] [--seed S] [--count N]`;

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

function renderView(view: PuzzleView): string {
  const lines = [`[${view.kind} · ${view.format}] ${view.prompt}`];
  if (view.code) lines.push('', view.code.text.trimEnd());
  if (view.table) {
    lines.push('', view.table.columns.join(' | '));
    for (const row of view.table.rows) lines.push(row.join(' | '));
  }
  if (view.format === 'single' || view.format === 'multi') for (const o of view.options) lines.push(`  (${o.id}) ${o.label}`);
  if (view.format === 'order') for (const i of view.items) lines.push(`  [${i.id}] ${i.label}`);
  if (view.format === 'number') lines.push(`  answer in ${view.unit}`);
  return lines.join('\n');
}

const { values } = parseArgs({
  options: {
    kind: { type: 'string' },
    difficulty: { type: 'string', default: 'medium' },
    seed: { type: 'string', default: '1' },
    count: { type: 'string', default: '1' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (!isKindId(values.kind)) fail(`unknown or missing --kind: ${values.kind ?? ''}`);
if (!difficulties.includes(values.difficulty as Difficulty)) fail(`unknown --difficulty: ${values.difficulty}`);
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1 || count > 100) fail('--count must be a whole number from 1 to 100');

const kind = kindById(values.kind);
for (let i = 0; i < count; i++) {
  const seed = count === 1 ? values.seed : `${values.seed}:${i}`;
  const puzzle = kind.generate(seed, values.difficulty as Difficulty);
  const solution = kind.solve(puzzle);
  const grade = kind.grade(puzzle, solution);
  const played = offeredLevel(kind, values.difficulty as Difficulty);
  console.log(`── ${kind.title} · seed ${seed} · ${values.difficulty}${played === values.difficulty ? '' : ` (offered: plays ${played})`} ──`);
  console.log(renderView(kind.publicView(puzzle)));
  console.log(`\nSolution: ${JSON.stringify(solution)}`);
  console.log(`Explanation: ${grade.explanation}`);
  console.log(`Docs: ${grade.docUrl}\n`);
}

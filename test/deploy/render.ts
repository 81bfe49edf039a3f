// Renders deploy/ the way an operator would (`kubectl kustomize`, offline) and checks the objects against the
// Kubernetes API as kubernetes-models describes it: its validators (types, required fields, formats) and its type
// declarations (a misspelt field, e.g. `periodSecond`, is an excess property there; the validators let it through,
// as the API's own schema does, and only a server with strict field validation would catch it).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import ts from 'typescript';
import { parseAllDocuments } from 'yaml';

export const repoRoot = join(import.meta.dirname, '../..');

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

/** kubectl ≥ 1.21 embeds kustomize v4+, which the manifests need (`labels`, `patches`, a directory in
 *  `resources`); Debian's kubernetes-client (1.20, kustomize 2.0.3) cannot render them. */
export function kustomizeVersion(): string {
  let out: string;
  try {
    out = execFileSync('kubectl', ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
  } catch (error) {
    throw new Error(`kubectl is needed to render deploy/ (kubectl kustomize, offline): ${String(error)}`);
  }
  const version = (JSON.parse(out) as { kustomizeVersion?: string }).kustomizeVersion ?? '';
  const major = Number(/^v(\d+)/.exec(version)?.[1] ?? 0);
  if (major < 4) throw new Error(`kubectl's kustomize is ${version || 'missing'}: deploy/ needs kustomize v4 or later (kubectl 1.21+)`);
  return version;
}

export function render(dir: string): KubeObject[] {
  const yaml = execFileSync('kubectl', ['kustomize', join(repoRoot, dir)], { encoding: 'utf8' });
  return parseAllDocuments(yaml).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${dir}: ${doc.errors.map(String).join('; ')}`);
    return doc.toJSON() as KubeObject;
  });
}

/** kubernetes-models' module for an apiVersion: 'v1' → kubernetes-models/v1, 'apps/v1' → kubernetes-models/apps/v1. */
const modelModule = (apiVersion: string): string => `kubernetes-models/${apiVersion}`;

interface ModelClass {
  new (data: unknown): { validate(): void };
}

/** kustomize wraps a Secret's base64 at 70 columns; the API server's decoder (Go's encoding/base64) skips the line
 *  breaks, the validator's `byte` format does not. Joined here, as the server reads them. */
function asTheApiReadsIt(object: KubeObject): KubeObject {
  if (object.kind !== 'Secret' || typeof object['data'] !== 'object' || object['data'] === null) return object;
  const data = Object.fromEntries(Object.entries(object['data'] as Record<string, string>).map(([k, v]) => [k, v.replace(/[\r\n]/g, '')]));
  return { ...object, data };
}

/** The validator's complaint about an object, or null when it passes. */
export async function schemaError(object: KubeObject): Promise<string | null> {
  let Model: ModelClass | undefined;
  try {
    Model = ((await import(modelModule(object.apiVersion))) as Record<string, ModelClass>)[object.kind];
  } catch {
    Model = undefined;
  }
  if (!Model) return `no Kubernetes model for ${object.apiVersion} ${object.kind}`;
  try {
    new Model(asTheApiReadsIt(object)).validate();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Type-checks each object as an object literal of its kubernetes-models interface, all in one program (loading
 *  the declarations is the slow part); returns one line per error, starting with the object's label. */
export function typeErrors(labelled: readonly { label: string; object: KubeObject }[]): string[] {
  const objects = labelled.map((l) => l.object);
  const file = join(repoRoot, 'test/deploy/__rendered__.ts');
  const byModule = new Map<string, Set<string>>();
  for (const o of objects) {
    const names = byModule.get(modelModule(o.apiVersion)) ?? new Set<string>();
    names.add(`I${o.kind}`);
    byModule.set(modelModule(o.apiVersion), names);
  }
  const source = [
    ...[...byModule].map(([module, names]) => `import type { ${[...names].join(', ')} } from '${module}';`),
    ...labelled.map(({ label, object: o }, i) => `// ${label}\nexport const o${i}: I${o.kind} = ${JSON.stringify(o, null, 1)};`),
  ].join('\n');
  const options: ts.CompilerOptions = {
    strict: true, noEmit: true, skipLibCheck: true, types: [],
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => (name === file ? source : readFile(name));
  host.fileExists = (name) => name === file || fileExists(name);
  host.getSourceFile = (name, language, ...rest) =>
    name === file ? ts.createSourceFile(name, source, language) : getSourceFile(name, language, ...rest);
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return text;
    const line = d.file.getLineAndCharacterOfPosition(d.start).line;
    const owner = source.split('\n').slice(0, line + 1).reverse().find((l) => l.startsWith('// ')) ?? '';
    return `${owner.slice(3)}: ${text}`;
  });
}

export const byKind = (objects: readonly KubeObject[], kind: string): KubeObject[] => objects.filter((o) => o.kind === kind);

export function only(objects: readonly KubeObject[], kind: string, name?: string): KubeObject {
  const found = byKind(objects, kind).filter((o) => name === undefined || o.metadata.name === name);
  if (found.length !== 1) throw new Error(`expected one ${kind}${name ? ` ${name}` : ''}, found ${found.length}`);
  return found[0]!;
}

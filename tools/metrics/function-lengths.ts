// Function-length figures (median, p90, max) for a source folder, so the style target "functions about 5–10 lines" is measured, not guessed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** One function-like node: where it is and how many source lines it spans, first line to last inclusive. */
export interface FunctionLength {
  file: string;
  name: string;
  line: number;
  lines: number;
  /** False for inline callbacks and other functions bound to no name; their lines also count in the enclosing function. */
  named: boolean;
}

export interface LengthSummary {
  count: number;
  median: number;
  p90: number;
  max: number;
  longest: FunctionLength[];
}

function isFunctionLike(node: ts.Node): node is ts.SignatureDeclaration & { body?: ts.Node } {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node)
  );
}

/** The name a reader would search for: the declaration's own, or the variable or property it is assigned to. */
function nameOf(node: ts.Node, source: ts.SourceFile): string {
  const own = (node as { name?: ts.Node }).name;
  if (own) return own.getText(source);
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) return parent.name.getText(source);
  return '(anonymous)';
}

function lineOf(source: ts.SourceFile, position: number): number {
  return source.getLineAndCharacterOfPosition(position).line + 1;
}

/** Every function with a body in one file; signatures without a body (overloads, interfaces) are not code. */
export function functionLengths(path: string, root: string): FunctionLength[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: FunctionLength[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunctionLike(node) && node.body) {
      const line = lineOf(source, node.getStart(source));
      const lines = lineOf(source, node.getEnd()) - line + 1;
      const name = nameOf(node, source);
      found.push({ file: relative(root, path), name, line, lines, named: name !== '(anonymous)' });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The .ts files under a folder (or the file itself), declaration files left out. */
export function sourceFiles(dir: string): string[] {
  if (!statSync(dir).isDirectory()) return [dir];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sourceFiles(path);
      return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
    });
}

/** Nearest-rank percentile of sorted numbers: the smallest value with at least `p` of them at or below it. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

export function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return 0;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function summarize(functions: readonly FunctionLength[], longest = 5): LengthSummary {
  const sorted = functions.map((f) => f.lines).sort((a, b) => a - b);
  return {
    count: sorted.length,
    median: median(sorted),
    p90: percentile(sorted, 0.9),
    max: sorted.at(-1) ?? 0,
    longest: [...functions].sort((a, b) => b.lines - a.lines).slice(0, longest),
  };
}

/**
 * Summary of the functions under `dir`, paths relative to `root`. By default only named ones (declarations, methods,
 * functions bound to a variable or property): an inline callback is already counted in the function around it.
 */
export function measureFolder(
  dir: string,
  root: string,
  options: { all?: boolean; longest?: number } = {},
): LengthSummary {
  const functions = sourceFiles(dir).flatMap((file) => functionLengths(file, root));
  return summarize(options.all ? functions : functions.filter((f) => f.named), options.longest);
}

function report(dir: string, root: string, options: { all: boolean; longest: number }): string {
  const s = measureFolder(join(root, dir), root, options);
  const head = `${dir}: ${s.count} functions, median ${s.median}, p90 ${s.p90}, max ${s.max} lines`;
  return [head, ...s.longest.map((f) => `  ${f.lines}\t${f.file}:${f.line} ${f.name}`)].join('\n');
}

// Usage: tsx tools/metrics/function-lengths.ts [folder ...] [--all] [--longest=N]
if (require.main === module) {
  const root = join(__dirname, '../..');
  const args = process.argv.slice(2);
  const longest = Number(args.find((a) => a.startsWith('--longest='))?.split('=')[1] ?? 5);
  const folders = args.filter((a) => !a.startsWith('--'));
  const all = args.includes('--all');
  for (const dir of folders.length ? folders : ['src', 'sidebar']) console.log(report(dir, root, { all, longest }));
}

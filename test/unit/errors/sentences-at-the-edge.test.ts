// Error sentences live in the catalogue only: no domain file builds one where it throws.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '../../../src');
const CATALOGUE_DIR = 'errors';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** `new AppError(code, 'a sentence')`, `…, \`a ${template}\`` or `…, "text"`: a message worded at the throw site. */
const SENTENCE_AT_THROW = /new\s+AppError\s*\(\s*[^,()]+,\s*['"`]/g;
/** A plain Error thrown where an adapter should say which product condition it met. */
const PLAIN_ERROR = /new\s+Error\s*\(/g;

function lineNumbers(text: string, pattern: RegExp): number[] {
  return [...text.matchAll(pattern)].map((match) => text.slice(0, match.index).split('\n').length);
}

function offenders(pattern: RegExp, include: (file: string) => boolean): string[] {
  return sourceFiles(SRC)
    .map((file) => relative(SRC, file).split('\\').join('/'))
    .filter(include)
    .flatMap((file) => lineNumbers(readFileSync(join(SRC, file), 'utf8'), pattern).map((line) => `${file}:${line}`));
}

describe('sentences at the edge', () => {
  it('recognises a sentence built at a throw site, on one line or several', () => {
    const samples = [
      "throw new AppError('BUSY', 'Lever for Sheets is busy.');",
      'return new AppError(code, `Lever kept failing after several tries.`);',
      'throw new AppError(\n    \'NOT_OWNER\',\n    "Only the owner can change it.",\n  );',
    ];
    for (const sample of samples) expect(lineNumbers(sample, SENTENCE_AT_THROW)).toEqual([1]);
    expect(lineNumbers("throw new AppError('BUSY', {});", SENTENCE_AT_THROW)).toEqual([]);
    expect(lineNumbers("throw new AppError('NOT_OWNER', { owner });", SENTENCE_AT_THROW)).toEqual([]);
  });

  it('finds no domain file outside the catalogue that words an AppError', () => {
    expect(offenders(SENTENCE_AT_THROW, (file) => !file.startsWith(`${CATALOGUE_DIR}/`))).toEqual([]);
  });

  it('finds the files it scans (the scan is not vacuous)', () => {
    const scanned = sourceFiles(SRC).map((file) => relative(SRC, file).split('\\').join('/'));
    expect(scanned).toEqual(expect.arrayContaining(['gas/lock.ts', 'lever/error-mapping.ts', 'errors/catalogue.ts']));
    expect(offenders(/new\s+AppError\s*\(/g, () => true).length).toBeGreaterThan(40);
  });

  it('has gas/ adapters throw coded AppErrors, never plain Errors', () => {
    expect(offenders(PLAIN_ERROR, (file) => file.startsWith('gas/'))).toEqual([]);
  });
});

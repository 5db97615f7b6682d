// Apps Script's globals appear only in src/gas: everything else reaches them through the ports (the layout rule).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '../../../src');
const GLOBALS = [
  'SpreadsheetApp',
  'PropertiesService',
  'UrlFetchApp',
  'ScriptApp',
  'LockService',
  'CacheService',
  'Utilities',
  'Session',
  'HtmlService',
  'MailApp',
  'Logger',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** A template literal's code: what its `${…}` parts compute, without its text. */
function interpolations(template: string): string {
  return [...template.matchAll(/\$\{([^}]*)\}/g)].map((match) => match[1]).join(' ; ');
}

/** The code only: comments and the text of string literals go (a sentence may name a service). */
function codeOf(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/[^\n]*/g, ' ')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''")
    .replace(/`(?:[^`\\]|\\.)*`/g, (template) => interpolations(template));
}

function globalsUsed(source: string): string[] {
  const code = codeOf(source);
  return GLOBALS.filter((name) => new RegExp(`(^|[^.\\w$])${name}\\b`).test(code));
}

/** Opens a template placeholder inside the samples below (written out, it would be the test's own). */
const OPEN = '$' + '{';

describe('Apps Script globals', () => {
  it('are used only in src/gas', () => {
    const offenders = sourceFiles(SRC)
      .filter((file) => !relative(SRC, file).startsWith('gas/'))
      .flatMap((file) => globalsUsed(readFileSync(file, 'utf8')).map((name) => `${relative(SRC, file)}: ${name}`));
    expect(offenders).toEqual([]);
  });

  it('are found in code and not in comments or sentences', () => {
    expect(globalsUsed('const a = SpreadsheetApp.getActive();')).toEqual(['SpreadsheetApp']);
    expect(globalsUsed('Utilities.sleep(5);\nconst s = Session;')).toEqual(['Utilities', 'Session']);
    expect(
      globalsUsed(`// SpreadsheetApp here\n/* MailApp */ const t = \`UrlFetchApp ${OPEN}x}\`; const u = "Logger";`),
    ).toEqual([]);
    expect(globalsUsed('const myUtilities = 1; obj.Session = 2;')).toEqual([]);
    expect(globalsUsed(`const t = \`at ${OPEN}Utilities.formatDate(d, z, f)} in Utilities\`;`)).toEqual(['Utilities']);
  });
});

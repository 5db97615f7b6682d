// `npm run check:lever [-- --environment production|sandbox|eu] [--base-url URL] [--json]`: read-only checks of
// what a real Lever account does where its docs are silent. The key comes from LEVER_API_KEY or a prompt.

import { baseUrlFor, isLeverEnvironment } from '../../src/lever/endpoints';
import { checkLever, formatReport, type Transport } from './core';

const USAGE =
  'Usage: npm run check:lever -- [--environment production|sandbox|eu] [--base-url URL] [--json]\n' +
  'The key is read from LEVER_API_KEY, or asked for (not echoed).';

interface Args {
  baseUrl: string;
  json: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  let environment = 'production';
  let baseUrl: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg];
    const value = () => {
      const next = inline ?? argv[++i];
      if (next === undefined) throw new Error(`${name} needs a value.\n${USAGE}`);
      return next;
    };
    if (name === '--json') json = true;
    else if (name === '--environment') environment = value();
    else if (name === '--base-url') baseUrl = value();
    else if (name === '--help' || name === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`Unknown option ${arg}.\n${USAGE}`);
  }
  if (!isLeverEnvironment(environment)) throw new Error(`Unknown environment ${environment}.\n${USAGE}`);
  return { baseUrl: baseUrl === undefined ? baseUrlFor(environment) : withV1(baseUrl), json };
}

/** `http://127.0.0.1:4010` (as `npm run sim` prints it) means its `/v1`. */
function withV1(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname === '/' ? `${parsed.origin}/v1` : url.replace(/\/+$/, '');
}

/** Reads the key from the terminal without echoing it (or one line from a pipe). */
function promptKey(): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    return new Promise((resolve) => {
      let text = '';
      stdin.setEncoding('utf8');
      stdin.on('data', (chunk: string) => {
        text += chunk;
      });
      stdin.on('end', () => resolve(text.split(/\r?\n/)[0] ?? ''));
    });
  }
  process.stderr.write('Lever API key (not shown): ');
  return new Promise((resolve, reject) => {
    let key = '';
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.resume();
    const done = (result: string | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      process.stderr.write('\n');
      if (result === null) reject(new Error('Cancelled.'));
      else resolve(result);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return done(key);
        if (char === '\u0003' || char === '\u0004') return done(null);
        if (char === '\u007f' || char === '\b') key = key.slice(0, -1);
        else key += char;
      }
    };
    stdin.on('data', onData);
  });
}

const fetchTransport: Transport = async (url, headers) => {
  try {
    const response = await fetch(url, { headers, redirect: 'error', signal: AbortSignal.timeout(30_000) });
    return { status: response.status, body: await response.text() };
  } catch (error) {
    // Node's fetch says only "fetch failed"; the reason (DNS, refused, time-out) is its cause.
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    throw new Error(`${error instanceof Error ? error.message : String(error)}${cause}`);
  }
};

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const apiKey = (process.env.LEVER_API_KEY ?? (await promptKey())).trim();
  if (apiKey === '') throw new Error('No key: set LEVER_API_KEY or type it at the prompt.');
  const report = await checkLever({ baseUrl: args.baseUrl, apiKey, transport: fetchTransport });
  process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  if (report.aborted) process.exitCode = 1;
}

main().catch((error: unknown) => {
  const key = process.env.LEVER_API_KEY;
  let message = error instanceof Error ? error.message : String(error);
  if (key) message = message.split(key).join('[redacted]');
  console.error(message);
  process.exit(2);
});

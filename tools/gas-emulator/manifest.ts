// Loads what a deployment consists of: the bundle, the manifest (scopes, URL allowlist, time zone) and HTML files.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

export interface Manifest {
  timeZone: string;
  oauthScopes: string[];
  /** Undefined when the manifest has no allowlist (every https URL is allowed then). */
  urlFetchWhitelist?: string[];
}

export interface Deployment {
  bundleSource: string;
  bundleName: string;
  manifest: Manifest;
  htmlFiles: Record<string, string>;
}

const REPO_ROOT = resolve(__dirname, '../..');
const SCOPE_PREFIX = 'https://www.googleapis.com/auth/';

export interface DeploymentOptions {
  bundlePath?: string;
  bundleSource?: string;
  manifestPath?: string;
  manifest?: Partial<Manifest>;
  htmlFiles?: Record<string, string>;
}

export function loadDeployment(options: DeploymentOptions): Deployment {
  const bundlePath = resolve(REPO_ROOT, options.bundlePath ?? 'dist/Code.js');
  const bundleSource = options.bundleSource ?? readFileSync(bundlePath, 'utf8');
  return {
    bundleSource,
    bundleName: options.bundleSource === undefined ? basename(bundlePath) : 'Code.js',
    manifest: loadManifest(options),
    htmlFiles: options.htmlFiles ?? readHtmlFiles(join(REPO_ROOT, 'dist')),
  };
}

function loadManifest(options: DeploymentOptions): Manifest {
  const raw = options.manifest ?? (JSON.parse(readFileSync(manifestPathFor(options), 'utf8')) as Partial<Manifest>);
  return {
    timeZone: raw.timeZone ?? 'America/New_York',
    oauthScopes: (raw.oauthScopes ?? []).map(normalizeScope),
    urlFetchWhitelist: raw.urlFetchWhitelist,
  };
}

function manifestPathFor(options: DeploymentOptions): string {
  if (options.manifestPath) return resolve(REPO_ROOT, options.manifestPath);
  const built = join(REPO_ROOT, 'dist/appsscript.json');
  return existsSync(built) ? built : join(REPO_ROOT, 'appsscript.json');
}

function readHtmlFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  if (!existsSync(dir)) return files;
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.html')) files[name.slice(0, -'.html'.length)] = readFileSync(join(dir, name), 'utf8');
  }
  return files;
}

/** Accepts 'script.scriptapp' or the full URL and returns the full URL. */
export function normalizeScope(scope: string): string {
  return scope.startsWith('https://') ? scope : SCOPE_PREFIX + scope;
}

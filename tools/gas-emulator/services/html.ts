// HtmlService: HtmlOutput from project HTML files or strings; the UI model reads getContent()/getTitle() to record sidebars.
import type { EmulatorCore } from '../core';
import type { Execution } from '../runtime/execution';
import { expectArgs, isEnumOf, makeEnum, strictObject } from './strict';

export const SandboxMode = makeEnum('SandboxMode', ['EMULATED', 'IFRAME', 'NATIVE']);
export const XFrameOptionsMode = makeEnum('XFrameOptionsMode', ['ALLOWALL', 'DEFAULT']);

export function createHtmlService(exec: Execution, core: EmulatorCore): object {
  return strictObject(exec, 'HtmlService', {
    SandboxMode,
    XFrameOptionsMode,
    createHtmlOutputFromFile(filename: unknown) {
      expectArgs(exec, 'HtmlService.createHtmlOutputFromFile', [filename], typeof filename === 'string');
      exec.call('HtmlService.createHtmlOutputFromFile');
      const content = core.deployment.htmlFiles[filename as string];
      if (content === undefined) throw exec.exception(`No HTML file named ${filename} was found.`);
      return createHtmlOutput(exec, content);
    },
    createHtmlOutput(html?: unknown) {
      expectArgs(exec, 'HtmlService.createHtmlOutput', [html], html === undefined || typeof html === 'string');
      exec.call('HtmlService.createHtmlOutput');
      return createHtmlOutput(exec, (html as string | undefined) ?? '');
    },
  });
}

interface OutputState {
  content: string;
  title: string;
  width: number | null;
  height: number | null;
  sandboxMode: unknown;
}

export function createHtmlOutput(exec: Execution, initial: string): object {
  const state: OutputState = {
    content: initial,
    title: '',
    width: null,
    height: null,
    sandboxMode: SandboxMode.IFRAME,
  };
  /** Applies a change and returns the output, for chaining. */
  const set = (change: Partial<OutputState>) => {
    Object.assign(state, change);
    return output;
  };
  const checkEnum = (method: string, mode: unknown, values: typeof SandboxMode | typeof XFrameOptionsMode) =>
    expectArgs(exec, `HtmlService.HtmlOutput.${method}`, [mode], isEnumOf(mode, values));
  const output: object = strictObject(exec, 'HtmlService.HtmlOutput', {
    getContent: () => state.content,
    getTitle: () => state.title,
    getWidth: () => state.width,
    getHeight: () => state.height,
    getSandboxMode: () => state.sandboxMode,
    setContent: (value: unknown) => set({ content: String(value) }),
    append: (value: unknown) => set({ content: state.content + String(value) }),
    appendUntrusted: (value: unknown) => set({ content: state.content + escapeHtml(String(value)) }),
    clear: () => set({ content: '' }),
    setTitle: (value: unknown) => set({ title: String(value) }),
    setWidth: (value: unknown) => set({ width: Number(value) }),
    setHeight: (value: unknown) => set({ height: Number(value) }),
    setSandboxMode(mode: unknown) {
      checkEnum('setSandboxMode', mode, SandboxMode);
      return set({ sandboxMode: mode });
    },
    setXFrameOptionsMode(mode: unknown) {
      checkEnum('setXFrameOptionsMode', mode, XFrameOptionsMode);
      return output;
    },
    addMetaTag: () => output,
    setFaviconUrl: () => output,
  });
  return output;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

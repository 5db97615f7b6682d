// Runs one execution: a fresh realm with fresh globals, the bundle loaded, the named function called, a result.
import vm from 'node:vm';
import type { EmulatorCore } from '../core';
import type { ExecutionResult } from '../options';
import { Execution, type ExecutionSpec, KILL_MESSAGE } from './execution';
import { installGlobals } from './globals';
import { createRealm } from './realm';

const ENTRY = '__gasEmulatorEntry__';
const entryScript = new vm.Script(`${ENTRY}()`, { filename: 'gas-emulator-entry.js' });
const TOO_MANY_EXECUTIONS = 'There are too many scripts running simultaneously for this Google user account.';

type Outcome = { value: unknown } | { error: { name: string; message: string }; wallClock?: boolean };

/** Runs `spec` as a new execution; `refusal` fails it before any code runs (e.g. the daily runtime quota). */
export function runExecution(core: EmulatorCore, spec: ExecutionSpec, refusal?: string): ExecutionResult {
  const exec = new Execution(spec, core);
  if (refusal !== undefined) return resultOf(exec, { error: { name: 'Exception', message: refusal } });
  if (core.liveExecutionsOf(spec.user) >= core.limits.simultaneousExecutionsPerUser) {
    return resultOf(exec, { error: { name: 'Exception', message: TOO_MANY_EXECUTIONS } });
  }
  core.live.set(exec.id, exec);
  try {
    exec.attachRealm(createRealm(() => core.clock.now(), { intlZones: core.readings.intlZones }));
    installGlobals(exec, core);
    return resultOf(exec, invoke(exec, core));
  } finally {
    exec.end();
    core.live.delete(exec.id);
    core.locks.releaseAll(exec.id);
  }
}

function invoke(exec: Execution, core: EmulatorCore): Outcome {
  const { context } = exec.realm;
  const timeout = core.limits.wallClockLimitMs;
  try {
    core.bundle.runInContext(context, { timeout });
    const fn = (context as Record<string, unknown>)[exec.spec.fn];
    // Functions ending in "_" are private in Apps Script: no menu, trigger or google.script.run can call them.
    if (typeof fn !== 'function' || exec.spec.fn.endsWith('_')) {
      return { error: { name: 'Exception', message: `Script function not found: ${exec.spec.fn}` } };
    }
    const args = exec.realm.toRealm(exec.spec.args);
    exec.realm.defineGlobal(ENTRY, () => (fn as (...a: unknown[]) => unknown).apply(undefined, args));
    try {
      return { value: entryScript.runInContext(context, { timeout }) };
    } finally {
      delete (context as Record<string, unknown>)[ENTRY];
    }
  } catch (error) {
    return { error: describeError(error), wallClock: isWallClockTimeout(error) };
  }
}

function isWallClockTimeout(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

function describeError(error: unknown): { name: string; message: string } {
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const { name, message } = error as { name?: unknown; message?: unknown };
    return { name: typeof name === 'string' ? name : 'Error', message: String(message) };
  }
  return { name: 'Error', message: String(error) };
}

function resultOf(exec: Execution, outcome: Outcome): ExecutionResult {
  const wallClock = 'wallClock' in outcome && outcome.wallClock === true;
  const timedOut = exec.killed || wallClock;
  const base = {
    timedOut,
    startedAt: Math.floor(exec.startedAt),
    endedAt: exec.now(),
    elapsedMs: Math.round(exec.elapsedMs()),
    calls: { ...exec.calls },
    logs: [...exec.logs],
    ...(exec.spec.trigger ? { trigger: { ...exec.spec.trigger } } : {}),
  };
  // A killed execution failed even if the bundle caught the kill and returned normally.
  if (timedOut) return { ...base, ok: false, error: { name: 'Exception', message: KILL_MESSAGE } };
  if ('error' in outcome) return { ...base, ok: false, error: outcome.error };
  return { ...base, ok: true, value: outcome.value };
}

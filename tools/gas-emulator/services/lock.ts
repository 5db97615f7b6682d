// LockService: document, user and script locks shared by overlapping executions, released when an execution ends.
import type { EmulatorCore } from '../core';
import type { Execution } from '../runtime/execution';
import { expectArgs, strictObject } from './strict';

const TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

/** The holder of a lock a test took for an execution the emulator does not run (see GasEmulator.holdLock). */
export const OUTSIDE_HOLDER = -1;

/** Who holds which lock, across executions. Keys: 'document:<id>', 'user:<email>', 'script'. */
export class LockRegistry {
  private readonly holders = new Map<string, number>();

  holder(key: string): number | undefined {
    return this.holders.get(key);
  }

  acquire(key: string, executionId: number): void {
    this.holders.set(key, executionId);
  }

  release(key: string, executionId: number): void {
    if (this.holders.get(key) === executionId) this.holders.delete(key);
  }

  releaseAll(executionId: number): void {
    for (const [key, holder] of this.holders) if (holder === executionId) this.holders.delete(key);
  }
}

export function createLockService(exec: Execution, core: EmulatorCore): object {
  const open = (method: string, key: string | null) => {
    exec.requireAuthorized(`LockService.${method}`);
    exec.call(`LockService.${method}`);
    return key === null ? null : createLock(exec, core, key);
  };
  return strictObject(exec, 'LockService', {
    getDocumentLock: () => open('getDocumentLock', exec.documentId ? `document:${exec.documentId}` : null),
    getUserLock: () => open('getUserLock', `user:${exec.user}`),
    getScriptLock: () => open('getScriptLock', 'script'),
  });
}

function createLock(exec: Execution, core: EmulatorCore, key: string): object {
  const locks = core.locks;
  const free = () => {
    const holder = locks.holder(key);
    if (holder === OUTSIDE_HOLDER) return false;
    return holder === undefined || holder === exec.id || !core.isLive(holder);
  };
  /** Tries to take the lock; when another live execution holds it, the whole timeout passes (nothing can release it meanwhile). */
  const attempt = (method: string, timeoutMs: unknown): boolean => {
    const name = `LockService.Lock.${method}`;
    expectArgs(exec, name, [timeoutMs], typeof timeoutMs === 'number' && timeoutMs >= 0);
    exec.call(name);
    if (free()) {
      locks.acquire(key, exec.id);
      return true;
    }
    exec.charge(timeoutMs as number);
    return false;
  };
  return strictObject(exec, 'LockService.Lock', {
    tryLock: (timeoutMs: unknown) => attempt('tryLock', timeoutMs),
    waitLock(timeoutMs: unknown) {
      if (!attempt('waitLock', timeoutMs)) throw exec.exception(TIMEOUT_MESSAGE);
    },
    hasLock() {
      exec.call('LockService.Lock.hasLock');
      return locks.holder(key) === exec.id;
    },
    releaseLock() {
      exec.call('LockService.Lock.releaseLock');
      locks.release(key, exec.id);
    },
  });
}

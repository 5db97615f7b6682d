// Logger and console: everything printed goes to the execution's logs and the emulator's cumulative log.
import { format } from 'node:util';
import type { Execution } from '../runtime/execution';
import { strictObject } from './strict';

export function createLogger(exec: Execution): object {
  const lines: string[] = [];
  const logger: object = strictObject(exec, 'Logger', {
    log(data: unknown, ...values: unknown[]) {
      const line = values.length > 0 && typeof data === 'string' ? format(data, ...values) : format(data);
      lines.push(line);
      exec.log(line);
      return logger;
    },
    getLog: () => lines.join('\n'),
    clear() {
      lines.length = 0;
      return logger;
    },
  });
  return logger;
}

export function createConsole(exec: Execution): object {
  const timers = new Map<string, number>();
  const print = (...args: unknown[]) => exec.log(format(...args));
  return strictObject(exec, 'console', {
    log: print,
    info: print,
    warn: print,
    error: print,
    time(label = 'default') {
      timers.set(String(label), exec.now());
    },
    timeEnd(label = 'default') {
      const started = timers.get(String(label));
      if (started !== undefined) print(`${label}: ${exec.now() - started}ms`);
      timers.delete(String(label));
    },
  });
}

// Session: the running user (blank where Google hides it), the effective user and the script time zone.
import { createHash } from 'node:crypto';
import type { EmulatorCore } from '../core';
import type { Execution } from '../runtime/execution';
import { strictObject } from './strict';

const SCOPE = 'userinfo.email';

export function createSession(exec: Execution, core: EmulatorCore): object {
  const user = (method: string, email: () => string) => {
    // Simple triggers (LIMITED) may ask who is running, although Google often answers with a blank email.
    if (exec.authMode !== 'LIMITED') exec.requireScope([SCOPE], `Session.${method}`);
    exec.call(`Session.${method}`);
    return strictObject(exec, 'Session.User', { getEmail: email, toString: email });
  };
  const activeEmail = () => {
    const policy = core.options.blankActiveUser ?? 'never';
    if (policy === 'always' || (policy === 'simpleTriggers' && exec.spec.simpleTrigger)) return '';
    return exec.user;
  };
  return strictObject(exec, 'Session', {
    getActiveUser: () => user('getActiveUser', activeEmail),
    getEffectiveUser: () => user('getEffectiveUser', () => (exec.authMode === 'LIMITED' ? activeEmail() : exec.user)),
    getScriptTimeZone() {
      exec.call('Session.getScriptTimeZone');
      return core.deployment.manifest.timeZone;
    },
    getTemporaryActiveUserKey() {
      exec.call('Session.getTemporaryActiveUserKey');
      return createHash('sha256').update(`temporary-key:${exec.user}`).digest('base64url').slice(0, 40);
    },
    getActiveUserLocale() {
      exec.call('Session.getActiveUserLocale');
      return 'en';
    },
  });
}

// ScriptApp: add-on time-based triggers (create, list, delete), authorization info and the enums.
import type { EmulatorCore } from '../core';
import type { Execution } from '../runtime/execution';
import { createClockTriggerBuilder } from '../triggers/clock-builder';
import {
  AuthModeEnum,
  AuthorizationStatus,
  EventType,
  InstallationSource,
  TriggerSource,
  WeekDay,
} from '../triggers/enums';
import type { TriggerRecord } from '../triggers/store';
import { spreadsheetIdOf } from './spreadsheet-id';
import { expectArgs, isEnumOf, strictObject } from './strict';

const SCOPE = 'script.scriptapp';
export const SCRIPT_ID = '1LeverForSheetsEmulatedScriptId0000000000000000000000000';

/** Trigger objects handed to the bundle → their unique id, so deleteTrigger only accepts real triggers. */
const triggerIds = new WeakMap<object, string>();

export function createScriptApp(exec: Execution, core: EmulatorCore): object {
  return strictObject(exec, 'ScriptApp', {
    AuthMode: AuthModeEnum,
    WeekDay,
    EventType,
    TriggerSource,
    AuthorizationStatus,
    InstallationSource,
    ...triggerMembers(exec, core),
    getAuthorizationInfo(mode: unknown) {
      expectArgs(exec, 'ScriptApp.getAuthorizationInfo', [mode], isEnumOf(mode, AuthModeEnum));
      exec.call('ScriptApp.getAuthorizationInfo');
      return authorizationInfo(exec, core);
    },
    getScriptId() {
      exec.call('ScriptApp.getScriptId');
      return SCRIPT_ID;
    },
  });
}

/** newTrigger, getUserTriggers, getProjectTriggers, deleteTrigger: the running user's triggers only. */
function triggerMembers(exec: Execution, core: EmulatorCore): Record<string, unknown> {
  const scoped = (method: string) => {
    exec.requireScope([SCOPE], `ScriptApp.${method}`);
    exec.call(`ScriptApp.${method}`);
  };
  const install = (trigger: Omit<TriggerRecord, 'uid' | 'nextFireAt'>) => {
    const result = core.triggers.add(trigger);
    if (typeof result === 'string') throw exec.exception(result);
    return triggerObject(exec, result);
  };
  const listed = (records: TriggerRecord[]) => exec.toRealm(records.map((record) => triggerObject(exec, record)));
  return {
    newTrigger(handler: unknown) {
      expectArgs(exec, 'ScriptApp.newTrigger', [handler], typeof handler === 'string');
      exec.call('ScriptApp.newTrigger');
      return strictObject(exec, 'ScriptApp.TriggerBuilder', {
        timeBased: () => createClockTriggerBuilder(exec, core, handler as string, install),
      });
    },
    getUserTriggers(spreadsheet: unknown) {
      scoped('getUserTriggers');
      const documentId = spreadsheetIdOf(exec, spreadsheet, 'ScriptApp.getUserTriggers');
      // Unknowns 8: under 'unlisted' an add-on's clock triggers are not "in" the spreadsheet. Every trigger this
      // emulator installs is a clock trigger, so none is listed (other installable kinds would be).
      const unlisted = core.readings.triggerListing === 'unlisted';
      return listed(core.triggers.forUser(exec.user, documentId).filter((record) => !unlisted || !isClock(record)));
    },
    /** The running user's triggers of the project across all their documents, clock ones included (semantics §4). */
    getProjectTriggers() {
      scoped('getProjectTriggers');
      return listed(core.triggers.forUser(exec.user));
    },
    deleteTrigger(trigger: unknown) {
      const uid = typeof trigger === 'object' && trigger !== null ? triggerIds.get(trigger) : undefined;
      expectArgs(exec, 'ScriptApp.deleteTrigger', [trigger], uid !== undefined);
      scoped('deleteTrigger');
      const record = core.triggers.get(uid as string);
      if (record && record.owner === exec.user) core.triggers.delete(record.uid);
    },
  };
}

/** Every emulated trigger is time-driven; kept as a predicate so the listing rule reads as Google's. */
function isClock(_record: TriggerRecord): boolean {
  return true;
}

function authorizationInfo(exec: Execution, core: EmulatorCore): object {
  const required = core.isRevoked(exec.user);
  return strictObject(exec, 'ScriptApp.AuthorizationInfo', {
    getAuthorizationStatus: () => (required ? AuthorizationStatus.REQUIRED : AuthorizationStatus.NOT_REQUIRED),
    getAuthorizationUrl: () => (required ? `https://script.google.com/macros/s/${SCRIPT_ID}/authorize` : null),
    getAuthorizedScopes: () => exec.toRealm(required ? [] : [...core.deployment.manifest.oauthScopes]),
  });
}

function triggerObject(exec: Execution, record: TriggerRecord): object {
  const trigger = strictObject(exec, 'ScriptApp.Trigger', {
    getHandlerFunction: () => record.handler,
    getUniqueId: () => record.uid,
    getEventType: () => EventType.CLOCK,
    getTriggerSource: () => TriggerSource.CLOCK,
    getTriggerSourceId: () => null,
  });
  triggerIds.set(trigger, record.uid);
  return trigger;
}

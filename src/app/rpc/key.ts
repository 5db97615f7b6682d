// Sidebar calls about the Lever API key: check it against Lever, then save, re-check or remove it.
import { withConfidentialNotice } from '../../confidential/guard';
import { AppError, type BadInputDetails, scrubbedError, toAppError } from '../../errors';
import { appsScriptClock, executionBudget } from '../../gas/clock';
import { appsScriptBase64 } from '../../gas/http';
import { userStore } from '../../gas/properties';
import type { KeyCheck, LeverCredential } from '../../lever/credential';
import { isLeverEnvironment, LEVER_ENVIRONMENTS } from '../../lever/endpoints';
import { type KeyProbe, probeKey } from '../../lever/probe';
import type { ServerApi } from '../../shared/rpc';
import type { KeyStatus, LeverEnvironment } from '../../shared/types';
import {
  credentialFor,
  loadCredential,
  loadKeyStatus,
  removeKey,
  saveKey,
  updateKeyCheck,
} from '../../store/key-store';
import { clientFor, keepCheckedLookups, noKeyError } from '../lever';
import { guarded } from './guarded';

/** Lever keys are a few dozen characters; anything far longer is a paste gone wrong. */
const MAX_KEY_LENGTH = 200;

function badInput(details: BadInputDetails): AppError {
  return new AppError('BAD_INPUT', details);
}

export function validateKeyInput(key: unknown, environment: unknown): { key: string; environment: LeverEnvironment } {
  if (typeof key !== 'string' || key.trim() === '') throw badInput({ reason: 'keyEmpty' });
  const trimmed = key.trim();
  if (trimmed.length > MAX_KEY_LENGTH) {
    throw badInput({ reason: 'keyTooLong' });
  }
  if (!/^[!-~]+$/.test(trimmed)) {
    throw badInput({ reason: 'keyCharacters' });
  }
  if (!isLeverEnvironment(environment)) {
    throw badInput({ reason: 'environment', allowed: [...LEVER_ENVIRONMENTS] });
  }
  return { key: trimmed, environment };
}

function probe(credential: LeverCredential): KeyProbe {
  return probeKey(clientFor(credential), executionBudget().deadline, () => appsScriptClock.now());
}

const OFFERS_MISSING =
  'It cannot read offers (Lever\'s "Offers" read permission): imports still run, but the offer columns and ' +
  "requisitions' next start dates and active offers stay empty.";

/** A sentence for the sidebar about the endpoints the key cannot read; confidential access has its own notice. */
export function describeCheck(check: KeyCheck): string {
  const missing = Object.entries(check.permissions)
    .filter(([, canRead]) => !canRead)
    .map(([endpoint]) => endpoint.replace(/_/g, ' '));
  const endpoints = missing.length > 0 ? `This key cannot read ${missing.join(', ')}.` : '';
  const offers = check.offersAccess === false ? OFFERS_MISSING : '';
  return [endpoints, offers].filter((sentence) => sentence !== '').join(' ');
}

function statusWithMessage(check: KeyCheck): KeyStatus {
  const status = withConfidentialNotice(loadKeyStatus(userStore()));
  const message = describeCheck(check);
  return message ? { ...status, message } : status;
}

/** Any failure as an AppError the sidebar may show: the key scrubbed from it, whatever threw it. */
function scrubbed(error: unknown, credential: LeverCredential): AppError {
  return scrubbedError(toAppError(error), credential.redact);
}

function saveApiKey(rawKey: string, rawEnvironment: LeverEnvironment): KeyStatus {
  const { key, environment } = validateKeyInput(rawKey, rawEnvironment);
  const credential = credentialFor(key, environment, appsScriptBase64);
  try {
    // Lever must accept the key before it is stored: a wrong key is never saved.
    const { check, lookups } = probe(credential);
    saveKey(userStore(), key, environment, check);
    keepCheckedLookups(environment, check, lookups);
    return statusWithMessage(check);
  } catch (error) {
    throw scrubbed(error, credential);
  }
}

function checkApiKey(): KeyStatus {
  const saved = loadCredential(userStore(), appsScriptBase64);
  if (!saved) throw noKeyError();
  try {
    const { check, lookups } = probe(saved.credential);
    // Another key saved meanwhile: its status as it stands, without this check's message about the old key.
    if (!updateKeyCheck(userStore(), check, saved.check.checkedAt))
      return withConfidentialNotice(loadKeyStatus(userStore()));
    keepCheckedLookups(saved.credential.environment, check, lookups);
    return statusWithMessage(check);
  } catch (error) {
    throw scrubbed(error, saved.credential);
  }
}

function removeApiKey(): KeyStatus {
  removeKey(userStore());
  return loadKeyStatus(userStore());
}

export const keyRpc: Pick<ServerApi, 'saveApiKey' | 'checkApiKey' | 'removeApiKey'> = {
  saveApiKey: guarded(saveApiKey),
  checkApiKey: guarded(checkApiKey),
  removeApiKey: guarded(removeApiKey),
};

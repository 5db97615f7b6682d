// Blob and byte helpers shared by Utilities and UrlFetchApp: Java-style signed byte arrays and charsets.
import type { Execution } from '../runtime/execution';
import { makeEnum, strictObject } from './strict';

export const Charset = makeEnum('Charset', ['UTF_8', 'US_ASCII']);

/** Apps Script Byte[] values are Java bytes: -128..127. */
export function toSignedBytes(exec: Execution, data: Uint8Array): number[] {
  const out: number[] = exec.toRealm([]);
  for (const byte of data) out.push(byte > 127 ? byte - 256 : byte);
  return out;
}

/** Accepts signed (-128..127) or unsigned (0..255) numbers, like Apps Script does. */
export function fromByteArray(bytes: readonly unknown[]): Buffer {
  return Buffer.from(bytes.map((b) => Number(b) & 0xff));
}

export function isByteArray(value: unknown): value is number[] {
  return (
    Array.isArray(value) && value.every((b) => typeof b === 'number' && Number.isInteger(b) && b >= -128 && b <= 255)
  );
}

/** Java replaces characters a charset cannot hold. */
function replaceNonAscii(text: string, replacement: string): string {
  return Array.from(text, (ch) => (ch.charCodeAt(0) > 0x7f ? replacement : ch)).join('');
}

export function encodeString(text: string, charset?: unknown): Buffer {
  if (charset === Charset.US_ASCII) return Buffer.from(replaceNonAscii(text, '?'), 'latin1');
  return Buffer.from(text, 'utf8');
}

export function decodeBytes(data: Buffer, charset?: unknown): string {
  if (charset === Charset.US_ASCII) return replaceNonAscii(data.toString('latin1'), '\ufffd');
  return data.toString('utf8');
}

/** A charset argument may be a Charset enum value or a Java charset name such as 'UTF-8'. */
export function charsetArg(exec: Execution, charset: unknown): unknown {
  if (charset === undefined || charset === Charset.UTF_8 || charset === Charset.US_ASCII) return charset;
  if (typeof charset === 'string') {
    const name = charset.toUpperCase().replace('_', '-');
    if (name === 'UTF-8') return Charset.UTF_8;
    if (name === 'US-ASCII' || name === 'ASCII') return Charset.US_ASCII;
  }
  throw exec.exception(`Unsupported in the emulator: charset ${String(charset)}`);
}

export function createBlob(exec: Execution, initial: Buffer, contentType: string | null, name: string | null): object {
  let data = initial;
  let type = contentType;
  let blobName = name;
  const blob: object = strictObject(exec, 'Blob', {
    getBytes: () => toSignedBytes(exec, data),
    getDataAsString: (charset?: unknown) => decodeBytes(data, charsetArg(exec, charset)),
    getContentType: () => type,
    getName: () => blobName,
    isGoogleType: () => false,
    setContentType(value: string | null) {
      type = value;
      return blob;
    },
    setName(value: string | null) {
      blobName = value;
      return blob;
    },
    setBytes(bytes: unknown[]) {
      data = fromByteArray(bytes);
      return blob;
    },
    setDataFromString(text: string, charset?: unknown) {
      data = encodeString(String(text), charsetArg(exec, charset));
      return blob;
    },
    copyBlob: () => createBlob(exec, Buffer.from(data), type, blobName),
    getAs(mime: string) {
      if (mime === type) return createBlob(exec, Buffer.from(data), type, blobName);
      throw exec.exception(`Unsupported in the emulator: Blob.getAs(${mime})`);
    },
  });
  return blob;
}

// The byte-level half of Utilities: base64 (standard and web-safe), newBlob and computeDigest as Java signed bytes.
import { createHash } from 'node:crypto';
import type { Execution } from '../runtime/execution';
import { charsetArg, createBlob, encodeString, fromByteArray, isByteArray, toSignedBytes } from './blob';
import { expectArgs, isEnumOf, makeEnum } from './strict';

export const DigestAlgorithm = makeEnum('DigestAlgorithm', ['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512']);
const NODE_DIGESTS: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

const name = (method: string) => `Utilities.${method}`;

/** A String (in a charset, UTF-8 by default) or a Byte[] argument as bytes. */
function bytesOf(exec: Execution, method: string, data: unknown, charset: unknown): Buffer {
  if (typeof data === 'string') return encodeString(data, charsetArg(exec, charset));
  expectArgs(exec, name(method), [data], isByteArray(data));
  return fromByteArray(data as number[]);
}

function encode(exec: Execution, method: string, data: unknown, charset: unknown): string {
  exec.call(name(method));
  return bytesOf(exec, method, data, charset).toString('base64');
}

/** Standard and web-safe alphabets both decode (Google is lenient about the alphabet). */
function decode(exec: Execution, method: string, encoded: unknown): number[] {
  expectArgs(exec, name(method), [encoded], typeof encoded === 'string');
  exec.call(name(method));
  const text = (encoded as string).replace(/\s/g, '');
  if (!/^[A-Za-z0-9+/\-_]*={0,2}$/.test(text)) throw exec.exception('Could not decode string.');
  return toSignedBytes(exec, Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
}

/** Members merged into the Utilities service object. */
export function byteUtilities(exec: Execution): Record<string, unknown> {
  return {
    base64Encode: (data: unknown, charset?: unknown) => encode(exec, 'base64Encode', data, charset),
    base64EncodeWebSafe: (data: unknown, charset?: unknown) =>
      encode(exec, 'base64EncodeWebSafe', data, charset).replace(/\+/g, '-').replace(/\//g, '_'),
    base64Decode: (encoded: unknown) => decode(exec, 'base64Decode', encoded),
    base64DecodeWebSafe: (encoded: unknown) => decode(exec, 'base64DecodeWebSafe', encoded),
    newBlob(data: unknown, contentType?: unknown, blobName?: unknown) {
      exec.call(name('newBlob'));
      const bytes = bytesOf(exec, 'newBlob', data, undefined);
      return createBlob(exec, bytes, optionalString(contentType), optionalString(blobName));
    },
    computeDigest(algorithm: unknown, value: unknown, charset?: unknown) {
      expectArgs(exec, name('computeDigest'), [algorithm, value], isEnumOf(algorithm, DigestAlgorithm));
      exec.call(name('computeDigest'));
      const nodeName = NODE_DIGESTS[(algorithm as { name: string }).name];
      if (!nodeName) throw exec.exception(`Unsupported in the emulator: Utilities.computeDigest(${String(algorithm)})`);
      return toSignedBytes(
        exec,
        createHash(nodeName)
          .update(bytesOf(exec, 'computeDigest', value, charset))
          .digest(),
      );
    },
  };
}

function optionalString(value: unknown): string | null {
  return value === undefined || value === null ? null : String(value);
}

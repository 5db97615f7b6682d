// Utilities: Java date patterns in a zone, base64, blobs, digests as Java signed bytes, UUIDs, sleep bounds.
import { createHash } from 'node:crypto';
import { emulator } from './helpers';

function evaluate(expression: string, options = {}) {
  const result = emulator(`function main() { return ${expression}; }`, options).run('main');
  if (!result.ok) throw new Error(result.error?.message);
  return result.value;
}

const INSTANT = 'new Date(Date.UTC(2026, 2, 8, 7, 5, 9, 42))'; // 03:05:09.042 EDT, just after the DST jump

describe('formatDate', () => {
  test.each([
    ["yyyy-MM-dd'T'HH:mm:ss.SSSXXX", 'America/New_York', '2026-03-08T03:05:09.042-04:00'],
    ["yyyy-MM-dd'T'HH:mm:ss'Z'", 'UTC', '2026-03-08T07:05:09Z'],
    ['EEE, d MMM yyyy h:mm a z', 'America/New_York', 'Sun, 8 Mar 2026 3:05 AM EDT'],
    ['EEEE MMMM dd yy', 'Asia/Kolkata', 'Sunday March 08 26'],
    ['HH:mm Z', 'Asia/Kolkata', '12:35 +0530'],
    ['XXX X', 'UTC', 'Z Z'],
    ["'It''s' h 'o''clock'", 'America/New_York', "It's 3 o'clock"],
    ['D w u', 'UTC', '67 11 7'],
    ['z', 'Asia/Kolkata', 'GMT+05:30'],
  ])('%s in %s', (pattern, zone, expected) => {
    expect(evaluate(`Utilities.formatDate(${INSTANT}, ${JSON.stringify(zone)}, ${JSON.stringify(pattern)})`)).toBe(
      expected,
    );
  });

  test('an unknown pattern letter and a non-Date argument fail', () => {
    expect(() => evaluate(`Utilities.formatDate(${INSTANT}, 'UTC', 'yyyy-MM-ddTHH')`)).toThrow(
      "Illegal pattern character 'T'",
    );
    expect(() => evaluate(`Utilities.formatDate('2026-01-01', 'UTC', 'yyyy')`)).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });

  test('an unknown zone falls back to GMT like Java', () => {
    expect(evaluate(`Utilities.formatDate(${INSTANT}, 'Nowhere/City', 'HH:mm')`)).toBe('07:05');
  });
});

describe('bytes and encodings', () => {
  test('base64 of UTF-8 text, web-safe variant, and decode to signed bytes', () => {
    const text = 'key:ü?>';
    expect(evaluate(`Utilities.base64Encode(${JSON.stringify(text)}, Utilities.Charset.UTF_8)`)).toBe(
      Buffer.from(text).toString('base64'),
    );
    expect(evaluate(`Utilities.base64EncodeWebSafe('??>>')`)).toBe('Pz8-Pg==');
    expect(evaluate(`Utilities.base64Decode('/w==')`)).toEqual([-1]);
    expect(
      evaluate(`Utilities.newBlob(Utilities.base64Decode(Utilities.base64Encode('héllo'))).getDataAsString()`),
    ).toBe('héllo');
  });

  test('computeDigest returns Java signed bytes', () => {
    const expected = [...createHash('sha256').update('abc').digest()].map((b) => (b > 127 ? b - 256 : b));
    expect(
      evaluate(`Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc', Utilities.Charset.UTF_8)`),
    ).toEqual(expected);
    expect(expected.some((b) => b < 0)).toBe(true);
  });

  test('blobs keep name and content type', () => {
    expect(
      evaluate(`(() => { const b = Utilities.newBlob('abc', 'text/plain', 'a.txt');
      return [b.getName(), b.getContentType(), b.getBytes().length, b.setName('b').getName()]; })()`),
    ).toEqual(['a.txt', 'text/plain', 3, 'b']);
  });

  test('getUuid is a seeded v4 UUID', () => {
    const first = evaluate('Utilities.getUuid()', { seed: 9 });
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(evaluate('Utilities.getUuid()', { seed: 9 })).toBe(first);
    expect(evaluate('Utilities.getUuid()', { seed: 10 })).not.toBe(first);
  });

  test('sleep is capped at 5 minutes', () => {
    expect(() => evaluate('Utilities.sleep(300001)')).toThrow('Invalid argument: milliseconds');
  });
});

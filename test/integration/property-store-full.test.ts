// A full UserProperties store (Google's 500 KB, counted in UTF-8 bytes) gives the product's STORE_FULL sentence.
import { createHarness, FULL_KEY, USER } from '../support/harness';

const STORE_BYTES = 500 * 1024;

describe('a full property store', () => {
  it("refuses to save the key with a sentence saying Google's storage is full, and saves nothing", () => {
    const h = createHarness();
    // Other spreadsheets' records fill the store to 60 bytes short of 500 KB, in 3-byte characters.
    const value = '€'.repeat(2_700);
    let used = 0;
    for (let n = 0; used + 8_200 < STORE_BYTES; n++) {
      const key = `diagnostics.probe.sheet-${n}`;
      h.emu.seedUserProperty(USER, key, value);
      used += Buffer.byteLength(key) + Buffer.byteLength(value);
    }
    h.emu.seedUserProperty(USER, 'filler', 'x'.repeat(STORE_BYTES - used - 60 - 'filler'.length));
    expect(() => h.call('saveApiKey', [FULL_KEY, 'production'])).toThrow(
      "Lever for Sheets could not save your settings: Google's storage for them in your account (500 KB, shared by " +
        'every spreadsheet you use it in) is full. Turn off schedules in spreadsheets you no longer use, then try again.',
    );
    expect(h.emu.userProperties(USER)['lever.key']).toBeUndefined();
  });
});

// PropertiesService: the three stores, string values, copies, chaining and Google's storage limits.
import { ANA, BEN, emulator } from './helpers';

const BUNDLE = `
  function setUser(key, value) { PropertiesService.getUserProperties().setProperty(key, value); }
  function getUser(key) { return PropertiesService.getUserProperties().getProperty(key); }
  function setDoc(key, value) { PropertiesService.getDocumentProperties().setProperty(key, value); }
  function docStoreExists() { return PropertiesService.getDocumentProperties() !== null; }
  function copyIsDetached() {
    const props = PropertiesService.getScriptProperties().setProperty('a', '1').setProperty('b', '2');
    const copy = props.getProperties();
    copy.a = 'changed';
    copy.c = 'new';
    return [props.getProperty('a'), props.getProperty('c'), props.getKeys().sort(), typeof props.getProperty('b')];
  }
  function numbers() { return PropertiesService.getScriptProperties().setProperty('n', 5).getProperty('n'); }
  function replaceAll() {
    const props = PropertiesService.getScriptProperties().setProperties({ a: '1', b: '2' });
    props.setProperties({ c: '3' }, true);
    return props.getKeys();
  }
  function deletes() {
    const props = PropertiesService.getScriptProperties().setProperties({ a: '1', b: '2' }, true);
    props.deleteProperty('a');
    const afterOne = props.getKeys();
    props.deleteAllProperties();
    return [afterOne, props.getKeys()];
  }
  function fill(size, count) {
    const props = PropertiesService.getScriptProperties();
    for (let i = 0; i < count; i++) props.setProperty('k' + i, 'x'.repeat(size));
  }`;

const QUOTA = 'You have exceeded the property storage quota. Please remove some properties and try again.';

test('user stores follow the user across documents; document stores belong to the document', () => {
  const emu = emulator(BUNDLE);
  const first = emu.createSpreadsheet({ owner: ANA, editors: [BEN] });
  const second = emu.createSpreadsheet({ owner: ANA });
  emu.run('setUser', ['key', 'secret'], { user: ANA, spreadsheetId: first });
  expect(emu.run('getUser', ['key'], { user: ANA, spreadsheetId: second }).value).toBe('secret');
  expect(emu.run('getUser', ['key'], { user: BEN, spreadsheetId: first }).value).toBeNull();
  emu.run('setDoc', ['shared', 'yes'], { user: BEN, spreadsheetId: first });
  expect(emu.documentProperties(first)).toEqual({ shared: 'yes' });
  expect(emu.documentProperties(second)).toEqual({});
  expect(emu.userProperties(ANA)).toEqual({ key: 'secret' });
});

test('getDocumentProperties is null without a document', () => {
  const emu = emulator(BUNDLE);
  expect(emu.run('docStoreExists').value).toBe(false);
  expect(emu.run('docStoreExists', [], { user: ANA, spreadsheetId: emu.createSpreadsheet({ owner: ANA }) }).value).toBe(
    true,
  );
});

test('getProperties returns a copy; values are strings; setters chain', () => {
  const emu = emulator(BUNDLE);
  expect(emu.run('copyIsDetached').value).toEqual(['1', null, ['a', 'b'], 'string']);
  expect(emu.run('numbers').value).toBe('5');
  expect(emu.run('replaceAll').value).toEqual(['c']);
  expect(emu.run('deletes').value).toEqual([['b'], []]);
});

test('a value over 9 KB (key + value) is refused with the quota text', () => {
  const emu = emulator(BUNDLE);
  expect(emu.run('fill', [9 * 1024 - 2, 1]).ok).toBe(true); // 'k0' + value = exactly 9 KB
  expect(emu.run('fill', [9 * 1024 - 1, 1]).error).toEqual({ name: 'Exception', message: QUOTA });
});

test('the 9 KB is counted in UTF-8 bytes, not characters', () => {
  const emu = emulator(BUNDLE);
  // '€' is 3 bytes in UTF-8: 3,071 of them and the key 'k' take 9,214 bytes, 3,072 take 9,217 (only 3,073 chars).
  expect(emu.run('setUser', ['k', '€'.repeat(3071)], { user: ANA }).ok).toBe(true);
  expect(emu.run('setUser', ['k', '€'.repeat(3072)], { user: ANA }).error).toEqual({
    name: 'Exception',
    message: QUOTA,
  });
  expect(emu.run('getUser', ['k'], { user: ANA }).value).toBe('€'.repeat(3071));
});

test('a store over 500 KB is refused and the failing write is not applied', () => {
  const emu = emulator(BUNDLE);
  const result = emu.run('fill', [8000, 70]); // 70 × ~8 KB = ~560 KB
  expect(result.error?.message).toBe(QUOTA);
  const stored = Object.keys(emu.scriptProperties()).length;
  // Keys k0..k9 take 2 bytes, k10.. 3: 63 entries take 504,179 bytes, a 64th would take 512,182 > 512,000.
  expect(stored).toBe(63);
  expect(Object.values(emu.scriptProperties()).join('').length).toBeLessThanOrEqual(500 * 1024);
});

test('AuthMode.NONE cannot read properties', () => {
  const emu = emulator(BUNDLE);
  const ss = emu.createSpreadsheet({ owner: ANA });
  const result = emu.run('getUser', ['key'], { user: ANA, spreadsheetId: ss, authMode: 'NONE' });
  expect(result.error?.message).toBe('You do not have permission to call PropertiesService.getUserProperties');
});

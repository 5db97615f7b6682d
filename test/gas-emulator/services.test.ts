// Session, HtmlService, MailApp, scopes and AuthMode rules.
import { ALL_SCOPES, ANA, BEN, emulator } from './helpers';

const BUNDLE = `
  function onOpen(e) { SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'showSidebar').addToUi(); return String(e.authMode); }
  function openWithProperties() { PropertiesService.getUserProperties(); }
  function openWithFetch() { UrlFetchApp.fetch('https://api.example.com/'); }
  function showSidebar() {
    SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Page').setTitle('Lever').setWidth(300));
  }
  function missingPage() { HtmlService.createHtmlOutputFromFile('Nope'); }
  function htmlOps() {
    const out = HtmlService.createHtmlOutput('<b>').append('x').appendUntrusted('<i>');
    return [out.getContent(), out.setSandboxMode(HtmlService.SandboxMode.IFRAME).getTitle()];
  }
  function users() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(), Session.getScriptTimeZone(),
                            Session.getTemporaryActiveUserKey() === Session.getTemporaryActiveUserKey()]; }
  function mail(to) { MailApp.sendEmail(to, 'Import failed', 'Details'); return MailApp.getRemainingDailyQuota(); }
  function mailObject() { MailApp.sendEmail({ to: 'a@example.com,b@example.com', subject: 's', body: 'b', htmlBody: '<p>b</p>' }); }`;

function setup(options = {}) {
  const emu = emulator(BUNDLE, options);
  const spreadsheetId = emu.createSpreadsheet({ owner: ANA, editors: [BEN] });
  return { emu, spreadsheetId };
}

describe('AuthMode.NONE (add-on not enabled in the file)', () => {
  test('onOpen can build the menu but not read properties or fetch', () => {
    const { emu, spreadsheetId } = setup();
    const ctx = { user: ANA, spreadsheetId, authMode: 'NONE' as const };
    expect(emu.run('onOpen', undefined, ctx)).toMatchObject({ ok: true, value: 'NONE' });
    expect(emu.ui(spreadsheetId)).toMatchObject([
      { kind: 'menu', user: ANA, detail: { items: [{ caption: 'Open', functionName: 'showSidebar' }] } },
    ]);
    expect(emu.run('openWithProperties', [], ctx).error?.message).toBe(
      'You do not have permission to call PropertiesService.getUserProperties',
    );
    expect(emu.run('openWithFetch', [], ctx).error?.message).toBe(
      'You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request',
    );
  });

  test('LIMITED may use properties but no external requests', () => {
    const { emu, spreadsheetId } = setup();
    const ctx = { user: ANA, spreadsheetId, authMode: 'LIMITED' as const };
    expect(emu.run('openWithProperties', [], ctx).ok).toBe(true);
    expect(emu.run('openWithFetch', [], ctx).ok).toBe(false);
  });
});

test('a scope missing from the manifest fails with the required permission', () => {
  const { emu, spreadsheetId } = setup({
    manifest: { timeZone: 'UTC', oauthScopes: ALL_SCOPES.filter((s) => s !== 'script.send_mail') },
  });
  expect(emu.run('mail', [BEN], { user: ANA, spreadsheetId }).error?.message).toBe(
    'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
  );
});

test('HtmlService output reaches the sidebar with its title', () => {
  const { emu, spreadsheetId } = setup();
  emu.run('showSidebar', [], { user: BEN, spreadsheetId });
  expect(emu.ui(spreadsheetId)).toMatchObject([
    { kind: 'sidebar', user: BEN, detail: { title: 'Lever', html: '<p>Hello</p>' } },
  ]);
  expect(emu.run('missingPage', [], { user: BEN, spreadsheetId }).error?.message).toBe(
    'No HTML file named Nope was found.',
  );
  expect(emu.run('htmlOps').value).toEqual(['<b>x&lt;i&gt;', '']);
});

test('Session reports the running user and the script time zone; blank active user on request', () => {
  const { emu, spreadsheetId } = setup();
  expect(emu.run('users', [], { user: BEN, spreadsheetId }).value).toEqual([BEN, BEN, 'America/New_York', true]);
  const blank = setup({ blankActiveUser: 'always' });
  expect(blank.emu.run('users', [], { user: BEN, spreadsheetId: blank.spreadsheetId }).value).toEqual([
    '',
    BEN,
    'America/New_York',
    true,
  ]);
});

test('MailApp records mail and counts recipients against 100 a day', () => {
  const { emu, spreadsheetId } = setup();
  expect(emu.run('mail', [BEN], { user: ANA, spreadsheetId }).value).toBe(99);
  emu.run('mailObject', [], { user: ANA, spreadsheetId });
  expect(emu.mail).toMatchObject([
    { to: BEN, subject: 'Import failed', body: 'Details', from: ANA },
    { to: 'a@example.com,b@example.com', htmlBody: '<p>b</p>', from: ANA },
  ]);
  for (let i = 0; i < 97; i++) emu.run('mail', [BEN], { user: ANA, spreadsheetId });
  expect(emu.run('mail', [BEN], { user: ANA, spreadsheetId }).error?.message).toBe(
    'Service invoked too many times for one day: email.',
  );
});

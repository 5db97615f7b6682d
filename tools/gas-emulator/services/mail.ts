// MailApp: emails are recorded in emu.mail, limited to 100 recipients a day per user (consumer account).
import type { EmulatorCore } from '../core';
import type { Execution } from '../runtime/execution';
import { expectArgs, strictObject } from './strict';

const SCOPE = 'script.send_mail';

interface Message {
  to?: unknown;
  subject?: unknown;
  body?: unknown;
  htmlBody?: unknown;
  cc?: unknown;
  bcc?: unknown;
}

export function createMailApp(exec: Execution, core: EmulatorCore): object {
  const send = (message: Message) => {
    const to = String(message.to ?? '');
    if (to.trim() === '') throw exec.exception('Invalid argument: recipient');
    const recipients = [message.to, message.cc, message.bcc].flatMap(addresses).length;
    if (!core.quotas.tryUse(exec.user, 'email', recipients, core.limits.dailyEmailRecipients)) {
      throw exec.exception('Service invoked too many times for one day: email.');
    }
    core.mail.push({
      to,
      subject: String(message.subject ?? ''),
      body: String(message.body ?? ''),
      from: exec.user,
      at: exec.now(),
      ...(message.htmlBody !== undefined ? { htmlBody: String(message.htmlBody) } : {}),
      ...(message.cc !== undefined ? { cc: String(message.cc) } : {}),
      ...(message.bcc !== undefined ? { bcc: String(message.bcc) } : {}),
    });
  };
  return strictObject(exec, 'MailApp', {
    sendEmail(...args: unknown[]) {
      exec.requireScope([SCOPE], 'MailApp.sendEmail');
      const single = args.length === 1 && typeof args[0] === 'object' && args[0] !== null;
      const positional = args.length >= 3 && args.slice(0, 3).every((a) => typeof a === 'string');
      expectArgs(exec, 'MailApp.sendEmail', args, single || positional);
      exec.call('MailApp.sendEmail');
      if (single) return send(args[0] as Message);
      const [to, subject, body, options] = args as [string, string, string, Message | undefined];
      send({ ...(options ?? {}), to, subject, body });
    },
    getRemainingDailyQuota() {
      exec.requireScope([SCOPE], 'MailApp.getRemainingDailyQuota');
      exec.call('MailApp.getRemainingDailyQuota');
      return core.limits.dailyEmailRecipients - core.quotas.used(exec.user, 'email');
    },
  });
}

function addresses(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return String(value)
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

// MailPort over MailApp: the failure email to a schedule's owner (Google sends none for add-on triggers).
import type { MailPort } from '../ports/mail';

export const appsScriptMail: MailPort = {
  remainingDailyQuota: () => MailApp.getRemainingDailyQuota(),
  send: (to, subject, body) => {
    MailApp.sendEmail(to, subject, body);
  },
};

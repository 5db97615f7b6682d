// MailPort over MailApp: the failure email to a schedule's owner (Google sends none for add-on triggers).

export interface MailPort {
  /** Recipients the user may still mail today. */
  remainingDailyQuota(): number;
  send(to: string, subject: string, body: string): void;
}

export const appsScriptMail: MailPort = {
  remainingDailyQuota: () => MailApp.getRemainingDailyQuota(),
  send: (to, subject, body) => {
    MailApp.sendEmail(to, subject, body);
  },
};

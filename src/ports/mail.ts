// The mail port: the failure email to a schedule's owner.

export interface MailPort {
  /** Recipients the user may still mail today. */
  remainingDailyQuota(): number;
  send(to: string, subject: string, body: string): void;
}

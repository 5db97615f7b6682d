// The small Settings area under the imports: spreadsheet-wide switches (for now, the failure email).
import type { App } from '../app';
import { checkbox, section } from '../controls';
import { errorMessage } from '../server';

/** The failure-email switch; saved as soon as it changes, put back if the server refuses. */
export function settingsSection(app: App): HTMLElement {
  const emails = checkbox({
    label: "Email the schedule's owner when a scheduled refresh fails",
    // On unless someone turned it off: a server that does not say yet is treated the same way.
    checked: app.state.failureEmails !== false,
    hint: 'For every import in this spreadsheet, at most one email per import a day.',
  });
  emails.input.addEventListener('change', () => void saveFailureEmails(app, emails.input));
  return section('Settings', 'h2', emails.wrap);
}

async function saveFailureEmails(app: App, input: HTMLInputElement): Promise<void> {
  const wanted = input.checked;
  input.disabled = true;
  try {
    const enabled = await app.server.setFailureEmails(wanted);
    app.state.failureEmails = enabled;
    input.checked = enabled;
    app.notices.info(enabled ? EMAILS_ON : EMAILS_OFF);
  } catch (error) {
    input.checked = !wanted;
    app.notices.error(errorMessage(error));
  } finally {
    input.disabled = false;
    input.focus();
  }
}

const EMAILS_ON = 'Failure emails are on: a failed scheduled refresh emails its owner.';
const EMAILS_OFF = "Failure emails are off: failed scheduled refreshes show only here and in the 'Lever status' sheet.";

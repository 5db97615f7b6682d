// The in-sidebar guide to creating a Lever API key with the least access this add-on needs.
import { LEVER_ENDPOINTS } from '../../src/shared/types';
import { h } from '../dom';
import { ENDPOINT_LABELS } from '../format';

/** A collapsed <details> guide; open by default when no key is saved yet. */
export function keyGuide(open: boolean): HTMLElement {
  return h(
    'details',
    { className: 'guide', open },
    h('summary', null, 'How to create a key with the least access'),
    steps(),
  );
}

function steps(): HTMLElement {
  return h(
    'ol',
    null,
    h('li', null, 'In Lever, a Super Admin opens ', h('strong', null, CREDENTIALS_PAGE), '.'),
    h('li', null, 'Generate a new key and name it, for example "Google Sheets".'),
    readAccessStep(),
    confidentialStep(),
    h('li', null, 'Copy the key and paste it here. Lever keys are secrets: do not paste them into the sheet or email.'),
  );
}

const CREDENTIALS_PAGE = 'Settings → Integrations and API → API Credentials';

/** Read access to exactly the endpoints the add-on reads, listed. */
function readAccessStep(): HTMLElement {
  const endpoints = [
    ...LEVER_ENDPOINTS.map((endpoint) => h('li', null, ENDPOINT_LABELS[endpoint])),
    h('li', null, 'Offers'),
  ];
  return h(
    'li',
    null,
    'Give it ',
    h('strong', null, 'Read'),
    ' access to exactly these endpoints, and nothing else:',
    h('ul', { className: 'endpoints' }, ...endpoints),
    "Offers unlock the offer columns (status, dates, salary) and the requisitions' next start dates; without " +
      'them imports still run, with those columns empty. ',
    "Lever's own guides say to select everything, with read and write. This add-on never writes to Lever, so it needs no write access.",
  );
}

function confidentialStep(): HTMLElement {
  return h(
    'li',
    null,
    'Decide now about ',
    h('strong', null, 'Allow access to confidential data'),
    ': Lever lets you set it only when the key is created. Leave it off unless you need confidential requisitions and opportunities.',
  );
}

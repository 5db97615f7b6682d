// The google.script.run stand-in injected into the served sidebar: each call is a JSON POST to the playground.

/**
 * Browser code, kept as text because it is injected into dist/Sidebar.html, which stays byte-for-byte the
 * file Apps Script serves. JSON.stringify gives the same argument rules as google.script.run (undefined in
 * arrays becomes null); the failure handler receives an Error carrying the server's message.
 */
const SHIM_SOURCE = `
(function () {
  var user = __USER__;
  function notifyHost(fn) {
    try { if (window.parent !== window) window.parent.postMessage({ type: 'lever-call', fn: fn }, location.origin); } catch (e) {}
  }
  function call(fn, args, onSuccess, onFailure) {
    fetch('/api/call', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ fn: fn, args: args, user: user })
    })
      .then(function (response) { return response.json(); })
      .then(function (outcome) {
        notifyHost(fn);
        if (outcome.ok) { if (onSuccess) onSuccess(outcome.value); }
        else if (onFailure) onFailure(new Error(outcome.error.message));
      })
      .catch(function (error) { if (onFailure) onFailure(new Error('The playground server did not answer: ' + error.message)); });
  }
  function runner(onSuccess, onFailure) {
    return new Proxy({}, {
      get: function (_target, name) {
        if (name === 'withSuccessHandler') return function (handler) { return runner(handler, onFailure); };
        if (name === 'withFailureHandler') return function (handler) { return runner(onSuccess, handler); };
        if (name === 'withUserObject') return function () { return runner(onSuccess, onFailure); };
        if (typeof name !== 'string') return undefined;
        return function () { call(name, Array.prototype.slice.call(arguments), onSuccess, onFailure); };
      }
    });
  }
  window.google = { script: { run: runner(null, null), host: { close: function () {}, editor: { focus: function () {} } } } };
})();
`;

/** The shim for one user, as a <script> element's text. */
export function shimScript(user: string): string {
  // JSON in a script: escape "<" so a crafted user name cannot close the element.
  return SHIM_SOURCE.replace('__USER__', () => JSON.stringify(user).replace(/</g, '\\u003c'));
}

/** dist/Sidebar.html with the shim placed first in <head>, so it exists before the sidebar's own script runs. */
export function injectShim(sidebarHtml: string, user: string): string {
  const tag = `<script>${shimScript(user)}</script>`;
  if (!/<head>/i.test(sidebarHtml)) throw new Error('dist/Sidebar.html has no <head>: rebuild it with npm run build.');
  return sidebarHtml.replace(/<head>/i, (head) => `${head}\n${tag}`);
}

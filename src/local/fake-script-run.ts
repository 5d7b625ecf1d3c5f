// A stand-in for Apps Script's `google.script.run`, injected into the sidebar page by the dev
// server (`npm run dev`). It behaves like the real one where the sidebar could go wrong:
// calls are asynchronous; arguments and results make a JSON round trip; a Date, a function or
// undefined among the arguments fails the call (Apps Script rejects them); functions whose names
// end in `_` do not exist (they are private in Apps Script); and handlers chain with
// withSuccessHandler / withFailureHandler / withUserObject, each step making a new runner.
// Each call carries the dev server's per-run token in TOKEN_HEADER (dev-server.ts): the server
// writes it into the page it serves and refuses a call without it, so only that page can call.
// It is plain browser JavaScript kept as text, so it never enters either bundle.
export const SCRIPT_RUN_PATH = '/__script_run/';

/** The request header that carries the dev server's token. */
export const TOKEN_HEADER = 'X-Ikigai-Token';

/** The script for one dev server run, with its token (hex, so it is safe inside the JS string). */
export function fakeScriptRun(token: string): string {
  if (!/^[0-9a-f]+$/.test(token)) throw new Error('the dev server token must be hex');
  return String.raw`
(function () {
  'use strict';
  var PATH = '${SCRIPT_RUN_PATH}';
  var TOKEN = '${token}';
  function illegal(value, path) {
    if (value === undefined) return path + ' is undefined';
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
    if (typeof value === 'number') return isFinite(value) ? null : path + ' is not a finite number';
    if (typeof value === 'function') return path + ' is a function';
    if (value instanceof Date) return path + ' is a Date (send an ISO date string)';
    if (Array.isArray(value)) {
      for (var i = 0; i < value.length; i++) { var a = illegal(value[i], path + '[' + i + ']'); if (a) return a; }
      return null;
    }
    if (typeof value === 'object') {
      if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return path + ' is not a plain object';
      for (var k in value) { if (value[k] === undefined) continue; var b = illegal(value[k], path + '.' + k); if (b) return b; }
      return null;
    }
    return path + ' cannot be sent';
  }
  function runner(success, failure, userObject) {
    return new Proxy({}, {
      get: function (_target, name) {
        if (typeof name !== 'string') return undefined;
        if (name === 'withSuccessHandler') return function (f) { return runner(f, failure, userObject); };
        if (name === 'withFailureHandler') return function (f) { return runner(success, f, userObject); };
        if (name === 'withUserObject') return function (o) { return runner(success, failure, o); };
        if (name.slice(-1) === '_' || name === 'then') return undefined;
        return function () {
          var args = Array.prototype.slice.call(arguments);
          var fail = function (message) {
            var error = new Error(message);
            setTimeout(function () { if (failure) failure(error, userObject); else console.error(error); }, 0);
          };
          var bad = illegal(args, 'arguments');
          if (bad) { fail('Illegal argument: ' + bad); return; }
          fetch(PATH + encodeURIComponent(name), { method: 'POST', headers: { 'Content-Type': 'application/json', '${TOKEN_HEADER}': TOKEN }, body: JSON.stringify(args) })
            .then(function (response) { return response.json(); })
            .then(function (reply) {
              if (reply && reply.ok) { if (success) success(reply.value, userObject); }
              else fail(reply && reply.error ? reply.error : 'Server error');
            }, function (error) { fail(String(error)); });
        };
      },
    });
  }
  window.google = window.google || {};
  window.google.script = window.google.script || {};
  window.google.script.run = runner(null, null, undefined);
})();
`;
}

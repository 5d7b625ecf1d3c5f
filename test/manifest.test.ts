import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The manifest's scopes are what a center's administrator is asked to grant: a new one must be
// a deliberate decision recorded in docs/design/README.md, never a side effect.
const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'appsscript.json'), 'utf8')) as {
  timeZone: string; runtimeVersion: string; oauthScopes: string[];
};

test('asks for exactly the scopes the design lists, and nothing broader', () => {
  expect([...manifest.oauthScopes].sort()).toEqual([
    'https://www.googleapis.com/auth/forms',
    'https://www.googleapis.com/auth/script.container.ui',
    'https://www.googleapis.com/auth/script.scriptapp',
    'https://www.googleapis.com/auth/script.send_mail',
    'https://www.googleapis.com/auth/spreadsheets.currentonly',
    'https://www.googleapis.com/auth/userinfo.email',
  ]);
  // The whole-Drive and all-spreadsheets scopes are the ones an add-in must never need.
  expect(manifest.oauthScopes.some((s) => /\/auth\/(drive|spreadsheets)$/.test(s))).toBe(false);
});

test('runs on V8 in the center time zone by default', () => {
  expect(manifest.runtimeVersion).toBe('V8');
  expect(manifest.timeZone).toBe('Asia/Tokyo');
});

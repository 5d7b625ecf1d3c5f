import { browserTestMode } from './helpers';

// The decision behind describeInBrowser, without touching the machine's Chromium or CI variable.
describe('whether a browser test file runs, skips or fails', () => {
  test('runs wherever Chromium is installed, in CI or not', () => {
    expect(browserTestMode(true, false)).toBe('run');
    expect(browserTestMode(true, true)).toBe('run');
  });

  test('skips on a developer machine without Chromium, so npm test still passes', () => {
    expect(browserTestMode(false, false)).toBe('skip');
  });

  test('fails in CI without Chromium instead of passing by skipping', () => {
    expect(browserTestMode(false, true)).toBe('fail');
  });
});

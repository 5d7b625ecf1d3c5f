import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

// Debian's Chromium (installed by .ci/run), headless, with a fresh profile each time so no test
// sees another's storage. Shared by every browser test (sidebar, mail snapshots).
export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-dev-shm-usage',
] as const;

export interface LaunchedChromium {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(options: { width?: number; height?: number; locale?: string } = {}): Promise<LaunchedChromium> {
  const profile = mkdtempSync(join(tmpdir(), 'ikigai-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    // The date input's display format follows the browser's UI language, not the page locale.
    args: [...CHROMIUM_ARGS, `--lang=${options.locale ?? 'ja-JP'}`],
    viewport: { width: options.width ?? 300, height: options.height ?? 900 },
    locale: options.locale ?? 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    env: { ...process.env, LANGUAGE: (options.locale ?? 'ja-JP').replace('-', '_'), LANG: `${(options.locale ?? 'ja-JP').replace('-', '_')}.UTF-8` },
  });
  return {
    context,
    async close(): Promise<void> {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startDevServer, type DevServer } from '../../src/local/dev-server';
import { SCRIPT_RUN_PATH } from '../../src/local/fake-script-run';
import { MemoryTableStore } from '../../src/local/memory-table-store';
import { writeWorkbookFile } from '../../src/local/xlsx-workbook-file';

// Debian's Chromium (installed by .ci/run), headless, with a fresh profile each time so no test
// sees another's storage. Shared by every browser test (sidebar, mail snapshots).
export const CHROMIUM = '/usr/bin/chromium';

/** What a browser test file does on this machine: run; skip, on a developer's machine without
 *  Chromium, so the README's `npm test` still passes; or fail, in CI, where a skipped browser test
 *  would look like a passing one. */
export type BrowserTestMode = 'run' | 'skip' | 'fail';

export function browserTestMode(chromiumExists: boolean, ci: boolean): BrowserTestMode {
  if (chromiumExists) return 'run';
  return ci ? 'fail' : 'skip';
}

export const CHROMIUM_FIX = 'sudo apt-get install -y chromium fonts-noto-cjk';

/**
 * `describe` for a browser test file. Without /usr/bin/chromium it is `describe.skip` with one
 * warning naming the fix, unless CI is set: then it is one failing test saying why, since CI must
 * never pass by skipping.
 */
export function describeInBrowser(name: string, fn: () => void): void {
  // CI=true is what CI services set; CI=0 or CI=false is someone switching it off by hand.
  const ci = !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase());
  const mode = browserTestMode(existsSync(CHROMIUM), ci);
  if (mode === 'run') {
    describe(name, fn);
  } else if (mode === 'skip') {
    // eslint-disable-next-line no-console
    console.warn(`${name}: skipped, ${CHROMIUM} is not installed (${CHROMIUM_FIX})`);
    describe.skip(name, fn);
  } else {
    describe(name, () => {
      test('needs Chromium, which CI must have', () => {
        throw new Error(`${CHROMIUM} is required in CI (CI is set): ${CHROMIUM_FIX}`);
      });
    });
  }
}

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-dev-shm-usage',
] as const;

export interface LaunchedChromium {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(options: { width?: number; height?: number; locale?: string; deviceScaleFactor?: number } = {}): Promise<LaunchedChromium> {
  const profile = mkdtempSync(join(tmpdir(), 'ikigai-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    // The date input's display format follows the browser's UI language, not the page locale.
    args: [...CHROMIUM_ARGS, `--lang=${options.locale ?? 'ja-JP'}`],
    viewport: { width: options.width ?? 300, height: options.height ?? 900 },
    ...(options.deviceScaleFactor === undefined ? {} : { deviceScaleFactor: options.deviceScaleFactor }),
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

const ROOT = resolve(__dirname, '..', '..');

/** Where browser tests leave screenshots for a reviewer. */
export const ARTIFACTS = join(ROOT, 'test-artifacts');

/** A sidebar being served: the built page, the dev server on a temporary .xlsx, and Chromium. */
export interface SidebarSession {
  /** The temporary .xlsx the dev server reads and saves: read it to see what was really saved. */
  readonly workbook: string;
  readonly server: DevServer;
  /** A new 300px page on the sidebar, with the page's uncaught errors gathered in `errors`. */
  openPage(): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

type Tables = Parameters<typeof MemoryTableStore.from>[0];

/**
 * Builds dist/sidebar.html, writes `tables` to a fresh temporary .xlsx, serves it with the dev
 * server on a frozen clock and launches Chromium. Whatever was started is stopped again if a
 * later step fails, so a broken build leaves no server or browser behind.
 */
export async function openSidebarSession(tables: Tables, options: {
  now: Date; tempPrefix: string; memberListLimit?: number; locale?: string;
  /** The signed-in user (default: the first active coordinator or manager). */
  user?: string;
  /** Runs on the written .xlsx before the server reads it: e.g. a center's own formula column. */
  prepareWorkbook?: (path: string) => Promise<void>;
}): Promise<SidebarSession> {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(build.stderr);
  mkdirSync(ARTIFACTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), options.tempPrefix));
  let server: DevServer | undefined;
  let browser: LaunchedChromium | undefined;
  const close = async (): Promise<void> => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const workbook = join(dir, 'center.xlsx');
    await writeWorkbookFile(MemoryTableStore.from(tables), workbook);
    await options.prepareWorkbook?.(workbook);
    const started = await startDevServer({
      workbook, now: options.now.toISOString(), sidebarHtml: join(ROOT, 'dist', 'sidebar.html'),
      ...(options.user === undefined ? {} : { user: options.user }),
      ...(options.memberListLimit === undefined ? {} : { memberListLimit: options.memberListLimit }),
    });
    server = started;
    const launched = await launchChromium(options.locale === undefined ? {} : { locale: options.locale });
    browser = launched;
    return {
      workbook,
      server: started,
      async openPage() {
        const page = await launched.context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        await page.goto(started.url);
        return { page, errors };
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The page's questions to the fake google.script.run and the answers handed to its handlers, by call. */
interface ScriptRunCounts {
  readonly asked: Record<string, number>;
  readonly handed: Record<string, number>;
}

/** A server call of a page whose answers are held back (holdBack). */
export interface HeldBack {
  /** How many of its questions have reached the server so far (all of them, once handed). */
  asked(): number;
  /** Resolves once every answer asked for so far has reached the page's handlers (drawn, or
   *  dropped as superseded): what a late answer would do to the panel is done by then. */
  handed(): Promise<void>;
}

/**
 * Holds back by `ms` the answers of the page's server call `call` that `held` picks, by their
 * order (1 for the first to reach the server from now on) or their arguments, as a slow
 * google.script.run trip would: the later questions are answered first, and a panel that draws
 * whatever answers last shows the earlier one. Two questions asked at once may reach the server
 * in either order: pick one of them by its arguments.
 */
export async function holdBack(page: Page, call: string, held: (nth: number, args: readonly unknown[]) => boolean, ms = 1500): Promise<HeldBack> {
  // Counts each question to the fake google.script.run as the page asks it, and each answer
  // once its handlers have run: they run in the promise jobs after the body is read, before a
  // timer set then fires.
  await page.evaluate((path) => {
    const w = window as unknown as { ikigaiCalls?: ScriptRunCounts };
    if (w.ikigaiCalls) return;
    const calls: ScriptRunCounts = { asked: {}, handed: {} };
    w.ikigaiCalls = calls;
    const fetched = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const at = url.indexOf(path);
      if (at < 0) return fetched(input, init);
      const name = decodeURIComponent(url.slice(at + path.length));
      calls.asked[name] = (calls.asked[name] ?? 0) + 1;
      return fetched(input, init).then((response) => {
        const body = response.json.bind(response);
        response.json = () => body().then((value: unknown) => {
          setTimeout(() => { calls.handed[name] = (calls.handed[name] ?? 0) + 1; }, 0);
          return value;
        });
        return response;
      });
    };
  }, SCRIPT_RUN_PATH);
  let asked = 0;
  await page.route(`**${SCRIPT_RUN_PATH}${encodeURIComponent(call)}`, async (route) => {
    asked += 1;
    const args: unknown = route.request().postDataJSON();
    if (held(asked, Array.isArray(args) ? args : [])) await new Promise((resolve) => setTimeout(resolve, ms));
    await route.continue();
  });
  return {
    asked: () => asked,
    async handed(): Promise<void> {
      await page.waitForFunction((name) => {
        const calls = (window as unknown as { ikigaiCalls: ScriptRunCounts }).ikigaiCalls;
        return (calls.handed[name] ?? 0) >= (calls.asked[name] ?? 0);
      }, call);
    },
  };
}

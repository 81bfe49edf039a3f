// The e2e test's machinery: build the client if needed, run the real server in-process on a free port with a temp
// SQLite file, launch Debian's chromium, run axe-core on a page, and save screenshots where people can find them.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createServer, type PodiumServer, type ServerDeps } from '../../server/app.ts';
import { systemClock, systemScheduler } from '../../server/clock.ts';
import { openStore, type SqliteStore, type Store } from '../../server/store.ts';

export const root = resolve(import.meta.dirname, '../..');
export const clientDir = join(root, 'dist/client');
export const screenshotDir = join(root, 'test-artifacts/screenshots');

/** The newest modification time under a folder, in ms. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Builds the client when dist/client is missing or older than its sources (a stale build tests old code). */
export function ensureClientBuilt(): void {
  const index = join(clientDir, 'index.html');
  const sources = Math.max(newest(join(root, 'client')), newest(join(root, 'shared')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  // Vitest sets NODE_ENV=test, which would build Svelte's dev mode (~10 KB more, other code): test what ships.
  const env = { ...process.env, NODE_ENV: 'production' };
  execFileSync('npx', ['vite', 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env });
}

export interface RunningServer {
  url: string;
  server: PodiumServer;
  stop(): Promise<void>;
}

/** Rate limits a browser test would trip (every page and bot comes from 127.0.0.1): room creation and joins. */
const testLimits = { createsPerMinute: 10_000, failedJoinsPerMinute: 10_000 };

/** `seed`: every room's seed, or a function asked for each new room's (a test that picks rooms by their puzzles). */
export async function startServer(seed: string | (() => string), extra: Partial<ServerDeps> = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'podium-e2e-'));
  const store: Store = openStore(join(dir, 'podium.db'));
  const server = createServer({
    clock: systemClock,
    scheduler: systemScheduler(),
    store,
    teacher: (store as SqliteStore).teacher,
    newSeed: typeof seed === 'string' ? () => seed : seed,
    publicUrl: '',
    clientDir,
    limits: testLimits,
    log: () => {},
    ...extra,
  });
  await new Promise<void>((done) => server.httpServer.listen(0, '127.0.0.1', done));
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let stopped = false;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    async stop() {
      if (stopped) return;
      stopped = true;
      const closing = server.close();
      server.httpServer.closeAllConnections();
      await closing;
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

export const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, hasTouch: false, isMobile: false };
export const projector = { viewport: { width: 1280, height: 720 } };

/** Page errors fail the test: collect them per page. */
export async function newPage(context: BrowserContext, errors: string[], who: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`${who}: ${error.message}`));
  // The server's Content-Security-Policy (helmet): anything the built client does that it blocks fails the test.
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) errors.push(`${who}: ${message.text()}`);
  });
  return page;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core on the page as it is now; returns every violation, of any impact, described. */
export async function axeProblems(page: Page, screen: string): Promise<string[]> {
  const loaded = await page.evaluate('typeof window.axe !== "undefined"');
  // Evaluated through the DevTools protocol, not as an inline <script>: the server's CSP rightly blocks those.
  if (!loaded) await page.evaluate(axe.source);
  // A string, not a function: tsx/vitest's __name helper does not exist inside the page.
  const violations = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] }).then(r => r.violations)')) as AxeViolation[];
  return violations.map((v) => `${screen}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage });
}

/** 'fits' when the projector's body shows everything without scrolling, and nothing in it ends below the body
 *  or the window; else what sticks out. A string: tsx/vitest helpers do not exist inside the page. */
export function projectorFit(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    const box = document.querySelector('.host-stage .body');
    if (!box) return 'no stage body';
    const content = box.firstElementChild;
    if (!content || content.style.fontSize === '') return 'not fitted yet';
    const b = box.getBoundingClientRect();
    const lowest = Math.max(...[...box.querySelectorAll('li, p, h2')].map((e) => e.getBoundingClientRect().bottom));
    if (box.hasAttribute('data-scrolls') || box.scrollHeight > box.clientHeight + 1) return 'scrolls: ' + box.scrollHeight + ' > ' + box.clientHeight;
    if (lowest > b.bottom + 0.5 || b.bottom > innerHeight) return 'clipped: ' + lowest + ' > ' + b.bottom;
    return 'fits';
  })()`) as Promise<string>;
}

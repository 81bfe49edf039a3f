// Helpers for the teacher's e2e: screenshots of a screen at the four sizes, and reading what the server holds.
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { screenshot, screenshotDir } from './e2e-harness.ts';

export const sizes = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 360, height: 640 },
  { width: 390, height: 844 },
] as const;

/** The screen at every size (name-WxH.png), then back to the size it had; with `full`, also the whole page at
 *  1280 px wide (name-full.png), for pages longer than a screen. */
export async function shots(page: Page, name: string, full = false): Promise<void> {
  const before = page.viewportSize();
  if (full) {
    await page.setViewportSize(sizes[0]);
    await page.screenshot({ path: join(screenshotDir, `${name}-full.png`), fullPage: true });
  }
  for (const size of sizes) {
    await page.setViewportSize(size);
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    await screenshot(page, `${name}-${size.width}x${size.height}`);
  }
  if (before) await page.setViewportSize(before);
}

/** Elements wider than the window (content cut off or a page that scrolls sideways), outside declared scrollers. */
export function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const out = [];
    const width = document.documentElement.clientWidth;
    for (const el of document.querySelectorAll('main *')) {
      if (el.closest('[role="region"], pre, .wrap')) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 1) out.push(el.tagName.toLowerCase() + '.' + [...el.classList].join('.') + ' ' + Math.round(r.right));
    }
    return out.slice(0, 5);
  })()`) as Promise<string[]>;
}

export async function api<T>(url: string, path: string, key: string): Promise<T> {
  const res = await fetch(`${url}/api${path}`, { headers: { authorization: `Bearer ${key}` } });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

// The measured checks every screen test applies, collected as problems (so one run reports them all) and as
// report rows (the smallest text and the first answer's position per screen, for the note).
import type { Page } from 'playwright-core';
import { axeProblems, screenshot } from './e2e-harness.ts';
import { firstAnswerBox, hostControls, insideWindow, measure, settled, type Measured } from './e2e-measure.ts';

export const projectors = [
  { width: 1280, height: 720, floor: 18 },
  { width: 1920, height: 1080, floor: 24 },
] as const;
export const phones = [
  { width: 360, height: 640 },
  { width: 390, height: 844 },
] as const;
export const PHONE_FLOOR = 14;
export const CODE_FLOOR = 16;
/** Every size a page is checked at; `stage`: the projector's floor for that window (client/src/styles/base.css). */
export const pageSizes = [
  { width: 1280, height: 720, stage: 18 },
  { width: 1920, height: 1080, stage: 24 },
  { width: 360, height: 640, stage: 18 },
  { width: 390, height: 844, stage: 18 },
] as const;
/** Printed (A4 at 96 dpi): no text below 10 pt. */
export const PRINT_FLOOR = 13.33;
export const a4 = { width: 794, height: 1123 } as const;

export interface Row {
  screen: string;
  smallestPx: number;
  smallestText: string;
  /** Inside a projector-sized part of a page (a round as projected). */
  smallestStagePx?: number;
  firstAnswer?: { top: number; bottom: number };
}

export class Checks {
  problems: string[] = [];
  /** What is only reported: a kind whose content is not reworked yet may exceed the limits that make it fit. */
  notes: string[] = [];
  readonly rows: Row[] = [];

  /** false: a body that does not fit is noted, not a failure (see test/shared/rework-status.ts). */
  readonly mustFit: boolean;

  constructor(mustFit = true) {
    this.mustFit = mustFit;
  }

  record(label: string, m: Measured, floor: number): void {
    for (const s of m.small) this.problems.push(`${label}: text at ${s.px}px < ${floor}px: "${s.text}" (${s.where})`);
    for (const s of m.smallCode) this.problems.push(`${label}: code/table text at ${s.px}px < ${CODE_FLOOR}px: "${s.text}" (${s.where})`);
    for (const c of m.clipped) this.problems.push(`${label}: clipped ${c}`);
    for (const s of m.spills) this.problems.push(`${label}: spills over ${s}`);
    for (const o of m.pageOverflow) this.problems.push(`${label}: ${o}`);
    this.rows.push({ screen: label, smallestPx: m.smallest.px, smallestText: m.smallest.text, ...(m.smallestStage ? { smallestStagePx: m.smallestStage.px } : {}) });
  }

  /** A projector screen at 1280×720 and 1920×1080: floors, nothing clipped, no scrolling, controls in view. */
  async host(page: Page, label: string, { shoot = true, axe = true, extra }: { shoot?: boolean; axe?: boolean; extra?: (name: string) => Promise<void> } = {}): Promise<void> {
    for (const p of projectors) {
      await page.setViewportSize({ width: p.width, height: p.height });
      await settled(page);
      const name = `${label}-${p.width}x${p.height}`;
      this.record(name, await measure(page, { floor: p.floor, pageScrollsDown: false }), p.floor);
      for (const c of await hostControls(page)) {
        if (!insideWindow(c, p.width, p.height)) this.problems.push(`${name}: control "${c.name}" outside the window (${Math.round(c.top)}–${Math.round(c.bottom)})`);
      }
      if (await page.locator('.host-stage > .body[data-scrolls]').count()) {
        (this.mustFit ? this.problems : this.notes).push(`${name}: does not fit, the body scrolls (with its cue)`);
      }
      await extra?.(name);
      if (shoot) await screenshot(page, name);
      if (axe) this.problems.push(...(await axeProblems(page, name)));
    }
    await page.setViewportSize(projectors[0]);
    await settled(page);
  }

  /** A page (the teacher's, a student's) at every size: the 14 px floor (code and tables 16 px), the parts drawn as
   *  the projector draws them (.stage) at the projector's floor for that window, nothing clipped or wider than the
   *  window; on a phone with `question`, the first answer control inside the first viewport. A screenshot at each
   *  size (with `full`, also the whole page at 1280 px wide); axe at a laptop's and a phone's width (the two
   *  layouts: 1920 and 390 change sizes, not what is on the page). */
  async page(page: Page, label: string, { question = false, full = false, axeAt = [1280, 360] as number[] } = {}): Promise<void> {
    const before = page.viewportSize();
    for (const size of pageSizes) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await settled(page);
      await page.evaluate('window.scrollTo(0, 0)');
      const name = `${label}-${size.width}x${size.height}`;
      this.record(name, await measure(page, { floor: PHONE_FLOOR, codeFloor: CODE_FLOOR, stageFloor: size.stage, pageScrollsDown: true }), PHONE_FLOOR);
      if (question && size.width < 500) await this.firstAnswer(page, name, size);
      await screenshot(page, name);
      if (axeAt.includes(size.width)) this.problems.push(...(await axeProblems(page, name)));
    }
    if (full) {
      await page.setViewportSize(pageSizes[0]);
      await settled(page);
      await screenshot(page, `${label}-full`, true);
    }
    if (before) await page.setViewportSize(before);
    await settled(page);
  }

  /** The page as printed (print media on an A4-wide window): no text below 10 pt, nothing clipped; the whole page
   *  as a screenshot. */
  async print(page: Page, label: string): Promise<void> {
    const before = page.viewportSize();
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize(a4);
    await settled(page);
    const name = `${label}-a4`;
    this.record(name, await measure(page, { floor: PRINT_FLOOR, codeFloor: PRINT_FLOOR, pageScrollsDown: true }), PRINT_FLOOR);
    await screenshot(page, name, true);
    await page.emulateMedia({ media: 'screen' });
    if (before) await page.setViewportSize(before);
    await settled(page);
  }

  /** The first answer control fully inside the phone's first viewport, the page unscrolled. */
  async firstAnswer(page: Page, name: string, size: { width: number; height: number }): Promise<void> {
    const box = await firstAnswerBox(page);
    const row = this.rows.at(-1)!;
    if (!box) this.problems.push(`${name}: no answer control`);
    else {
      row.firstAnswer = { top: Math.round(box.top), bottom: Math.round(box.bottom) };
      if (box.scrollY !== 0 || !insideWindow(box, size.width, size.height)) {
        this.problems.push(`${name}: first answer control (${box.what}) at ${Math.round(box.top)}–${Math.round(box.bottom)}, outside the first ${size.height}px`);
      }
    }
  }

  /** A phone screen at its own size: floors (code and tables 16 px), nothing clipped or wider than the phone, and
   *  on a question the first answer control inside the first viewport. */
  async phone(page: Page, label: string, { question = false, shoot = true, axe = true } = {}): Promise<void> {
    const size = page.viewportSize()!;
    const name = `${label}-${size.width}x${size.height}`;
    await page.evaluate('window.scrollTo(0, 0)');
    this.record(name, await measure(page, { floor: PHONE_FLOOR, codeFloor: CODE_FLOOR, pageScrollsDown: true }), PHONE_FLOOR);
    if (question) await this.firstAnswer(page, name, size);
    if (shoot) await screenshot(page, name);
    if (axe) this.problems.push(...(await axeProblems(page, name)));
  }

  /** The spec behind its one tap: opened, readable at 16 px, nothing cut; then closed again. */
  async spec(page: Page, label: string): Promise<void> {
    const summary = page.locator('.puzzle details.spec > summary');
    if ((await summary.count()) === 0) return;
    const size = page.viewportSize()!;
    const name = `${label}-${size.width}x${size.height}`;
    await summary.click();
    this.record(name, await measure(page, { floor: PHONE_FLOOR, codeFloor: CODE_FLOOR, pageScrollsDown: true }), PHONE_FLOOR);
    await screenshot(page, name, true);
    this.problems.push(...(await axeProblems(page, name)));
    await summary.click();
  }
}

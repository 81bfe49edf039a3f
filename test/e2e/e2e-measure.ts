// Layout checks by measurement, run inside the page: the smallest text (computed size of every visible text node,
// SVG text scaled by its transform), content clipped outside a declared scroll container, the page overflowing
// the window, where the first answer control sits, and whether controls are inside the viewport.
// Functions go in as strings: tsx/vitest helpers (__name) do not exist inside the page.
import type { Page } from 'playwright-core';

export interface TextSample {
  px: number;
  text: string;
  where: string;
}

export interface Measured {
  /** The smallest visible text, with what it says. */
  smallest: TextSample;
  /** The smallest inside a projector-sized part (.stage), if there is one. */
  smallestStage: TextSample | null;
  /** Texts below the floor (at most 10). */
  small: TextSample[];
  /** Code and table texts below their own floor (phones: 16 px). */
  smallCode: TextSample[];
  /** Elements whose content is larger than their box, outside declared scroll containers. */
  clipped: string[];
  /** Boxes whose content spills sideways over what is beside them (a table wider than its column). */
  spills: string[];
  /** The page itself wider (always wrong) or taller (wrong on projector screens) than the window. */
  pageOverflow: string[];
}

export interface MeasureOptions {
  floor: number;
  codeFloor?: number;
  /** The floor of text inside a projector-sized part of a page (.stage: a round as projected, the homework's code
   *  for the class); the page's own floor elsewhere. */
  stageFloor?: number;
  /** Projector screens never scroll as a page; phone pages may scroll down. */
  pageScrollsDown: boolean;
}

const measureSource = `((opts) => {
  const path = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      const cls = [...e.classList].filter((c) => !c.startsWith('svelte-')).slice(0, 2).join('.');
      parts.unshift(e.tagName.toLowerCase() + (cls ? '.' + cls : ''));
    }
    return parts.join(' > ');
  };
  const hidden = (el) => {
    // Not rendered at all: display none, or the content of a closed <details> (content-visibility).
    if (el.checkVisibility && !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return true;
    for (let e = el; e; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.display === 'none' || cs.visibility === 'hidden' || Number(cs.opacity) === 0) return true;
      // Visually hidden text for screen readers (.sr-only): clipped to nothing.
      if (cs.clip === 'rect(0px, 0px, 0px, 0px)' || cs.clipPath === 'inset(50%)') return true;
    }
    return false;
  };
  const samples = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.replace(/\\s+/g, ' ').trim();
    const el = node.parentElement;
    if (!text || !el || el.closest('script, style, title, desc')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter((r) => r.width > 1 && r.height > 1);
    if (rects.length === 0 || hidden(el)) continue;
    let px = parseFloat(getComputedStyle(el).fontSize);
    if (el instanceof SVGElement) {
      const m = el.getScreenCTM();
      if (m) px = px * Math.hypot(m.a, m.b);
    }
    const code = Boolean(el.closest('.code-view, .table-view, .cards'));
    const stage = Boolean(el.closest('.stage'));
    samples.push({ px: Math.round(px * 100) / 100, text: text.slice(0, 40), where: path(el), code, stage });
  }
  samples.sort((a, b) => a.px - b.px);
  const strip = ({ px, text, where }) => ({ px, text, where });
  const clipped = [];
  const spills = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el instanceof SVGElement || hidden(el)) continue;
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) continue;
    const overX = el.scrollWidth > el.clientWidth + 1;
    const overY = el.scrollHeight > el.clientHeight + 1;
    const clipsX = cs.overflowX !== 'visible';
    const clipsY = cs.overflowY !== 'visible';
    // (4 px of slack: the padding of inline code at the end of a wrapped line, 0.2em.)
    if (el.scrollWidth > el.clientWidth + 4 && !clipsX && cs.display !== 'inline' && cs.display !== 'contents' && el.clientWidth > 0) {
      spills.push(path(el) + ' (' + el.scrollWidth + ' wide in ' + el.clientWidth + ')');
    }
    if (!((overX && clipsX) || (overY && clipsY))) continue;
    const scrollsX = cs.overflowX === 'auto' || cs.overflowX === 'scroll';
    const scrollsY = cs.overflowY === 'auto' || cs.overflowY === 'scroll';
    const declared = el.hasAttribute('data-scrolls') && el.tabIndex >= 0 && (!overX || scrollsX) && (!overY || scrollsY);
    if (!declared) clipped.push(path(el) + ' (' + el.scrollWidth + 'x' + el.scrollHeight + ' in ' + el.clientWidth + 'x' + el.clientHeight + ')');
  }
  const doc = document.scrollingElement;
  const pageOverflow = [];
  if (doc.scrollWidth > innerWidth + 1) pageOverflow.push('page wider than the window: ' + doc.scrollWidth + ' > ' + innerWidth);
  if (!opts.pageScrollsDown && doc.scrollHeight > innerHeight + 1) pageOverflow.push('page taller than the window: ' + doc.scrollHeight + ' > ' + innerHeight);
  const codeFloor = opts.codeFloor ?? 0;
  return {
    smallest: samples[0] ? strip(samples[0]) : { px: Infinity, text: '', where: '' },
    smallestStage: samples.find((s) => s.stage) ? strip(samples.find((s) => s.stage)) : null,
    small: samples.filter((s) => s.px < (s.stage ? (opts.stageFloor ?? opts.floor) : opts.floor) - 0.01).slice(0, 10).map(strip),
    smallCode: samples.filter((s) => s.code && s.px < codeFloor - 0.01).slice(0, 10).map(strip),
    clipped: clipped.slice(0, 10),
    spills: spills.slice(0, 10),
    pageOverflow,
  };
})`;

export function measure(page: Page, options: MeasureOptions): Promise<Measured> {
  return page.evaluate(`${measureSource}(${JSON.stringify(options)})`) as Promise<Measured>;
}

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The first answer control's box (a choice, the first order row, the number field), with the page unscrolled. */
export function firstAnswerBox(page: Page): Promise<(Box & { what: string; scrollY: number }) | null> {
  return page.evaluate(`(() => {
    const el = document.querySelector('.puzzle button.answer-face, .puzzle label.answer-face, .puzzle form ol > li, .puzzle input[inputmode="decimal"]');
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, what: el.tagName.toLowerCase(), scrollY: scrollY };
  })()`) as Promise<(Box & { what: string; scrollY: number }) | null>;
}

/** Every button in the host's strip and footer, with its box: each must lie inside the window. */
export function hostControls(page: Page): Promise<({ name: string } & Box)[]> {
  return page.evaluate(`(() => [...document.querySelectorAll('.host-stage .strip button, .host-stage .foot button, .host-stage .foot summary')].filter((b) => b.checkVisibility()).map((b) => {
    const r = b.getBoundingClientRect();
    return { name: b.textContent.replace(/\\s+/g, ' ').trim(), top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  }))()`) as Promise<({ name: string } & Box)[]>;
}

export const insideWindow = (box: Box, width: number, height: number): boolean =>
  box.top >= -0.5 && box.left >= -0.5 && box.bottom <= height + 0.5 && box.right <= width + 0.5;

/** Waits until every fitted box (the projector's body, a round as projected in a page) has settled on a layout
 *  (fit.ts runs in an animation frame after each change, a resize included). */
export async function settled(page: Page): Promise<void> {
  // Polled through page.evaluate (the DevTools protocol), not waitForFunction: a string predicate there is compiled
  // inside the page, which the server's CSP (no unsafe-eval) refuses now and then — an error the harness counts.
  const fitted = `[...document.querySelectorAll('.host-stage .body, .projected .screen')].every((box) => {
    const content = box.firstElementChild;
    return content && content.style.fontSize !== '';
  })`;
  const end = Date.now() + 30_000;
  while (!(await page.evaluate(fitted))) {
    if (Date.now() > end) throw new Error('the layout never settled: a stage has no fitted font size after 30 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r))))');
}

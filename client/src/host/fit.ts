// Projector screens show the whole puzzle without scrolling, and no text below the floor (--floor: 18 px at
// 1280×720, 24 px at 1920×1080). An attachment ({@attach fitLayout(...)}) tries each layout the content offers
// (YAML beside the answers, stacked, three columns…) and, in each, the largest text scale that fits; it keeps the
// layout that fits at the largest scale. Text sizes are written as max(var(--floor), …em), so shrinking never goes
// below the floor: when nothing fits even there, the box scrolls, says so, and is reachable by keyboard.

const steps = 7;

/** The largest scale in [min, max] at which `fits()` holds, by bisection (the scale is applied before each check);
 *  null when it does not fit even at `min`. */
export function largestFit(apply: (scale: number) => void, fits: () => boolean, min: number, max = 1): number | null {
  apply(max);
  if (fits()) return max;
  apply(min);
  if (!fits()) return null;
  let lo = min;
  let hi = max;
  for (let i = 0; i < steps; i++) {
    const mid = (lo + hi) / 2;
    apply(mid);
    if (fits()) lo = mid;
    else hi = mid;
  }
  apply(lo);
  return lo;
}

export interface Fitted {
  layout: string;
  scale: number;
  /** Nothing fit: the box scrolls (with a visible cue the component shows). */
  scrolls: boolean;
}

/** The best of several layouts: the largest fitting scale wins, the earlier layout on a tie; none fits → null.
 *  A layout that fits at `max` ends the search. */
export function bestLayout(layouts: readonly string[], scaleFor: (layout: string) => number | null, max = 1): Fitted | null {
  let best: Fitted | null = null;
  for (const layout of layouts) {
    const scale = scaleFor(layout);
    if (scale !== null && (best === null || scale > best.scale + 0.01)) best = { layout, scale, scrolls: false };
    if (best !== null && best.scale >= max) break;
  }
  return best;
}

/** How far the parts of a layout spill sideways out of their own boxes, in px. A few pixels are the padding
 *  of inline code at a line's end, not hidden content; icons (SVG) draw their strokes past their box on purpose;
 *  screen-reader text is a 1 px box that clips on purpose. */
function spillOf(content: HTMLElement): number {
  let spill = 0;
  for (const el of content.querySelectorAll(':not(svg, svg *)')) {
    if (el.clientWidth > 1) spill += Math.max(0, el.scrollWidth - el.clientWidth - 4);
  }
  return spill;
}

/** When nothing fits: the layout that leaves the least to scroll to, and above all nothing spilling sideways
 *  (scrolling down shows everything; a spill hides what it covers). */
function leastOverflow(layouts: readonly string[], apply: (layout: string) => void, box: HTMLElement, content: HTMLElement): string {
  let best = layouts[0] ?? '';
  let least = Infinity;
  for (const layout of layouts) {
    apply(layout);
    const over = box.scrollHeight - box.clientHeight + 4 * Math.max(0, box.scrollWidth - box.clientWidth) + 100 * spillOf(content);
    if (over < least) {
      least = over;
      best = layout;
    }
  }
  return best;
}

/** A box that scrolls must say so and be reachable by keyboard. */
function scrollable(box: HTMLElement, on: boolean, label: string): void {
  box.style.overflow = on ? 'auto' : 'hidden';
  box.toggleAttribute('data-scrolls', on);
  if (on) {
    box.tabIndex = 0;
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', `${label} (scrolls: more below)`);
  } else {
    box.removeAttribute('tabindex');
    box.removeAttribute('role');
    box.removeAttribute('aria-label');
  }
}

export interface FitOptions {
  /** Values for the content's data-layout, in order of preference. */
  layouts: readonly string[];
  /** The smallest scale worth trying; below it every text is at the floor anyway. */
  min?: number;
  /** The largest: content with room to spare grows, for the back row. */
  max?: number;
  /** Names the box when it has to scroll. */
  label?: string;
  onfit?: (fitted: Fitted) => void;
}

const applyTo = (content: HTMLElement) => (layout: string, scale: number) => {
  content.dataset['layout'] = layout;
  content.style.fontSize = `max(var(--floor, 0px), ${scale}em)`;
};

export function fitLayout({ layouts, min = 0.55, max = 1, label = 'Puzzle', onfit }: FitOptions) {
  return (box: HTMLElement) => {
    const content = box.firstElementChild;
    if (!(content instanceof HTMLElement)) return;
    const set = applyTo(content);
    // The box holds everything, and nothing inside spills out of its own box over its neighbour (a table wider than
    // its column, a word wider than its option would otherwise overlap the next one without the box noticing).
    // Inline boxes have no client width and are skipped; reading sizes after the first layout is cheap.
    const fits = () =>
      box.scrollHeight <= box.clientHeight + 1 &&
      box.scrollWidth <= box.clientWidth + 1 &&
      spillOf(content) === 0;
    let frame = 0;
    const fit = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        box.style.overflow = 'hidden';
        const best = bestLayout(layouts, (layout) => largestFit((s) => set(layout, s), fits, min, max), max);
        const chosen = best ?? { layout: leastOverflow(layouts, (layout) => set(layout, min), box, content), scale: min, scrolls: true };
        set(chosen.layout, chosen.scale);
        scrollable(box, chosen.scrolls, label);
        onfit?.(chosen);
      });
    };
    // The content is watched too: a fallback font arriving late grows it with no DOM change.
    // (No ResizeObserver in a test's jsdom: it has no layout to fit either.)
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(fit);
    resized?.observe(box);
    void document.fonts?.ready.then(fit);
    const changed = new MutationObserver(fit);
    changed.observe(content, { childList: true, subtree: true, characterData: true });
    fit();
    return () => {
      cancelAnimationFrame(frame);
      resized?.disconnect();
      changed.disconnect();
    };
  };
}

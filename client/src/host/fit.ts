// Projector screens must show the whole puzzle without scrolling: shrink the text of a box until its content fits.
// An attachment ({@attach fitContent()}): it watches the box's size and its content, and cleans up after itself.

const steps = 8;

/** The largest scale in [min, 1] at which `fits()` holds, by bisection (the scale is applied before each check). */
export function largestFit(apply: (scale: number) => void, fits: () => boolean, min: number): number {
  apply(1);
  if (fits()) return 1;
  let lo = min;
  let hi = 1;
  for (let i = 0; i < steps; i++) {
    const mid = (lo + hi) / 2;
    apply(mid);
    if (fits()) lo = mid;
    else hi = mid;
  }
  apply(lo);
  return lo;
}

/** A box that scrolls must be reachable by keyboard, and named. */
function scrollable(box: HTMLElement, on: boolean): void {
  box.style.overflowY = on ? 'auto' : 'hidden';
  if (on) {
    box.tabIndex = 0;
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', 'Puzzle (scrolls)');
  } else {
    box.removeAttribute('tabindex');
    box.removeAttribute('role');
    box.removeAttribute('aria-label');
  }
}

/** Shrinks the text of the box's only child until it fits; below `min` it stays readable and the box scrolls. */
export function fitContent(min = 0.4) {
  return (box: HTMLElement) => {
    const content = box.firstElementChild;
    if (!(content instanceof HTMLElement)) return;
    let frame = 0;
    const fit = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const fits = () => box.scrollHeight <= box.clientHeight + 1;
        largestFit((s) => (content.style.fontSize = `${s}em`), fits, min);
        scrollable(box, !fits());
      });
    };
    // The content is watched too: a fallback font arriving late (✓, monospace) grows it with no DOM change.
    const resized = new ResizeObserver(fit);
    resized.observe(box);
    resized.observe(content);
    void document.fonts?.ready.then(fit);
    const changed = new MutationObserver(fit);
    changed.observe(content, { childList: true, subtree: true, characterData: true });
    fit();
    return () => {
      cancelAnimationFrame(frame);
      resized.disconnect();
      changed.disconnect();
    };
  };
}

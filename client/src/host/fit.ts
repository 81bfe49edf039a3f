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

export function fitContent(min = 0.45) {
  return (box: HTMLElement) => {
    const content = box.firstElementChild;
    if (!(content instanceof HTMLElement)) return;
    let frame = 0;
    const fit = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        largestFit((s) => (content.style.fontSize = `${s}em`), () => box.scrollHeight <= box.clientHeight + 1, min);
      });
    };
    const resized = new ResizeObserver(fit);
    resized.observe(box);
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

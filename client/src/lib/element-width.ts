// How wide a puzzle's box is, for the choices CSS cannot make alone: a table of several columns reads better as
// one card per row on a narrow screen (a phone's puzzle, its recap).

/** An attachment that reports the element's width whenever it changes (nothing where there is no
 *  ResizeObserver, as in a test's jsdom: a width of 0 means "not measured"). */
export function trackWidth(set: (width: number) => void) {
  return (el: HTMLElement) => {
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => set(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  };
}

/** Below this width (px) a table of more than two columns becomes cards. */
export const CARDS_BELOW_PX = 560;

export const tableAsCards = (width: number, columns: number): boolean => width > 0 && width < CARDS_BELOW_PX && columns > 2;

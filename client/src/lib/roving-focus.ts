// Arrow keys move focus between sibling controls of a group (answer buttons, toggles), wrapping at the ends.

const keys: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };

/** Handles an arrow key pressed on one of `group`'s controls; returns whether it did. */
export function focusSibling(event: KeyboardEvent, group: HTMLElement | undefined, selector: string): boolean {
  const step = keys[event.key];
  if (step === undefined || !group) return false;
  const controls = [...group.querySelectorAll<HTMLElement>(selector)];
  const current = controls.indexOf(event.currentTarget as HTMLElement);
  if (current < 0) return false;
  event.preventDefault();
  controls[(current + step + controls.length) % controls.length]?.focus();
  return true;
}

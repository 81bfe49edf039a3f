import '@testing-library/svelte/vitest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import TimerBar from '../../client/src/components/TimerBar.svelte';

const start = 1_700_000_000_000;

function liveText(container: HTMLElement): string {
  return container.querySelector('[aria-live="polite"]')?.textContent ?? '';
}

describe('TimerBar', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(start);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the seconds left on the server clock', () => {
    // The server runs 2 s ahead of this client: 20 s on the server's deadline are 18 s here.
    render(TimerBar, { deadline: start + 20_000, serverOffset: 2_000, durationMs: 20_000 });
    expect(screen.getByRole('timer').textContent).toBe('18 s left');
  });

  it('counts down and announces the 10 and 5 second milestones, then the end', async () => {
    const { container } = render(TimerBar, { deadline: start + 12_000, serverOffset: 0, durationMs: 20_000 });
    expect(liveText(container)).toBe('');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(screen.getByRole('timer').textContent).toBe('10 s left');
    expect(liveText(container)).toBe('10 seconds left');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(liveText(container)).toBe('5 seconds left');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(screen.getByRole('timer').textContent).toBe('Time is up');
    expect(liveText(container)).toBe('Time is up');
  });
});

import '@testing-library/svelte/vitest';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import MultiChoice from '../../client/src/components/MultiChoice.svelte';
import { multiView } from './fixtures.ts';

describe('MultiChoice', () => {
  it('sends the ticked ids in option order, whatever order they were ticked in', async () => {
    const onanswer = vi.fn();
    render(MultiChoice, { view: multiView, onanswer });
    await fireEvent.click(screen.getByRole('checkbox', { name: /IPC/ }));
    await fireEvent.click(screen.getByRole('checkbox', { name: /Network/ }));
    await fireEvent.click(screen.getByRole('button', { name: /Send 2 ticked/ }));
    expect(onanswer).toHaveBeenCalledExactlyOnceWith(['net', 'ipc']);
    expect(screen.getByRole('status').textContent).toContain('2 ticked');
  });

  it('toggles an option by its letter key', async () => {
    const onanswer = vi.fn();
    render(MultiChoice, { view: multiView, onanswer });
    const pid = screen.getByRole('checkbox', { name: /PID/ });
    await fireEvent.keyDown(pid, { key: 'c' });
    await fireEvent.keyDown(pid, { key: 'a' });
    await fireEvent.keyDown(pid, { key: 'a' });
    await fireEvent.click(screen.getByRole('button', { name: /Send/ }));
    expect(onanswer).toHaveBeenCalledWith(['pid']);
  });
});

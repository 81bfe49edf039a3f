import '@testing-library/svelte/vitest';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import NumberAnswer from '../../client/src/components/NumberAnswer.svelte';
import { numberView } from './fixtures.ts';

describe('NumberAnswer', () => {
  it('labels the field with the unit', () => {
    render(NumberAnswer, { view: numberView, onanswer: vi.fn() });
    expect(screen.getByLabelText('Your answer (in seconds)')).toBeTruthy();
  });

  it.each([
    ['25', 25],
    [' 2,5 ', 2.5],
    ['-3', -3],
  ])('sends %j as the number %d', async (typed, expected) => {
    const onanswer = vi.fn();
    render(NumberAnswer, { view: numberView, onanswer });
    await fireEvent.input(screen.getByRole('textbox'), { target: { value: typed } });
    await fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onanswer).toHaveBeenCalledExactlyOnceWith(expected);
    expect(screen.getByRole('status').textContent).toBe(`Sent: ${expected} seconds.`);
  });

  it('refuses text that is not a number and says why', async () => {
    const onanswer = vi.fn();
    render(NumberAnswer, { view: numberView, onanswer });
    await fireEvent.input(screen.getByRole('textbox'), { target: { value: '12s' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onanswer).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('Type a number');
  });
});

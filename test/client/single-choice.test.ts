import '@testing-library/svelte/vitest';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import SingleChoice from '../../client/src/components/SingleChoice.svelte';
import { singleView } from './fixtures.ts';

describe('SingleChoice', () => {
  it('shows every option as a button with its letter and text', () => {
    render(SingleChoice, { view: singleView, onanswer: vi.fn() });
    const names = screen.getAllByRole('button').map((b) => b.textContent?.replace(/\s+/g, ' ').trim());
    expect(names).toEqual(['A Pending', 'B Running', 'C Succeeded', 'D Failed']);
  });

  it('answers with the option id on click, once, and marks the answer sent', async () => {
    const onanswer = vi.fn();
    render(SingleChoice, { view: singleView, onanswer });
    await fireEvent.click(screen.getByRole('button', { name: /Running/ }));
    await fireEvent.click(screen.getByRole('button', { name: /Failed/ }));
    expect(onanswer).toHaveBeenCalledExactlyOnceWith('r');
    expect(screen.getByRole('button', { name: /Running/ }).textContent).toContain('Your answer');
  });

  it.each([
    ['c', 's'],
    ['C', 's'],
    ['4', 'f'],
  ])('answers by keyboard: key %s picks %s', async (key, id) => {
    const onanswer = vi.fn();
    render(SingleChoice, { view: singleView, onanswer });
    const first = screen.getByRole('button', { name: /Pending/ });
    first.focus();
    await fireEvent.keyDown(first, { key });
    expect(onanswer).toHaveBeenCalledExactlyOnceWith(id);
  });

  it('moves focus with the arrow keys, wrapping around', async () => {
    render(SingleChoice, { view: singleView, onanswer: vi.fn() });
    const first = screen.getByRole('button', { name: /Pending/ });
    first.focus();
    await fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /Running/ }));
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /Failed/ }));
  });

  it('ignores clicks and keys when disabled', async () => {
    const onanswer = vi.fn();
    render(SingleChoice, { view: singleView, disabled: true, onanswer });
    const button = screen.getByRole('button', { name: /Running/ });
    await fireEvent.click(button);
    await fireEvent.keyDown(button, { key: 'a' });
    expect(onanswer).not.toHaveBeenCalled();
  });

  it('marks the correct option after the reveal, in words', () => {
    render(SingleChoice, { view: singleView, correct: 's', sent: 'r', onanswer: vi.fn() });
    expect(screen.getByRole('button', { name: /Succeeded/ }).textContent).toContain('Correct');
    expect(screen.getByRole('button', { name: /Running/ }).textContent).toContain('Your answer');
  });
});

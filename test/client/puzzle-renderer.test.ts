import '@testing-library/svelte/vitest';
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import PuzzleRenderer from '../../client/src/components/PuzzleRenderer.svelte';
import { multiView, numberView, orderView, singleView } from './fixtures.ts';

describe('PuzzleRenderer', () => {
  it.each([
    ['single', singleView, () => screen.getByRole('button', { name: /Pending/ })],
    ['multi', multiView, () => screen.getByRole('checkbox', { name: /Network/ })],
    ['order', orderView, () => screen.getByRole('button', { name: 'Move app down' })],
    ['number', numberView, () => screen.getByRole('textbox', { name: /Your answer/ })],
  ] as const)('renders the %s widget for a %s view', (_format, view, widget) => {
    render(PuzzleRenderer, { view, onanswer: vi.fn() });
    expect(screen.getByRole('heading', { name: view.prompt })).toBeTruthy();
    expect(widget()).toBeTruthy();
  });

  it('shows the code listing and the table as text', () => {
    render(PuzzleRenderer, { view: numberView, onanswer: vi.fn() });
    expect(screen.getByRole('figure', { name: /^YAML, \d+ lines$/ }).textContent).toContain('initialDelaySeconds: 15');
    expect(screen.getByRole('columnheader', { name: 'STATUS' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: '0/1' })).toBeTruthy();
  });

  it('puts the spec and table behind one tap in a live game, and says what is behind it', () => {
    const { container } = render(PuzzleRenderer, { view: numberView, onanswer: vi.fn(), spec: 'collapsed' });
    const details = container.querySelector('details');
    expect(details?.open).toBe(false);
    expect(details?.querySelector('summary')?.textContent).toMatch(/^Show the pod spec \(\d+ lines\) and the table \(1 row\)$/);
    expect(screen.getByLabelText(/Your answer/)).toBeTruthy();
  });

  it('renders markup in a prompt as text, never as HTML', () => {
    const view = { ...singleView, prompt: '<img src=x onerror=alert(1)>' };
    const { container } = render(PuzzleRenderer, { view, onanswer: vi.fn() });
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('heading').textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('says so instead of crashing on a format it does not know', () => {
    const view = { ...singleView, format: 'drawing' } as unknown as typeof singleView;
    render(PuzzleRenderer, { view, onanswer: vi.fn() });
    expect(screen.getByRole('alert').textContent).toContain('format');
  });
});

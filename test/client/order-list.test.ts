import '@testing-library/svelte/vitest';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import OrderList from '../../client/src/components/OrderList.svelte';
import { orderView } from './fixtures.ts';

function rowLabels(): string[] {
  return screen.getAllByRole('listitem').map((li) => li.querySelector('.label')?.textContent ?? '');
}

describe('OrderList', () => {
  it('starts in the order the view gives', () => {
    render(OrderList, { view: orderView, onanswer: vi.fn() });
    expect(rowLabels()).toEqual(['app', 'migrate', 'wait-db']);
  });

  it('reorders with the move buttons and reports the order on send', async () => {
    const onanswer = vi.fn();
    render(OrderList, { view: orderView, onanswer });
    await fireEvent.click(screen.getByRole('button', { name: 'Move wait-db up' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Move wait-db up' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Move app down' }));
    expect(rowLabels()).toEqual(['wait-db', 'migrate', 'app']);
    await fireEvent.click(screen.getByRole('button', { name: 'Send this order' }));
    expect(onanswer).toHaveBeenCalledExactlyOnceWith(['wait-db', 'migrate', 'app']);
  });

  it('announces each move in a polite live region', async () => {
    const { container } = render(OrderList, { view: orderView, onanswer: vi.fn() });
    await fireEvent.click(screen.getByRole('button', { name: 'Move migrate up' }));
    expect(container.querySelector('[aria-live="polite"]')?.textContent).toBe('migrate: moved to position 1 of 3.');
  });

  it('keeps focus on the moved item, switching buttons at the top', async () => {
    render(OrderList, { view: orderView, onanswer: vi.fn() });
    const up = screen.getByRole('button', { name: 'Move migrate up' });
    up.focus();
    await fireEvent.click(up);
    await new Promise((r) => setTimeout(r, 0));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move migrate down' }));
  });

  it('cannot move past either end', () => {
    render(OrderList, { view: orderView, onanswer: vi.fn() });
    expect(screen.getByRole('button', { name: 'Move app up' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Move wait-db down' })).toHaveProperty('disabled', true);
  });

  it('starts from an order already sent and stays locked', () => {
    render(OrderList, { view: orderView, sent: ['migrate', 'wait-db', 'app'], onanswer: vi.fn() });
    expect(rowLabels()).toEqual(['migrate', 'wait-db', 'app']);
    expect(screen.getByRole('button', { name: 'Move app up' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('status').textContent).toContain('Sent');
  });
});

// How a test player answers each format through the real widgets: taps, a mouse drag, the keyboard.
import type { Locator, Page } from 'playwright-core';
import { plainText } from '../../client/src/lib/inline-code.ts';
import type { Answer, PuzzleView } from '../../shared/puzzles/kind.ts';
import { answerIds, choicesOf } from '../../shared/puzzles/answers.ts';

const exact = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

/** The label as the screen shows it: `inline code` loses its backticks. */
function labelOf(view: PuzzleView, id: string): string {
  const found = choicesOf(view).find((o) => o.id === id);
  if (!found) throw new Error(`no option or item ${id}`);
  return plainText(found.label);
}

function option(page: Page, label: string): Locator {
  return page.locator('.answer-face').filter({ has: page.locator('.answer-label', { hasText: exact(label) }) });
}

async function orderLabels(page: Page): Promise<string[]> {
  return page.locator('form ol > li .label').allTextContents();
}

/** Drag each row into place with the mouse (pointer events: the same path a finger takes). */
async function dragOrder(page: Page, wanted: string[]): Promise<void> {
  for (let i = 0; i < wanted.length; i++) {
    const labels = await orderLabels(page);
    const from = labels.indexOf(wanted[i] ?? '');
    if (from === i) continue;
    const rows = page.locator('form ol > li');
    // Long items push the list below the fold on a phone: bring the target row to the top first, as a person scrolls.
    await rows.nth(i).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const source = await rows.nth(from).boundingBox();
    const target = await rows.nth(i).boundingBox();
    if (!source || !target) throw new Error('order rows are not visible');
    await page.mouse.move(source.x + 12, source.y + source.height / 2);
    await page.mouse.down();
    await page.mouse.move(source.x + 12, target.y + 4, { steps: 12 });
    await page.mouse.up();
  }
}

/** Move each row into place with its "Move … up" button, pressed with Enter, then send with the keyboard. */
async function keyboardOrder(page: Page, wanted: string[]): Promise<void> {
  for (let i = 0; i < wanted.length; i++) {
    const label = wanted[i] ?? '';
    let from = (await orderLabels(page)).indexOf(label);
    if (from > i) await page.getByRole('button', { name: `Move ${label} up`, exact: true }).focus();
    while (from > i) {
      await page.keyboard.press('Enter');
      from -= 1;
    }
  }
  await page.getByRole('button', { name: 'Send this order' }).focus();
  await page.keyboard.press('Enter');
}

export type OrderStyle = 'drag' | 'keyboard';

/** Answer `answer` to `view` the way a person would. Single and multi by tapping, number by typing. */
export async function answerWith(page: Page, view: PuzzleView, answer: Answer, orderStyle: OrderStyle = 'drag'): Promise<void> {
  if (view.format === 'single') {
    await option(page, labelOf(view, String(answer))).click();
  } else if (view.format === 'multi') {
    for (const id of Array.isArray(answer) ? answer : []) await option(page, labelOf(view, id)).click();
    await page.getByRole('button', { name: /^Send \d+ ticked$/ }).click();
  } else if (view.format === 'order') {
    const wanted = (Array.isArray(answer) ? answer : []).map((id) => labelOf(view, id));
    if (orderStyle === 'drag') {
      await dragOrder(page, wanted);
      const now = await orderLabels(page);
      if (now.join('|') !== wanted.join('|')) throw new Error(`drag left ${now.join(', ')}`);
      await page.getByRole('button', { name: 'Send this order' }).click();
    } else {
      await keyboardOrder(page, wanted);
    }
  } else {
    await page.getByLabel(/Your answer/).fill(String(answer));
    await page.keyboard.press('Enter');
  }
}

/** Some answer that is not the solution (for the player who should lose). */
export function wrongAnswer(view: PuzzleView, solution: Answer): Answer {
  if (typeof solution === 'number') return solution + 1000;
  const ids = choicesOf(view).map((o) => o.id);
  if (view.format === 'order') return [...ids].reverse();
  if (view.format === 'multi') {
    const right = new Set(answerIds('multi', solution));
    return ids.filter((id) => !right.has(id)).slice(0, 1);
  }
  return ids.find((id) => id !== solution) ?? ids[0] ?? '';
}

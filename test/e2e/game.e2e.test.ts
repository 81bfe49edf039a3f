// End to end in a real Chromium: a host and three players play a whole game against the real server, then solo
// practice keeps working with the server stopped. axe-core checks every screen; screenshots land in
// test-artifacts/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  axeProblems,
  ensureClientBuilt,
  launchChromium,
  newPage,
  phone,
  projector,
  projectorFit,
  screenshot,
  screenshotDir,
  startServer,
  type RunningServer,
} from './e2e-harness.ts';
import { answerWith, wrongAnswer, type OrderStyle } from './e2e-answers.ts';
import { measure } from './e2e-measure.ts';
import { roundPlan } from '../../shared/room/rounds.ts';
import { kindById, type KindId } from '../../shared/puzzles/index.ts';
import type { RoomSettings } from '../../shared/protocol.ts';

const kinds: KindId[] = ['init-order', 'probe-choice', 'probe-timing', 'shared-namespaces'];
const settings: RoomSettings = {
  kinds,
  difficulty: 'easy',
  rounds: 5,
  secondsPerRound: 60,
  scoring: 'speed',
  teamMode: 'off',
  teamCount: 2,
  autoAdvance: false,
};

/** A room seed whose first and last rounds are ordering puzzles: one is sorted by drag, the other by keyboard. */
function seedWithOrderRounds(): string {
  for (let n = 0; n < 500; n++) {
    const seed = `e2e-${n}`;
    const first = roundPlan(seed, settings, 1).kind;
    const last = roundPlan(seed, settings, settings.rounds).kind;
    if (first === 'init-order' && last === 'init-order') return seed;
  }
  throw new Error('no seed puts an ordering puzzle first and last');
}

/** What the server will ask in a round, and its answer: the test knows it because it chose the room seed. */
function round(seed: string, r: number) {
  const plan = roundPlan(seed, settings, r);
  const kind = kindById(plan.kind);
  const puzzle = kind.generate(plan.seed, plan.difficulty);
  return { view: kind.publicView(puzzle), solution: kind.solve(puzzle) };
}

const roundHeading = (page: Page, r: number) => page.getByRole('heading', { name: new RegExp(`^Round ${r} of`) });

describe('a live game in real browsers', () => {
  let browser: Browser;
  let running: RunningServer;
  let seed: string;
  const errors: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    ensureClientBuilt();
    seed = seedWithOrderRounds();
    running = await startServer(seed);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
    console.log(`Screenshots: ${screenshotDir}`);
  });

  it('plays a whole game: three players, ordering by drag and by keyboard, a reload mid-round, the right winner', async () => {
    const started = Date.now();
    const hostContext = await browser.newContext({ ...projector, colorScheme: 'dark' });
    const host = await newPage(hostContext, errors, 'host');

    // Setup: only the four kinds, easy, five rounds of a minute.
    await host.goto(`${running.url}/#/host`);
    await host.getByRole('button', { name: 'Create the room' }).waitFor();
    problems.push(...(await axeProblems(host, 'host setup')));
    for (const box of await host.locator('input[type="checkbox"][value]').all()) {
      await box.setChecked(kinds.includes((await box.getAttribute('value')) as KindId));
    }
    await host.getByLabel('Easy', { exact: true }).check();
    await host.getByLabel(/^Rounds/).fill('5');
    await host.getByLabel(/^Seconds each/).fill('60');
    await host.getByRole('button', { name: 'Create the room' }).click();

    // Lobby: the code, and a join link a phone can open.
    const codeText = host.locator('.big-code');
    await codeText.waitFor();
    const code = (await codeText.textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    const joinUrl = `${running.url}/#/join/${code}`;
    await expect.poll(() => host.locator('.url').textContent()).toBe(joinUrl.replace('http://', ''));
    await host.getByRole('img', { name: /QR code that opens/ }).locator('path').waitFor();

    // Two players follow the QR code's link; the third types the code, and first asks for a name already taken.
    const players: { name: string; page: Page }[] = [];
    for (const name of ['Ada', 'Grace', 'Linus']) {
      const context = await browser.newContext(phone);
      players.push({ name, page: await newPage(context, errors, name) });
    }
    const [ada, grace, linus] = players.map((p) => p.page) as [Page, Page, Page];
    for (const [page, name] of [
      [ada, 'Ada'],
      [grace, 'Grace'],
    ] as const) {
      await page.goto(joinUrl);
      await expect.poll(() => page.getByLabel('Room code').inputValue()).toBe(code);
      if (name === 'Ada') problems.push(...(await axeProblems(page, 'player join')));
      await page.getByLabel('Your name').fill(name);
      await page.getByRole('button', { name: 'Join the game' }).click();
      await page.getByRole('heading', { name: new RegExp(`You're in, ${name}`) }).waitFor();
    }
    problems.push(...(await axeProblems(ada, 'player lobby')));
    await linus.goto(`${running.url}/#/`);
    await linus.getByLabel('Room code').fill(code.toLowerCase());
    await linus.getByRole('button', { name: 'Join', exact: true }).click();
    await linus.getByLabel('Your name').fill('ada');
    await linus.getByRole('button', { name: 'Join the game' }).click();
    await linus.getByRole('alert').filter({ hasText: 'already has that name' }).waitFor();
    await linus.getByRole('button', { name: /^Use “.+” instead$/ }).waitFor();
    await linus.getByLabel('Your name').fill('Linus');
    await linus.getByRole('button', { name: 'Join the game' }).click();
    await linus.getByRole('heading', { name: /You're in, Linus/ }).waitFor();

    // A fourth joins by the path form of the link (/join/code, as the server words it) and is removed by the host:
    // the phone says so and offers to join again.
    const mallory = await newPage(await browser.newContext(phone), errors, 'Mallory');
    await mallory.goto(`${running.url}/join/${code.toLowerCase()}`);
    await expect.poll(() => mallory.getByLabel('Room code').inputValue()).toBe(code);
    expect(new URL(mallory.url()).hash).toBe(`#/join/${code}`);
    await mallory.getByLabel('Your name').fill('Mallory');
    await mallory.getByRole('button', { name: 'Join the game' }).click();
    await host.getByRole('button', { name: 'Remove Mallory' }).click();
    await mallory.getByRole('alert').filter({ hasText: 'The host removed you' }).waitFor();
    await mallory.getByRole('button', { name: 'Join the game' }).waitFor();

    await host.getByRole('heading', { name: '3 players' }).waitFor();
    await screenshot(host, 'host-lobby-1280x720');
    await host.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(host, 'host-lobby-1920x1080');
    problems.push(...(await axeProblems(host, 'host lobby')));
    await host.setViewportSize(projector.viewport);
    await host.getByRole('button', { name: 'Start the game' }).click();

    for (let r = 1; r <= settings.rounds; r++) {
      const { view, solution } = round(seed, r);
      for (const { page } of players) await roundHeading(page, r).waitFor();
      await host.getByText(/of \d+ answered/).waitFor();

      if (r === 3) {
        // Grace's phone reloads mid-round: she rejoins by herself, with the same score, and still answers.
        const before = await grace.locator('.score').textContent();
        await grace.reload();
        await roundHeading(grace, r).waitFor();
        expect(await grace.locator('.score').textContent()).toBe(before);
      }

      if (r === 1) await screenshot(ada, 'player-order-390x844');
      const adaStyle: OrderStyle = r === 1 ? 'drag' : 'keyboard';
      const graceStyle: OrderStyle = r === 1 ? 'keyboard' : 'drag';
      await answerWith(ada, view, solution, adaStyle);
      await ada.getByText('Answer in.').waitFor();
      if (r === 1) {
        await host.getByText(/^\s*1\s*of 3 answered/).waitFor();
        await expect.poll(() => projectorFit(host)).toBe('fits');
        await screenshot(host, 'host-question');
        problems.push(...(await axeProblems(host, 'host question')));
        await host.setViewportSize({ width: 1920, height: 1080 });
        await expect.poll(() => projectorFit(host)).toBe('fits');
        await screenshot(host, 'host-question-1920x1080');
        await host.setViewportSize(projector.viewport);
      }
      if (r === 2) {
        await screenshot(host, 'host-question-single');
        await screenshot(grace, 'player-question-390x844');
        problems.push(...(await axeProblems(grace, `player question (${view.format})`)));
      }
      await answerWith(grace, view, solution, graceStyle);
      await grace.getByText('Answer in.').waitFor();
      const wrong = view.format === 'order' ? view.items.map((i) => i.id) : wrongAnswer(view, solution);
      await answerWith(linus, view, wrong, 'drag');

      // Everyone answered: the round closes at once.
      const last = r === settings.rounds;
      await host.getByRole('button', { name: last ? 'Show the podium' : 'Show the leaderboard' }).waitFor();
      await ada.getByRole('heading', { name: /Right!/ }).waitFor();
      await grace.getByRole('heading', { name: /Right!/ }).waitFor();
      if (r === 1) {
        // The reveal fits a small and a large projector, the room's answers included.
        await expect.poll(() => projectorFit(host)).toBe('fits');
        await screenshot(host, 'host-reveal');
        problems.push(...(await axeProblems(host, 'host reveal')));
        await host.setViewportSize({ width: 1920, height: 1080 });
        await expect.poll(() => projectorFit(host)).toBe('fits');
        await screenshot(host, 'host-reveal-1920x1080');
        await host.setViewportSize(projector.viewport);
        problems.push(...(await axeProblems(linus, 'player reveal')));
        await screenshot(linus, 'player-reveal-390x844');
      }
      await host.getByRole('button', { name: last ? 'Show the podium' : 'Show the leaderboard' }).click();
      if (last) break;

      await host.getByRole('heading', { name: /^Leaderboard/ }).waitFor();
      await ada.getByRole('heading', { name: `After round ${r} of ${settings.rounds}` }).waitFor();
      if (r === 2) {
        await screenshot(host, 'host-leaderboard');
        problems.push(...(await axeProblems(host, 'host leaderboard')));
        problems.push(...(await axeProblems(ada, 'player standing')));
        // The second board says what each player gained this round.
        await expect.poll(() => host.locator('.gain').count()).toBe(3);
      }
      await host.getByRole('button', { name: 'Next question' }).click();
    }

    // The podium: Ada was right and first every time.
    await host.getByRole('heading', { name: 'Final podium' }).waitFor();
    await expect.poll(() => host.locator('.winner').textContent()).toMatch(/Winner: Ada with \d+ points/);
    await screenshot(host, 'host-podium');
    problems.push(...(await axeProblems(host, 'host podium')));
    await ada.getByText(/Final rank\s*#1/).waitFor();
    await linus.getByText(/Final rank\s*#3/).waitFor();
    problems.push(...(await axeProblems(linus, 'player final')));

    // Results: the table, the CSV with the host token, accuracy per concept.
    await host.getByRole('button', { name: 'Results and what to teach again' }).click();
    await host.getByRole('heading', { name: 'What to teach again' }).waitFor();
    await expect.poll(() => host.locator('tbody tr').count()).toBe(3);
    const [download] = await Promise.all([host.waitForEvent('download'), host.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`podium-${code}-results.csv`);
    const csv = await new Response(await download.createReadStream() as unknown as ReadableStream).text();
    expect(csv).toContain('Ada');
    expect(csv.trim().split('\n').length).toBeGreaterThanOrEqual(1 + 3 * settings.rounds);
    await screenshot(host, 'host-results');
    problems.push(...(await axeProblems(host, 'host results')));

    console.log(`Game played in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(errors).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('lets a learner practise 5 puzzles after the server has stopped', async () => {
    const context = await browser.newContext(phone);
    const page = await newPage(context, errors, 'practice');
    await page.goto(`${running.url}/#/`);
    problems.push(...(await axeProblems(page, 'home')));
    await page.goto(`${running.url}/#/practice`);
    await page.getByRole('button', { name: 'Start practising' }).waitFor();
    problems.push(...(await axeProblems(page, 'practice topics')));

    await running.stop();
    const down = await page.evaluate('fetch("/healthz").then(() => "up", () => "down")');
    expect(down).toBe('down');

    await page.getByRole('button', { name: 'Start practising' }).click();
    for (let n = 1; n <= 5; n++) {
      // Alone there is no projector: the spec and table are shown in full, never behind a tap, and read at 16 px.
      await page.locator('.puzzle').waitFor();
      expect(await page.locator('.puzzle details.spec').count()).toBe(0);
      const m = await measure(page, { floor: 14, codeFloor: 16, pageScrollsDown: true });
      problems.push(...[...m.small, ...m.smallCode].map((s) => `practice ${n}: ${s.px}px "${s.text}"`), ...m.clipped, ...m.spills, ...m.pageOverflow);
      await answerAnything(page);
      const next = page.getByRole('button', { name: 'Next puzzle' });
      await next.waitFor();
      if (n === 1) {
        problems.push(...(await axeProblems(page, 'practice result')));
        await screenshot(page, 'practice-result-390x844');
      }
      await next.click();
    }
    await expect.poll(() => page.evaluate('Object.keys(localStorage).length')).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    expect(problems).toEqual([]);
  });
});

/** Some answer, whatever the format: this is about practice working offline, not about being right. */
async function answerAnything(page: Page): Promise<void> {
  const order = page.getByRole('button', { name: 'Send this order' });
  const number = page.getByLabel(/Your answer/);
  const multi = page.getByRole('button', { name: /^Send \d+ ticked$/ });
  await page.locator('.answer-face, form ol > li, input[inputmode="decimal"]').first().waitFor();
  if (await order.isVisible()) return order.click();
  if (await number.isVisible()) {
    await number.fill('1');
    return page.keyboard.press('Enter');
  }
  if (await multi.isVisible()) {
    await page.locator('label.answer-face').first().click();
    return multi.click();
  }
  await page.locator('button.answer-face').first().click();
}

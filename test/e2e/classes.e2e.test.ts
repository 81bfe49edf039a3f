// A real class on the big screen, measured: a facilitator sets up through the compact setup, 40 players join in
// four teams (two phones in a browser, 38 bots over the protocol), three rounds with auto-advance run with the
// countdown paused, the leaderboard after a 0–0 round says nobody went down, the podium shows the teams too; then
// "New game" comes back with the last choices. And a lobby of 200, where every name is still reachable and
// removable. Sound: nothing plays before the host's first click; the mute choice survives a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axeProblems, ensureClientBuilt, launchChromium, newPage, root, screenshot, startServer, type RunningServer } from './e2e-harness.ts';
import { audioProbe, classNames, createRoom, openSeat, roundOf, startClass } from './e2e-room.ts';
import { Checks, phones, projectors, type Row } from './e2e-checks.ts';
import { insideWindow, measure } from './e2e-measure.ts';
import { answerWith, wrongAnswer } from './e2e-answers.ts';
import { kindIds } from '../../shared/puzzles/index.ts';
import type { RoomSettings } from '../../shared/protocol.ts';

const SEED = 'classes';
const report: Row[] = [];

const audio = (page: Page) => page.evaluate('window.__audio') as Promise<{ contexts: number; starts: number }>;

/** Every name in the lobby: fully inside the window (and its list, if the list scrolls: then reachable). */
function lobbyNames(page: Page): Promise<{ name: string; visible: boolean; inScrollBox: boolean }[]> {
  return page.evaluate(`(() => [...document.querySelectorAll('.names li')].map((li) => {
    const r = li.getBoundingClientRect();
    const box = li.closest('[data-scrolls]');
    const b = box ? box.getBoundingClientRect() : { top: 0, bottom: innerHeight };
    const visible = r.top >= Math.max(0, b.top) - 0.5 && r.bottom <= Math.min(innerHeight, b.bottom) + 0.5 && r.right <= innerWidth + 0.5;
    return { name: li.querySelector('.name').textContent, visible, inScrollBox: Boolean(box) };
  }))()`) as Promise<{ name: string; visible: boolean; inScrollBox: boolean }[]>;
}

describe('a class on the projector', () => {
  let browser: Browser;
  let running: RunningServer;

  beforeAll(async () => {
    ensureClientBuilt();
    running = await startServer(SEED);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
    mkdirSync(join(root, 'test-artifacts'), { recursive: true });
    writeFileSync(join(root, 'test-artifacts/layout-report-classes.json'), JSON.stringify(report, null, 2));
  });

  it('40 players in four teams: setup, lobby, rounds with a paused countdown, leaderboards and the podium', async () => {
    const checks = new Checks();
    const errors: string[] = [];
    const hostContext = await browser.newContext({ viewport: projectors[0], colorScheme: 'dark' });
    await hostContext.addInitScript(audioProbe);
    const host = await newPage(hostContext, errors, 'host');
    let bots: Awaited<ReturnType<typeof startClass>> | null = null;
    try {
      // Setup: compact, the Create button in view at both sizes, and no sound before the first click.
      await host.goto(`${running.url}/#/host`);
      const create = host.getByRole('button', { name: 'Create the room' });
      await create.waitFor();
      for (const p of projectors) {
        await host.setViewportSize(p);
        const box = await create.boundingBox();
        if (!box || !insideWindow({ top: box.y, bottom: box.y + box.height, left: box.x, right: box.x + box.width }, p.width, p.height)) {
          checks.problems.push(`setup-${p.width}x${p.height}: the Create button is outside the window`);
        }
        checks.record(`host-setup-${p.width}x${p.height}`, await measure(host, { floor: 14, pageScrollsDown: true }), 14);
        await screenshot(host, `host-setup-${p.width}x${p.height}`);
        checks.problems.push(...(await axeProblems(host, `host setup ${p.width}x${p.height}`)));
      }
      await host.setViewportSize(projectors[0]);
      expect((await audio(host)).contexts).toBe(0);

      const kinds = ['pod-phase', 'probe-timing', 'shared-namespaces'];
      for (const box of await host.locator('input[type="checkbox"][value]').all()) {
        await box.setChecked(kinds.includes((await box.getAttribute('value')) ?? ''));
      }
      expect((await audio(host)).contexts).toBe(1);
      await host.getByLabel('Easy', { exact: true }).check();
      await host.getByLabel(/^Rounds/).fill('3');
      await host.getByLabel(/^Seconds each/).fill('90');
      await host.getByLabel('Balanced', { exact: true }).check();
      await host.getByLabel(/Number of teams/).fill('4');
      await host.getByLabel(/Move on by itself/).check();
      await expect.poll(() => host.locator('.summary .line').textContent()).toBe(
        '3 rounds of 90 s · easy · speed scoring · 4 teams, balanced · moves on by itself · 3 kinds',
      );
      await create.click();

      // The lobby fills: two phones join through the link, 38 bots over the protocol.
      const code = ((await host.locator('.big-code').textContent()) ?? '').trim();
      // The setup sends the kinds in the registry's order, which decides the rounds' order.
      const settings: RoomSettings = { kinds: kindIds.filter((k) => kinds.includes(k)), difficulty: 'easy', rounds: 3, secondsPerRound: 90, scoring: 'speed', teamMode: 'auto', teamCount: 4, autoAdvance: true };
      const phonePages: Page[] = [];
      for (const [i, name] of ['Ada', 'Grace'].entries()) {
        const page = await newPage(await browser.newContext({ viewport: phones[i]! }), errors, name);
        await page.goto(`${running.url}/#/join/${code}`);
        await page.getByLabel('Your name').fill(name);
        if (i === 0) await checks.phone(page, 'phone-join');
        await page.getByRole('button', { name: 'Join the game' }).click();
        await page.getByRole('heading', { name: new RegExp(`You're in, ${name}`) }).waitFor();
        phonePages.push(page);
      }
      bots = await startClass(running.url, code, classNames(38, 2), SEED, 2);
      await host.getByRole('heading', { name: '40 players' }).waitFor();
      for (const page of phonePages) await checks.phone(page, 'phone-lobby-40');

      // Every name visible at once, with its remove button; the settings in one line.
      await checks.host(host, 'host-lobby-40', {
        extra: async (name) => {
          const names = await lobbyNames(host);
          const hidden = names.filter((n) => !n.visible).map((n) => n.name);
          if (names.length !== 40 || hidden.length > 0) checks.problems.push(`${name}: ${names.length} names, not visible: ${hidden.join(', ')}`);
          if ((await host.getByRole('button', { name: /^Remove / }).count()) !== 40) checks.problems.push(`${name}: not every name has its remove button`);
        },
      });
      await expect.poll(() => host.locator('.settings').textContent()).toBe('3 rounds of 90 s · easy · speed scoring · 4 teams, balanced · moves on by itself · 3 kinds');

      // Lobby music plays; muting stops it and is remembered across a reload.
      await expect.poll(async () => (await audio(host)).starts).toBeGreaterThan(0);
      await host.getByRole('button', { name: 'Sound on' }).click();
      await host.waitForTimeout(300);
      const muted = (await audio(host)).starts;
      await host.waitForTimeout(1200);
      expect((await audio(host)).starts).toBe(muted);
      await host.reload();
      await host.getByRole('button', { name: 'Sound off' }).waitFor();
      expect(await host.getByRole('button', { name: 'Sound off' }).getAttribute('aria-pressed')).toBe('false');
      await host.getByRole('button', { name: 'Sound off' }).click();
      await expect.poll(async () => (await audio(host)).starts).toBeGreaterThan(0);

      await host.getByRole('button', { name: 'Start the game' }).click();
      for (let r = 1; r <= settings.rounds; r++) {
        const last = r === settings.rounds;
        const { view, solution } = roundOf(SEED, settings, r);
        await host.getByRole('heading', { name: new RegExp(`^Round ${r} of`) }).waitFor();
        for (const page of phonePages) await page.getByRole('heading', { name: new RegExp(`^Round ${r} of`) }).waitFor();
        if (r === 1) {
          await checks.host(host, 'host-question-40');
          for (const page of phonePages) await checks.phone(page, 'phone-question-40', { question: true });
        }
        // Round 1: nobody scores (the bots stay quiet, both phones are wrong), so round 2's board has nothing to
        // say about moving down. Later rounds: everyone answers and the round closes by itself.
        const answer = r === 1 ? wrongAnswer(view, solution) : solution;
        const before = (await audio(host)).starts;
        for (const page of phonePages) await answerWith(page, view, answer, 'keyboard');
        if (r === 1) await host.getByRole('button', { name: 'Show the answer now' }).click();
        await host.getByRole('heading', { name: new RegExp(`^Round ${r} of \\d+: the answer`) }).waitFor();
        await expect.poll(async () => (await audio(host)).starts).toBeGreaterThan(before);

        // The countdown runs, and the pause holds it.
        await host.getByText(/^(Leaderboard|Podium) in \d+ s$/).waitFor();
        await host.getByRole('button', { name: 'Pause' }).click();
        await host.getByText('Paused', { exact: true }).waitFor();
        if (r === 1) {
          await checks.host(host, 'host-reveal-40');
          for (const page of phonePages) await checks.phone(page, 'phone-reveal-40');
        }
        await host.getByRole('button', { name: last ? 'Show the podium' : 'Show the leaderboard' }).click();
        if (last) break;

        await host.getByRole('heading', { name: new RegExp(`^Leaderboard after round ${r}`) }).waitFor();
        await host.getByRole('button', { name: 'Pause' }).click();
        await host.getByText('Paused', { exact: true }).waitFor();
        if (r === 2) {
          expect(await host.locator('.change.down').count()).toBe(0);
          expect(await host.locator('.gain:not(.zero)').count()).toBeGreaterThan(0);
          await expect.poll(() => host.locator('.teams li').count()).toBe(4);
          await checks.host(host, 'host-leaderboard-40');
          for (const page of phonePages) await checks.phone(page, 'phone-standing-40');
        }
        await host.getByRole('button', { name: 'Next question' }).click();
      }

      await host.getByRole('heading', { name: 'Final podium' }).waitFor();
      await expect.poll(() => host.getByRole('list', { name: 'Top three teams' }).locator('li').count()).toBe(3);
      await checks.host(host, 'host-podium-40');
      for (const page of phonePages) {
        await page.getByRole('heading', { name: 'Game over' }).waitFor();
        await checks.phone(page, 'phone-final-40');
      }

      // New game: the setup comes back with the last choices.
      await host.getByRole('button', { name: 'New game' }).click();
      await host.getByRole('button', { name: 'Create the room' }).waitFor();
      expect(await host.getByLabel(/^Rounds/).inputValue()).toBe('3');
      expect(await host.getByLabel('Balanced', { exact: true }).isChecked()).toBe(true);
      expect(await host.getByLabel(/Number of teams/).inputValue()).toBe('4');
      expect(await host.getByLabel(/Move on by itself/).isChecked()).toBe(true);
      const checked = await host.locator('input[type="checkbox"][value]:checked').evaluateAll((boxes) => boxes.map((b) => (b as unknown as { value: string }).value));
      expect(checked.sort()).toEqual([...kinds].sort());
    } finally {
      bots?.close();
      await hostContext.close();
      report.push(...checks.rows);
    }
    expect(errors).toEqual([]);
    expect(checks.problems).toEqual([]);
  });

  it('a lobby of 200: the count, the latest arrivals, every name reachable in its team’s list, and removable', async () => {
    const checks = new Checks();
    const errors: string[] = [];
    const settings: RoomSettings = { kinds: ['pod-phase'], difficulty: 'easy', rounds: 3, secondsPerRound: 60, scoring: 'speed', teamMode: 'auto', teamCount: 3, autoAdvance: false };
    const room = await createRoom(running.url, settings);
    const bots = await startClass(running.url, room.code, classNames(200), SEED);
    const host = await openSeat(browser, running.url, 'host', room, { viewport: projectors[0], colorScheme: 'dark' }, errors, 'host');
    try {
      await host.page.getByRole('heading', { name: '200 players' }).waitFor();
      await checks.host(host.page, 'host-lobby-200', {
        extra: async (name) => {
          const names = await lobbyNames(host.page);
          const unreachable = names.filter((n) => !n.visible && !n.inScrollBox).map((n) => n.name);
          if (names.length !== 200 || unreachable.length > 0) checks.problems.push(`${name}: ${names.length} names, unreachable: ${unreachable.join(', ')}`);
          if ((await host.page.locator('.scroll-area .cue').count()) === 0) checks.problems.push(`${name}: the lists scroll without a cue`);
          if (!(await host.page.getByText(/^Just joined:/).isVisible())) checks.problems.push(`${name}: no latest arrivals`);
        },
      });
      // The last name of a scrolled list, by keyboard: focus brings it into view, Enter removes it.
      const lastName = classNames(200).at(-1)!;
      const remove = host.page.getByRole('button', { name: `Remove ${lastName}`, exact: true });
      await remove.focus();
      expect(await remove.isVisible()).toBe(true);
      await host.page.keyboard.press('Enter');
      await host.page.getByRole('heading', { name: '199 players' }).waitFor();
    } finally {
      bots.close();
      await host.context.close();
      report.push(...checks.rows);
    }
    expect(errors).toEqual([]);
    expect(checks.problems).toEqual([]);
  });
});

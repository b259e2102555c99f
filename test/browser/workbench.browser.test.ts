import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { householdBody, memberBody } from '../e2e/helpers/fixtures';
import {
  chromiumMissing,
  COUNTY,
  eventually,
  overflowsRight,
  signIn,
  postStationVacancy,
  startBrowserPlatform,
  type BrowserPlatform,
} from './harness';

/**
 * The county's work on a case, in a browser against the real platform (demo seed): 西秀区's office finds a
 * yellow case on its work list, opens it, assigns a cadre, records a visit (and is told in Chinese, next to the
 * field, when its time is before the case was found), records a job recommendation picked by title from the
 * member's recommendations, and sees the case turn green with the entries on its timeline. The same pages at
 * 390 px wide: nothing reaches past the screen's edge. The follow-ups panel lists a placement whose 1-month
 * follow-up is due, and a visit recorded there moves it to the next one.
 *
 * The colour change is made deterministic by the county's deadlines: at 1 day to assist and 2 to clear, a case
 * opened a moment ago with no measure is yellow (its assistance deadline within 24 h); a measure now makes it
 * green (assisted in time, 2 days to clear). Screenshots go to SCREENSHOT_DIR (default: the temp directory).
 */
const SHOTS = process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'workbench-screenshots');

jest.setTimeout(240_000);

interface CaseItem {
  caseId: string;
  householdId: string;
  warning: string;
}

(chromiumMissing ? describe.skip : describe)('county workbench in a browser', () => {
  let platform: BrowserPlatform;
  let office: string;
  let householdId: string;
  let caseId: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    platform = await startBrowserPlatform();
    const { api, tokens } = platform;
    office = tokens.county(COUNTY);
    // A household of two sewing workers, both without work: a zero-employment case of our own.
    ({ householdId } = await api<{ householdId: string }>(
      'POST',
      '/v1/households',
      office,
      householdBody(COUNTY, [memberBody({ name: '罗文' }), memberBody({ name: '罗小梅', birthYear: 1995 })]),
    ));
    await postStationVacancy(platform);
    const list = await eventually(
      () =>
        api<{ items: CaseItem[] }>('GET', `/v1/counties/${COUNTY}/zero-employment-cases?limit=200`, office),
      (r) => r.items.some((c) => c.householdId === householdId),
      'the household’s case',
    );
    caseId = list.items.find((c) => c.householdId === householdId)!.caseId;
    await api('PUT', `/v1/counties/${COUNTY}/case-deadlines`, office, {
      assistWithinDays: 1,
      clearWithinDays: 2,
    });
  });

  afterAll(async () => {
    await platform?.close();
  });

  const row = (page: Page) => page.locator(`tr[data-household="${householdId}"]`);
  /** Presses the work list's filter chips (each sets or clears its filter), then waits for the case's row alone. */
  const filterToTheCase = async (page: Page, filters: readonly string[], what: string) => {
    for (const filter of filters) await page.click(`[data-filter=${filter}]`);
    await eventually(
      () => row(page).count(),
      (n) => n === 1,
      what,
    );
  };

  it('assigns, records a visit and a measure, and the case turns from yellow to green', async () => {
    const page = await platform.newPage({ width: 1366, height: 900 });
    await signIn(page, platform.base, office);

    // The work list: the county's deadlines, the legend, the case by its head's name, yellow.
    const list = page.locator('[data-testid=worklist]');
    await list.locator('text=本县期限：1天内帮扶，2天内清零').waitFor();
    expect(await list.locator('.legend').innerText()).toContain('红');
    await filterToTheCase(page, ['yellow', 'unassigned'], 'the case among the yellow, unassigned ones');
    expect(await row(page).getAttribute('data-warning')).toBe('yellow');
    expect(await row(page).locator('.head').innerText()).toContain('罗文户');
    expect(await row(page).innerText()).toContain('未指派');
    expect(await row(page).innerText()).toContain('平台预警');
    await page.screenshot({ path: join(SHOTS, 'worklist-desktop.png'), fullPage: true });

    // The case page: its colour, its members by name, its opening on the timeline.
    await row(page).locator('a.button-link').click();
    const head = page.locator('[data-testid=case-head]');
    await head.waitFor();
    expect(await head.getAttribute('data-warning')).toBe('yellow');
    expect(await head.locator('h2').innerText()).toBe('罗文户');
    expect(await page.locator('[data-testid=members]').innerText()).toMatch(/罗文[\s\S]*罗小梅/);
    await page.locator('[data-entry=opened]').waitFor();

    // Assign: a name, and the caller's own account as the cadre's id (so "mine" finds it).
    const assign = page.locator('form[data-form=assign]');
    await assign.locator('input[name=assigneeName]').fill('张勇');
    await assign.locator('button.link-button').click();
    await assign.locator('button[type=submit]').click();
    await page.locator('[data-entry=assigned]').waitFor();
    expect(await page.locator('[data-testid=assignee]').innerText()).toBe('张勇');
    expect(await page.locator('[data-entry=assigned]').innerText()).toContain('张勇');

    // A home visit, now, that confirms the household is without work.
    const verify = page.locator('form[data-form=verify]');
    await verify.locator('input[name=method][value=home_visit]').check();
    await verify.locator('select[name=finding]').selectOption('confirmed');
    await verify.locator('textarea[name=note]').fill('入户了解，两人均在家待业，愿意外出务工');
    await verify.locator('button[type=submit]').click();
    const visit = page.locator('[data-entry=verified]');
    await visit.waitFor();
    expect(await visit.innerText()).toContain('基层核实 · 入户走访');
    expect(await visit.innerText()).toContain('确属零就业');

    // A visit dated before the case was found: refused, and said in Chinese next to its time.
    await verify.locator('input[name=visitedAt]').fill('2020-01-06T09:30');
    await verify.locator('button[type=submit]').click();
    const visitError = verify.locator('[data-field=visitedAt] .field-error');
    await visitError.waitFor();
    expect(await visitError.innerText()).toBe('不能早于发现零就业的时间');
    expect(await page.locator('[data-entry=verified]').count()).toBe(1);
    expect(await head.getAttribute('data-warning')).toBe('yellow');

    // A job recommendation for 罗文: three vacancies picked by title from her recommendations.
    const measure = page.locator('form[data-form=measure]');
    expect(await measure.locator('select[name=kind]').inputValue()).toBe('job_recommendation');
    const offers = measure.locator('label.offer');
    await offers.first().waitFor();
    const titles: string[] = [];
    for (let i = 0; i < 3; i++) {
      await offers.nth(i).locator('input[type=checkbox]').check();
      const title = await offers.nth(i).locator('.offer-title').innerText();
      const city = (await offers.nth(i).locator('.offer-meta').innerText()).split(' · ')[0];
      expect(title).toMatch(/\p{Script=Han}/u);
      titles.push(`${title}（${city}）`);
    }
    await measure.locator('input[name=takenBy]').fill('张勇');
    await measure.locator('button[type=submit]').click();

    await eventually(
      () => head.getAttribute('data-warning'),
      (w) => w === 'green',
      'the case to turn green',
    );
    const recommended = page.locator('[data-entry=measure]');
    await recommended.waitFor();
    const entry = await recommended.innerText();
    expect(entry).toContain('帮扶措施 · 岗位推荐');
    expect(entry).toContain('服务对象：罗文');
    expect(entry).toContain(`推荐岗位：${titles.join('、')}`);
    expect(await page.locator('[data-testid=measures]').innerText()).toBe('1项');
    // Newest first: the measure above the visit, the visit above the assignment.
    const order = await page
      .locator('[data-testid=timeline] li')
      .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-entry')));
    expect(order).toEqual(['measure', 'verified', 'assigned', 'opened']);
    await page.screenshot({ path: join(SHOTS, 'case-desktop.png'), fullPage: true });

    // Back on the list: green, and among "mine".
    await page.click('a.back');
    await filterToTheCase(page, ['yellow', 'unassigned', 'mine'], 'the case among mine');
    expect(await row(page).getAttribute('data-warning')).toBe('green');
    expect(await row(page).innerText()).toContain('张勇');
    // The last action is the measure, not the visit before it.
    expect(await row(page).innerText()).toContain('帮扶措施');
    expect(await row(page).innerText()).not.toContain('核实：');
    await page.screenshot({ path: join(SHOTS, 'worklist-after-desktop.png'), fullPage: true });
    const { items } = await platform.api<{ items: CaseItem[] }>(
      'GET',
      `/v1/counties/${COUNTY}/zero-employment-cases?assignee=me`,
      office,
    );
    expect(items.map((c) => c.caseId)).toEqual([caseId]);
    await page.context().close();
  });

  it('fits a phone 390 px wide: the work list first, every case whole, the case page in one column', async () => {
    const page = await platform.newPage({ width: 390, height: 844 });
    await signIn(page, platform.base, office);
    const list = page.locator('[data-testid=worklist]');
    await row(page).waitFor();
    // The work list starts on the first screen, under the figures (two small ones a row).
    expect((await list.boundingBox())!.y).toBeLessThan(844 - 100);
    expect(await overflowsRight(page)).toEqual([]);
    const button = row(page).locator('a.button-link');
    const box = (await button.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SHOTS, 'worklist-phone.png') });

    await button.click();
    await page.locator('[data-testid=case-head]').waitFor();
    await page.locator('[data-entry=measure]').waitFor();
    await page.locator('form[data-form=measure] label.offer').first().waitFor();
    expect(await overflowsRight(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'case-phone.png'), fullPage: true });
    await page.context().close();
  });

  it('lists the follow-ups due, and records a visit that moves the placement to its next one', async () => {
    const { api, tokens } = platform;
    // A member placed 40 days ago: the 1-month follow-up (稳岗回访) is due.
    const placed = await api<{ workerIds: string[] }>(
      'POST',
      '/v1/households',
      office,
      householdBody(COUNTY, [memberBody({ name: '罗三' })]),
    );
    const { vacancyId } = await postStationVacancy(platform);
    const startDate = new Date(Date.now() - 40 * 24 * 3600_000).toISOString().slice(0, 10);
    await api('POST', '/v1/placements', tokens.broker([COUNTY]), {
      workerId: placed.workerIds[0],
      vacancyId,
      startDate,
    });

    const page = await platform.newPage({ width: 1366, height: 900 });
    await signIn(page, platform.base, office);
    const panel = page.locator('[data-testid=follow-ups]');
    await eventually(
      async () => {
        await page.reload();
        await row(page).waitFor();
        return panel.locator('text=罗三').count();
      },
      (n) => n === 1,
      'the due follow-up on the panel',
    );
    expect(await panel.innerText()).toContain('1个月回访');
    // Due about ten days ago (a month after a start 40 days back): the panel says how late it is.
    expect(await panel.locator('[data-testid=overdue]').innerText()).toMatch(/^超期(9|10|11)天$/);
    await page.screenshot({ path: join(SHOTS, 'follow-ups-desktop.png'), fullPage: true });
    expect(await page.locator('.error-note').count()).toBe(0);
    await panel.locator('button.small-button').first().click();
    const form = panel.locator('form[data-form=follow-up]');
    await form.locator('select[name=outcome]').selectOption('still_employed');
    await form.locator('button[type=submit]').click();
    // Done for this month: the next (3 months) is not due yet, so it leaves the list.
    await eventually(
      () => panel.locator('text=罗三').count(),
      (n) => n === 0,
      'the follow-up leaving the list',
    );
    await page.context().close();
  });
});

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { householdBody, memberBody } from '../e2e/helpers/fixtures';
import {
  chromiumMissing,
  COUNTY,
  eventually,
  ROOT,
  signIn,
  postStationVacancy,
  startBrowserPlatform,
  type BrowserPlatform,
} from './harness';

/**
 * The county dashboard in a real browser against the real platform: demo seed on a temporary directory,
 * sign in as 西秀区's office, read the figures, place a worker through the API and watch the household's
 * case leave the work list live (no reload). `UPDATE_SCREENSHOT=1` saves docs/dashboard.png for the README.
 */

/** The README's screenshot is rewritten only on request, so a test run leaves the work tree clean. */
const SCREENSHOT = process.env.UPDATE_SCREENSHOT
  ? join(ROOT, 'docs/dashboard.png')
  : join(tmpdir(), 'dashboard.png');

jest.setTimeout(180_000);

(chromiumMissing ? describe.skip : describe)('county dashboard in a browser', () => {
  let platform: BrowserPlatform;
  let page: Page;

  beforeAll(async () => {
    platform = await startBrowserPlatform();
    page = await platform.newPage({ width: 1366, height: 900 });
  });

  afterAll(async () => {
    await platform?.close();
  });

  it('shows the seeded figures, then clears a case live when its worker is placed', async () => {
    const { api, tokens, base } = platform;
    const office = tokens.county(COUNTY);
    // A household of our own with one labour-capable member: a zero-employment case we can clear.
    const { householdId, workerIds } = await api<{ householdId: string; workerIds: string[] }>(
      'POST',
      '/v1/households',
      office,
      householdBody(COUNTY, [memberBody({ name: '王芳' })]),
    );
    const { vacancyId } = await postStationVacancy(platform);
    type Figures = {
      households: number;
      householdsWithLabour: number;
      zeroEmploymentHouseholds: number;
      employmentRate: number;
    };
    const figures = await eventually(
      () => api<Figures>('GET', `/v1/counties/${COUNTY}/employment`, office),
      (f) => f.households >= 100,
      'the seeded county figures',
    );
    await eventually(
      () =>
        api<{ items: { householdId: string }[] }>(
          'GET',
          `/v1/counties/${COUNTY}/zero-employment-cases?status=open&limit=200`,
          office,
        ),
      (r) => r.items.some((c) => c.householdId === householdId),
      'the new household’s case',
    );

    await signIn(page, base, office);
    const withLabour = page.locator('[data-figure=householdsWithLabour] .tile-value');
    await withLabour.waitFor();
    const current = await api<Figures>('GET', `/v1/counties/${COUNTY}/employment`, office);
    expect(await withLabour.innerText()).toBe(current.householdsWithLabour.toLocaleString('zh-CN'));
    expect(await page.locator('[data-figure=employmentRate] .tile-value').innerText()).toContain(
      '全省 96.9 %',
    );
    expect(figures.householdsWithLabour).toBeGreaterThan(0);

    const row = page.locator(`tr[data-household="${householdId}"]`);
    await row.waitFor();
    await page.locator('[data-live=live]').waitFor();
    await page.locator('canvas').first().waitFor();
    await page.evaluate(() => ((globalThis as unknown as { notReloaded: boolean }).notReloaded = true));
    const zeroBefore = Number(
      (await page.locator('[data-figure=zeroEmploymentHouseholds] .tile-value').innerText()).replace(
        /\D/g,
        '',
      ),
    );

    await api('POST', '/v1/placements', tokens.broker([COUNTY]), { workerId: workerIds[0], vacancyId });

    await row.waitFor({ state: 'detached', timeout: 15_000 });
    const zeroTile = page.locator('[data-figure=zeroEmploymentHouseholds] .tile-value');
    await eventually(
      async () => Number((await zeroTile.innerText()).replace(/\D/g, '')),
      (n) => n === zeroBefore - 1,
      'the zero-employment figure on the page to drop by one',
    );
    expect(await page.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );

    // The screenshot for the README: real seeded figures, charts drawn.
    await page.waitForTimeout(500);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('switches to English and remembers it', async () => {
    await page.click('button.lang');
    await page.locator('text=Households with labour').first().waitFor();
    await page.reload();
    await page.locator('text=Households with labour').first().waitFor();
    await page.locator('text=Zero-employment work list').waitFor();
    expect(
      await page.evaluate(() =>
        (
          globalThis as unknown as { localStorage: { getItem(k: string): string | null } }
        ).localStorage.getItem('dashboard.lang'),
      ),
    ).toBe('en');
  });
});

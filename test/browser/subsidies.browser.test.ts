import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { householdBody, memberBody, vacancyBody } from '../e2e/helpers/fixtures';
import {
  chromiumMissing,
  COUNTY,
  overflowsRight,
  signIn,
  startBrowserPlatform,
  type BrowserPlatform,
} from './harness';

/**
 * The county office's subsidy ledgers in a browser (issue 15): last month's public-welfare payroll drafted
 * from who held a post, confirmed once, then paid with its reference; the transport-subsidy ledger with its
 * totals. A screenshot in the temporary directory (subsidies.png) to look at.
 */
jest.setTimeout(180_000);

/** Last month in Guizhou (UTC+8), YYYY-MM. */
const lastMonth = () => {
  const now = new Date(Date.now() + 8 * 3_600_000);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
};

(chromiumMissing ? describe.skip : describe)('subsidy ledgers in a browser', () => {
  let platform: BrowserPlatform;

  beforeAll(async () => {
    platform = await startBrowserPlatform();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it('drafts last month’s public-welfare payroll by name, confirms it, records its payment', async () => {
    const office = platform.tokens.county(COUNTY);
    const month = lastMonth();
    const vacancy = await platform.api<{ vacancyId: string }>(
      'POST',
      '/v1/vacancies',
      office,
      vacancyBody({ type: 'public_welfare', id: COUNTY }),
    );
    const { workerIds } = await platform.api<{ workerIds: string[] }>(
      'POST',
      '/v1/households',
      office,
      householdBody(COUNTY, [memberBody({ name: '杨春花' })]),
    );
    await platform.api('POST', '/v1/placements', platform.tokens.broker([COUNTY]), {
      workerId: workerIds[0],
      vacancyId: vacancy.vacancyId,
      startDate: `${month}-10`,
    });

    const page = await platform.newPage({ width: 1366, height: 900 });
    await signIn(page, platform.base, office);
    await page.locator('a.nav-link', { hasText: '补贴台账' }).click();
    await page.locator('h2.area-name', { hasText: '补贴台账' }).waitFor();
    await page.locator('[data-testid=transport-totals]').waitFor();

    const status = page.locator('[data-testid=welfare-status]');
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('open');
    const row = page.locator('[data-testid=welfare-lines] tbody tr', { hasText: '杨春花' });
    await row.waitFor();
    const days = await row.locator('td').nth(1).textContent();
    expect(days).toMatch(/^\d+ \/ (28|29|30|31)$/);

    await page.locator('button', { hasText: '确认在岗名单' }).click();
    await page.locator('[data-testid=welfare-status][data-status=confirmed]').waitFor();
    await page.locator('.pay-form input').fill('GZNX-2026-0001');
    await page.locator('.pay-form button', { hasText: '登记发放' }).click();
    await page.locator('[data-testid=welfare-status][data-status=paid]').waitFor();
    expect(await page.locator('.all-clear').textContent()).toContain('GZNX-2026-0001');
    expect(await overflowsRight(page)).toEqual([]);
    await page.screenshot({ path: join(tmpdir(), 'subsidies.png'), fullPage: true });
    await page.context().close();

    // On a phone the transport ledger keeps its status column on the screen.
    const phone = await platform.newPage({ width: 390, height: 844 });
    await signIn(phone, platform.base, office);
    await phone.goto(`${platform.base}/subsidies`);
    const statusHeader = phone.locator('[data-testid=transport-subsidies] thead th').last();
    await statusHeader.waitFor();
    expect(await statusHeader.textContent()).toBe('状态');
    const box = (await statusHeader.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await overflowsRight(phone)).toEqual([]);
    await phone.screenshot({ path: join(tmpdir(), 'subsidies-phone.png'), fullPage: true });
    await phone.context().close();
  });
});

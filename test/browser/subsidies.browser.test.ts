import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { householdBody, memberBody, vacancyBody } from '../e2e/helpers/fixtures';
import {
  chromiumMissing,
  COUNTY,
  eventually,
  overflowsRight,
  postStationVacancy,
  signIn,
  startBrowserPlatform,
  type BrowserPlatform,
} from './harness';

/**
 * The county office's subsidy ledgers in a browser (issue 15): last month's public-welfare payroll drafted
 * from who held a post, confirmed once, then paid with its reference; the transport-subsidy ledger with its
 * totals; the transport subsidy claimed, approved and paid through the page, with the county's rates set
 * there, a refusal shown in Chinese and a rejection with its reason; the prefecture office reads it all and is
 * offered no button. Screenshots in the temporary directory (subsidies*.png, transport*.png) to look at.
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

    // On a phone the transport ledger keeps its status and action columns on the screen.
    const phone = await platform.newPage({ width: 390, height: 844 });
    await signIn(phone, platform.base, office);
    await phone.goto(`${platform.base}/subsidies`);
    const headers = phone.locator('[data-testid=transport-subsidies] thead th');
    await headers.last().waitFor();
    for (const [header, text] of [
      [headers.nth(-2), '状态'],
      [headers.last(), '办理'],
    ] as const) {
      expect(await header.textContent()).toBe(text);
      const box = (await header.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    expect(await overflowsRight(phone)).toEqual([]);
    await phone.screenshot({ path: join(tmpdir(), 'subsidies-phone.png'), fullPage: true });
    await phone.context().close();
  });

  interface Line {
    subsidyId: string;
    workerId: string;
    status: string;
  }

  /** Two workers of the county placed in Guangdong; their transport subsidies, once the monitor granted them. */
  async function twoEligible(names: [string, string]): Promise<Line[]> {
    const office = platform.tokens.county(COUNTY);
    const { vacancyId } = await postStationVacancy(platform);
    const { workerIds } = await platform.api<{ workerIds: string[] }>(
      'POST',
      '/v1/households',
      office,
      householdBody(COUNTY, [memberBody({ name: names[0] }), memberBody({ name: names[1], gender: 'male' })]),
    );
    for (const workerId of workerIds) {
      await platform.api('POST', '/v1/placements', platform.tokens.broker([COUNTY]), { workerId, vacancyId });
    }
    const ledger = await eventually(
      () =>
        platform.api<{ items: Line[] }>(
          'GET',
          `/v1/counties/${COUNTY}/transport-subsidies?status=eligible&limit=200`,
          office,
        ),
      (l) => workerIds.every((id) => l.items.some((i) => i.workerId === id)),
      'the monitor’s transport-subsidy grants',
    );
    return workerIds.map((id) => ledger.items.find((i) => i.workerId === id)!);
  }

  const rowOf = (page: Page, subsidyId: string) =>
    page.locator(`[data-testid=transport-subsidies] tbody tr[data-subsidy="${subsidyId}"]`);
  const statusOf = (page: Page, subsidyId: string, status: string) =>
    page.locator(`[data-testid=transport-subsidies] tr[data-subsidy="${subsidyId}"][data-status=${status}]`);

  it('claims, approves and pays a transport subsidy through the page, shows a refusal in Chinese, rejects with a reason', async () => {
    const office = platform.tokens.county(COUNTY);
    const [first, second] = await twoEligible(['龙秀兰', '吴国强']);

    const page = await platform.newPage({ width: 1366, height: 900 });
    await signIn(page, platform.base, office);
    await page.locator('a.nav-link', { hasText: '补贴台账' }).click();
    await page.locator('[data-testid=transport-totals]').waitFor();

    // The rates first: none set yet, so nothing could be approved. A box that is not whole yuan is refused here.
    const rates = page.locator('.rates-card');
    await rates.locator('button', { hasText: '修改补贴标准' }).click();
    await rates.locator('.rate-box[data-province="440000"] input').fill('500');
    await rates.locator('.rate-box[data-province="330000"] input').fill('六百');
    await rates.locator('button', { hasText: '保存补贴标准' }).click();
    expect(await rates.locator('.rate-box[data-province="330000"] .field-error').textContent()).toBe(
      '请填写整数金额（元）',
    );
    await rates.screenshot({ path: join(tmpdir(), 'transport-rates.png') });
    await rates.locator('.rate-box[data-province="330000"] input').fill('600');
    await rates.locator('button', { hasText: '保存补贴标准' }).click();
    await rates
      .locator('[data-testid=transport-rates] [data-province="440000"]', { hasText: '500' })
      .waitFor();

    const totals = page.locator('[data-testid=transport-totals]');
    const paidBefore = Number(await totals.getAttribute('data-paid-yuan'));

    // 申领: the travel date (today by default) and the province, chosen by its Chinese name.
    const row = rowOf(page, first.subsidyId);
    await row.locator('button', { hasText: '申领' }).click();
    const claim = page.locator('form[data-form=claim]');
    expect(await claim.locator('input[name=travelDate]').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await claim.locator('select[name=destinationProvince]').selectOption({ label: '广东省' });
    await claim.locator('button[type=submit]').click();
    await statusOf(page, first.subsidyId, 'claimed').waitFor();
    expect(await row.locator('td').nth(2).textContent()).toBe('广东省');

    // 审核: the amount the rates give is shown before approving.
    await row.locator('button', { hasText: '审核' }).click();
    const review = page.locator('form[data-form=review]');
    expect(await review.locator('[data-testid=approve-amount]').getAttribute('data-amount')).toBe('500');
    await review.getByRole('button', { name: '通过', exact: true }).click();
    await statusOf(page, first.subsidyId, 'approved').waitFor();
    expect(await row.locator('td.num').textContent()).toBe('500');

    // 发放: the amount approved is offered; another amount is the server's amount_mismatch, in Chinese, next to it.
    await row.locator('button', { hasText: '发放' }).click();
    const pay = page.locator('form[data-form=pay]');
    expect(await pay.locator('input[name=amount]').inputValue()).toBe('500');
    await pay.locator('input[name=amount]').fill('450');
    await pay.locator('input[name=reference]').fill('AS-2026-0101');
    await pay.locator('button[type=submit]').click();
    const mismatch = pay.locator('[data-field=amount] .field-error');
    await mismatch.waitFor();
    expect(await mismatch.textContent()).toContain('须等于核定金额（500 元）');
    expect(await pay.locator('input[name=reference]').inputValue()).toBe('AS-2026-0101');
    await pay.locator('input[name=amount]').fill('500');
    await pay.locator('button[type=submit]').click();
    await statusOf(page, first.subsidyId, 'paid').waitFor();
    expect(Number(await totals.getAttribute('data-paid-yuan'))).toBe(paidBefore + 500);
    expect(await row.locator('button').count()).toBe(0);

    // A claim someone else made meanwhile: 409 already_claimed, in Chinese, above what was typed.
    const other = rowOf(page, second.subsidyId);
    await other.locator('button', { hasText: '申领' }).click();
    const late = page.locator('form[data-form=claim]');
    await late.locator('select[name=destinationProvince]').selectOption({ label: '浙江省' });
    await platform.api('POST', `/v1/transport-subsidies/${second.subsidyId}/claims`, office, {
      travelDate: await late.locator('input[name=travelDate]').inputValue(),
      destinationProvince: '330000',
    });
    await late.locator('button[type=submit]').click();
    const refusal = late.locator('.form-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('不能重复申领');
    expect(await late.locator('select[name=destinationProvince]').inputValue()).toBe('330000');

    // The page read again: the claim is there to review; 不通过 needs its reason, which the ledger then shows.
    await page.reload();
    await other.locator('button', { hasText: '审核' }).click();
    const rejecting = page.locator('form[data-form=review]');
    expect(await rejecting.locator('[data-testid=approve-amount]').getAttribute('data-amount')).toBe('600');
    await rejecting.locator('button', { hasText: '不通过' }).click();
    await rejecting.locator('button', { hasText: '确认不通过' }).click();
    expect(await rejecting.locator('[data-field=reason] .field-error').textContent()).toBe('必填');
    await rejecting.locator('textarea[name=reason]').fill('出行日期与务工合同不符');
    await rejecting.locator('button', { hasText: '确认不通过' }).click();
    await statusOf(page, second.subsidyId, 'rejected').waitFor();
    await page.locator('tr.note-row', { hasText: '未通过：出行日期与务工合同不符' }).waitFor();
    await other.locator('button', { hasText: '重新申领' }).click();
    await page.locator('form[data-form=claim]').waitFor();
    expect(await overflowsRight(page)).toEqual([]);
    await page.screenshot({ path: join(tmpdir(), 'transport.png'), fullPage: true });
    await page.context().close();

    // On a phone: the form under its line, nothing past the right edge.
    const phone = await platform.newPage({ width: 390, height: 844 });
    await signIn(phone, platform.base, office);
    await phone.goto(`${platform.base}/subsidies`);
    await rowOf(phone, second.subsidyId).locator('button', { hasText: '重新申领' }).click();
    await phone.locator('form[data-form=claim]').waitFor();
    expect(await overflowsRight(phone)).toEqual([]);
    await phone
      .locator('form[data-form=claim]')
      .screenshot({ path: join(tmpdir(), 'transport-phone-form.png') });
    await phone.screenshot({ path: join(tmpdir(), 'transport-phone.png'), fullPage: true });
    await phone.locator('.rates-card button', { hasText: '修改补贴标准' }).click();
    expect(await overflowsRight(phone)).toEqual([]);
    await phone.locator('.rates-card').screenshot({ path: join(tmpdir(), 'transport-phone-rates.png') });
    await phone.context().close();
  });

  it('shows the prefecture office its counties’ ledgers and rates with no button to act', async () => {
    const [line] = await twoEligible(['田春梅', '杨正发']);
    const page = await platform.newPage({ width: 1366, height: 900 });
    await signIn(page, platform.base, platform.tokens.prefecture('520400'));
    await page.locator('a.nav-link', { hasText: '补贴台账' }).click();
    await page.locator('.county-choice select').selectOption(COUNTY);
    await rowOf(page, line.subsidyId).waitFor();
    await page.locator('.rates-card h2').waitFor();
    expect(await page.locator('[data-testid=transport-subsidies] th.actions').count()).toBe(0);
    expect(await page.locator('main button:not(.export-button)').count()).toBe(0);
    expect(await page.locator('[data-testid=welfare-status]').count()).toBe(0);
    await page.screenshot({ path: join(tmpdir(), 'transport-prefecture.png'), fullPage: true });
    await page.context().close();
  });
});

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chromiumMissing,
  COUNTY,
  overflowsRight,
  signIn,
  startBrowserPlatform,
  type BrowserPlatform,
} from './harness';

/**
 * The monthly report (月报) in a browser: the county office opens last month's draft, sends it with a remark,
 * corrects it with a reason (two versions listed, the chart has the month); the prefecture office sees which
 * counties sent, opens the county's report read only; on a 390 px phone nothing overflows. Screenshots in the
 * temporary directory (monthly-report*.png) to look at.
 */
jest.setTimeout(180_000);

(chromiumMissing ? describe.skip : describe)('the monthly report in a browser', () => {
  let platform: BrowserPlatform;

  beforeAll(async () => {
    platform = await startBrowserPlatform();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it('lets the county office send last month’s report and correct it, and the prefecture office read it', async () => {
    const page = await platform.newPage({ width: 1366, height: 900 });
    await signIn(page, platform.base, platform.tokens.county(COUNTY));
    await page.locator('a.nav-link', { hasText: '月报' }).click();
    await page.locator('[data-testid=report-status][data-status=draft]').waitFor();
    expect(await page.locator('[data-testid=report-status]').textContent()).toBe('未报送（草稿）');
    const zero = page.locator('[data-testid=report-figures] tr[data-figure=zeroEmploymentHouseholds] td');
    expect(await zero.first().textContent()).toBe('零就业户数');
    expect(await page.locator('[data-testid=report-activity]').textContent()).toContain('新增安置就业');

    await page.locator('[data-testid=send-report] textarea').fill('上月零就业户已全部动态清零');
    await page.locator('[data-testid=send-report] button', { hasText: '报送月报' }).click();
    await page.locator('[data-testid=report-status][data-status=sent]').waitFor();
    expect(await page.locator('[data-testid=report-status]').textContent()).toMatch(/^已报送（第 1 版，/);
    expect(await page.locator('.report-note').textContent()).toBe('上月零就业户已全部动态清零');

    // A correction needs its reason: the button stays disabled until it is given.
    const correct = page.locator('[data-testid=send-report] button', { hasText: '更正并重新报送' });
    expect(await correct.isDisabled()).toBe(true);
    await page.locator('[data-testid=send-report] input').fill('补录上月末公益性岗位在岗人员');
    await correct.click();
    await page.locator('[data-testid=report-revisions] li').nth(1).waitFor();
    expect(await page.locator('[data-testid=report-revisions] li').allTextContents()).toEqual([
      expect.stringMatching(/^第 1 版 · .* · 上月零就业户已全部动态清零$/),
      expect.stringMatching(/^第 2 版 · .* · 更正原因：补录上月末公益性岗位在岗人员$/),
    ]);
    await page.reload();
    const chart = page.locator('[data-testid=report-history]');
    await chart.waitFor();
    const month = (await page.locator('[data-testid=report-month]').inputValue()) as string;
    expect(await chart.getAttribute('data-months')).toBe(month);
    expect(await overflowsRight(page)).toEqual([]);
    await page.screenshot({ path: join(tmpdir(), 'monthly-report.png'), fullPage: true });
    await page.context().close();

    const prefecture = await platform.newPage({ width: 390, height: 844 });
    await signIn(prefecture, platform.base, platform.tokens.prefecture('520400'));
    await prefecture.locator('a.nav-link', { hasText: '月报' }).click();
    const rows = prefecture.locator('[data-testid=prefecture-reports] tbody tr');
    await rows.first().waitFor();
    expect(await prefecture.locator('[data-testid=prefecture-sent]').textContent()).toMatch(
      /^已报送 1 \/ \d+$/,
    );
    const sent = prefecture.locator('[data-testid=prefecture-reports] tr[data-status=sent]');
    expect(await sent.locator('td').first().textContent()).toBe('西秀区');
    expect(
      await prefecture
        .locator('[data-testid=prefecture-reports] tr[data-status=not_sent] td')
        .nth(1)
        .textContent(),
    ).toBe('未报送');
    expect(await overflowsRight(prefecture)).toEqual([]);
    await prefecture.screenshot({ path: join(tmpdir(), 'monthly-report-prefecture.png'), fullPage: true });
    await sent.locator('a').click();
    await prefecture.locator('[data-testid=report-status][data-status=sent]').waitFor();
    expect(await prefecture.locator('[data-testid=send-report]').count()).toBe(0);
    expect(await overflowsRight(prefecture)).toEqual([]);
    await prefecture.screenshot({ path: join(tmpdir(), 'monthly-report-phone.png'), fullPage: true });
    await prefecture.context().close();
  });
});

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { householdBody, memberBody } from '../e2e/helpers/fixtures';
import {
  chromiumMissing,
  COUNTY,
  eventually,
  overflowsRight,
  ROOT,
  signIn,
  startBrowserPlatform,
  type BrowserPlatform,
} from './harness';

/**
 * The county dashboard on a phone (390×844, as a cadre holds it in the field) and the province view as an
 * official sees it. `UPDATE_SCREENSHOT=1` saves docs/dashboard-phone.png and docs/dashboard-province.png.
 */
const shot = (name: string) =>
  process.env.UPDATE_SCREENSHOT ? join(ROOT, 'docs', name) : join(tmpdir(), name);

jest.setTimeout(180_000);

(chromiumMissing ? describe.skip : describe)('dashboard on a phone and for the province', () => {
  let platform: BrowserPlatform;

  beforeAll(async () => {
    platform = await startBrowserPlatform();
  });

  afterAll(async () => {
    await platform?.close();
  });

  it('fits the county dashboard in 390 px: figures two a row, each case with its action, nothing cut off', async () => {
    // A zero-employment household of our own, so the work list has a case whatever the demo's state today.
    const office = platform.tokens.county(COUNTY);
    const { householdId } = await platform.api<{ householdId: string }>(
      'POST',
      '/v1/households',
      office,
      householdBody(COUNTY, [memberBody({ name: '王芳' })]),
    );
    await eventually(
      () =>
        platform.api<{ items: { householdId: string }[] }>(
          'GET',
          `/v1/counties/${COUNTY}/zero-employment-cases?status=open&limit=200`,
          office,
        ),
      (r) => r.items.some((c) => c.householdId === householdId),
      'the new household’s case',
    );
    const page = await platform.newPage({ width: 390, height: 844 });
    await signIn(page, platform.base, office);
    const firstCase = page.locator('[data-testid=cases] tbody tr').first();
    await firstCase.waitFor();
    await page.locator('canvas').first().waitFor();
    await page.waitForTimeout(500);

    const widths = await page.evaluate(
      '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
    );
    const { scroll, client } = widths as { scroll: number; client: number };
    expect(client).toBe(390);
    expect(scroll).toBeLessThanOrEqual(client);
    expect(await overflowsRight(page)).toEqual([]);

    // Figures: two a row, so the four kinds of household take two rows, not four.
    const tiles = await page.locator('[data-figure]').evaluateAll((els) =>
      els.map((el) => {
        const box = (
          el as unknown as { getBoundingClientRect(): { top: number; left: number } }
        ).getBoundingClientRect();
        return { top: Math.round(box.top), left: Math.round(box.left) };
      }),
    );
    expect(tiles.length).toBeGreaterThanOrEqual(4);
    expect(tiles[1].top).toBe(tiles[0].top);
    expect(tiles[1].left).toBeGreaterThan(tiles[0].left);
    expect(tiles[2].top).toBeGreaterThan(tiles[0].top);

    // The case list is cards here, and each keeps its way into the case, whole on the screen.
    const action = firstCase.locator('td.action-col a.button-link');
    expect(await action.isVisible()).toBe(true);
    const box = (await action.boundingBox())!;
    expect(box.width).toBeGreaterThan(0);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);

    await page.screenshot({ path: shot('dashboard-phone.png'), fullPage: true });
    await page.context().close();
  });

  it('shows the province view with its prefectures side by side', async () => {
    const page = await platform.newPage({ width: 1366, height: 900 });
    await signIn(page, platform.base, platform.tokens.admin());
    await page.locator('h2.area-name[data-area="520000"]').waitFor();
    await page.locator('[data-figure=householdsWithLabour]').waitFor();
    await page.locator('canvas').first().waitFor();
    await page.waitForTimeout(800);
    expect(await overflowsRight(page)).toEqual([]);
    await page.screenshot({ path: shot('dashboard-province.png'), fullPage: true });
    await page.context().close();
  });

  it('shows Guizhou on a map: prefectures coloured, a click opens a prefecture, its counties at their seats, a click opens a county', async () => {
    const page = await platform.newPage({ width: 1366, height: 900 });
    await signIn(page, platform.base, platform.tokens.admin());
    await page.locator('h2.area-name[data-area="520000"]').waitFor();
    const drawn = async (count: number) => {
      const map = page.locator('[data-testid=guizhou-map] .chart');
      await map.waitFor();
      let areas: { code: string; x: number; y: number }[] = [];
      for (let i = 0; i < 50 && areas.length !== count; i++) {
        areas = JSON.parse((await map.getAttribute('data-areas')) ?? '[]') as typeof areas;
        if (areas.length !== count) await page.waitForTimeout(100);
      }
      return { map, areas };
    };

    // The province: its nine prefectures, each drawn inside the map's box.
    const province = await drawn(9);
    expect(province.areas.map((a) => a.code).sort()).toEqual([
      '520100',
      '520200',
      '520300',
      '520400',
      '520500',
      '520600',
      '522300',
      '522600',
      '522700',
    ]);
    const box = (await province.map.boundingBox())!;
    for (const a of province.areas) {
      expect(a.x).toBeGreaterThan(0);
      expect(a.x).toBeLessThan(box.width);
      expect(a.y).toBeGreaterThan(0);
      expect(a.y).toBeLessThan(box.height);
    }
    expect(await page.locator('.map-source').textContent()).toContain('Apache-2.0');
    await page.waitForTimeout(500);
    await page.locator('.map-panel').screenshot({ path: shot('dashboard-province-map.png') });

    // A click on 安顺市 opens Anshun's view, whose map marks its six counties.
    const anshun = province.areas.find((a) => a.code === '520400')!;
    await province.map.click({ position: { x: anshun.x, y: anshun.y } });
    await page.locator('h2.area-name[data-area="520400"]').waitFor();
    expect(new URL(page.url()).pathname).toBe('/county/520400');
    const prefecture = await drawn(6);
    expect(prefecture.areas.map((a) => a.code).sort()).toEqual([
      '520402',
      '520403',
      '520422',
      '520423',
      '520424',
      '520425',
    ]);
    await page.waitForTimeout(500);
    await page.locator('.map-panel').screenshot({ path: shot('dashboard-prefecture-map.png') });

    // A click on 西秀区's point opens the county's dashboard.
    const xixiu = prefecture.areas.find((a) => a.code === '520402')!;
    await prefecture.map.click({ position: { x: xixiu.x, y: xixiu.y } });
    await page.locator('h2.area-name[data-area="520402"]').waitFor();
    expect(new URL(page.url()).pathname).toBe('/county/520402');
    await page.context().close();

    // On a phone the map fits the screen's width.
    const phone = await platform.newPage({ width: 390, height: 844 });
    await signIn(phone, platform.base, platform.tokens.admin());
    await phone.locator('[data-testid=guizhou-map] canvas').waitFor();
    await phone.waitForTimeout(300);
    expect(await overflowsRight(phone)).toEqual([]);
    const mapBox = (await phone.locator('[data-testid=guizhou-map]').boundingBox())!;
    expect(mapBox.x + mapBox.width).toBeLessThanOrEqual(390);
    await phone.context().close();
  });

  it('gives a prefecture office its prefecture and its counties to read: cases to view, no forms, no search', async () => {
    const office = platform.tokens.county(COUNTY);
    const { householdId } = await platform.api<{ householdId: string }>(
      'POST',
      '/v1/households',
      office,
      householdBody(COUNTY, [memberBody({ name: '王秀英' })]),
    );
    const { items } = await eventually(
      () =>
        platform.api<{ items: { householdId: string; caseId: string }[] }>(
          'GET',
          `/v1/counties/${COUNTY}/zero-employment-cases?status=open&limit=200`,
          office,
        ),
      (r) => r.items.some((c) => c.householdId === householdId),
      'the new household’s case',
    );
    const caseId = items.find((c) => c.householdId === householdId)!.caseId;

    const page = await platform.newPage({ width: 1366, height: 900 });
    await signIn(page, platform.base, platform.tokens.prefecture('520400'));
    await page.locator('h2.area-name[data-area="520400"]').waitFor();
    // Its own prefecture only: the province is not offered, and an address elsewhere shows its prefecture.
    const prefectures = await page.locator('.area-picker select').first().locator('option').allTextContents();
    expect(prefectures).toEqual(['安顺市']);
    expect(await page.locator('.tools input').count()).toBe(0);
    await page.locator('[data-testid=guizhou-map] canvas').waitFor();

    await page.goto(`${platform.base}/county/${COUNTY}`);
    await page.locator('h2.area-name[data-area="520402"]').waitFor();
    const row = page.locator('[data-testid=cases] tbody tr').first();
    await row.waitFor();
    expect(await row.locator('td.action-col a.button-link').textContent()).toBe('查看');
    expect(await page.locator('[data-live]').count()).toBe(0);

    await page.goto(`${platform.base}/county/${COUNTY}/case/${encodeURIComponent(caseId)}`);
    await page.locator('[data-testid=watch-only]').waitFor();
    expect(await page.locator('.case-forms form').count()).toBe(0);
    // Phones are on the household's page, for those who answer for it: no link there.
    expect(await page.locator('.household-link').count()).toBe(0);
    expect(await page.locator('.case-members').textContent()).toContain('王秀英');

    await page.goto(`${platform.base}/county/520524`);
    await page.locator('h2.area-name[data-area="520400"]').waitFor();
    await page.context().close();
  });

  it('says there is nothing to compare when the prefectures are out of scope, instead of empty axes', async () => {
    const page = await platform.newPage({ width: 1366, height: 900 });
    await signIn(page, platform.base, platform.tokens.broker('all'));
    await page.locator('h2.area-name[data-area="520000"]').waitFor();
    await page.locator('[data-testid=nothing-to-compare]').waitFor();
    // The map still shows the province, every prefecture grey (no figures in scope), none green.
    await page.locator('[data-testid=guizhou-map] canvas').waitFor();
    await page.waitForTimeout(500);
    await page.locator('.map-panel').screenshot({ path: join(tmpdir(), 'map-out-of-scope.png') });
    await page.context().close();
  });
});

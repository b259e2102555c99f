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

  it('says there is nothing to compare when the prefectures are out of scope, instead of empty axes', async () => {
    const page = await platform.newPage({ width: 1366, height: 900 });
    await signIn(page, platform.base, platform.tokens.broker('all'));
    await page.locator('h2.area-name[data-area="520000"]').waitFor();
    await page.locator('[data-testid=nothing-to-compare]').waitFor();
    await page.context().close();
  });
});

import type { Page } from 'playwright-core';
import {
  chromiumMissing,
  COUNTY,
  signIn,
  startBrowserPlatform,
  type BrowserPlatform,
} from '../browser/harness';

/**
 * The sign-in page in a real browser against the real platform: it asks the platform for nothing before a
 * token is pasted (no token is ever served over HTTP), says where the tokens are, and signs in with one.
 */
jest.setTimeout(180_000);

(chromiumMissing ? describe.skip : describe)('sign-in page', () => {
  let platform: BrowserPlatform;
  let page: Page;
  const answers: { url: string; status: number }[] = [];

  beforeAll(async () => {
    platform = await startBrowserPlatform();
    page = await platform.newPage({ width: 390, height: 844 });
    page.on('response', (res) => answers.push({ url: res.url(), status: res.status() }));
  });

  afterAll(async () => {
    await platform?.close();
  });

  it('loads without a failed request or an API call, and says where the tokens are', async () => {
    await page.goto(platform.base + '/');
    await page.waitForSelector('#token');
    await page.waitForLoadState('networkidle');
    expect(answers.filter((a) => a.status >= 400)).toEqual([]);
    expect(answers.filter((a) => new URL(a.url).pathname.startsWith('/v1/'))).toEqual([]);
    const help = await page.textContent('main.sign-in');
    expect(help).toContain('npm start');
    expect(help).toContain('npm run -s token -- --role county_office --county 520402');
    expect(help).toContain('export TOKEN_COUNTY=');
    // At 390 px nothing widens the page: the commands wrap inside the card.
    const widths = (await page.evaluate(
      '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
    )) as { scroll: number; client: number };
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  });

  it('signs in with a pasted county-office token, and every answer after it is found', async () => {
    answers.length = 0;
    await signIn(page, platform.base, platform.tokens.county(COUNTY));
    await page.waitForSelector('main:not(.sign-in)');
    await page.waitForLoadState('networkidle');
    expect(answers.some((a) => new URL(a.url).pathname.startsWith('/v1/counties/'))).toBe(true);
    expect(answers.filter((a) => a.status === 404)).toEqual([]);
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { relocationSitesOf } from '@seeds/relocation-sites';
import { householdBody, idNumber, labourStationBody, memberBody, vacancyBody } from '../e2e/helpers/fixtures';
import {
  chromiumMissing,
  COUNTY,
  eventually,
  overflowsRight,
  signIn,
  startBrowserPlatform,
  type BrowserPlatform,
} from './harness';

/**
 * People and jobs as a county office sees them (issue 17): a household found by the pinyin initials of its
 * head, its members by name with their phones, the jobs recommended to them by title and employer, the
 * vacancy's detail, and the case list downloaded as an .xlsx with Chinese headers; no page shows a UUID, and
 * on a phone nothing reaches past the right edge. Screenshots in the temporary directory (people-*.png), to
 * look at: a page is judged by what a county official sees.
 */
jest.setTimeout(240_000);

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/i;
const HEAD = '欧阳雪梅';
const CHILD = '欧阳青';
const EMPLOYER = '东莞市长安镇恒丰制衣有限公司';

/**
 * A valid 统一社会信用代码 of its own (one employer per code), from the test's start time: the organisation
 * code's GB 11714 check (weights 3 7 9 10 5 8 4 2, mod 11) and GB 32100-2015's check character over the first
 * 17 (weights 3^i mod 31), written out so the test checks the register's rules rather than borrowing them.
 */
function freshCreditCode(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const organisation = `MA${String(Date.now()).slice(-6)}`;
  const orgWeights = [3, 7, 9, 10, 5, 8, 4, 2];
  const orgSum = [...organisation].reduce((sum, c, i) => sum + parseInt(c, 36) * orgWeights[i], 0);
  const orgCheck = 11 - (orgSum % 11);
  const body = `91441900${organisation}${orgCheck === 10 ? 'X' : orgCheck === 11 ? '0' : String(orgCheck)}`;
  let sum = 0;
  for (let i = 0, weight = 1; i < 17; i++, weight = (weight * 3) % 31) {
    sum += alphabet.indexOf(body[i]) * weight;
  }
  return body + alphabet[(31 - (sum % 31)) % 31];
}

/** A ledger as a county office types it: the template's Chinese headers, one member a row. */
async function ledger(rows: readonly Record<string, string | number>[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('家庭成员');
  const headers = ['户编号', '姓名', '公民身份号码', '劳动能力', '就业意愿', '安置点', '手机号码'];
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(headers.map((h) => row[h] ?? null));
  return Buffer.from(await book.xlsx.writeBuffer());
}

const pageText = (page: Page): Promise<string> => page.innerText('body');
const shot = (name: string) => join(tmpdir(), name);

(chromiumMissing ? describe.skip : describe)('people and jobs in a browser', () => {
  let platform: BrowserPlatform;
  let householdId: string;
  let vacancyId: string;
  const downloads = mkdtempSync(join(tmpdir(), 'people-and-jobs-'));

  beforeAll(async () => {
    platform = await startBrowserPlatform();
    const { api, tokens } = platform;
    const office = tokens.county(COUNTY);
    // A vacancy of a registered employer with board and lodging, a sewing job our household's head fits.
    const { employerId } = await api<{ employerId: string }>('POST', '/v1/employers', office, {
      name: EMPLOYER,
      creditCode: freshCreditCode(),
      industry: '纺织服装',
      province: '广东省',
      city: '东莞市',
      contact: { name: '陈经理', phone: '0769-85531234' },
    });
    const { stationId } = await api<{ stationId: string }>(
      'POST',
      '/v1/labour-stations',
      tokens.admin(),
      labourStationBody(),
    );
    ({ vacancyId } = await api<{ vacancyId: string }>(
      'POST',
      '/v1/vacancies',
      tokens.station(stationId),
      vacancyBody(
        { type: 'labour_station', id: stationId },
        {
          title: '平车缝纫工',
          employerId,
          location: { province: '广东省', city: '东莞市', countyCode: '441900' },
          wage: { min: 5200, max: 7000, period: 'month' },
          accommodation: true,
          meals: true,
          workingHours: '每天8小时，月休4天',
          contractTerms: '一年一签',
          socialInsurance: 'five_insurances_one_fund',
          description: '流水线平车缝纫，提供岗前培训。',
          contact: { name: '陈经理', phone: '0769-85531234' },
        },
      ),
    ));
    ({ householdId } = await api<{ householdId: string }>('POST', '/v1/households', office, {
      ...householdBody(COUNTY, [
        memberBody({ name: HEAD, phone: '13912345678', relationToHead: 'head' }),
        memberBody({ name: CHILD, gender: 'male', birthYear: 2002, relationToHead: 'child' }),
      ]),
      address: '3栋2单元501',
    }));
    // The search index, the recommendations and the case list each follow the log on their own.
    await eventually(
      () => api<{ items: { householdId: string }[] }>('GET', '/v1/households?q=oyxm', office),
      (r) => r.items.some((h) => h.householdId === householdId),
      'the household in the search',
    );
    await eventually(
      () =>
        api<{ items: { vacancyId: string }[] }>(
          'GET',
          `/v1/workers/${encodeURIComponent(`${householdId}.1`)}/recommendations?limit=10`,
          office,
        ),
      (r) => r.items.some((v) => v.vacancyId === vacancyId),
      'the new vacancy among the head’s recommendations',
    );
    await eventually(
      () =>
        api<{ items: { householdId: string }[] }>(
          'GET',
          `/v1/counties/${COUNTY}/zero-employment-cases?status=open&limit=200`,
          office,
        ),
      (r) => r.items.some((c) => c.householdId === householdId),
      'the household’s case',
    );
  });

  afterAll(async () => {
    await platform?.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  it('finds a household by pinyin initials, shows its people and their jobs, and downloads the cases as .xlsx', async () => {
    const page = await platform.newPage({ width: 1366, height: 900 });
    await signIn(page, platform.base, platform.tokens.county(COUNTY));
    await page.locator('[data-testid=worklist]').waitFor();

    // The search: pinyin initials of the head's name.
    await page.fill('#search-q', 'oyxm');
    await page.press('#search-q', 'Enter');
    const hit = page.locator(`[data-testid=household-hits] li[data-household="${householdId}"]`);
    await hit.waitFor();
    expect(await hit.innerText()).toContain(`${HEAD}户`);
    expect(await hit.innerText()).toContain('彩虹社区');
    expect(await hit.innerText()).toContain('3栋2单元501');
    expect(await pageText(page)).not.toMatch(UUID);

    // The household: members by name, the head's phone to call, the jobs for her by title and employer.
    await hit.locator('a.hit-name').click();
    const members = page.locator('[data-testid=members]');
    await members.waitFor();
    const head = members.locator(`li[data-worker="${householdId}.1"]`);
    expect(await head.locator('.member-name').innerText()).toBe(HEAD);
    expect(await members.innerText()).toContain(CHILD);
    expect(await head.locator('a[href^="tel:"]').getAttribute('href')).toBe('tel:13912345678');
    // The three best first, as the "131" service offers them; the rest on request.
    await head.locator('[data-testid=recommendations]').waitFor();
    const showAll = head.locator('button.show-all');
    if (await showAll.count()) await showAll.click();
    const job = head.locator(`[data-testid=recommendations] li[data-vacancy="${vacancyId}"]`);
    await job.waitFor();
    const jobText = await job.innerText();
    expect(jobText).toContain('平车缝纫工');
    expect(jobText).toContain(EMPLOYER);
    expect(jobText).toContain('东莞市');
    expect(jobText).toContain('包吃住');
    expect(await pageText(page)).not.toMatch(UUID);
    await page.screenshot({ path: shot('people-household.png'), fullPage: true });

    // The vacancy: its employer and the terms a worker asks about.
    await job.locator('a.job-title').click();
    const facts = page.locator('dl.vacancy-facts');
    await facts.waitFor();
    const detail = await facts.innerText();
    for (const text of [EMPLOYER, '每天8小时，月休4天', '一年一签', '五险一金', '包吃住', '陈经理']) {
      expect(detail).toContain(text);
    }
    expect(await pageText(page)).not.toMatch(UUID);

    // The case list as a sheet, through the bearer token.
    await page.goto(`${platform.base}/county/${COUNTY}`);
    const worklist = page.locator('[data-testid=worklist]');
    await worklist.locator(`tr[data-household="${householdId}"]`).waitFor();
    expect(await pageText(page)).not.toMatch(UUID);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      worklist.locator('button[data-export]').click(),
    ]);
    const file = join(downloads, 'cases.xlsx');
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).filter((v) => typeof v === 'string') as string[];
    expect(headers.length).toBeGreaterThan(2);
    expect(headers.every((h) => /[\u4e00-\u9fff]/.test(h))).toBe(true);
    expect(sheet.rowCount).toBeGreaterThan(1);
    const cells = sheet
      .getSheetValues()
      .flatMap((row) => (Array.isArray(row) ? row : []))
      .map((v) => String(v ?? ''));
    expect(cells.some((v) => v.includes(HEAD))).toBe(true);
    await page.context().close();
  });

  it('fits the search, the household and the vacancy on a phone, 390 px wide', async () => {
    const page = await platform.newPage({ width: 390, height: 844 });
    await signIn(page, platform.base, platform.tokens.county(COUNTY));
    await page.locator('[data-testid=worklist]').waitFor();
    const visits: [string, string, string][] = [
      ['search', '/search?q=oyxm', `li[data-household="${householdId}"]`],
      ['household', `/household/${householdId}`, '[data-testid=recommendations] li'],
      ['vacancy', `/vacancy/${vacancyId}`, 'dl.vacancy-facts'],
    ];
    for (const [name, path, ready] of visits) {
      await page.goto(platform.base + path);
      await page.locator(ready).first().waitFor();
      await page.screenshot({ path: shot(`people-${name}-phone.png`), fullPage: true });
      expect({ name, overflow: await overflowsRight(page) }).toEqual({ name, overflow: [] });
      expect(await pageText(page)).not.toMatch(UUID);
    }
    await page.context().close();
  });

  it('imports a ledger on the import page: the template, the upload, the rows refused and why', async () => {
    const page = await platform.newPage({ width: 1366, height: 900 });
    await signIn(page, platform.base, platform.tokens.county(COUNTY));
    await page.locator('[data-testid=worklist]').waitFor();
    await page.locator('a.nav-link', { hasText: '导入台账' }).click();

    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button[data-export]').click(),
    ]);
    const templateFile = join(downloads, 'template.xlsx');
    await template.saveAs(templateFile);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(templateFile) as unknown as ExcelJS.Buffer);
    expect(book.worksheets[0].getRow(1).values).toContain('姓名');

    // Two households: the first whole, the second with a phone that is no mobile number.
    const site = relocationSitesOf(COUNTY)[0].name;
    const row = (household: number, name: string, phone?: string) => ({
      户编号: household,
      姓名: name,
      公民身份号码: idNumber(1985),
      劳动能力: '全劳动力',
      就业意愿: '省外务工',
      安置点: site,
      ...(phone ? { 手机号码: phone } : {}),
    });
    const file = await ledger([row(1, '龙国芬', '13700001111'), row(1, '龙小飞'), row(2, '杨再兴', '12345')]);
    await page.setInputFiles('input[type=file]', {
      name: '西秀区台账.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    await page.locator('input[name=mode][value=valid_rows]').check();
    await page.locator('form.import-form button[type=submit]').click();
    const result = page.locator('[data-testid=import-result]');
    await result.waitFor();
    expect(await result.innerText()).toContain('已导入 1 户');
    const refused = await page.locator('[data-testid=rejected] tbody tr').allInnerTexts();
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatch(/^4\s+手机号码\s+\S/);
    expect(await pageText(page)).not.toMatch(UUID);
    await page.screenshot({ path: shot('people-import.png'), fullPage: true });
    await page.context().close();
  });
});

/**
 * `?format=xlsx` on the lists through HTTP: the whole list as a sheet a county office can print (Chinese
 * headers, dates as Excel dates, the same scope as the JSON list), with a Chinese file name.
 */
import ExcelJS from 'exceljs';
import { COUNTY, OTHER_COUNTY, bearer, householdBody, memberBody } from './helpers/fixtures';
import { postStationVacancy, registerHousehold, registerStation } from './helpers/requests';
import { startTestApp, type TestApp } from './helpers/start-test-app';
import { binary, firstSheet, XLSX } from './helpers/sheets';

const headerOf = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);

describe('lists as .xlsx', () => {
  let t: TestApp;
  let office: string;

  beforeAll(async () => {
    t = await startTestApp();
    office = t.tokens.county(COUNTY);
  });
  afterAll(() => t.close());

  const sheetRequest = (path: string, token = office) =>
    t.http.get(path).set(bearer(token)).buffer(true).parse(binary);

  it('gives the zero-employment cases with Chinese headers, names and real date cells', async () => {
    const names = ['王秀英', '李明', '张桂兰'];
    for (const name of names) {
      await t.http
        .post('/v1/households')
        .set(bearer(office))
        .send(householdBody(COUNTY, [memberBody({ name })]))
        .expect(201);
    }
    // The monitor opens each case a moment after the registration.
    let total = 0;
    for (let i = 0; i < 100 && total < names.length; i++) {
      const res = await t.http
        .get(`/v1/counties/${COUNTY}/zero-employment-cases?limit=1`)
        .set(bearer(office))
        .expect(200);
      total = res.body.total as number;
      if (total < names.length) await new Promise((r) => setTimeout(r, 50));
    }
    expect(total).toBe(names.length);

    // limit=1 is a page of the JSON list; the sheet has the whole list.
    const res = await sheetRequest(`/v1/counties/${COUNTY}/zero-employment-cases?format=xlsx&limit=1`).expect(
      200,
    );
    expect(res.headers['content-type']).toContain(XLSX);
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('零就业家庭.xlsx')}`,
    );
    const sheet = await firstSheet(res.body as Buffer);
    const header = headerOf(sheet);
    expect(header).toEqual(expect.arrayContaining(['户主', '安置点', '预警', '发现时间', '清零期限']));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.rowCount).toBe(1 + names.length);
    const column = (title: string) => header.indexOf(title) + 1;
    const heads = [2, 3, 4].map((r) => sheet.getRow(r).getCell(column('户主')).value);
    expect(heads.sort()).toEqual([...names].sort());
    const opened = sheet.getRow(2).getCell(column('发现时间')).value;
    expect(opened).toBeInstanceOf(Date);
    // Beijing time: the cell reads 8 hours ahead of the UTC instant, within the test's minutes.
    const shiftMs = (opened as Date).getTime() - Date.now();
    expect(Math.abs(shiftMs - 8 * 3600 * 1000)).toBeLessThan(10 * 60 * 1000);
    expect(sheet.getRow(2).getCell(column('预警')).value).toMatch(/^[红黄绿]$/);
    expect(sheet.getRow(2).getCell(column('安置点')).value).toBe('彩虹社区');
  });

  it('gives the households with the JSON list’s personal-data rules: whole names to the office, masked to the admin', async () => {
    const registered = await t.http
      .post('/v1/households')
      .set(bearer(office))
      .send(householdBody(COUNTY, [memberBody({ name: '杨国强', relationToHead: 'head' })]))
      .expect(201);
    const path = `/v1/households?countyCode=${COUNTY}&format=xlsx`;
    const read = (token: string) =>
      sheetRequest(path, token).set('X-Min-Position', registered.body.position).expect(200);
    const ofOffice = await firstSheet((await read(office)).body as Buffer);
    expect(headerOf(ofOffice)).toEqual(['户主', '安置点', '住址', '家庭人数', '就业人数', '就业状况']);
    const heads = ofOffice.getColumn(1).values.slice(2);
    expect(heads).toContain('杨国强');
    expect(ofOffice.rowCount).toBeGreaterThanOrEqual(4);
    const ofAdmin = await firstSheet((await read(t.tokens.admin())).body as Buffer);
    expect(ofAdmin.getColumn(1).values.slice(2)).toContain('杨*强');
    expect(ofAdmin.getColumn(1).values.slice(2)).not.toContain('杨国强');
  });

  it('gives the cases and follow-ups with the JSON lists’ personal-data rules: whole to the office, masked to the admin', async () => {
    const { workerIds } = await registerHousehold(
      t,
      office,
      householdBody(COUNTY, [memberBody({ name: '周建华' })]),
    );
    const stationId = await registerStation(t);
    const vacancyId = await postStationVacancy(t, stationId);
    // Placed 40 days ago: its 1-month follow-up is due. The placement also clears the household's case.
    const startDate = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    const placed = await t.http
      .post('/v1/placements')
      .set(bearer(t.tokens.broker([COUNTY])))
      .send({ workerId: workerIds[0], vacancyId, startDate })
      .expect(201);
    const position = placed.body.position as string;
    const namesIn = async (path: string, token: string, title: string) => {
      const res = await sheetRequest(path, token).set('X-Min-Position', position).expect(200);
      const sheet = await firstSheet(res.body as Buffer);
      return sheet.getColumn(headerOf(sheet).indexOf(title) + 1).values.slice(2);
    };

    const followUps = `/v1/counties/${COUNTY}/follow-ups?format=xlsx`;
    expect(await namesIn(followUps, office, '姓名')).toContain('周建华');
    const followUpsOfAdmin = await namesIn(followUps, t.tokens.admin(), '姓名');
    expect(followUpsOfAdmin).toContain('周*华');
    expect(followUpsOfAdmin).not.toContain('周建华');

    // The sheet of open cases from the first test, read by the admin: every head masked.
    const cases = `/v1/counties/${COUNTY}/zero-employment-cases?format=xlsx`;
    expect(await namesIn(cases, office, '户主')).toContain('王秀英');
    const casesOfAdmin = await namesIn(cases, t.tokens.admin(), '户主');
    expect(casesOfAdmin).toEqual(expect.arrayContaining(['王*英', '李*', '张*兰']));
    expect(casesOfAdmin).not.toContain('王秀英');
  });

  it('keeps the JSON list’s scope: another county’s office gets 403', async () => {
    await t.http
      .get(`/v1/counties/${COUNTY}/zero-employment-cases?format=xlsx`)
      .set(bearer(t.tokens.county(OTHER_COUNTY)))
      .expect(403);
  });

  it('gives follow-ups and vacancies as sheets with their Chinese headers', async () => {
    const followUps = await firstSheet(
      (await sheetRequest(`/v1/counties/${COUNTY}/follow-ups?format=xlsx`).expect(200)).body as Buffer,
    );
    expect(headerOf(followUps)).toEqual(['姓名', '回访', '回访到期日', '上岗日期', '就业渠道']);
    const vacancies = await firstSheet(
      (await sheetRequest(`/v1/vacancies?format=xlsx&county=${COUNTY}`).expect(200)).body as Buffer,
    );
    expect(headerOf(vacancies)).toEqual(expect.arrayContaining(['岗位', '城市', '最低工资', '发布时间']));
  });

  it('refuses an unknown format as the JSON list refuses an unknown parameter (400)', async () => {
    const res = await t.http
      .get(`/v1/counties/${COUNTY}/zero-employment-cases?format=pdf`)
      .set(bearer(office))
      .expect(400);
    expect(res.body.error.issues[0].path).toBe('format');
  });
});

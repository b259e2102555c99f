/**
 * The household ledger in Excel through HTTP: the template downloads and parses, a ledger imports (and the same
 * file again imports nothing), bad rows in both modes, bodies that are not a workbook, an empty sheet, an upload
 * above 50 MB or above 100,000 rows, and the progress of an import.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { relocationSitesOf } from '@seeds/relocation-sites';
import { ledgerFile, type LedgerRow } from '../../apps/platform/src/household-import/testing/ledger-file';
import {
  COUNTY,
  OTHER_COUNTY,
  bearer,
  idNumber,
  lastCommandPosition,
  withBadChecksum,
} from './helpers/fixtures';
import { startTestApp, type TestApp } from './helpers/start-test-app';
import { binary, XLSX } from './helpers/sheets';

const SITE = relocationSitesOf(COUNTY)[0];

const member = (household: string | number, o: LedgerRow = {}): LedgerRow => ({
  householdKey: household,
  name: '王秀英',
  idNumber: idNumber(1986),
  labourCapacity: '全劳动力',
  preference: '省外务工',
  site: SITE.name,
  ...o,
});

describe('household import through HTTP', () => {
  let t: TestApp;
  let office: string;

  beforeAll(async () => {
    t = await startTestApp();
    office = t.tokens.county(COUNTY);
  });
  afterAll(() => t.close());

  const upload = (body: Buffer, query = 'mode=valid_rows', token = office) =>
    t.http
      .post(`/v1/counties/${COUNTY}/household-imports?${query}`)
      .set(bearer(token))
      .set('Content-Type', XLSX)
      .send(body);

  describe('the template', () => {
    it('downloads as an .xlsx with Chinese columns, an example row, drop-down lists and instructions', async () => {
      const res = await t.http
        .get(`/v1/counties/${COUNTY}/household-import-template`)
        .set(bearer(office))
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(res.headers['content-type']).toContain(XLSX);
      expect(res.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('搬迁户导入模板')}`,
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body as ExcelJS.Buffer);
      const [ledger, instructions] = workbook.worksheets;
      const header = (ledger.getRow(1).values as unknown[]).slice(1);
      expect(header).toEqual(
        expect.arrayContaining([
          '户编号',
          '姓名',
          '公民身份号码',
          '与户主关系',
          '劳动能力',
          '安置点',
          '出生年份',
        ]),
      );
      expect(ledger.getRow(2).getCell(1).value).toBe('示例');
      const capacity = header.indexOf('劳动能力') + 1;
      expect(ledger.getRow(2).getCell(capacity).value).toBe('全劳动力');
      const validation = ledger.getCell(5, capacity).dataValidation;
      expect(validation).toMatchObject({ type: 'list' });
      const siteColumn = header.indexOf('安置点') + 1;
      expect(ledger.getCell(3, siteColumn).dataValidation).toMatchObject({ type: 'list' });
      expect(instructions.name).toBe('填写说明');
      const lists = workbook.getWorksheet('选项');
      const listed = lists?.getColumn(6).values.slice(2);
      expect(listed).toEqual(relocationSitesOf(COUNTY).map((s) => s.name));
    });

    it('is refused to another county’s office (403) and given to the admin', async () => {
      await t.http
        .get(`/v1/counties/${COUNTY}/household-import-template`)
        .set(bearer(t.tokens.county(OTHER_COUNTY)))
        .expect(403);
      await t.http
        .get(`/v1/counties/${COUNTY}/household-import-template`)
        .set(bearer(t.tokens.admin()))
        .buffer(true)
        .parse(binary)
        .expect(200);
    });

    it('imports nothing from the template as downloaded (its example row is skipped): 400 empty_sheet', async () => {
      const res = await t.http
        .get(`/v1/counties/${COUNTY}/household-import-template`)
        .set(bearer(office))
        .buffer(true)
        .parse(binary);
      const answer = await upload(res.body as Buffer).expect(400);
      expect(answer.body.error.code).toBe('empty_sheet');
    });
  });

  describe('a ledger', () => {
    it('imports each household once: the same file twice registers nothing the second time', async () => {
      const importId = randomUUID();
      const file = await ledgerFile([
        member('A', { name: '王秀英', relationToHead: '户主', phone: '13812345678', address: '3栋2单元501' }),
        member('A', {
          name: '李明',
          gender: '',
          birthYear: '',
          relationToHead: '配偶',
          labourCapacity: '半劳动力',
        }),
        member('B', { name: '张三', idNumber: idNumber(1990, '520402', 'male'), skills: 'sewing、cooking' }),
      ]);
      const before = await t.http.get(`/v1/counties/${COUNTY}/employment`).set(bearer(office)).expect(200);
      const first = await upload(file, `mode=valid_rows&importId=${importId}`).expect(200);
      expect(first.body).toEqual({
        imported: 2,
        importedPeople: 3,
        rejected: [],
        alreadyRegistered: [],
        position: expect.stringMatching(/^\d+$/),
      });
      const after = await t.http
        .get(`/v1/counties/${COUNTY}/employment`)
        .set(bearer(office))
        .set('X-Min-Position', first.body.position)
        .expect(200);
      expect(after.body.households).toBe(before.body.households + 2);
      const progress = await t.http
        .get(`/v1/household-imports/${importId}/progress`)
        .set(bearer(office))
        .expect(200);
      expect(progress.body).toEqual({ totalRows: 3, processedRows: 3, done: true });
      await t.http
        .get(`/v1/household-imports/${importId}/progress`)
        .set(bearer(t.tokens.county(OTHER_COUNTY)))
        .expect(403);

      const head = await lastCommandPosition(t.app);
      const second = await upload(file).expect(200);
      expect(second.body).toMatchObject({ imported: 0, importedPeople: 0, rejected: [] });
      expect(second.body.alreadyRegistered).toEqual([
        { row: 2, idLast4: expect.stringMatching(/^\d{3}[\dX]$/) },
        { row: 3, idLast4: expect.any(String) },
        { row: 4, idLast4: expect.any(String) },
      ]);
      expect(await lastCommandPosition(t.app)).toBe(head);
    });

    it('leaves out a household in which one person is registered already, saying which and why', async () => {
      const known = idNumber(1979);
      await upload(await ledgerFile([member('A', { idNumber: known })])).expect(200);
      const res = await upload(
        await ledgerFile([member('B', { name: '新成员' }), member('B', { idNumber: known })]),
      ).expect(200);
      expect(res.body).toMatchObject({
        imported: 0,
        alreadyRegistered: [{ row: 3, idLast4: known.slice(-4) }],
      });
      expect(res.body.rejected).toEqual([
        { row: 2, column: '公民身份号码', message: expect.stringContaining('同户有成员已登记（第3行）') },
      ]);
    });

    it('shows an import’s progress while it runs: never more rows than the total, never going back', async () => {
      const importId = randomUUID();
      const rows = Array.from({ length: 150 }, (_, i) =>
        member(`P${i}`, { idNumber: idNumber(1970 + (i % 30)) }),
      );
      const running = upload(await ledgerFile(rows), `mode=valid_rows&importId=${importId}`).then((r) => r);
      const seen: { totalRows: number; processedRows: number; done: boolean }[] = [];
      let finished = false;
      void running.then(() => (finished = true));
      while (!finished || seen.at(-1)?.done !== true) {
        const res = await t.http.get(`/v1/household-imports/${importId}/progress`).set(bearer(office));
        if (res.status === 200) seen.push(res.body);
        else expect(res.status).toBe(404); // not started yet
        if (finished && res.status === 404) break;
      }
      expect((await running).body.imported).toBe(150);
      expect(seen.at(-1)).toEqual({ totalRows: 150, processedRows: 150, done: true });
      for (const [i, p] of seen.entries()) {
        expect(p.processedRows).toBeLessThanOrEqual(p.totalRows || 150);
        if (i > 0) expect(p.processedRows).toBeGreaterThanOrEqual(seen[i - 1].processedRows);
      }
      await t.http.get(`/v1/household-imports/${randomUUID()}/progress`).set(bearer(office)).expect(404);
    });

    it('all_or_nothing: a member registered already refuses the whole file (409), nothing appended', async () => {
      const known = idNumber(1981);
      await upload(await ledgerFile([member('A', { idNumber: known })])).expect(200);
      const fresh = member('N', { name: '新户主', idNumber: idNumber(1983) });
      const file = await ledgerFile([
        fresh,
        member('M', { name: '新成员', idNumber: idNumber(1984) }),
        member('M', { idNumber: known }),
      ]);
      const head = await lastCommandPosition(t.app);
      const res = await upload(file, 'mode=all_or_nothing').expect(409);
      expect(res.body.error.code).toBe('person_already_registered');
      expect(res.body.error.message).toContain('第4行');
      expect(res.body.error.details.alreadyRegistered).toEqual([{ row: 4, idLast4: known.slice(-4) }]);
      expect(res.body.error.details.rejected).toEqual([
        expect.objectContaining({ row: 3, message: expect.stringContaining('同户有成员已登记（第4行）') }),
      ]);
      expect(await lastCommandPosition(t.app)).toBe(head);
      // Household N was not registered: it imports now, alone.
      const again = await upload(await ledgerFile([fresh]), 'mode=all_or_nothing').expect(200);
      expect(again.body).toMatchObject({ imported: 1, importedPeople: 1, alreadyRegistered: [] });
    });

    const badFile = () =>
      ledgerFile([
        member('good'),
        member('bad', { name: '刘芳' }),
        member('bad', { idNumber: withBadChecksum(idNumber()), name: '刘强' }),
        member('bad2', { labourCapacity: '很强', phone: '12345' }),
        member('bad3', { site: '不存在社区' }),
      ]);

    it('all_or_nothing: any bad row is a 400 listing the rows, and nothing is appended', async () => {
      const head = await lastCommandPosition(t.app);
      const res = await upload(await badFile(), 'mode=all_or_nothing').expect(400);
      expect(res.body.error.code).toBe('validation_failed');
      const rejected = res.body.error.details.rejected as { row: number; column: string; message: string }[];
      expect(rejected).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            row: 4,
            column: '公民身份号码',
            message: expect.stringContaining('第4行'),
          }),
          expect.objectContaining({ row: 5, column: '劳动能力', message: expect.stringContaining('很强') }),
          expect.objectContaining({ row: 5, column: '手机号码' }),
          expect.objectContaining({ row: 6, column: '安置点', message: expect.stringContaining('不是本县') }),
        ]),
      );
      expect(rejected.some((r) => r.row === 2)).toBe(false);
      expect(res.body.error.issues).toContainEqual({
        path: '5.劳动能力',
        message: expect.stringContaining('很强'),
      });
      expect(await lastCommandPosition(t.app)).toBe(head);
    });

    it('valid_rows: the good households are imported, a household with one bad row is left out whole', async () => {
      const res = await upload(await badFile(), 'mode=valid_rows').expect(200);
      expect(res.body).toMatchObject({ imported: 1, importedPeople: 1, alreadyRegistered: [] });
      const rows = (res.body.rejected as { row: number; message: string }[]).map((r) => r.row);
      expect(new Set(rows)).toEqual(new Set([3, 4, 5, 6]));
      const ofRow3 = res.body.rejected.find((r: { row: number }) => r.row === 3);
      expect(ofRow3.message).toContain('整户未导入');
    });
  });

  describe('bodies that are not a ledger', () => {
    it('answers 400 not_xlsx for a body that is not an .xlsx, appending nothing', async () => {
      const head = await lastCommandPosition(t.app);
      const res = await upload(Buffer.from('姓名,公民身份号码\n王秀英,520402198603150028\n')).expect(400);
      expect(res.body.error.code).toBe('not_xlsx');
      const zipButNotXlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]);
      expect((await upload(zipButNotXlsx).expect(400)).body.error.code).toBe('not_xlsx');
      const json = await t.http
        .post(`/v1/counties/${COUNTY}/household-imports`)
        .set(bearer(office))
        .send({ rows: [] })
        .expect(400);
      expect(json.body.error.code).toBe('not_xlsx');
      expect(await lastCommandPosition(t.app)).toBe(head);
    });

    it('answers 400 empty_sheet for a sheet with only its header', async () => {
      const res = await upload(await ledgerFile([])).expect(400);
      expect(res.body.error.code).toBe('empty_sheet');
    });

    it('answers 413 for an upload above 50 MB, before reading it', async () => {
      const res = await upload(Buffer.alloc(51 * 1024 * 1024)).expect(413);
      expect(res.body.error.code).toBe('payload_too_large');
    });

    it('answers 413 too_many_rows for a sheet of more than 100,000 rows, appending nothing', async () => {
      const rows = Array.from({ length: 100_001 }, (_, i) => member(`H${i}`));
      const head = await lastCommandPosition(t.app);
      const res = await upload(await ledgerFile(rows), 'mode=valid_rows').expect(413);
      expect(res.body.error.code).toBe('too_many_rows');
      expect(res.body.error.message).toContain('100000');
      expect(await lastCommandPosition(t.app)).toBe(head);
    }, 120_000);

    it('refuses another county’s office (403)', async () => {
      await upload(await ledgerFile([member('A')]), 'mode=valid_rows', t.tokens.county(OTHER_COUNTY)).expect(
        403,
      );
    });
  });
});

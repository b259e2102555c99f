import fc from 'fast-check';
import { residentIdCheckCharacter } from '@contracts/values';
import {
  GENDER_ZH,
  LABOUR_CAPACITY_ZH,
  RELATION_TO_HEAD_ZH,
  WORK_PREFERENCE_ZH,
} from '../excel/chinese-labels';
import { COLUMN, TEMPLATE_COLUMNS, type ColumnKey } from './import-columns';
import { parseLedger, type LedgerContext } from './ledger-households';
import { memberOfRow, columnsOf, type SheetRow } from './ledger-rows';

const COUNTY = '520402';
const SITES = [
  { id: 'site-520402-01', name: '彩虹社区' },
  { id: 'site-520402-02', name: '幸福家园' },
];
const ctx: LedgerContext = { countyCode: COUNTY, sites: SITES, currentYear: 2026 };
const KEYS = TEMPLATE_COLUMNS.map((c) => c.key);
const header: SheetRow = { row: 1, cells: KEYS.map((k) => COLUMN[k]) };

let serial = 0;
/** A valid ID number of the county, born on 1 March of `year`, a new one each call. */
function idNumber(year = 1986, gender: 'male' | 'female' = 'female'): string {
  serial += 1;
  const sequence = String(((serial * 2) % 998) + (gender === 'male' ? 1 : 2)).padStart(3, '0');
  const first17 = `${COUNTY}${year}0301${sequence.slice(-3)}`;
  return first17 + residentIdCheckCharacter(first17);
}

type Cells = Partial<Record<ColumnKey, string | number>>;
const row = (n: number, cells: Cells): SheetRow => ({ row: n, cells: KEYS.map((k) => cells[k] ?? null) });
const member = (household: string, o: Cells = {}): Cells => ({
  householdKey: household,
  name: '王秀英',
  idNumber: idNumber(),
  labourCapacity: '全劳动力',
  preference: '省外务工',
  site: '彩虹社区',
  ...o,
});
const sheet = (...members: Cells[]) => members.map((m, i) => row(i + 2, m));

describe('reading the household ledger', () => {
  it('given rows of two households, groups them by 户编号 and maps the Chinese labels to the API values', () => {
    const head = idNumber(1980, 'male');
    const { households, rejected, totalRows } = parseLedger(
      header,
      sheet(
        member('1', { name: '王强', idNumber: head, relationToHead: '户主', phone: '13812345678', address: '3栋2单元501' }),
        member('2', { site: 'site-520402-02', labourCapacity: '无劳动能力', preference: '均可', gender: '女' }),
        member('1', { name: '李芳', relationToHead: '配偶', labourCapacity: '半劳动力', returnee: '是', expectedMonthlyWage: '4,500' }),
      ), // prettier-ignore
      ctx,
    );
    expect(rejected).toEqual([]);
    expect(totalRows).toBe(3);
    expect(households.map((h) => [h.key, h.rows])).toEqual([
      ['1', [2, 4]],
      ['2', [3]],
    ]);
    const [first, second] = households;
    expect(first.body).toMatchObject({
      countyCode: COUNTY,
      relocationSiteId: 'site-520402-01',
      address: '3栋2单元501',
      members: [
        { name: '王强', idNumber: head, birthYear: 1980, gender: 'male', relationToHead: 'head', phone: '13812345678' }, // prettier-ignore
        { name: '李芳', labourCapacity: 'partial', relationToHead: 'spouse', returnee: true, expectedMonthlyWage: 4500 }, // prettier-ignore
      ],
    });
    expect(second.body).toMatchObject({
      relocationSiteId: 'site-520402-02',
      members: [{ labourCapacity: 'none', preference: 'any', gender: 'female' }],
    });
  });

  it('takes the birth year and gender from the ID number when their cells are empty', () => {
    const id = idNumber(1975, 'male');
    const { households } = parseLedger(header, sheet(member('1', { idNumber: id })), ctx);
    expect(households[0].body.members[0]).toMatchObject({ birthYear: 1975, gender: 'male' });
  });

  it('maps an occupation’s Chinese label to its code, and keeps codes and tags as typed', () => {
    const read = memberOfRow(
      row(2, member('1', { skills: '缝纫工、6-05-01-01，sewing' })),
      columnsOf(header),
    );
    // 缝纫工 is 6-05-01-03; 6-05-01-01 is 服装制版师, a code kept as typed.
    expect(read.fields.skills).toEqual(['6-05-01-03', '6-05-01-01', 'sewing']);
  });

  it('skips blank rows and the template’s example row (户编号 示例)', () => {
    const { households, totalRows } = parseLedger(
      header,
      [row(2, member('示例')), row(3, {}), row(4, member('1'))],
      ctx,
    );
    expect(totalRows).toBe(1);
    expect(households.map((h) => h.rows)).toEqual([[4]]);
  });

  it('rejects a household with one bad row whole, naming each row and Chinese column', () => {
    const { households, rejected } = parseLedger(
      header,
      sheet(member('1'), member('1', { labourCapacity: '很强' }), member('2')),
      ctx,
    );
    expect(households.map((h) => h.key)).toEqual(['2']);
    expect(rejected).toEqual([
      {
        row: 2,
        column: '户编号',
        message: '第2行：同户（户编号 1）的第3行有错误（本户整户未导入）',
      },
      {
        row: 3,
        column: '劳动能力',
        message:
          '第3行「劳动能力」：「很强」不是可选的值，请填：全劳动力、半劳动力、弱劳动力、无劳动能力（本户整户未导入）',
      },
    ]);
  });

  it.each<[string, Cells, string, RegExp]>([
    ['a wrong check character', { idNumber: '520402198603010021' }, '公民身份号码', /校验位不对/],
    ['an ID number Excel turned into a number', { idNumber: 5.20402198603e17 }, '公民身份号码', /文本格式/],
    ['a birth year the ID number contradicts', { birthYear: 1990 }, '出生年份', /号码中为1986年/],
    ['a gender the ID number contradicts', { gender: '男' }, '性别', /号码中为女/],
    ['a phone that is not a mobile', { phone: '0851-1234567' }, '手机号码', /11位手机号码/],
    ['a site of another county', { site: '柏杨林街道安置区' }, '安置点', /不是本县（520402）的安置点/],
    ['no name', { name: '' }, '姓名', /必填/],
    ['a wage that is not a number', { expectedMonthlyWage: '面议' }, '期望月薪', /须为数字/],
    ['a year that is not a year', { birthYear: '八六年' }, '出生年份', /四位年份/],
  ])('refuses %s in Chinese at its row and column', (_what, cells, column, message) => {
    const { households, rejected } = parseLedger(header, sheet(member('1', cells)), ctx);
    expect(households).toEqual([]);
    expect(rejected).toEqual([
      { row: 2, column, message: expect.stringMatching(new RegExp(`^第2行「${column}」：`)) },
    ]);
    expect(rejected[0].message).toMatch(message);
  });

  it('refuses a second head, the same ID number twice and two sites in one household', () => {
    const id = idNumber();
    const { rejected } = parseLedger(
      header,
      sheet(
        member('1', { relationToHead: '户主' }),
        member('1', { relationToHead: '户主', site: '幸福家园' }),
        member('2', { idNumber: id }),
        member('3', { idNumber: id }),
      ),
      ctx,
    );
    const messages = rejected.map((r) => `${r.row} ${r.column} ${r.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^3 与户主关系 .*第2行已是户主/),
        expect.stringMatching(/^3 安置点 .*同一户须填同一个安置点/),
        expect.stringMatching(/^5 公民身份号码 .*与第4行（另一户）的公民身份号码相同/),
      ]),
    );
  });

  it('refuses a sheet without a required column at its header row', () => {
    const partial: SheetRow = { row: 1, cells: ['户编号', '姓名', '公民身份号码'] };
    const { households, rejected } = parseLedger(
      partial,
      [{ row: 2, cells: ['1', '王秀英', idNumber()] }],
      ctx,
    );
    expect(households).toEqual([]);
    expect(rejected.map((r) => r.column)).toEqual(['劳动能力', '就业意愿', '安置点']);
    expect(rejected[0].message).toContain('第1行（表头）缺少「劳动能力」列');
  });

  it('finds columns by their header in any order, with a trailing * or （必填）', () => {
    const reordered: SheetRow = {
      row: 1,
      cells: ['安置点', '姓名*', '公民身份号码（必填）', '户编号', '劳动能力', '就业意愿'],
    };
    const id = idNumber();
    const { households, rejected } = parseLedger(
      reordered,
      [{ row: 2, cells: ['彩虹社区', '王秀英', id, 'A', '弱劳动力', '县内就近'] }],
      ctx,
    );
    expect(rejected).toEqual([]);
    expect(households[0].body.members[0]).toMatchObject({
      idNumber: id,
      labourCapacity: 'weak',
      preference: 'local',
    });
  });

  it('reads back any valid household written with the template’s Chinese labels (property)', () => {
    const labelOf = <V extends string>(labels: Readonly<Record<V, string>>) =>
      fc.constantFrom(...(Object.keys(labels) as V[]));
    const arbitraryMember = fc.record({
      capacity: labelOf(LABOUR_CAPACITY_ZH),
      preference: labelOf(WORK_PREFERENCE_ZH),
      relation: labelOf(RELATION_TO_HEAD_ZH).filter((r) => r !== 'head'),
      gender: labelOf(GENDER_ZH),
      year: fc.integer({ min: 1940, max: 2010 }),
      wage: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryMember, { minLength: 1, maxLength: 8 }), (members) => {
        const rows = members.map((m, i) =>
          row(i + 2, {
            householdKey: 'H',
            name: '王秀英',
            idNumber: idNumber(m.year, m.gender),
            relationToHead: i === 0 ? '户主' : RELATION_TO_HEAD_ZH[m.relation],
            labourCapacity: LABOUR_CAPACITY_ZH[m.capacity],
            preference: WORK_PREFERENCE_ZH[m.preference],
            ...(m.wage === undefined ? {} : { expectedMonthlyWage: m.wage }),
            site: '幸福家园',
          }),
        );
        const { households, rejected } = parseLedger(header, rows, ctx);
        expect(rejected).toEqual([]);
        expect(households[0].body.members).toEqual(
          members.map((m, i) =>
            expect.objectContaining({
              birthYear: m.year,
              gender: m.gender,
              labourCapacity: m.capacity,
              preference: m.preference,
              relationToHead: i === 0 ? 'head' : m.relation,
              ...(m.wage === undefined ? {} : { expectedMonthlyWage: m.wage }),
            }),
          ),
        );
      }),
      { numRuns: 100 },
    );
  });
});

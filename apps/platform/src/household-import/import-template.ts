import ExcelJS from 'exceljs';
import { countyByCode } from '@contracts/regions/guizhou-divisions';
import {
  GENDER_ZH,
  LABOUR_CAPACITY_ZH,
  RELATION_TO_HEAD_ZH,
  WORK_PREFERENCE_ZH,
  YES_NO_ZH,
} from '../excel/chinese-labels';
import { COLUMN, TEMPLATE_COLUMNS, type ColumnKey } from './import-columns';
import { EXAMPLE_KEY } from './ledger-households';

/** Rows of the ledger sheet that get the drop-down lists (Excel applies a validation to a fixed range). */
const VALIDATED_ROWS = 20_000;
const LISTS_SHEET = '选项';

/** A valid-looking but unused example: 520402 (西秀区), born 1986-03-15, check character computed. */
const EXAMPLE: Readonly<Partial<Record<ColumnKey, string | number>>> = {
  householdKey: EXAMPLE_KEY,
  name: '王秀英',
  idNumber: '520402198603150028',
  relationToHead: '户主',
  gender: '女',
  birthYear: 1986,
  ethnicity: '布依族',
  labourCapacity: '全劳动力',
  skills: '缝纫工',
  preference: '县内就近',
  expectedMonthlyWage: 3500,
  phone: '13812345678',
  address: '3栋2单元501',
  returnee: '否',
};

const LISTS: readonly { key: ColumnKey; values: readonly string[] }[] = [
  { key: 'relationToHead', values: Object.values(RELATION_TO_HEAD_ZH) },
  { key: 'gender', values: Object.values(GENDER_ZH) },
  { key: 'labourCapacity', values: Object.values(LABOUR_CAPACITY_ZH) },
  { key: 'preference', values: Object.values(WORK_PREFERENCE_ZH) },
  { key: 'returnee', values: Object.values(YES_NO_ZH) },
];

/** ExcelJS keeps a sheet's validations by range at run time; its typing does not declare them. */
interface RangeValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

const columnLetter = (index: number): string => {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
};

/**
 * The import template of a county: the ledger sheet (Chinese headers with a note each, one example row that
 * the import skips, drop-down lists for the closed values and the county's relocation sites), a sheet of
 * instructions, and the lists' sheet (hidden).
 */
export async function importTemplate(
  countyCode: string,
  sites: readonly { id: string; name: string }[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '搬迁群众就业监测平台';
  const sheet = workbook.addWorksheet('家庭成员', { views: [{ state: 'frozen', ySplit: 1 }] });
  const instructions = workbook.addWorksheet('填写说明');
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });

  sheet.columns = TEMPLATE_COLUMNS.map(({ key, width }) => ({
    header: COLUMN[key],
    key,
    width,
    // Text cells: an ID number typed into a number cell loses its last digits.
    style: key === 'birthYear' || key === 'expectedMonthlyWage' ? {} : { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  TEMPLATE_COLUMNS.forEach(({ note }, i) => {
    sheet.getRow(1).getCell(i + 1).note = note;
  });
  sheet.addRow({ ...EXAMPLE, site: sites[0]?.name ?? '' });
  sheet.getRow(2).font = { italic: true, color: { argb: 'FF808080' } };

  const validations = (sheet as unknown as { dataValidations: RangeValidations }).dataValidations;
  const listColumns = [...LISTS, { key: 'site' as const, values: sites.map((s) => s.name) }];
  listColumns.forEach(({ key, values }, listIndex) => {
    const listColumn = columnLetter(listIndex);
    lists.getCell(`${listColumn}1`).value = COLUMN[key];
    values.forEach((value, i) => {
      lists.getCell(`${listColumn}${i + 2}`).value = value;
    });
    const at = columnLetter(TEMPLATE_COLUMNS.findIndex((c) => c.key === key));
    validations.add(`${at}2:${at}${VALIDATED_ROWS}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${LISTS_SHEET}'!$${listColumn}$2:$${listColumn}$${values.length + 1}`],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: COLUMN[key],
      error: `请从下拉列表中选择${COLUMN[key]}`,
    });
  });

  writeInstructions(instructions, countyCode, sites);
  const written = await workbook.xlsx.writeBuffer();
  return Buffer.from(written);
}

function writeInstructions(
  sheet: ExcelJS.Worksheet,
  countyCode: string,
  sites: readonly { id: string; name: string }[],
): void {
  sheet.columns = [{ width: 18 }, { width: 90 }];
  const line = (a: string, b = '') => sheet.addRow([a, b]);
  sheet.addRow([
    `${countyByCode(countyCode)?.name ?? countyCode}（${countyCode}）搬迁户家庭成员导入模板`,
  ]).font = {
    bold: true,
    size: 14,
  };
  line('');
  line('怎么填', '在“家庭成员”表中每行填一位家庭成员，第一行表头不要改动；列的顺序可以调整。');
  line('', '同一户的成员填同一个“户编号”；安置点和住址同一户填同一个（填在任一行即可）。');
  line('', `户编号为“${EXAMPLE_KEY}”的行是示例，导入时会跳过；可以删除。`);
  line('', '出生年份、性别空着时，按公民身份号码填写；填了而与号码不符的，该行报错。');
  line('', '公民身份号码请用文本格式（模板已设好），否则Excel会把18位号码改成科学计数法。');
  line(
    '导入方式',
    '“只导入无误的户”：有错误的户整户不导入，其余导入；“全部无误才导入”：有任何错误则整个文件不导入。',
  );
  line('', '已登记过的人（身份证号码相同）不会重复登记，会在结果中列出；同一文件导入两次，第二次不会新增。');
  line('', '文件须为 .xlsx 格式，不超过 50 MB。');
  line('');
  line('列', '说明');
  for (const { key, note } of TEMPLATE_COLUMNS) line(COLUMN[key], note);
  line('');
  line('本县安置点', '名称（编号）');
  for (const site of sites) line('', `${site.name}（${site.id}）`);
  sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
}

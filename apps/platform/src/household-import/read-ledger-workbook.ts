import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { HttpProblem } from '@lib/http';
import type { CellValue, SheetRow } from './ledger-rows';

/** A zip's local file header: every .xlsx starts with it. */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const notXlsx = () =>
  new HttpProblem(
    400,
    'not_xlsx',
    '上传的文件不是 Excel 工作簿（.xlsx）：请用导入模板填写后另存为 .xlsx 再上传',
  );

/**
 * Data rows read at most: a 50 MB upload compresses millions of rows, more than one import should hold in
 * memory or register in one request. A bigger ledger is imported in several files.
 */
export const MAX_DATA_ROWS = 100_000;

const tooManyRows = (max: number) =>
  new HttpProblem(
    413,
    'too_many_rows',
    `工作表的数据行超过 ${max} 行的上限，未导入：请把台账分成几个文件分别导入 ` +
      `(The sheet has more than ${max} data rows, the limit; nothing was imported: split the ledger into several files)`,
  );

/** A cell's value without ExcelJS's wrappers (rich text, formulas, hyperlinks). */
function plain(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value !== 'object') return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return plain(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return null;
}

/**
 * The first worksheet of an .xlsx upload: its header row and the rows below it. A body that is not an .xlsx
 * is a 400 not_xlsx; a sheet without a header and at least one row below it a 400 empty_sheet; more than
 * `maxDataRows` rows below the header a 413 too_many_rows (reading stops at the first row past it). Read with
 * ExcelJS's streaming reader (2.5 times faster than loading the workbook, and it never holds the whole
 * document); the upload itself is at most 50 MB, the body parser's limit.
 */
export async function readLedgerWorkbook(
  body: unknown,
  maxDataRows = MAX_DATA_ROWS,
): Promise<{ header: SheetRow; rows: SheetRow[] }> {
  if (!Buffer.isBuffer(body) || body.length < 4 || !body.subarray(0, 4).equals(ZIP_MAGIC)) throw notXlsx();
  let rows: SheetRow[] | undefined;
  try {
    rows = await firstSheetRows(body, maxDataRows);
  } catch (error) {
    if (error instanceof HttpProblem) throw error;
    throw notXlsx();
  }
  if (rows === undefined) throw notXlsx();
  const [header, ...data] = rows;
  if (!header || data.length === 0) {
    throw new HttpProblem(400, 'empty_sheet', '工作表是空的：第一行是表头，从第二行起每行填一位家庭成员');
  }
  return { header, rows: data };
}

/**
 * The rows of the workbook's first worksheet (in the file's order), or undefined for a workbook without one;
 * a 413 too_many_rows at the first row past the header and `maxDataRows` more.
 */
async function firstSheetRows(body: Buffer, maxDataRows: number): Promise<SheetRow[] | undefined> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([body]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  for await (const sheet of reader) {
    const rows: SheetRow[] = [];
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      // row.values is 1-based (index 0 empty): shift to 0-based columns.
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      if (values.length === 0) continue;
      if (rows.length > maxDataRows) throw tooManyRows(maxDataRows); // the header and maxDataRows rows held
      rows.push({ row: row.number, cells: Array.from(values, (v) => plain(v as ExcelJS.CellValue)) });
    }
    return rows;
  }
  return undefined;
}

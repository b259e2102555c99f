import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The largest .xlsx upload (the household import): above it a 413, before the body is read. */
export const XLSX_BODY_LIMIT = '50mb';

/** What a column's cells hold: a date (day) and a date-time are real Excel dates, shown in Beijing time. */
export type SheetCellKind = 'text' | 'number' | 'date' | 'datetime';
export type SheetCell = string | number | Date | null | undefined;

export interface SheetColumn<T> {
  readonly header: string;
  /** In characters (a CJK character counts about 2). */
  readonly width: number;
  readonly kind?: SheetCellKind;
  readonly value: (item: T) => SheetCell;
}

export interface SheetSpec<T> {
  readonly sheetName: string;
  readonly columns: readonly SheetColumn<T>[];
  readonly items: readonly T[];
  /** A line under the rows (e.g. that the list was cut at its bound): in its own row, italic. */
  readonly note?: string;
}

const BEIJING_OFFSET_MS = 8 * 3600 * 1000;
const NUMBER_FORMAT: Record<SheetCellKind, string | undefined> = {
  text: '@',
  number: undefined,
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
};

/**
 * An instant as Excel should show it to a county office: Excel dates carry no time zone and ExcelJS writes a
 * Date's UTC fields, so the instant is shifted to Beijing time (UTC+8) first. A day (YYYY-MM-DD) stays that day.
 */
function excelDate(value: SheetCell, kind: SheetCellKind): SheetCell {
  if (value === null || value === undefined || value === '') return null;
  if (kind === 'date' && typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value)) {
    return new Date(`${value}T00:00:00Z`);
  }
  const instant = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(instant.getTime())) return null;
  return new Date(instant.getTime() + BEIJING_OFFSET_MS);
}

/**
 * One printable sheet as an .xlsx: a bold header row that stays in view when scrolling, column widths, dates
 * as dates, landscape on A4 with the header repeated on every page. Written with ExcelJS's streaming writer
 * (rows are committed as they are written) into one Buffer.
 */
export async function writeSheet<T>(spec: SheetSpec<T>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet(spec.sheetName, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.pageSetup.printTitlesRow = '1:1';
  sheet.columns = spec.columns.map((c, i) => ({
    key: String(i),
    header: c.header,
    width: c.width,
    style: { numFmt: NUMBER_FORMAT[c.kind ?? 'text'] },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  for (const item of spec.items) {
    sheet
      .addRow(
        spec.columns.map(({ kind = 'text', value }) => {
          const cell = value(item);
          return kind === 'date' || kind === 'datetime' ? excelDate(cell, kind) : (cell ?? null);
        }),
      )
      .commit();
  }
  if (spec.note) {
    const row = sheet.addRow([spec.note]);
    row.font = { italic: true };
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

/**
 * `attachment` with the Chinese file name for browsers (RFC 5987 `filename*`) and an ASCII one for the rest
 * (RFC 6266: a client that knows `filename*` prefers it).
 */
export function attachmentDisposition(chineseName: string, asciiName: string): string {
  const encoded = encodeURIComponent(chineseName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encoded}`;
}

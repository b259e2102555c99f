import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { COLUMN, TEMPLATE_COLUMNS, type ColumnKey } from '../import-columns';

/** A ledger row by column key, as a county office would type it (Chinese labels). */
export type LedgerRow = Partial<Record<ColumnKey, string | number>>;

/**
 * An .xlsx ledger with the template's headers and the given rows (tests and the import benchmark), written
 * with ExcelJS's streaming writer. ID numbers are written as text, as the template's column format keeps them.
 */
export async function ledgerFile(rows: Iterable<LedgerRow>, headers = TEMPLATE_COLUMNS.map((c) => c.key)) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => out.on('end', resolve));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  const sheet = workbook.addWorksheet('家庭成员');
  sheet.addRow(headers.map((key) => COLUMN[key])).commit();
  for (const row of rows) sheet.addRow(headers.map((key) => row[key] ?? null)).commit();
  sheet.commit();
  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}

import { z } from 'zod';
import { StreamableFile } from '@nestjs/common';
import { attachmentDisposition, writeSheet, XLSX_MEDIA_TYPE, type SheetSpec } from './sheet-writer';

/** A list's sheet holds at most this many rows; a longer list is cut and the sheet says so in a note row. */
export const MAX_SHEET_ROWS = 100_000;

/** `?format=xlsx` on a list: the whole list (every page, to the bound) as a sheet instead of a JSON page. */
export const withFormat = <S extends z.ZodObject>(query: S) =>
  query.extend({ format: z.enum(['json', 'xlsx']).optional() });

/** The documentation of the sheet a list answers besides its JSON (see `ApiResponseDoc.alsoContentType`). */
export const XLSX_ALTERNATIVE = XLSX_MEDIA_TYPE;

/** The query of a list's whole content for a sheet: from the start, one page as long as the bound allows. */
export const wholeList = <Q extends { limit: number; cursor?: string }>(query: Q): Q => ({
  ...query,
  limit: MAX_SHEET_ROWS,
  cursor: undefined,
});

export const cutNote = (total: number) =>
  `注：共 ${total} 行，本表只导出前 ${MAX_SHEET_ROWS} 行；请缩小筛选范围后分次导出。`;

/**
 * The sheet as the answer (the response schema check lets files by). The Chinese name is what a browser
 * saves; the ASCII one is for older clients.
 */
export async function sheetFile<T>(
  names: { readonly chinese: string; readonly ascii: string },
  spec: SheetSpec<T>,
): Promise<StreamableFile> {
  return xlsxFile(await writeSheet(spec), names);
}

/** An .xlsx answer: Nest sends a StreamableFile with these headers (a Buffer it would send as JSON). */
export const xlsxFile = (body: Buffer, names: { readonly chinese: string; readonly ascii: string }) =>
  new StreamableFile(body, {
    type: XLSX_MEDIA_TYPE,
    disposition: attachmentDisposition(`${names.chinese}.xlsx`, `${names.ascii}.xlsx`),
    length: body.length,
  });

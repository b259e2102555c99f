import { z } from 'zod';
import { StreamableFile } from '@nestjs/common';
import { attachmentDisposition, writeSheet, XLSX_MEDIA_TYPE, type SheetSpec } from './sheet-writer';

/** A list's sheet holds at most this many rows; a longer list is cut and the sheet says so in a note row. */
export const MAX_SHEET_ROWS = 100_000;

/** `?format=xlsx` on a list: the whole list (every page, to the bound) as a sheet instead of a JSON page. */
export const withFormat = <S extends z.ZodObject>(query: S) =>
  query.extend({ format: z.enum(['json', 'xlsx']).optional() });

/** What `withFormat` adds to a list's query. */
export interface ListFormat {
  readonly format?: 'json' | 'xlsx';
}

/** The documentation of the sheet a list answers besides its JSON (see `ApiResponseDoc.alsoContentType`). */
export const XLSX_ALTERNATIVE = XLSX_MEDIA_TYPE;

/** The page size a sheet reads its list with: the read store's largest page. */
const SHEET_PAGE = 1000;

/**
 * A list's whole content for a sheet, page after page from the start, up to the bound: `total` and
 * `nextCursor` say whether it was cut.
 */
export async function wholeList<Q extends { limit: number; cursor?: string }, T>(
  query: Q,
  pageOf: (query: Q) => Promise<{ items: readonly T[]; total: number; nextCursor: string | null }>,
): Promise<{ items: T[]; total: number; nextCursor: string | null }> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (;;) {
    const { cursor: _asked, ...rest } = query;
    const limit = Math.min(SHEET_PAGE, MAX_SHEET_ROWS - items.length);
    const page = await pageOf({ ...rest, limit, ...(cursor === undefined ? {} : { cursor }) } as Q);
    items.push(...page.items);
    if (page.nextCursor === null || items.length >= MAX_SHEET_ROWS) {
      return { items, total: page.total, nextCursor: page.nextCursor };
    }
    cursor = page.nextCursor;
  }
}

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

/** A list's whole content as its sheet, with a note row when the list was longer than the bound. */
export function listSheet<T>(
  names: { readonly chinese: string; readonly ascii: string },
  columns: SheetSpec<T>['columns'],
  list: { readonly items: readonly T[]; readonly total: number; readonly nextCursor: string | null },
): Promise<StreamableFile> {
  const cut = list.nextCursor !== null || list.items.length < list.total;
  return sheetFile(names, {
    sheetName: names.chinese,
    columns,
    items: list.items,
    ...(cut ? { note: cutNote(list.total) } : {}),
  });
}

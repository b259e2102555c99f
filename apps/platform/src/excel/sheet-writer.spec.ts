import ExcelJS from 'exceljs';
import { attachmentDisposition, writeSheet } from './sheet-writer';
import { MAX_SHEET_ROWS, wholeList } from './list-export';

async function read(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
  return workbook.worksheets[0];
}

describe('a printable sheet', () => {
  it('writes Chinese headers, a frozen header row, widths, and dates as Excel dates in Beijing time', async () => {
    const sheet = await read(
      await writeSheet({
        sheetName: '零就业家庭',
        columns: [
          { header: '户主', width: 12, value: (r: { name: string; at: string; day: string }) => r.name },
          { header: '发现时间', width: 18, kind: 'datetime', value: (r) => r.at },
          { header: '到期日', width: 12, kind: 'date', value: (r) => r.day },
        ],
        items: [{ name: '王秀英', at: '2026-12-06T20:30:00.000Z', day: '2026-12-07' }],
        note: '注：只导出前 1 行',
      }),
    );
    expect(sheet.name).toBe('零就业家庭');
    expect(sheet.getRow(1).values).toEqual([undefined, '户主', '发现时间', '到期日']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(1).width).toBe(12);
    // 20:30 UTC is 04:30 the next morning in Guizhou: the cell shows the office's own clock.
    expect(sheet.getCell('B2').value).toEqual(new Date('2026-12-07T04:30:00.000Z'));
    expect(sheet.getCell('B2').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(sheet.getCell('C2').value).toEqual(new Date('2026-12-07T00:00:00.000Z'));
    expect(sheet.getCell('A3').value).toBe('注：只导出前 1 行');
  });

  it('names the file in Chinese for browsers (RFC 5987) and in ASCII for the rest', () => {
    expect(attachmentDisposition('零就业家庭.xlsx', 'cases.xlsx')).toBe(
      `attachment; filename="cases.xlsx"; filename*=UTF-8''${encodeURIComponent('零就业家庭.xlsx')}`,
    );
  });
});

describe('a list’s whole content', () => {
  const list = (n: number) => Array.from({ length: n }, (_, i) => i);
  const pages = (all: number[]) => async (q: { limit: number; cursor?: string }) => {
    const from = q.cursor === undefined ? 0 : Number(q.cursor);
    const items = all.slice(from, from + q.limit);
    const end = from + items.length;
    return { items, total: all.length, nextCursor: end < all.length ? String(end) : null };
  };

  it('reads every page from the start, whatever page the query asked for', async () => {
    const all = list(2500);
    const whole = await wholeList({ limit: 10, cursor: '40' }, pages(all));
    expect(whole).toEqual({ items: all, total: 2500, nextCursor: null });
  });

  it('stops at the bound and says there is more', async () => {
    const whole = await wholeList({ limit: 50 }, pages(list(MAX_SHEET_ROWS + 5)));
    expect(whole.items).toHaveLength(MAX_SHEET_ROWS);
    expect(whole.nextCursor).not.toBeNull();
  });
});

import { HttpProblem } from '@lib/http';
import { MAX_DATA_ROWS, readLedgerWorkbook } from './read-ledger-workbook';
import { ledgerFile, type LedgerRow } from './testing/ledger-file';

const rows = (n: number): LedgerRow[] =>
  Array.from({ length: n }, (_, i) => ({ householdKey: `H${i}`, name: '王秀英' }));

const problemOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) =>
      error instanceof HttpProblem ? { status: error.getStatus(), code: error.code } : error,
  );

describe('readLedgerWorkbook: at most MAX_DATA_ROWS data rows', () => {
  it('reads a sheet with exactly the limit of data rows (the header not counted)', async () => {
    const { header, rows: data } = await readLedgerWorkbook(await ledgerFile(rows(3)), 3);
    expect(header.row).toBe(1);
    expect(data.map((r) => r.row)).toEqual([2, 3, 4]);
  });

  it('answers 413 too_many_rows for one data row past the limit', async () => {
    expect(await problemOf(readLedgerWorkbook(await ledgerFile(rows(4)), 3))).toEqual({
      status: 413,
      code: 'too_many_rows',
    });
  });

  it('is 100,000 rows by default: a sheet of 100,001 is refused, saying the limit in Chinese and English', async () => {
    expect(MAX_DATA_ROWS).toBe(100_000);
    const error = await readLedgerWorkbook(await ledgerFile(rows(100_001))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpProblem);
    const problem = error as HttpProblem;
    expect([problem.getStatus(), problem.code]).toEqual([413, 'too_many_rows']);
    expect(problem.message).toContain('100000 行');
    expect(problem.message).toContain('more than 100000 data rows');
  }, 120_000);
});

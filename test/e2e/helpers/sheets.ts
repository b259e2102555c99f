import ExcelJS from 'exceljs';
import type { Response } from 'supertest';

/** The .xlsx media type the lists answer `?format=xlsx` with. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Collects a binary answer as a Buffer (supertest buffers only text and JSON by itself): `.buffer(true).parse(binary)`. */
export const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** The first sheet of an .xlsx answer. */
export async function firstSheet(body: unknown): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as ExcelJS.Buffer);
  return workbook.worksheets[0];
}

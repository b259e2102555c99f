import { identityOfResidentId, residentIdProblem } from '@contracts';
import { OCCUPATIONS } from '@contracts/values/occupations';
import {
  GENDER_ZH,
  LABOUR_CAPACITY_ZH,
  RELATION_TO_HEAD_ZH,
  WORK_PREFERENCE_ZH,
  YES_NO_ZH,
  valueOfLabel,
} from '../excel/chinese-labels';
import { COLUMN, type ColumnKey } from './import-columns';

/** A cell as ExcelJS gives it, reduced to what a ledger holds. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** One row of the sheet: its number as Excel shows it (1 is the header) and its cells by column (0-based). */
export interface SheetRow {
  readonly row: number;
  readonly cells: readonly CellValue[];
}

/** A problem with one cell, as the import answers it. */
export interface RowProblem {
  readonly row: number;
  readonly column: string;
  readonly message: string;
}

/** A member as read from its row: the fields of the API's member body, still unvalidated. */
export interface LedgerMember {
  readonly row: number;
  readonly fields: Record<string, unknown>;
  readonly site: string;
  readonly address: string;
  /** The cells that could not be read (an unknown label, a year that is not a number): their columns. */
  readonly problems: readonly RowProblem[];
}

/** `row` at `column`: the message names both, as a county office reads it. */
export const problemAt = (row: number, key: ColumnKey, reason: string): RowProblem => ({
  row,
  column: COLUMN[key],
  message: `第${row}行「${COLUMN[key]}」：${reason}`,
});

/** The column index of each known header; a header typed with spaces or a trailing * still counts. */
export function columnsOf(header: SheetRow): Partial<Record<ColumnKey, number>> {
  const found: Partial<Record<ColumnKey, number>> = {};
  header.cells.forEach((cell, index) => {
    const text = textOf(cell)
      .replace(/[\s*＊]/g, '')
      .replace(/[（(]必填[)）]$/, '');
    const key = (Object.keys(COLUMN) as ColumnKey[]).find((k) => COLUMN[k] === text);
    if (key !== undefined && found[key] === undefined) found[key] = index;
  });
  return found;
}

/** A cell's text, trimmed; a whole number without its ".0", a date as YYYY-MM-DD. */
export function textOf(cell: CellValue): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  return String(cell).trim();
}

const OCCUPATION_BY_LABEL = new Map(OCCUPATIONS.map((o) => [o.zh, o.code]));
const labelList = (labels: Readonly<Record<string, string>>) => Object.values(labels).join('、');

/**
 * A row as a member: labels mapped to the API's values, the birth year and gender taken from the ID number
 * when left empty. What cannot be read is a problem of its cell, and the field is left out (the schema then
 * does not report it a second time: see `ledger-households.ts`).
 */
export function memberOfRow(
  { row, cells }: SheetRow,
  columns: Partial<Record<ColumnKey, number>>,
): LedgerMember {
  const text = (key: ColumnKey) => {
    const index = columns[key];
    return index === undefined ? '' : textOf(cells[index]);
  };
  const cell = (key: ColumnKey) => {
    const index = columns[key];
    return index === undefined ? undefined : cells[index];
  };
  const problems: RowProblem[] = [];
  const fields: Record<string, unknown> = {};
  const put = (field: string, value: unknown) => {
    if (value !== undefined && value !== '') fields[field] = value;
  };

  put('name', text('name'));
  const idNumber = text('idNumber').toUpperCase();
  // A number cell holds 15 significant digits: the last ones of an 18-digit ID number are lost already.
  if (typeof cell('idNumber') === 'number' && idNumber.length > 15) {
    problems.push(
      problemAt(row, 'idNumber', '单元格是数字格式，末几位已丢失：请把这一列设为文本格式后重新填写'),
    );
  } else put('idNumber', idNumber);
  const fromId = residentIdProblem(idNumber) === null ? identityOfResidentId(idNumber) : undefined;

  const year = cell('birthYear');
  if (year instanceof Date) put('birthYear', year.getUTCFullYear());
  else if (text('birthYear') === '') put('birthYear', fromId?.birthYear);
  else if (/^\d{4}$/.test(text('birthYear'))) put('birthYear', Number(text('birthYear')));
  else problems.push(problemAt(row, 'birthYear', '须为四位年份，如 1986'));

  const labelled = <V extends string>(key: ColumnKey, labels: Readonly<Record<V, string>>) => {
    const value = text(key);
    if (value === '') return undefined;
    const mapped = valueOfLabel(labels, value);
    if (mapped === undefined) {
      problems.push(problemAt(row, key, `「${value}」不是可选的值，请填：${labelList(labels)}`));
    }
    return mapped;
  };
  put('gender', text('gender') === '' ? fromId?.gender : labelled('gender', GENDER_ZH));
  put('labourCapacity', labelled('labourCapacity', LABOUR_CAPACITY_ZH));
  put('preference', labelled('preference', WORK_PREFERENCE_ZH));
  put('relationToHead', labelled('relationToHead', RELATION_TO_HEAD_ZH));
  const returnee = labelled('returnee', YES_NO_ZH);
  if (returnee !== undefined) fields.returnee = returnee === 'yes';
  put('ethnicity', text('ethnicity'));
  put('phone', text('phone'));

  const skills = text('skills');
  if (skills !== '') {
    fields.skills = skills
      .split(/[、,，;；\s]+/)
      .filter((token) => token !== '')
      .map((token) => OCCUPATION_BY_LABEL.get(token) ?? token);
  }

  const wage = text('expectedMonthlyWage')
    .replace(/[,，]/g, '')
    .replace(/元(\/月)?$/, '');
  if (wage !== '') {
    if (/^\d+(\.\d+)?$/.test(wage)) fields.expectedMonthlyWage = Number(wage);
    else problems.push(problemAt(row, 'expectedMonthlyWage', '须为数字（元/月），如 4500'));
  }

  return { row, fields, site: text('site'), address: text('address'), problems };
}

/** A row with no text in any cell: left out, as Excel leaves formatted but empty rows behind. */
export const isBlankRow = ({ cells }: SheetRow): boolean => cells.every((c) => textOf(c) === '');

import type { z } from 'zod';
import { householdBodyAt, type RegisterHouseholdBody } from '@contracts';
import { memberIssueIsMissing, memberIssueReason } from './issue-messages';
import { COLUMN, REQUIRED_COLUMNS, type ColumnKey } from './import-columns';
import {
  columnsOf,
  isBlankRow,
  memberOfRow,
  problemAt,
  textOf,
  type LedgerMember,
  type RowProblem,
  type SheetRow,
} from './ledger-rows';

/** A household of the file, valid as POST /v1/households would take it, and the rows it came from. */
export interface LedgerHousehold {
  readonly key: string;
  /** The sheet row of each member, in the order of `body.members`. */
  readonly rows: readonly number[];
  readonly body: RegisterHouseholdBody;
}

export interface ParsedLedger {
  /** Rows with a member (blank rows and the template's example row not counted). */
  readonly totalRows: number;
  readonly households: readonly LedgerHousehold[];
  /** Every problem of every rejected household, and one line for each of its rows without a problem. */
  readonly rejected: readonly RowProblem[];
}

export interface LedgerContext {
  readonly countyCode: string;
  readonly sites: readonly { readonly id: string; readonly name: string }[];
  readonly currentYear: number;
}

/** The 户编号 of the template's example row: it shows the format and is never imported. */
export const EXAMPLE_KEY = '示例';

const WHOLE_HOUSEHOLD = '（本户整户未导入）';

/**
 * The households of a ledger sheet, each validated by the schema of POST /v1/households, or the problems of
 * each cell in Chinese naming its row and column. A household with one bad row is rejected whole (half a
 * household registered would look like a smaller household than it is). Pure: no store, no clock.
 */
export function parseLedger(header: SheetRow, rows: readonly SheetRow[], ctx: LedgerContext): ParsedLedger {
  const columns = columnsOf(header);
  const missing = REQUIRED_COLUMNS.filter((key) => columns[key] === undefined);
  const data = rows.filter((r) => !isBlankRow(r));
  if (missing.length > 0) {
    const rejected = missing.map((key) => ({
      row: header.row,
      column: COLUMN[key],
      message: `第${header.row}行（表头）缺少「${COLUMN[key]}」列：请使用导入模板`,
    }));
    return { totalRows: data.length, households: [], rejected };
  }
  const groups = new Map<string, LedgerMember[]>();
  const keyIndex = columns.householdKey ?? 0;
  const rejected: RowProblem[] = [];
  let totalRows = 0;
  for (const row of data) {
    const key = textOf(row.cells[keyIndex]);
    if (key === EXAMPLE_KEY) continue;
    totalRows++;
    if (key === '') {
      rejected.push(problemAt(row.row, 'householdKey', '必填：同一户的成员填同一个户编号'));
      continue;
    }
    const members = groups.get(key) ?? [];
    members.push(memberOfRow(row, columns));
    groups.set(key, members);
  }
  const households: LedgerHousehold[] = [];
  const firstRowOfId = new Map<string, number>();
  // One schema for the file: building a zod schema compiles it, which costs more than parsing a household.
  const schema = householdBodyAt(() => ctx.currentYear);
  for (const [key, members] of groups) {
    const checked = householdOf(key, members, ctx, schema, firstRowOfId);
    if ('body' in checked) households.push(checked);
    else rejected.push(...checked.problems);
  }
  rejected.sort((a, b) => a.row - b.row);
  return { totalRows, households, rejected };
}

function householdOf(
  key: string,
  members: readonly LedgerMember[],
  ctx: LedgerContext,
  schema: ReturnType<typeof householdBodyAt>,
  firstRowOfId: Map<string, number>,
): LedgerHousehold | { problems: RowProblem[] } {
  const problems = members.flatMap((m) => m.problems);
  const [first] = members;
  const siteId = sameForHousehold(members, 'site', problems);
  const address = sameForHousehold(members, 'address', problems);
  const site = ctx.sites.find((s) => s.id === siteId || s.name === siteId);
  if (siteId !== '' && !site) {
    problems.push(problemAt(first.row, 'site', `「${siteId}」不是本县（${ctx.countyCode}）的安置点`));
  }
  for (const member of members) {
    const id = member.fields.idNumber;
    if (typeof id !== 'string') continue;
    const earlier = firstRowOfId.get(id);
    // Within one household the schema says it; across households of the file, this does.
    if (earlier !== undefined && !members.some((m) => m.row === earlier)) {
      problems.push(problemAt(member.row, 'idNumber', `与第${earlier}行（另一户）的公民身份号码相同`));
    } else if (earlier === undefined) firstRowOfId.set(id, member.row);
  }
  const input = {
    countyCode: ctx.countyCode,
    relocationSiteId: site?.id ?? siteId,
    ...(address === '' ? {} : { address }),
    members: members.map((m) => m.fields),
  };
  const parsed = schema.safeParse(input);
  if (!parsed.success) problems.push(...schemaProblems(parsed.error.issues, members, ctx, problems));
  if (problems.length === 0 && parsed.success) {
    return { key, rows: members.map((m) => m.row), body: parsed.data };
  }
  return { problems: wholeHousehold(key, members, problems) };
}

/** A household-level cell (site, address): the first non-empty one; another value on a later row is a problem. */
function sameForHousehold(
  members: readonly LedgerMember[],
  field: 'site' | 'address',
  problems: RowProblem[],
): string {
  const value = members.find((m) => m[field] !== '')?.[field] ?? '';
  for (const m of members) {
    if (m[field] !== '' && m[field] !== value) {
      problems.push(
        problemAt(m.row, field, `同一户须填同一个${COLUMN[field]}（本户前面填的是「${value}」）`),
      );
    }
  }
  return value;
}

const FIELD_COLUMN: Readonly<Record<string, ColumnKey>> = {
  name: 'name',
  idNumber: 'idNumber',
  birthYear: 'birthYear',
  gender: 'gender',
  ethnicity: 'ethnicity',
  labourCapacity: 'labourCapacity',
  skills: 'skills',
  preference: 'preference',
  expectedMonthlyWage: 'expectedMonthlyWage',
  returnee: 'returnee',
  phone: 'phone',
  relationToHead: 'relationToHead',
  relocationSiteId: 'site',
  address: 'address',
};

/** The schema's issues at the row and column they are about; one already found by the row reader is not repeated. */
function schemaProblems(
  issues: readonly z.core.$ZodIssue[],
  members: readonly LedgerMember[],
  ctx: LedgerContext,
  known: readonly RowProblem[],
): RowProblem[] {
  const found: RowProblem[] = [];
  const seen = new Set(known.map((p) => `${p.row}|${p.column}`));
  for (const issue of issues) {
    const [top, index, field] = issue.path;
    let problem: RowProblem;
    if (top === 'members' && typeof index === 'number' && typeof field === 'string') {
      const member = members[index];
      // Left empty to be read from the ID number: the ID number's own problem says it all.
      const fromId = (field === 'birthYear' || field === 'gender') && memberIssueIsMissing(issue);
      if (fromId && seen.has(`${member.row}|${COLUMN.idNumber}`)) continue;
      const key = FIELD_COLUMN[field] ?? 'householdKey';
      const reason = memberIssueReason(field, issue, member.fields, (i) => members[i]?.row, ctx.currentYear);
      problem = problemAt(member.row, key, reason);
    } else if (top === 'members') {
      problem = problemAt(members[0].row, 'householdKey', '一户最多20人');
    } else {
      const key = FIELD_COLUMN[String(top)] ?? 'householdKey';
      problem = problemAt(members[0].row, key, issue.code === 'invalid_type' ? '必填' : '填写有误');
    }
    const at = `${problem.row}|${problem.column}`;
    if (!seen.has(at)) found.push(problem);
    seen.add(at);
  }
  return found;
}

/** Every problem says the household was not imported; each of its rows without one is listed too. */
function wholeHousehold(
  key: string,
  members: readonly LedgerMember[],
  problems: readonly RowProblem[],
): RowProblem[] {
  const bad = new Set(problems.map((p) => p.row));
  const firstBad = Math.min(...bad);
  return [
    ...problems.map((p) => ({ ...p, message: p.message + WHOLE_HOUSEHOLD })),
    ...members
      .filter((m) => !bad.has(m.row))
      .map((m) => ({
        row: m.row,
        column: COLUMN.householdKey,
        message: `第${m.row}行：同户（户编号 ${key}）的第${firstBad}行有错误${WHOLE_HOUSEHOLD}`,
      })),
  ];
}

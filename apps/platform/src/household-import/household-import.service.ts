import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { residentStream, type HouseholdImportQuery, type HouseholdImportResponse } from '@contracts';
import { checkUnderClaims, type ClaimedOutcome } from '@lib/application';
import { isCountyOffice, requireScope } from '@lib/auth';
import type { Rejection } from '@lib/domain/shared/decider';
import { residentClaimDecider } from '@lib/domain/workforce/resident-claim.decider';
import { ConcurrencyConflictError, loadState, type EventStore, type Position } from '@lib/event-store';
import { HttpProblem } from '@lib/http';
import { relocationSitesOf } from '@seeds/relocation-sites';
import { AccessLog } from '../access-log/access-log.service';
import type { CommandContext } from '../command-handling/command-context';
import { EVENT_STORE } from '../event-store/event-store.module';
import { IdNumberHasher } from '../workforce/id-number-hasher';
import {
  logRegisteredElsewhere,
  registerHousehold,
  registrationUnderClaims,
  type HouseholdRegistration,
} from '../workforce/register-household';
import { ImportProgress } from './import-progress';
import { COLUMN } from './import-columns';
import { parseLedger, type LedgerHousehold } from './ledger-households';
import type { RowProblem } from './ledger-rows';
import { readLedgerWorkbook } from './read-ledger-workbook';

/**
 * Households registered at once. Each goes through the flow of POST /v1/households (claims, then the
 * household decider); running several at a time lets the store's group commit put their appends into one
 * transaction. Measured by `npm run bench:import` (docs/BENCHMARKS.md).
 */
export const IN_FLIGHT = 128;

type Outcome =
  | { readonly kind: 'imported'; readonly people: number; readonly position: Position }
  | {
      readonly kind: 'refused';
      readonly registered: readonly { row: number; idLast4: string }[];
      readonly problems: readonly RowProblem[];
    };

/**
 * The county office's ledger (台账) into the register: read and validate every row like the API, then
 * register each good household as POST /v1/households does. A person already registered is reported, not
 * registered again, so the same file imported twice registers nothing the second time.
 */
@Injectable()
export class HouseholdImportService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly hasher: IdNumberHasher,
    private readonly accessLog: AccessLog,
    private readonly progress: ImportProgress,
  ) {}

  async import(
    countyCode: string,
    query: HouseholdImportQuery,
    upload: unknown,
    ctx: CommandContext,
  ): Promise<HouseholdImportResponse> {
    requireScope(isCountyOffice(ctx.principal, countyCode), 'A county office imports its own county only');
    const progress = this.progress.start(query.importId, countyCode);
    try {
      const { header, rows } = await readLedgerWorkbook(upload);
      const ledger = parseLedger(header, rows, {
        countyCode,
        sites: relocationSitesOf(countyCode),
        currentYear: new Date(ctx.now).getUTCFullYear(),
      });
      progress.totalRows = ledger.totalRows;
      if (ledger.households.length === 0 && ledger.rejected.length === 0) {
        throw new HttpProblem(400, 'empty_sheet', '工作表中没有可导入的成员行（示例行不导入）');
      }
      if (query.mode === 'all_or_nothing' && ledger.rejected.length > 0) {
        throw new HttpProblem(
          400,
          'validation_failed',
          `导入文件有 ${new Set(ledger.rejected.map((r) => r.row)).size} 行有错误，整个文件未导入`,
          {
            // `details.rejected` is the shape of a 200's `rejected`; `issues` the usual one (row.column).
            details: { rejected: ledger.rejected },
            issues: ledger.rejected.map((r) => ({ path: `${r.row}.${r.column}`, message: r.message })),
          },
        );
      }
      // The rows refused by validation are done with; the households' rows count as each is registered.
      progress.processedRows = ledger.totalRows - ledger.households.reduce((n, h) => n + h.rows.length, 0);
      const registrations = ledger.households.map((household) => ({
        household,
        registration: this.registrationOf(household),
      }));
      if (query.mode === 'all_or_nothing') await this.refuseIfAnyRefused(registrations, ctx);
      const outcomes = await inBatches(registrations, IN_FLIGHT, async ({ household, registration }) => {
        const outcome = await this.register(household, registration, ctx);
        progress.processedRows += household.rows.length;
        return outcome;
      });
      return await this.answer(ledger.rejected, outcomes);
    } finally {
      this.progress.finish(query.importId, progress);
    }
  }

  private async answer(
    invalid: readonly RowProblem[],
    outcomes: readonly Outcome[],
  ): Promise<HouseholdImportResponse> {
    let imported = 0;
    let importedPeople = 0;
    let position: Position | undefined;
    const rejected = [...invalid];
    const alreadyRegistered: { row: number; idLast4: string }[] = [];
    for (const outcome of outcomes) {
      if (outcome.kind === 'imported') {
        imported++;
        importedPeople += outcome.people;
        if (position === undefined || outcome.position > position) position = outcome.position;
      } else {
        alreadyRegistered.push(...outcome.registered);
        rejected.push(...outcome.problems);
      }
    }
    rejected.sort((a, b) => a.row - b.row);
    alreadyRegistered.sort((a, b) => a.row - b.row);
    const at = position ?? (await this.store.headPosition());
    return { imported, importedPeople, rejected, alreadyRegistered, position: at.toString() };
  }

  /** One household through the registration flow; a refusal is this household's outcome, not the file's. */
  private async register(
    household: LedgerHousehold,
    registration: HouseholdRegistration,
    ctx: CommandContext,
  ): Promise<Outcome> {
    const { rows } = household;
    const outcome = await this.underClaims(registration, ctx);
    if (outcome === 'lost_race') {
      const message = `第${rows[0]}行：同时有其他登记写同一户或同一人，本户未导入；请稍后重新导入此文件（已导入的不会重复）`;
      const problems = [{ row: rows[0], column: COLUMN.householdKey, message }];
      return { kind: 'refused', registered: [], problems };
    }
    if (outcome.ok) {
      return { kind: 'imported', people: registration.members.length, position: outcome.position };
    }
    return this.refused(household, registration, outcome.rejection);
  }

  /**
   * all_or_nothing: every household's registration checked before any is appended (the household decider,
   * then each member's claim), and the file refused whole if one would be refused: 409
   * person_already_registered when a member is registered (the rows in `details`), else 400. Not atomic: a
   * registration of one of the file's people between this check and the append still refuses that household
   * alone (it is then listed in `rejected` of the 200).
   */
  private async refuseIfAnyRefused(
    registrations: readonly { household: LedgerHousehold; registration: HouseholdRegistration }[],
    ctx: CommandContext,
  ): Promise<void> {
    const checked = await inBatches(registrations, IN_FLIGHT, async ({ household, registration }) => {
      const check = await checkUnderClaims(registrationUnderClaims(this.store, registration, ctx));
      if (check.ok) return undefined;
      if (check.rejection.code === 'person_already_registered') {
        await logRegisteredElsewhere(this.accessLog, check.rejection.details, ctx.principal);
      }
      return this.refused(household, registration, check.rejection);
    });
    const refused = checked.filter((o): o is Extract<Outcome, { kind: 'refused' }> => o?.kind === 'refused');
    if (refused.length === 0) return;
    const rejected = refused.flatMap((o) => o.problems).sort((a, b) => a.row - b.row);
    const alreadyRegistered = refused.flatMap((o) => o.registered).sort((a, b) => a.row - b.row);
    const details = { details: { rejected, alreadyRegistered } };
    if (alreadyRegistered.length > 0) {
      const rows = alreadyRegistered.map((r) => r.row).join('、');
      throw new HttpProblem(
        409,
        'person_already_registered',
        `第${rows}行的人已登记在其他户，整个文件未导入；请删去这些行（或在其户中添加同户成员）后重新导入`,
        details,
      );
    }
    throw new HttpProblem(400, 'validation_failed', `有 ${refused.length} 户登记会被拒绝，整个文件未导入`, {
      ...details,
      issues: rejected.map((r) => ({ path: `${r.row}.${r.column}`, message: r.message })),
    });
  }

  /** A household as POST /v1/households registers it, under a new id. */
  private registrationOf({ body }: LedgerHousehold): HouseholdRegistration {
    return {
      householdId: randomUUID(),
      countyCode: body.countyCode,
      relocationSiteId: body.relocationSiteId,
      address: body.address,
      members: body.members.map((member) => this.hasher.memberInput(member)),
    };
  }

  /** A refused household's rows: the members registered elsewhere, or the refusal on its first row. */
  private async refused(
    household: LedgerHousehold,
    { householdId, members }: HouseholdRegistration,
    rejection: Rejection,
  ): Promise<Outcome> {
    const { rows } = household;
    if (rejection.code !== 'person_already_registered') {
      const message = `第${rows[0]}行：登记被拒绝（${rejection.message}）（本户整户未导入）`;
      const problems = [{ row: rows[0], column: COLUMN.householdKey, message }];
      return { kind: 'refused', registered: [], problems };
    }
    return this.registeredMembers(householdId, household, members);
  }

  /**
   * The registration flow. A concurrent writer that won every retry on one of its streams (nothing of this
   * household appended) refuses this household only: importing the file again registers it.
   */
  private async underClaims(
    registration: HouseholdRegistration,
    ctx: CommandContext,
  ): Promise<ClaimedOutcome | 'lost_race'> {
    try {
      return await registerHousehold(this.store, this.accessLog, registration, ctx);
    } catch (error) {
      if (error instanceof ConcurrencyConflictError) return 'lost_race';
      throw error;
    }
  }

  /**
   * Which members of a refused household are registered already: those reported; the others are not
   * registered alone (the household would look smaller than it is) and are listed as rejected.
   */
  private async registeredMembers(
    householdId: string,
    { rows }: LedgerHousehold,
    members: readonly { idNumberHash: string; idNumberLast4: string }[],
  ): Promise<Outcome> {
    const held = await Promise.all(
      members.map(async ({ idNumberHash: hash }) => {
        const { state } = await loadState(this.store, residentStream(hash), residentClaimDecider);
        return state.holder !== undefined && state.holder.householdId !== householdId;
      }),
    );
    const registered = rows.flatMap((row, i) =>
      held[i] ? [{ row, idLast4: members[i].idNumberLast4 }] : [],
    );
    const problems = rows
      .filter((_, i) => !held[i])
      .map((row) => ({
        row,
        column: COLUMN.idNumber,
        message: `第${row}行：同户有成员已登记（第${registered.map((r) => r.row).join('、')}行），本户未导入；请在该户中添加此成员`,
      }));
    return { kind: 'refused', registered, problems };
  }
}

/** `work` over `items`, at most `width` at a time, the results in the items' order. */
async function inBatches<T, R>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  return results;
}

import { householdStream, vacancyStream, welfarePayrollStream, type EventMetadata } from '@contracts';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import { vacancyDecider } from '@lib/domain/postings/vacancy.decider';
import type { WelfareTermDue } from '@lib/domain/scheduling/welfare-term.projection';
import type { WelfareHolding } from '@lib/domain/welfare-payroll/welfare-month';
import { daysHeldInMonth, firstDayOf } from '@lib/domain/welfare-payroll/welfare-month';
import {
  welfarePayrollDecider,
  type HoldingClaim,
  type WelfarePayrollCommand,
  type WelfarePayrollState,
} from '@lib/domain/welfare-payroll/welfare-payroll.decider';
import type { Rejection } from '@lib/domain/shared/decider';
import { addDays, dayOf } from '@lib/domain/shared/business-dates';
import { loadState, runDecider, type EventStore, type Position } from '@lib/event-store';
import { MAX_PAGE_SIZE, type ReadStore } from '@lib/read-store';
import { dueWelfareTermsCollection } from '../monitor/monitor-collections';

/**
 * The public-welfare payroll (在岗领补): the county office confirms a month's holders, corrects, pays. The
 * payroll's decider decides; this flow gathers what it decides on — each holder's placement from its
 * household's stream (the source of truth: the placement's start, its term after renewals, its end) and the
 * post's monthly subsidy from the vacancy's stream — so nothing is paid on a read model that could lag.
 */
export interface WelfarePayrollContext {
  readonly store: EventStore;
  readonly now: string;
  readonly metadata: EventMetadata;
}

export type PayrollOutcome =
  { readonly ok: true; readonly position: Position } | { readonly ok: false; readonly rejection: Rejection };

/** A placement id names its household: `<householdId>:<uuid>` (ADR 0001's reasoning, as worker ids do). */
const householdOfPlacement = (placementId: string): string | undefined => {
  const colon = placementId.lastIndexOf(':');
  return colon > 0 ? placementId.slice(0, colon) : undefined;
};

/** A public-welfare placement as its household's and its vacancy's streams say; undefined for any other id. */
/**
 * The posts' monthly subsidies, by vacancy, for one confirmation, draft or payment: a county's holders sit on
 * a few posts, and a post's stream (one reservation per placement) is read once, not once per holder.
 */
export type PostSubsidies = Map<string, Promise<number | undefined>>;

function monthlySubsidyOf(store: EventStore, vacancyId: string, posts: PostSubsidies) {
  let subsidy = posts.get(vacancyId);
  if (!subsidy) {
    subsidy = loadState(store, vacancyStream(vacancyId), vacancyDecider).then(({ state }) =>
      state.status === 'none' ? undefined : state.posting.welfare?.monthlySubsidy,
    );
    posts.set(vacancyId, subsidy);
  }
  return subsidy;
}

export async function holdingOf(
  store: EventStore,
  placementId: string,
  posts: PostSubsidies = new Map(),
): Promise<WelfareHolding | undefined> {
  const householdId = householdOfPlacement(placementId);
  if (householdId === undefined) return undefined;
  const { state } = await loadState(store, householdStream(householdId), householdDecider);
  if (state.status !== 'registered') return undefined;
  const placed = state.placements.get(placementId);
  if (!placed || placed.welfareTermEndsOn === undefined || placed.welfareCountyCode === undefined)
    return undefined;
  if (state.voidedPlacements.has(placementId)) return undefined;
  const active = state.workers.get(placed.workerId)?.activeEmployment;
  const ended = state.employments.get(placementId)?.ended;
  const monthlySubsidy = await monthlySubsidyOf(store, placed.vacancyId, posts);
  if (monthlySubsidy === undefined) return undefined;
  return {
    placementId,
    workerId: placed.workerId,
    householdId,
    vacancyId: placed.vacancyId,
    countyCode: placed.welfareCountyCode,
    startDate: placed.startDate,
    // Renewals move the active placement's term; an ended one is bounded by its end alone (the term recorded
    // at placement predates any renewal, and the scheduler ends a placement at its term's end).
    termEndsOn:
      active?.employmentId === placementId
        ? (active.welfareTermEndsOn ?? placed.welfareTermEndsOn)
        : ended
          ? undefined
          : placed.welfareTermEndsOn,
    endedAt: ended?.endedAt,
    monthlySubsidy,
  };
}

const unknownPlacement = (placementId: string, field: string): PayrollOutcome => ({
  ok: false,
  rejection: {
    code: 'not_found',
    message: `${placementId} 不是公益性岗位的安置`,
    details: { field },
  },
});

async function decide(ctx: WelfarePayrollContext, command: WelfarePayrollCommand): Promise<PayrollOutcome> {
  const result = await runDecider({
    store: ctx.store,
    streamId: welfarePayrollStream(command.countyCode, command.month),
    decider: welfarePayrollDecider,
    command,
    metadata: ctx.metadata,
  });
  return result.ok ? { ok: true, position: result.position } : { ok: false, rejection: result.rejection };
}

export interface ConfirmWelfareMonthInput {
  readonly countyCode: string;
  readonly month: string;
  readonly entries: readonly { readonly placementId: string; readonly daysInPost?: number }[];
}

export async function confirmWelfareMonth(
  ctx: WelfarePayrollContext,
  input: ConfirmWelfareMonthInput,
): Promise<PayrollOutcome> {
  const claims: HoldingClaim[] = [];
  const posts: PostSubsidies = new Map();
  for (const [i, line] of input.entries.entries()) {
    const holding = await holdingOf(ctx.store, line.placementId, posts);
    if (!holding) return unknownPlacement(line.placementId, `entries.${i}.placementId`);
    claims.push({ holding, daysInPost: line.daysInPost });
  }
  const { countyCode, month } = input;
  return decide(ctx, { type: 'ConfirmWelfareMonth', countyCode, month, claims, now: ctx.now });
}

export async function correctWelfareMonthEntry(
  ctx: WelfarePayrollContext,
  input: { countyCode: string; month: string; placementId: string; daysInPost: number; reason: string },
): Promise<PayrollOutcome> {
  // Undefined for a placement voided since: the decider still takes a listed holder off (0 days).
  const holding = await holdingOf(ctx.store, input.placementId);
  const { countyCode, month, placementId, daysInPost, reason } = input;
  return decide(ctx, {
    type: 'CorrectWelfareMonthEntry',
    countyCode,
    month,
    placementId,
    daysInPost,
    holding,
    reason,
    now: ctx.now,
  });
}

/**
 * Records the month's payment. Each listed holder is read again from its household first: an end or a void
 * recorded since the confirmation stops the payment until the list is corrected, so no day after a
 * placement ended is paid.
 */
export async function payWelfareMonth(
  ctx: WelfarePayrollContext,
  input: { countyCode: string; month: string; total: number; paidAt: string; reference: string },
): Promise<PayrollOutcome> {
  const { countyCode, month, total, paidAt, reference } = input;
  const { state } = await loadWelfareMonth(ctx.store, countyCode, month);
  const daysHeldNow = new Map<string, number>();
  const posts: PostSubsidies = new Map();
  for (const placementId of state.entries.keys()) {
    const holding = await holdingOf(ctx.store, placementId, posts);
    daysHeldNow.set(placementId, holding ? daysHeldInMonth(holding, month) : 0);
  }
  return decide(ctx, {
    type: 'PayWelfareMonth',
    countyCode,
    month,
    totalFen: Math.round(total * 100),
    paidAt,
    reference,
    daysHeldNow,
    now: ctx.now,
  });
}

/** The month's payroll as its stream holds it (read your writes: no projection in between). */
export async function loadWelfareMonth(
  store: EventStore,
  countyCode: string,
  month: string,
): Promise<{ state: WelfarePayrollState; position: Position }> {
  const { state, position } = await loadState(
    store,
    welfarePayrollStream(countyCode, month),
    welfarePayrollDecider,
  );
  return { state, position };
}

/**
 * The county's public-welfare holders who held a post in the month, with the days each held: what the office
 * confirms (it may lower a holder's days, or leave a holder out). Candidates come from the welfare-term read
 * model (every public-welfare placement of the county); each is then read from its household's stream.
 */
export async function welfareMonthDraft(
  store: EventStore,
  readStore: ReadStore,
  countyCode: string,
  month: string,
  /** The day it is in Guizhou: a month not over yet counts its days up to today, never ahead. */
  today: string,
): Promise<{ holding: WelfareHolding; daysHeld: number }[]> {
  const candidates: WelfareTermDue[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await readStore.find(dueWelfareTermsCollection, {
      where: { countyCode },
      orderBy: { field: 'dueAt', direction: 'asc' },
      limit: MAX_PAGE_SIZE,
      after,
    });
    candidates.push(...page.items);
    if (page.next === null) break;
    after = page.next;
  }
  const draft: { holding: WelfareHolding; daysHeld: number }[] = [];
  const posts: PostSubsidies = new Map();
  for (const candidate of candidates) {
    // A placement whose term ended, or that ended, before the month began held no day of it.
    const endedBefore = candidate.ended !== null && dayOf(candidate.ended.endedAt) < firstDayOf(month);
    if (candidate.termEndsOn <= firstDayOf(month) || endedBefore) continue;
    const holding = await holdingOf(store, candidate.placementId, posts);
    if (!holding) continue;
    // A holder leaves at the start of the term's end day: ending it tomorrow keeps today and nothing after.
    const tomorrow = addDays(today, 1);
    const termEndsOn = holding.termEndsOn && holding.termEndsOn < tomorrow ? holding.termEndsOn : tomorrow;
    const daysHeld = daysHeldInMonth({ ...holding, termEndsOn }, month);
    if (daysHeld > 0) draft.push({ holding, daysHeld });
  }
  return draft.sort((a, b) => a.holding.placementId.localeCompare(b.holding.placementId));
}

import type { EventsOfStream, WelfareMonthEntry } from '@contracts';
import { accept, assertNever, reject, type Decider } from '../shared/decider';
import { dayOf } from '../shared/business-dates';
import {
  daysHeldInMonth,
  daysInMonth,
  lastDayOf,
  monthIsOver,
  proRataFen,
  type WelfareHolding,
} from './welfare-month';

export type WelfarePayrollEvent = EventsOfStream<'welfarePayroll'>;

/** One line of a confirmation or a correction: the holding as its household says, and the days claimed. */
export interface HoldingClaim {
  readonly holding: WelfareHolding;
  /** Omitted: every day the holder held the post that month. */
  readonly daysInPost?: number;
}

export type WelfarePayrollCommand =
  | {
      readonly type: 'ConfirmWelfareMonth';
      readonly countyCode: string;
      readonly month: string;
      readonly claims: readonly HoldingClaim[];
      readonly now: string;
    }
  | {
      readonly type: 'CorrectWelfareMonthEntry';
      readonly countyCode: string;
      readonly month: string;
      readonly placementId: string;
      readonly daysInPost: number;
      /** The holding as its household says now; undefined for a placement voided since (it can only be removed). */
      readonly holding?: WelfareHolding;
      readonly reason: string;
      readonly now: string;
    }
  | {
      readonly type: 'PayWelfareMonth';
      readonly countyCode: string;
      readonly month: string;
      /** The total the county pays, in fen: must equal the list's. */
      readonly totalFen: number;
      readonly reference: string;
      readonly paidAt: string;
      /**
       * The days each listed holder holds in the month as the households say now (0 for a voided placement):
       * an end or a void recorded after the confirmation must be corrected before the month is paid.
       */
      readonly daysHeldNow: ReadonlyMap<string, number>;
      readonly now: string;
    };

export interface WelfarePayrollState {
  readonly status: 'open' | 'confirmed' | 'paid';
  /** The list as it stands: the confirmation with its corrections applied, by placement; 0-day entries dropped. */
  readonly entries: ReadonlyMap<string, WelfareMonthEntry>;
  readonly corrections: number;
  readonly paid?: { readonly totalFen: number; readonly reference: string; readonly paidAt: string };
}

export const totalFenOf = (state: WelfarePayrollState): number =>
  [...state.entries.values()].reduce((sum, e) => sum + e.amountFen, 0);

/** The entry a claim makes, or why it cannot (the request's field named). */
function entryOf(
  claim: HoldingClaim,
  countyCode: string,
  month: string,
  field: string,
): { entry: WelfareMonthEntry } | { problem: ReturnType<typeof reject<never>> } {
  const { holding } = claim;
  if (holding.countyCode !== countyCode) {
    return {
      problem: reject('not_in_post', `安置 ${holding.placementId} 不是本县公益性岗位`, {
        field: `${field}.placementId`,
      }),
    };
  }
  const held = daysHeldInMonth(holding, month);
  if (held === 0) {
    return {
      problem: reject('not_in_post', `安置 ${holding.placementId} 在 ${month} 不在岗`, {
        field: `${field}.placementId`,
      }),
    };
  }
  const days = claim.daysInPost ?? held;
  if (days > held) {
    return {
      problem: reject('invalid_value', `在岗天数不能超过该月实际在岗的 ${held} 天`, {
        field: `${field}.daysInPost`,
      }),
    };
  }
  const monthDays = daysInMonth(month);
  const { placementId, workerId, householdId, vacancyId, monthlySubsidy } = holding;
  return {
    entry: {
      placementId,
      workerId,
      householdId,
      vacancyId,
      daysInPost: days,
      daysInMonth: monthDays,
      monthlySubsidy,
      amountFen: proRataFen(monthlySubsidy, days, monthDays),
    },
  };
}

/**
 * A county's public-welfare payroll for one month (stream `welfare-payroll-<county>-<month>`): confirmed once,
 * after the month is over, from what the households' streams say about each holder; corrected by new events
 * while unpaid; paid once, for exactly the list's total. So nobody is paid twice for a month, and nothing is
 * paid for days after a placement ended.
 */
export const welfarePayrollDecider: Decider<WelfarePayrollCommand, WelfarePayrollState, WelfarePayrollEvent> =
  {
    initialState: () => ({ status: 'open', entries: new Map(), corrections: 0 }),
    evolve(state, event) {
      switch (event.type) {
        case 'WelfareMonthConfirmed':
          return {
            ...state,
            status: 'confirmed',
            entries: new Map(event.data.entries.map((e) => [e.placementId, e])),
          };
        case 'WelfareMonthEntryCorrected': {
          const entries = new Map(state.entries);
          const { entry } = event.data;
          if (entry.daysInPost === 0) entries.delete(entry.placementId);
          else entries.set(entry.placementId, entry);
          return { ...state, entries, corrections: state.corrections + 1 };
        }
        case 'WelfareMonthPaid': {
          const { totalFen, reference, paidAt } = event.data;
          return { ...state, status: 'paid', paid: { totalFen, reference, paidAt } };
        }
        default:
          return assertNever(event);
      }
    },
    decide(command, state) {
      const { countyCode, month, now } = command;
      if (state.status === 'paid') {
        return reject(
          'month_paid',
          `${month} 的公益性岗位补贴已于 ${state.paid?.paidAt ?? ''} 发放，不能再更改或重复发放`,
        );
      }
      switch (command.type) {
        case 'ConfirmWelfareMonth': {
          if (state.status !== 'open') {
            return reject('month_already_confirmed', `${month} 的在岗名单已确认，请用更正记录修改`);
          }
          if (!monthIsOver(month, now)) {
            return reject('month_not_over', `${month} 还未结束，月末后才能确认在岗名单`, { field: 'month' });
          }
          const entries: WelfareMonthEntry[] = [];
          const seen = new Set<string>();
          for (const [i, claim] of command.claims.entries()) {
            const field = `entries.${i}`;
            if (seen.has(claim.holding.placementId)) {
              return reject('invalid_value', '同一安置在名单中出现了两次', { field: `${field}.placementId` });
            }
            seen.add(claim.holding.placementId);
            const made = entryOf(claim, countyCode, month, field);
            if ('problem' in made) return made.problem;
            if (made.entry.daysInPost > 0) entries.push(made.entry);
          }
          return accept({
            type: 'WelfareMonthConfirmed',
            data: { countyCode, month, entries, confirmedAt: now },
          });
        }
        case 'CorrectWelfareMonthEntry': {
          if (state.status === 'open') {
            return reject('month_not_confirmed', `${month} 的在岗名单尚未确认，无可更正`);
          }
          const before = state.entries.get(command.placementId);
          const previousAmountFen = before?.amountFen ?? 0;
          if ((before?.daysInPost ?? 0) === command.daysInPost) {
            return reject('invalid_value', '更正后的在岗天数与原来相同', { field: 'daysInPost' });
          }
          // Taking a listed holder off needs no holding: the placement may have ended, or been voided, since.
          const made =
            command.daysInPost === 0 && before
              ? { entry: { ...before, daysInPost: 0, amountFen: 0 } }
              : command.holding
                ? entryOf(
                    { holding: command.holding, daysInPost: command.daysInPost },
                    countyCode,
                    month,
                    'entry',
                  )
                : {
                    problem: reject<never>('not_found', `${command.placementId} 不是公益性岗位的安置`, {
                      field: 'placementId',
                    }),
                  };
          if ('problem' in made) return made.problem;
          return accept({
            type: 'WelfareMonthEntryCorrected',
            data: {
              countyCode,
              month,
              entry: made.entry,
              previousAmountFen,
              reason: command.reason,
              correctedAt: now,
            },
          });
        }
        case 'PayWelfareMonth': {
          if (state.status !== 'confirmed') {
            return reject('month_not_confirmed', `${month} 的在岗名单尚未确认，不能发放`);
          }
          if (Date.parse(command.paidAt) > Date.parse(now)) {
            return reject('invalid_value', '发放时间不能晚于现在', { field: 'paidAt' });
          }
          if (dayOf(command.paidAt) <= lastDayOf(month)) {
            return reject('invalid_value', '发放日期应在该月结束之后', { field: 'paidAt' });
          }
          for (const entry of state.entries.values()) {
            const held = command.daysHeldNow.get(entry.placementId) ?? 0;
            if (entry.daysInPost > held) {
              return reject(
                'not_in_post',
                `安置 ${entry.placementId} 在 ${month} 现只在岗 ${held} 天（确认后离岗或撤销），请先更正名单再发放`,
                { placementId: entry.placementId, daysHeld: held },
              );
            }
          }
          const totalFen = totalFenOf(state);
          if (command.totalFen !== totalFen) {
            return reject('invalid_value', `发放总额应为名单合计 ${(totalFen / 100).toFixed(2)} 元`, {
              field: 'total',
              expectedTotal: totalFen / 100,
            });
          }
          return accept({
            type: 'WelfareMonthPaid',
            data: {
              countyCode,
              month,
              totalFen,
              holders: state.entries.size,
              reference: command.reference,
              paidAt: command.paidAt,
            },
          });
        }
        default:
          return assertNever(command);
      }
    },
  };

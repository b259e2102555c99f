import fc from 'fast-check';
import { foldEvents } from '../shared/decider';
import { given } from '../shared/testing/decider-spec';
import { daysHeldInMonth, daysInMonth, proRataFen, type WelfareHolding } from './welfare-month';
import {
  totalFenOf,
  welfarePayrollDecider,
  type WelfarePayrollCommand,
  type WelfarePayrollEvent,
} from './welfare-payroll.decider';

const COUNTY = '520402';
const MONTH = '2026-02'; // 28 days
const AFTER_MONTH = '2026-03-02T02:00:00Z';

const holding = (n: number, over: Partial<WelfareHolding> = {}): WelfareHolding => ({
  placementId: `h${n}:p${n}`,
  workerId: `h${n}.1`,
  householdId: `h${n}`,
  vacancyId: 'v-welfare',
  countyCode: COUNTY,
  startDate: '2026-01-05',
  termEndsOn: '2027-01-05',
  monthlySubsidy: 1400,
  ...over,
});
const entry = (h: WelfareHolding, days: number) => ({
  placementId: h.placementId,
  workerId: h.workerId,
  householdId: h.householdId,
  vacancyId: h.vacancyId,
  daysInPost: days,
  daysInMonth: 28,
  monthlySubsidy: h.monthlySubsidy,
  amountFen: proRataFen(h.monthlySubsidy, days, 28),
});
const confirm = (
  claims: Extract<WelfarePayrollCommand, { type: 'ConfirmWelfareMonth' }>['claims'],
  now = AFTER_MONTH,
) => ({
  type: 'ConfirmWelfareMonth' as const,
  countyCode: COUNTY,
  month: MONTH,
  claims,
  now,
});
const confirmed = (...entries: ReturnType<typeof entry>[]): WelfarePayrollEvent => ({
  type: 'WelfareMonthConfirmed',
  data: { countyCode: COUNTY, month: MONTH, entries, confirmedAt: AFTER_MONTH },
});
/** Every listed holder (h1..h4) still holding the whole month, unless `held` says otherwise. */
const WHOLE_MONTH_HELD: ReadonlyMap<string, number> = new Map([1, 2, 3, 4].map((n) => [`h${n}:p${n}`, 28]));
const pay = (totalFen: number, paidAt = '2026-03-02T01:00:00Z', held = WHOLE_MONTH_HELD) => ({
  type: 'PayWelfareMonth' as const,
  countyCode: COUNTY,
  month: MONTH,
  totalFen,
  reference: 'GZNX-0001',
  paidAt,
  daysHeldNow: held,
  now: AFTER_MONTH,
});
const correct = (
  h: WelfareHolding | undefined,
  placementId: string,
  daysInPost: number,
  reason = '病假',
) => ({
  type: 'CorrectWelfareMonthEntry' as const,
  countyCode: COUNTY,
  month: MONTH,
  placementId,
  daysInPost,
  holding: h,
  reason,
  now: AFTER_MONTH,
});

describe('the days of a month in post', () => {
  it('counts the whole month, a start mid-month, a term ending mid-month and an end during a day', () => {
    expect(daysInMonth('2026-02')).toBe(28);
    expect(daysInMonth('2028-02')).toBe(29);
    expect(daysHeldInMonth(holding(1), MONTH)).toBe(28);
    expect(daysHeldInMonth(holding(1, { startDate: '2026-02-11' }), MONTH)).toBe(18);
    // The holder leaves at the start of the term's end day: in post through the 9th.
    expect(daysHeldInMonth(holding(1, { termEndsOn: '2026-02-10' }), MONTH)).toBe(9);
    // Ended at 10:00 on the 20th (Guizhou): the 20th counts; at midnight starting the 20th it does not.
    expect(daysHeldInMonth(holding(1, { endedAt: '2026-02-20T02:00:00Z' }), MONTH)).toBe(20);
    expect(daysHeldInMonth(holding(1, { endedAt: '2026-02-19T16:00:00Z' }), MONTH)).toBe(19);
    expect(daysHeldInMonth(holding(1, { startDate: '2026-03-01' }), MONTH)).toBe(0);
    expect(daysHeldInMonth(holding(1, { endedAt: '2026-01-20T02:00:00Z' }), MONTH)).toBe(0);
  });
  it('pays the whole subsidy for the whole month and pro rata to the fen for part of it', () => {
    expect(proRataFen(1400, 28, 28)).toBe(140000);
    expect(proRataFen(1500, 10, 31)).toBe(48387);
  });
});

describe('the public-welfare payroll of a month', () => {
  const a = holding(1);
  const b = holding(2, { startDate: '2026-02-15' });

  it('confirms the holders once the month is over, each for the days they held the post', () =>
    given(welfarePayrollDecider)
      .when(confirm([{ holding: a }, { holding: b }]))
      .then([confirmed(entry(a, 28), entry(b, 14))]));

  it('takes fewer days than held (a holder absent), never more', () => {
    given(welfarePayrollDecider)
      .when(confirm([{ holding: a, daysInPost: 20 }]))
      .then([confirmed(entry(a, 20))]);
    given(welfarePayrollDecider)
      .when(confirm([{ holding: b, daysInPost: 15 }]))
      .thenRejects('invalid_value', /14/, { field: 'entries.0.daysInPost' });
  });

  it('refuses a month not over, a holder not in post, another county’s post, a holder twice', () => {
    given(welfarePayrollDecider)
      .when(confirm([{ holding: a }], '2026-02-28T15:00:00Z'))
      .thenRejects('month_not_over', undefined, { field: 'month' });
    given(welfarePayrollDecider)
      .when(confirm([{ holding: holding(3, { endedAt: '2026-01-31T02:00:00Z' }) }]))
      .thenRejects('not_in_post', undefined, { field: 'entries.0.placementId' });
    given(welfarePayrollDecider)
      .when(confirm([{ holding: holding(4, { countyCode: '520403' }) }]))
      .thenRejects('not_in_post');
    given(welfarePayrollDecider)
      .when(confirm([{ holding: a }, { holding: a }]))
      .thenRejects('invalid_value', undefined, { field: 'entries.1.placementId' });
  });

  it('confirms a month once: corrections are their own events', () => {
    given(welfarePayrollDecider, [confirmed(entry(a, 28))])
      .when(confirm([{ holding: a }]))
      .thenRejects('month_already_confirmed');
    given(welfarePayrollDecider, [confirmed(entry(a, 28))])
      .when(correct(a, a.placementId, 10))
      .then([
        {
          type: 'WelfareMonthEntryCorrected',
          data: {
            countyCode: COUNTY,
            month: MONTH,
            entry: entry(a, 10),
            previousAmountFen: 140000,
            reason: '病假',
            correctedAt: AFTER_MONTH,
          },
        },
      ]);
  });

  it('pays a confirmed month once, for exactly its total, after the month', () => {
    given(welfarePayrollDecider).when(pay(0)).thenRejects('month_not_confirmed');
    given(welfarePayrollDecider, [confirmed(entry(a, 28))])
      .when(pay(100))
      .thenRejects('invalid_value', undefined, { field: 'total' });
    given(welfarePayrollDecider, [confirmed(entry(a, 28))])
      .when(pay(140000, '2026-02-28T02:00:00Z'))
      .thenRejects('invalid_value', undefined, { field: 'paidAt' });
    given(welfarePayrollDecider, [confirmed(entry(a, 28))])
      .when(pay(140000, '2026-03-05T00:00:00Z'))
      .thenRejects('invalid_value', undefined, { field: 'paidAt' });
    const paid: WelfarePayrollEvent = {
      type: 'WelfareMonthPaid',
      data: {
        countyCode: COUNTY,
        month: MONTH,
        totalFen: 140000,
        holders: 1,
        reference: 'GZNX-0001',
        paidAt: '2026-03-02T01:00:00Z',
      },
    };
    given(welfarePayrollDecider, [confirmed(entry(a, 28))])
      .when(pay(140000))
      .then([paid]);
    given(welfarePayrollDecider, [confirmed(entry(a, 28)), paid])
      .when(pay(140000))
      .thenRejects('month_paid');
    given(welfarePayrollDecider, [confirmed(entry(a, 28)), paid])
      .when(correct(a, a.placementId, 1, 'x'))
      .thenRejects('month_paid');
  });
});

describe('a holder who left or was voided after the month was confirmed', () => {
  const a = holding(1);
  const b = holding(2);

  it('takes a listed holder off without a holding (a placement voided since)', () =>
    given(welfarePayrollDecider, [confirmed(entry(a, 28), entry(b, 28))])
      .when(correct(undefined, b.placementId, 0, '安置已撤销'))
      .then([
        {
          type: 'WelfareMonthEntryCorrected',
          data: {
            countyCode: COUNTY,
            month: MONTH,
            entry: { ...entry(b, 28), daysInPost: 0, amountFen: 0 },
            previousAmountFen: 140000,
            reason: '安置已撤销',
            correctedAt: AFTER_MONTH,
          },
        },
      ]));

  it('takes a listed holder off whose end now falls before the month', () =>
    given(welfarePayrollDecider, [confirmed(entry(a, 28))])
      .when(correct({ ...a, endedAt: '2026-01-20T02:00:00Z' }, a.placementId, 0, '1月已离岗'))
      .then([
        {
          type: 'WelfareMonthEntryCorrected',
          data: {
            countyCode: COUNTY,
            month: MONTH,
            entry: { ...entry(a, 28), daysInPost: 0, amountFen: 0 },
            previousAmountFen: 140000,
            reason: '1月已离岗',
            correctedAt: AFTER_MONTH,
          },
        },
      ]));

  it('refuses to pay a list with more days than a holder now holds, naming the placement', () =>
    given(welfarePayrollDecider, [confirmed(entry(a, 28), entry(b, 28))])
      .when(
        pay(
          280000,
          undefined,
          new Map([
            [a.placementId, 28],
            [b.placementId, 4],
          ]),
        ),
      )
      .thenRejects('not_in_post', /4 天/, { placementId: b.placementId, daysHeld: 4 }));

  it('refuses a voided placement it has no holding for, other than to take it off', () =>
    given(welfarePayrollDecider, [confirmed(entry(a, 28))])
      .when(correct(undefined, 'h9:p9', 3))
      .thenRejects('not_found', undefined, { field: 'placementId' }));

  it('compares a payment time with an offset as an instant', () => {
    // 09:59 in Guizhou is 01:59 UTC, before now (02:00 UTC): accepted.
    given(welfarePayrollDecider, [confirmed(entry(a, 28))])
      .when(pay(140000, '2026-03-02T09:59:00+08:00'))
      .then([
        {
          type: 'WelfareMonthPaid',
          data: {
            countyCode: COUNTY,
            month: MONTH,
            totalFen: 140000,
            holders: 1,
            reference: 'GZNX-0001',
            paidAt: '2026-03-02T09:59:00+08:00',
          },
        },
      ]);
    // 20:00 at UTC-8 the day before is 04:00 UTC, after now: refused.
    given(welfarePayrollDecider, [confirmed(entry(a, 28))])
      .when(pay(140000, '2026-03-01T20:00:00-08:00'))
      .thenRejects('invalid_value', undefined, { field: 'paidAt' });
  });
});

describe('payroll properties, whatever the order of commands', () => {
  const holdings = [1, 2, 3, 4].map((n) =>
    holding(n, {
      startDate: `2026-0${n % 2 === 0 ? 1 : 2}-${String(n * 3).padStart(2, '0')}`,
      endedAt: n === 4 ? '2026-02-17T05:00:00Z' : undefined,
      monthlySubsidy: 1000 + n * 137,
    }),
  );
  const heldNow = new Map(holdings.map((h) => [h.placementId, daysHeldInMonth(h, MONTH)]));
  const command = fc.oneof(
    fc.subarray(holdings).chain((hs) =>
      fc
        .array(fc.option(fc.integer({ min: 0, max: 28 }), { nil: undefined }), {
          minLength: hs.length,
          maxLength: hs.length,
        })
        .map((days) => confirm(hs.map((h, i) => ({ holding: h, daysInPost: days[i] })))),
    ),
    fc
      .tuple(fc.constantFrom(...holdings), fc.integer({ min: 0, max: 28 }))
      .map(([h, days]): WelfarePayrollCommand => correct(h, h.placementId, days, '更正')),
    fc.integer({ min: 0, max: 600_000 }).map((t) => pay(t, undefined, heldNow)),
  );

  it('pays each month at most once, only its list’s total, and never a day a holder was not in post', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 25 }), fc.boolean(), (commands, payExactly) => {
        const events: WelfarePayrollEvent[] = [];
        const run = (c: WelfarePayrollCommand) => {
          const decision = welfarePayrollDecider.decide(c, foldEvents(welfarePayrollDecider, events));
          if (decision.ok) events.push(...decision.events);
        };
        for (const c of commands) run(c);
        if (payExactly) run(pay(totalFenOf(foldEvents(welfarePayrollDecider, events)), undefined, heldNow));

        const payments = events.filter((e) => e.type === 'WelfareMonthPaid');
        expect(payments.length).toBeLessThanOrEqual(1);
        expect(events.filter((e) => e.type === 'WelfareMonthConfirmed').length).toBeLessThanOrEqual(1);
        // The list's total is a recount of the events: the confirmation, then each correction replacing its holder.
        const recount = new Map<string, number>();
        for (const e of events) {
          if (e.type === 'WelfareMonthConfirmed')
            for (const x of e.data.entries) recount.set(x.placementId, x.amountFen);
          if (e.type === 'WelfareMonthEntryCorrected')
            recount.set(e.data.entry.placementId, e.data.entry.amountFen);
        }
        const total = [...recount.values()].reduce((s, v) => s + v, 0);
        const state = foldEvents(welfarePayrollDecider, events);
        expect(totalFenOf(state)).toBe(total);
        if (payments[0]?.type === 'WelfareMonthPaid') {
          expect(payments[0].data.totalFen).toBe(total);
          // Nothing follows a payment.
          expect(events[events.length - 1]).toBe(payments[0]);
        }
        for (const e of state.entries.values()) {
          const h = holdings.find((x) => x.placementId === e.placementId)!;
          expect(e.daysInPost).toBeGreaterThan(0);
          expect(e.daysInPost).toBeLessThanOrEqual(daysHeldInMonth(h, MONTH));
          expect(e.amountFen).toBe(proRataFen(h.monthlySubsidy, e.daysInPost, 28));
        }
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import {
  employmentMonitorStream,
  subsidyIdOf,
  transportSubsidyRatesStream,
  transportSubsidyStream,
  type DomainEvent,
} from '@contracts';
import { dayOf } from '../shared/business-dates';
import { projectAll, type AnyEnvelope } from '../shared/keyed-projection';
import { transportSubsidyProjection } from '../monitor/transport-subsidy.projection';
import { subsidyRatesDecider, type SubsidyRatesState } from './subsidy-rates.decider';
import type { TransportSubsidyCommand } from './transport-subsidy.commands';
import { transportSubsidyClaimsProjection } from './transport-subsidy-claims.projection';
import { transportSubsidyDecider } from './transport-subsidy.decider';
import { subsidyLedgerItems, subsidyLedgerTotals } from './transport-subsidy-ledger';
import {
  evolveSubsidy,
  type TransportSubsidyEvent,
  type TransportSubsidyState,
} from './transport-subsidy.state';

/**
 * Properties of the transport subsidy over any order of the county office's commands on a few subsidies (claims,
 * approvals, rejections, payments of the right or a wrong amount, rate changes): no subsidy is paid twice, a
 * payment is always of the amount approved, and the ledger's totals equal a recount of the events, however
 * often the projection sees each event again.
 */

const COUNTY = '520402';
const WORKERS = ['hh-1.1', 'hh-1.2', 'hh-2.1'];
const YEAR = 2026;
const START = Date.parse('2026-03-01T02:00:00Z');

type Action =
  | { kind: 'claim'; who: number; province: string }
  | { kind: 'approve' | 'reject'; who: number }
  | { kind: 'pay'; who: number; amount: number }
  | { kind: 'rates'; guangdong: number; fallback: number | undefined };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constant('claim' as const),
    who: fc.nat(WORKERS.length - 1),
    province: fc.constantFrom('440000', '330000', '520000'),
  }),
  fc.record({
    kind: fc.constantFrom('approve' as const, 'reject' as const),
    who: fc.nat(WORKERS.length - 1),
  }),
  fc.record({
    kind: fc.constant('pay' as const),
    who: fc.nat(WORKERS.length - 1),
    amount: fc.constantFrom(300, 500, 600),
  }),
  fc.record({
    kind: fc.constant('rates' as const),
    guangdong: fc.constantFrom(500, 600),
    fallback: fc.option(fc.constant(300), { nil: undefined }),
  }),
);

interface Run {
  readonly log: AnyEnvelope[];
  readonly streams: Map<string, TransportSubsidyEvent[]>;
}

/** Runs the actions through the deciders, as the HTTP flow would, and keeps the log they append. */
function run(actions: readonly Action[]): Run {
  const log: AnyEnvelope[] = [];
  const streams = new Map<string, TransportSubsidyEvent[]>();
  const states = new Map<string, TransportSubsidyState>();
  let rates: SubsidyRatesState;
  let ratesRevision = -1;
  const append = (streamId: string, revision: number, event: DomainEvent, at: string) =>
    log.push({
      ...event,
      id: `e-${log.length}`,
      version: 1,
      streamId,
      revision,
      position: BigInt(log.length + 1),
      occurredAt: at,
      metadata: { actor: { id: 'office', role: 'county_office' }, correlationId: 'c', causationId: 'c' },
    } as AnyEnvelope);
  WORKERS.forEach((workerId, i) =>
    append(
      employmentMonitorStream(workerId.split('.')[0]),
      i,
      {
        type: 'TransportSubsidyEligible',
        data: {
          workerId,
          householdId: workerId.split('.')[0],
          placementId: `p-${i}`,
          year: YEAR,
          countyCode: COUNTY,
        },
      },
      new Date(START).toISOString(),
    ),
  );
  actions.forEach((a, step) => {
    const now = new Date(START + step * 3_600_000).toISOString();
    if (a.kind === 'rates') {
      const decision = subsidyRatesDecider.decide(
        {
          type: 'SetTransportSubsidyRates',
          countyCode: COUNTY,
          rates: { '440000': a.guangdong },
          ...(a.fallback ? { default: a.fallback } : {}),
          now,
        },
        rates,
      );
      if (!decision.ok) return;
      for (const event of decision.events) {
        rates = subsidyRatesDecider.evolve(rates, event);
        append(transportSubsidyRatesStream(COUNTY), ++ratesRevision, event, now);
      }
      return;
    }
    const workerId = WORKERS[a.who];
    const subsidyId = subsidyIdOf(workerId, YEAR);
    const eligibility = {
      workerId,
      householdId: workerId.split('.')[0],
      placementId: `p-${a.who}`,
      year: YEAR,
      countyCode: COUNTY,
    };
    const command: TransportSubsidyCommand =
      a.kind === 'claim'
        ? {
            type: 'ClaimTransportSubsidy',
            subsidyId,
            eligibility,
            travelDate: '2026-02-27',
            destinationProvince: a.province,
            now,
          }
        : a.kind === 'pay'
          ? {
              type: 'PayTransportSubsidy',
              subsidyId,
              amount: a.amount,
              paidAt: dayOf(now),
              reference: `R-${step}`,
              now,
            }
          : { type: 'ReviewTransportSubsidy', subsidyId, decision: a.kind, reason: '材料不全', rates, now };
    const state = states.get(subsidyId) ?? transportSubsidyDecider.initialState();
    const decision = transportSubsidyDecider.decide(command, state);
    if (!decision.ok) return;
    const stream = streams.get(subsidyId) ?? [];
    for (const event of decision.events) {
      append(transportSubsidyStream(subsidyId), stream.length, event, now);
      stream.push(event);
      states.set(
        subsidyId,
        evolveSubsidy(states.get(subsidyId) ?? transportSubsidyDecider.initialState(), event),
      );
    }
    streams.set(subsidyId, stream);
  });
  return { log, streams };
}

/** The recount: each subsidy's status is the type of the last event of its stream; yuan from those events. */
function recount({ streams }: Run) {
  const status = { eligible: 0, claimed: 0, approved: 0, rejected: 0, paid: 0 };
  let approvedYuan = 0;
  let paidYuan = 0;
  for (const workerId of WORKERS) {
    const last = (streams.get(subsidyIdOf(workerId, YEAR)) ?? []).at(-1);
    if (!last) status.eligible++;
    else if (last.type === 'TransportSubsidyClaimed') status.claimed++;
    else if (last.type === 'TransportSubsidyRejected') status.rejected++;
    else if (last.type === 'TransportSubsidyApproved') {
      status.approved++;
      approvedYuan += last.data.amount;
    } else {
      status.paid++;
      paidYuan += last.data.amount;
    }
  }
  return {
    eligible: { count: status.eligible },
    claimed: { count: status.claimed },
    approved: { count: status.approved, yuan: approvedYuan },
    rejected: { count: status.rejected },
    paid: { count: status.paid, yuan: paidYuan },
    all: { count: WORKERS.length },
  };
}

describe('transport subsidy: properties over any order of commands', () => {
  it('never pays a worker twice for one year, and pays only the amount approved', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 10, maxLength: 80 }), (actions) => {
        for (const events of run(actions).streams.values()) {
          const payments = events.filter((e) => e.type === 'TransportSubsidyPaid');
          expect(payments.length).toBeLessThanOrEqual(1);
          const paidAt = events.findIndex((e) => e.type === 'TransportSubsidyPaid');
          if (paidAt < 0) continue;
          expect(paidAt).toBe(events.length - 1);
          const approval = events[paidAt - 1];
          expect(approval.type).toBe('TransportSubsidyApproved');
          expect(payments[0].data).toMatchObject({ amount: (approval.data as { amount: number }).amount });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the ledger’s totals equal to a recount of its events, each event seen once or twice', () => {
    fc.assert(
      fc.property(
        fc.array(action, { minLength: 10, maxLength: 80 }),
        fc.array(fc.boolean(), { minLength: 200, maxLength: 200 }),
        (actions, replays) => {
          const result = run(actions);
          // At-least-once delivery: some events arrive again right after themselves.
          const delivered = result.log.flatMap((e, i) => (replays[i % replays.length] ? [e, e] : [e]));
          const grants = Object.values(projectAll(transportSubsidyProjection, delivered));
          const claims = Object.values(projectAll(transportSubsidyClaimsProjection, delivered));
          const items = subsidyLedgerItems(grants, claims);
          expect(items.map((i) => i.subsidyId)).toEqual(WORKERS.map((w) => subsidyIdOf(w, YEAR)).sort());
          expect(subsidyLedgerTotals(items)).toEqual(recount(result));
        },
      ),
      { numRuns: 300 },
    );
  });
});

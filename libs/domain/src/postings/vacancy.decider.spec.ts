import { encodeEvent } from '@contracts';
import { given } from '../shared/testing/decider-spec';
import type { VacancyCommand } from './vacancy.commands';
import type { VacancyEvent } from './vacancy.state';
import { vacancyDecider } from './vacancy.decider';
import {
  confirmed,
  expiryExtended,
  extendExpiry,
  POSTED_AT,
  postVacancyCommand,
  released,
  reserved,
  vacancyPosted,
} from './vacancy.fixtures';

const now = '2026-04-01T08:00:00Z';
const reserve = (placementId: string, workerId = `h-${placementId}.1`, at = now): VacancyCommand => ({
  type: 'ReserveOpening',
  vacancyId: 'v-1',
  placementId,
  workerId,
  householdId: workerId.split('.')[0],
  now: at,
});
const reservedAt = (placementId: string) => reserved(placementId, { reservedAt: now });
const withdrawn = { type: 'VacancyWithdrawn' as const, data: { vacancyId: 'v-1', withdrawnAt: POSTED_AT } };
const expired = { type: 'VacancyExpired' as const, data: { vacancyId: 'v-1', expiredAt: POSTED_AT } };

describe('vacancy decider', () => {
  describe('posting', () => {
    it('posts a labour-station vacancy, and the event passes the contract schema', () => {
      given(vacancyDecider).when(postVacancyCommand()).then([vacancyPosted()]);
      expect(() => encodeEvent(vacancyPosted())).not.toThrow();
    });
    it('keeps every detail of the posting: employer, hours, contract, insurance, meals, contact', () => {
      const details = {
        employerId: 'employer-1',
        description: '流水线缝纫，计件加底薪',
        workingHours: '每天 8 小时，月休 4 天',
        contractTerms: '一年期劳动合同',
        socialInsurance: 'five_insurances_one_fund' as const,
        accommodation: true,
        meals: true,
        contact: { name: '陈经理', phone: '020-36061234' },
      };
      given(vacancyDecider)
        .when(postVacancyCommand(details))
        .then([vacancyPosted(details)]);
      const [event] = (
        vacancyDecider.decide(postVacancyCommand(details), { status: 'none' }) as {
          events: VacancyEvent[];
        }
      ).events;
      expect(event.data).toMatchObject(details);
      expect(() => encodeEvent(event)).not.toThrow();
    });
    it('posts a workshop vacancy with flexible hours', () => {
      const workshop = {
        source: { type: 'workshop' as const, id: 'ws-1' },
        location: { province: '贵州省', city: '安顺市', countyCode: '520402' },
        flexibleHours: true,
      };
      given(vacancyDecider)
        .when(postVacancyCommand(workshop))
        .then([vacancyPosted(workshop)]);
    });
    it('posts a public-welfare post with its welfare terms', () => {
      const welfare = {
        source: { type: 'public_welfare' as const, id: '520402' },
        location: { province: '贵州省', city: '安顺市', countyCode: '520402' },
        labourCapacities: ['partial' as const, 'weak' as const],
        welfare: { monthlySubsidy: 800, termMonths: 12 },
      };
      given(vacancyDecider)
        .when(postVacancyCommand(welfare))
        .then([vacancyPosted(welfare)]);
    });
    it('refuses a public-welfare post without welfare terms, and welfare terms on a market post', () => {
      const source = { type: 'public_welfare' as const, id: '520402' };
      given(vacancyDecider)
        .when(postVacancyCommand({ source }))
        .thenRejects('invalid_value', /welfare/i);
      given(vacancyDecider)
        .when(postVacancyCommand({ welfare: { monthlySubsidy: 800, termMonths: 12 } }))
        .thenRejects('invalid_value', /welfare/i);
    });
    it('refuses an expiry in the past and capacity none', () => {
      given(vacancyDecider)
        .when(postVacancyCommand({ expiresAt: '2026-01-01T00:00:00Z' }))
        .thenRejects('invalid_value');
      given(vacancyDecider)
        .when(postVacancyCommand({ labourCapacities: ['none'] }))
        .thenRejects('invalid_value');
    });
    it('refuses to post the same vacancy twice', () =>
      given(vacancyDecider, [vacancyPosted()]).when(postVacancyCommand()).thenRejects('already_exists'));
  });

  describe('changing openings and expiry, withdrawing, expiring', () => {
    const change = (openings: number): VacancyCommand => ({
      type: 'ChangeOpenings',
      vacancyId: 'v-1',
      openings,
      now,
    });
    it('changes openings, keeping the previous figure', () =>
      given(vacancyDecider, [vacancyPosted()])
        .when(change(5))
        .then([
          {
            type: 'VacancyOpeningsChanged',
            data: { vacancyId: 'v-1', openings: 5, previousOpenings: 2, changedAt: now },
          },
        ]));
    it('refuses openings below reserved plus filled', () =>
      given(vacancyDecider, [vacancyPosted(), reserved('p1'), reserved('p2'), confirmed('p1')])
        .when(change(1))
        .thenRejects('invalid_value', /2 openings reserved or filled/));
    it('released reservations do not count against openings', () =>
      given(vacancyDecider, [vacancyPosted(), reserved('p1'), reserved('p2'), released('p2')])
        .when(change(1))
        .then([
          {
            type: 'VacancyOpeningsChanged',
            data: { vacancyId: 'v-1', openings: 1, previousOpenings: 2, changedAt: now },
          },
        ]));
    it('refuses to change an unknown or withdrawn vacancy', () => {
      given(vacancyDecider).when(change(3)).thenRejects('not_found');
      given(vacancyDecider, [vacancyPosted(), withdrawn]).when(change(3)).thenRejects('vacancy_closed');
    });
    it('extends the expiry forward only', () => {
      const extend = (expiresAt: string) => extendExpiry(expiresAt, now);
      given(vacancyDecider, [vacancyPosted()])
        .when(extend('2026-07-01T00:00:00Z'))
        .then([expiryExtended('2026-07-01T00:00:00Z', now)]);
      given(vacancyDecider, [vacancyPosted()])
        .when(extend('2026-05-01T00:00:00Z'))
        .thenRejects('invalid_value');
      given(vacancyDecider, [vacancyPosted(), expired])
        .when(extend('2026-07-01T00:00:00Z'))
        .thenRejects('vacancy_closed');
    });
    it('does not reopen a vacancy past its expiry that the scheduler has not expired yet', () => {
      const { expiresAt } = postVacancyCommand();
      given(vacancyDecider, [vacancyPosted()])
        .when(extendExpiry('2030-01-01T00:00:00Z', expiresAt))
        .thenRejects('vacancy_expired');
    });
    it('withdraws once; a repeat appends nothing', () => {
      given(vacancyDecider, [vacancyPosted()])
        .when({ type: 'WithdrawVacancy', vacancyId: 'v-1', reason: 'filled elsewhere', now })
        .then([
          {
            type: 'VacancyWithdrawn',
            data: { vacancyId: 'v-1', reason: 'filled elsewhere', withdrawnAt: now },
          },
        ]);
      given(vacancyDecider, [vacancyPosted(), withdrawn])
        .when({ type: 'WithdrawVacancy', vacancyId: 'v-1', now })
        .thenNothing();
    });
    // Expiring: vacancy-expiry.decider.spec.ts.
  });

  describe('reserving an opening (saga step 1)', () => {
    it('reserves while openings are left', () =>
      given(vacancyDecider, [vacancyPosted(), reservedAt('p1')])
        .when(reserve('p2'))
        .then([reservedAt('p2')]));
    it('refuses when reserved plus confirmed reach the openings', () =>
      given(vacancyDecider, [vacancyPosted(), reservedAt('p1'), reservedAt('p2'), confirmed('p1')])
        .when(reserve('p3'))
        .thenRejects('vacancy_full'));
    it('a released reservation frees its opening', () =>
      given(vacancyDecider, [vacancyPosted(), reservedAt('p1'), reservedAt('p2'), released('p2')])
        .when(reserve('p3'))
        .then([reservedAt('p3')]));
    it('is idempotent for the same placement, even when full', () =>
      given(vacancyDecider, [vacancyPosted(), reservedAt('p1'), reservedAt('p2')])
        .when(reserve('p1'))
        .thenNothing());
    it('refuses a released placement id and a placement id reused for another worker', () => {
      given(vacancyDecider, [vacancyPosted(), reservedAt('p1'), released('p1')])
        .when(reserve('p1'))
        .thenRejects('forbidden_transition');
      given(vacancyDecider, [vacancyPosted(), reservedAt('p1')])
        .when(reserve('p1', 'other.1'))
        .thenRejects('invalid_value');
    });
    it('refuses on a withdrawn or expired vacancy, and after the expiry time', () => {
      given(vacancyDecider, [vacancyPosted(), withdrawn]).when(reserve('p1')).thenRejects('vacancy_closed');
      given(vacancyDecider, [vacancyPosted(), expired]).when(reserve('p1')).thenRejects('vacancy_closed');
      given(vacancyDecider, [vacancyPosted()])
        .when(reserve('p1', 'h-p1.1', '2026-06-01T00:00:00Z'))
        .thenRejects('vacancy_expired');
    });
    it('refuses on an unknown vacancy', () =>
      given(vacancyDecider).when(reserve('p1')).thenRejects('not_found'));
  });

  describe('confirming and releasing (saga step 3)', () => {
    const confirm = (placementId: string): VacancyCommand => ({
      type: 'ConfirmReservation',
      vacancyId: 'v-1',
      placementId,
      now: POSTED_AT,
    });
    const release = (placementId: string): VacancyCommand => ({
      type: 'ReleaseReservation',
      vacancyId: 'v-1',
      placementId,
      reason: 'worker_already_employed',
      now: POSTED_AT,
    });
    it('confirms a pending reservation, also after the vacancy was withdrawn', () => {
      given(vacancyDecider, [vacancyPosted(), reserved('p1')])
        .when(confirm('p1'))
        .then([confirmed('p1')]);
      given(vacancyDecider, [vacancyPosted(), reserved('p1'), withdrawn])
        .when(confirm('p1'))
        .then([confirmed('p1')]);
    });
    it('releases a pending reservation', () =>
      given(vacancyDecider, [vacancyPosted(), reserved('p1')])
        .when(release('p1'))
        .then([released('p1')]));
    it('repeats are no-ops; the other outcome is forbidden', () => {
      given(vacancyDecider, [vacancyPosted(), reserved('p1'), confirmed('p1')])
        .when(confirm('p1'))
        .thenNothing();
      given(vacancyDecider, [vacancyPosted(), reserved('p1'), released('p1')])
        .when(release('p1'))
        .thenNothing();
      given(vacancyDecider, [vacancyPosted(), reserved('p1'), confirmed('p1')])
        .when(release('p1'))
        .thenRejects('forbidden_transition');
      given(vacancyDecider, [vacancyPosted(), reserved('p1'), released('p1')])
        .when(confirm('p1'))
        .thenRejects('forbidden_transition');
    });
    it('refuses an unknown placement', () =>
      given(vacancyDecider, [vacancyPosted()]).when(confirm('p9')).thenRejects('not_found'));
  });
});

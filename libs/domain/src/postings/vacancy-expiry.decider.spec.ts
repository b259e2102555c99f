import { encodeEvent } from '@contracts';
import { given } from '../shared/testing/decider-spec';
import type { VacancyCommand } from './vacancy.commands';
import { vacancyDecider } from './vacancy.decider';
import {
  confirmed,
  EXPIRES_AT,
  expiryExtended,
  POSTED_AT,
  reserved,
  vacancyPosted,
} from './vacancy.fixtures';
import type { VacancyEvent } from './vacancy.state';

/** The fixture's vacancy expires at EXPIRES_AT and has two openings. */
const expire = (now: string): VacancyCommand => ({ type: 'ExpireVacancy', vacancyId: 'v-1', now });
const expiredAt = (at: string): VacancyEvent => ({
  type: 'VacancyExpired',
  data: { vacancyId: 'v-1', expiredAt: at },
});
const extended = expiryExtended('2026-07-01T00:00:00Z', POSTED_AT);
const withdrawn: VacancyEvent = {
  type: 'VacancyWithdrawn',
  data: { vacancyId: 'v-1', withdrawnAt: POSTED_AT },
};

describe('vacancy decider: ExpireVacancy (the scheduler’s sweep)', () => {
  it('expires an open vacancy once its expiresAt has come, at that time', () => {
    given(vacancyDecider, [vacancyPosted()])
      .when(expire(EXPIRES_AT))
      .then([expiredAt(EXPIRES_AT)]);
    expect(() => encodeEvent(expiredAt(EXPIRES_AT))).not.toThrow();
  });

  it('records the expiry time, not the time of the sweep, so every replica decides the same event', () => {
    given(vacancyDecider, [vacancyPosted()])
      .when(expire('2026-06-03T09:30:00Z'))
      .then([expiredAt(EXPIRES_AT)]);
  });

  it('refuses before the expiry (an early sweep), also after an extension moved it', () => {
    given(vacancyDecider, [vacancyPosted()])
      .when(expire('2026-05-31T23:59:59Z'))
      .thenRejects('forbidden_transition', /not yet/);
    given(vacancyDecider, [vacancyPosted(), extended])
      .when(expire('2026-06-02T00:00:00Z'))
      .thenRejects('forbidden_transition');
    given(vacancyDecider, [vacancyPosted(), extended])
      .when(expire('2026-07-01T00:00:00Z'))
      .then([expiredAt('2026-07-01T00:00:00Z')]);
  });

  it('appends nothing for a vacancy already expired or withdrawn', () => {
    given(vacancyDecider, [vacancyPosted(), expiredAt(EXPIRES_AT)])
      .when(expire('2026-06-02T00:00:00Z'))
      .thenNothing();
    given(vacancyDecider, [vacancyPosted(), withdrawn]).when(expire('2026-06-02T00:00:00Z')).thenNothing();
  });

  it('expires a vacancy whose openings are all taken (still open on its stream)', () =>
    given(vacancyDecider, [vacancyPosted(), reserved('p1'), reserved('p2'), confirmed('p1')])
      .when(expire(EXPIRES_AT))
      .then([expiredAt(EXPIRES_AT)]));

  it('reads an expiry given with an offset by its instant', () =>
    given(vacancyDecider, [vacancyPosted({ expiresAt: '2026-06-01T08:00:00+08:00' })])
      .when(expire(EXPIRES_AT))
      .then([expiredAt('2026-06-01T08:00:00+08:00')]));

  it('refuses an unknown vacancy', () =>
    given(vacancyDecider).when(expire(EXPIRES_AT)).thenRejects('not_found'));
});

import { EVENT_EXAMPLES, householdStream, vacancyStream } from '@contracts';
import { EventLogBuilder } from '../monitor/testing/event-log';
import { reduceDocuments, type AnyEnvelope, type DocumentMap } from '../shared/keyed-projection';
import { isDue } from './due-item';
import { vacancyExpiryProjection, type VacancyExpiryDue } from './vacancy-expiry.projection';
import { welfareTermProjection, type WelfareTermDue } from './welfare-term.projection';

const V = 'v-1';
const P = 'h1:p1';
const at = '2026-03-02T00:00:00Z';
const vacancies = (events: readonly AnyEnvelope[]) =>
  events.reduce(
    (s, e) => reduceDocuments(vacancyExpiryProjection, s, e),
    {} as DocumentMap<VacancyExpiryDue>,
  );
const terms = (events: readonly AnyEnvelope[]) =>
  events.reduce((s, e) => reduceDocuments(welfareTermProjection, s, e), {} as DocumentMap<WelfareTermDue>);

function vacancyLog(expiresAt = '2026-06-30T16:00:00Z') {
  const log = new EventLogBuilder();
  const stream = vacancyStream(V);
  const posted = { ...EVENT_EXAMPLES.VacancyPosted, vacancyId: V, expiresAt };
  log.append(stream, 'VacancyPosted', posted);
  return { log, stream };
}

function welfareLog(termEndsOn = '2027-04-01') {
  const log = new EventLogBuilder();
  const stream = householdStream('h1');
  log.append(stream, 'HouseholdRegistered', {
    householdId: 'h1',
    countyCode: '520402',
    relocationSiteId: 's',
    registeredAt: at,
  });
  const placed = {
    ...EVENT_EXAMPLES.WorkerPlaced,
    placementId: P,
    workerId: 'h1.1',
    householdId: 'h1',
    vacancyId: V,
  };
  log.append(stream, 'WorkerPlaced', {
    ...placed,
    channel: 'public_welfare',
    welfareTermEndsOn: termEndsOn,
    welfareCountyCode: '520402',
  });
  return { log, stream, placed };
}

describe('due items: vacancy expiries', () => {
  it('a posted vacancy is due at its expiresAt (canonical UTC), in the county of the post', () => {
    const { log } = vacancyLog('2026-07-01T00:00:00+08:00');
    expect(vacancies(log.events)[V]).toEqual({
      kind: 'vacancy_expiry',
      vacancyId: V,
      countyCode: '440106',
      expiresAt: '2026-07-01T00:00:00+08:00',
      dueAt: '2026-06-30T16:00:00.000Z',
      pending: true,
      closed: null,
      lastRevision: 0,
    });
    expect(isDue(vacancies(log.events)[V], '2026-06-30T15:59:59Z')).toBe(false);
    expect(isDue(vacancies(log.events)[V], '2026-07-01T00:00:00+08:00')).toBe(true);
  });

  it('moves with an extension and leaves the list once expired or withdrawn, whatever follows', () => {
    const { log, stream } = vacancyLog();
    log.append(stream, 'VacancyExpiryExtended', {
      vacancyId: V,
      expiresAt: '2026-08-01T00:00:00Z',
      previousExpiresAt: '2026-06-30T16:00:00Z',
      extendedAt: at,
    });
    expect(vacancies(log.events)[V]).toMatchObject({ dueAt: '2026-08-01T00:00:00.000Z', pending: true });
    const beforeExpiry = [...log.events];
    log.append(stream, 'VacancyExpired', { vacancyId: V, expiredAt: '2026-08-01T00:00:00Z' });
    expect(vacancies(log.events)[V]).toMatchObject({ pending: false, closed: 'expired', lastRevision: 2 });
    const withdrawn = vacancyLog();
    withdrawn.log.append(withdrawn.stream, 'VacancyWithdrawn', { vacancyId: V, withdrawnAt: at });
    expect(vacancies(withdrawn.log.events)[V]).toMatchObject({ pending: false, closed: 'withdrawn' });
    expect(vacancies(beforeExpiry)[V].pending).toBe(true);
  });

  it('survives a replay: every event twice gives the same documents', () => {
    const { log, stream } = vacancyLog();
    log.append(stream, 'VacancyExpired', { vacancyId: V, expiredAt: at });
    expect(vacancies(log.events.flatMap((e) => [e, e]))).toEqual(vacancies(log.events));
  });
});

describe('due items: public-welfare term ends', () => {
  it('a welfare placement is due at the start of its term end day, in the county of the post', () => {
    const { log } = welfareLog();
    expect(terms(log.events)[P]).toEqual({
      kind: 'welfare_term_end',
      placementId: P,
      workerId: 'h1.1',
      householdId: 'h1',
      vacancyId: V,
      countyCode: '520402',
      termEndsOn: '2027-04-01',
      dueAt: '2027-03-31T16:00:00.000Z',
      pending: true,
      renewals: 0,
      ended: null,
      lastRevision: 1,
    });
  });

  it('a renewal moves the due date; an end of the placement takes it off the list', () => {
    const { log, stream } = welfareLog();
    log.append(stream, 'WelfareTermRenewed', {
      workerId: 'h1.1',
      householdId: 'h1',
      placementId: P,
      termEndsOn: '2028-04-01',
      renewedAt: at,
    });
    expect(terms(log.events)[P]).toMatchObject({
      termEndsOn: '2028-04-01',
      dueAt: '2028-03-31T16:00:00.000Z',
      renewals: 1,
      pending: true,
    });
    log.append(stream, 'EmploymentEnded', {
      workerId: 'h1.1',
      householdId: 'h1',
      employmentId: P,
      reason: 'quit',
      endedAt: at,
    });
    expect(terms(log.events)[P]).toMatchObject({ pending: false, ended: { reason: 'quit', endedAt: at } });
    expect(terms(log.events.flatMap((e) => [e, e]))).toEqual(terms(log.events));
  });

  it('a placement without a term and an end of another employment make no document', () => {
    const log = new EventLogBuilder();
    const stream = householdStream('h1');
    log.append(stream, 'WorkerPlaced', {
      ...EVENT_EXAMPLES.WorkerPlaced,
      placementId: 'h1:p2',
      workerId: 'h1.1',
      householdId: 'h1',
    });
    log.append(stream, 'EmploymentEnded', {
      workerId: 'h1.1',
      householdId: 'h1',
      employmentId: 'h1:p2',
      reason: 'quit',
      endedAt: at,
    });
    expect(terms(log.events)).toEqual({});
  });
});

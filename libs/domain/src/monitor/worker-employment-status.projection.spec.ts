import { projectAll, type AnyEnvelope } from '../shared/keyed-projection';
import { householdStream } from '@contracts';
import { EventLogBuilder } from './testing/event-log';
import { HouseholdScript } from './testing/fixtures';
import { workerEmploymentStatusProjection } from './worker-employment-status.projection';

const project = (events: readonly AnyEnvelope[]) => projectAll(workerEmploymentStatusProjection, events);

describe('worker-employment-status projection', () => {
  it('follows each worker through placements, ends and reported employment', () => {
    const script = new HouseholdScript()
      .register('2026-03-01T00:00:00Z', ['full', 'full'])
      .place('2026-03-02T00:00:00Z', 1, 'p-1', 'in_province')
      .end('2026-04-02T00:00:00Z', 1, 'p-1')
      .report('2026-04-05T00:00:00Z', 1, 'e-1', 'self_employed');
    const docs = project(script.log.events);
    expect(docs['hh-a.1']).toMatchObject({
      employed: true,
      employmentId: 'e-1',
      channel: 'self_employed',
      since: '2026-04-05',
      placementIds: ['p-1'],
    });
    expect(docs['hh-a.2']).toMatchObject({ employed: false, channel: null, placementIds: [] });
    expect(project(script.log.events.flatMap((e) => [e, e]))).toEqual(docs);
  });

  it('records a voided placement without employing anyone', () => {
    const script = new HouseholdScript().register('2026-03-01T00:00:00Z', ['full']);
    const log = script.log as EventLogBuilder;
    log.append(householdStream('hh-a'), 'PlacementVoided', {
      ...{ placementId: 'p-9', workerId: 'hh-a.1', householdId: 'hh-a', vacancyId: 'v-1' },
      ...{ reason: 'lease_expired', voidedAt: '2026-03-02T00:00:00Z' },
    });
    expect(project(log.events)['hh-a.1']).toMatchObject({ employed: false, voidedPlacementIds: ['p-9'] });
  });
});

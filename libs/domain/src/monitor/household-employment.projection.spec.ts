import { householdEmploymentProjection, householdEmploymentView } from './household-employment.projection';
import { type HouseholdEmployment } from './household-employment';
import { applyProjection, type AnyEnvelope } from '../shared/keyed-projection';
import { HouseholdScript } from './testing/fixtures';

const project = (events: readonly AnyEnvelope[]): HouseholdEmployment | undefined =>
  events.reduce<HouseholdEmployment | undefined>(
    (doc, e) => applyProjection(householdEmploymentProjection, doc, e),
    undefined,
  );

/** Marks events as the batch one command appended (what the decider runner stamps in their metadata). */
const asOneBatch = (events: readonly AnyEnvelope[]): AnyEnvelope[] =>
  events.map((e, index) => ({ ...e, metadata: { ...e.metadata, batch: { index, size: events.length } } }));

describe('household-employment projection', () => {
  it('a household registered with a labour-capable member is in zero-employment from its registration', () => {
    const script = new HouseholdScript().register('2026-03-01T08:00:00Z', ['full', 'none']);
    expect(householdEmploymentView(project(script.log.events)!)).toMatchObject({
      householdId: 'hh-a',
      status: 'zero_employment',
      labourCapableMembers: 1,
      employedMembers: 0,
      channels: [],
      openCase: { openedAt: '2026-03-01T08:00:00Z' },
    });
  });

  it('is covered once a member is placed, with the channel, and opens a second case when the job ends', () => {
    const script = new HouseholdScript()
      .register('2026-03-01T08:00:00Z', ['full'])
      .place('2026-03-02T08:00:00Z', 1, 'p-1', 'workshop');
    const covered = project(script.log.events)!;
    expect(covered).toMatchObject({
      status: 'covered',
      channels: ['workshop'],
      openCase: null,
      casesOpened: 1,
    });
    expect(covered.lastStatusChangeAt).toBe('2026-03-02T08:00:00Z');
    expect(covered.prefectureCode).toBe('520400');
    script.end('2026-04-01T00:00:00Z', 1, 'p-1');
    expect(project(script.log.events)).toMatchObject({
      status: 'zero_employment',
      openCase: { caseNo: 2, openedAt: '2026-04-01T00:00:00Z' },
    });
  });

  it('counts an employed member whose capacity became none as employed: the household stays covered', () => {
    const script = new HouseholdScript()
      .register('2026-03-01T08:00:00Z', ['full'])
      .report('2026-03-02T08:00:00Z', 1, 'e-1', 'flexible')
      .capacity('2026-03-03T08:00:00Z', 1, 'none', 'full');
    expect(project(script.log.events)).toMatchObject({
      status: 'covered',
      labourCapableMembers: 0,
      employedMembers: 1,
      employedLabourCapableMembers: 0,
    });
  });

  it('is no-labour when no member can work, and ignores an end of an employment that is not current', () => {
    const script = new HouseholdScript()
      .register('2026-03-01T08:00:00Z', ['weak'])
      .capacity('2026-03-05T08:00:00Z', 1, 'none', 'weak')
      .end('2026-03-06T08:00:00Z', 1, 'unknown');
    expect(project(script.log.events)).toMatchObject({
      status: 'no_labour',
      openCase: null,
      lastStatusChangeAt: '2026-03-05T08:00:00Z',
    });
  });

  it('applies each event once: a replay of any event changes nothing', () => {
    const script = new HouseholdScript()
      .register('2026-03-01T08:00:00Z', ['full', 'partial'])
      .place('2026-03-02T08:00:00Z', 2, 'p-1', 'out_of_province')
      .end('2026-03-09T08:00:00Z', 2, 'p-1');
    const once = project(script.log.events);
    expect(project(script.log.events.flatMap((e) => [e, e]))).toEqual(once);
    const last = script.log.events[script.log.events.length - 1];
    expect(applyProjection(householdEmploymentProjection, once, last)).toBe(once);
  });
  it('opens no case for a household registered together with its members’ jobs (one batch)', () => {
    const script = new HouseholdScript()
      .register('2026-03-01T08:00:00Z', ['full', 'partial'])
      .report('2026-03-01T08:00:00Z', 1, 'e-1', 'workshop');
    const doc = project(asOneBatch(script.log.events))!;
    expect(doc).toMatchObject({ status: 'covered', openCase: null, casesOpened: 0 });
  });

  it('settles at the end of a batch even when its last event changes no figure', () => {
    const script = new HouseholdScript().register('2026-03-01T08:00:00Z', ['full']);
    const [registered, worker] = script.log.events;
    const profile = {
      ...worker,
      type: 'WorkerProfileUpdated',
      revision: worker.revision + 1,
      position: worker.position + 1n,
      data: {
        workerId: 'hh-a.1',
        householdId: 'hh-a',
        skills: ['6-05-01-03'],
        updatedAt: '2026-03-01T08:00:00Z',
      },
    } as unknown as AnyEnvelope;
    const [a, b, c] = asOneBatch([registered, worker, profile]);
    const midBatch = project([a, b])!;
    expect(midBatch).toMatchObject({ status: 'zero_employment', openCase: null });
    expect(project([a, b, c])).toMatchObject({
      status: 'zero_employment',
      openCase: { caseNo: 1, openedAt: '2026-03-01T08:00:00Z' },
    });
  });
});

import { CURRENT_EVENTS, STREAM_KINDS } from '@contracts';
import { STREAM_CATEGORIES, TOPICS, topicOf, UnroutableEvent } from './topics';

describe('topicOf', () => {
  it('routes every event type of the contracts from at least one kind of stream', () => {
    const routed = new Set(STREAM_CATEGORIES.flatMap((c) => [...c.events]));
    expect(CURRENT_EVENTS.map((d) => d.type).filter((t) => !routed.has(t))).toEqual([]);
  });

  it('routes each event type from the kind of stream its definition names, and from no other', () => {
    for (const { type, stream } of CURRENT_EVENTS) {
      const from = STREAM_CATEGORIES.filter((c) => c.events.has(type)).map((c) => c.prefix);
      expect([type, from]).toEqual([type, [STREAM_KINDS[stream].prefix]]);
    }
    expect(() => topicOf('labour-station-1', 'VacancyPosted')).toThrow(UnroutableEvent);
  });

  it('keeps a household stream on one topic, workforce and placement events alike (so its order holds)', () => {
    expect(topicOf('household-1', 'WorkerRegistered')).toBe(TOPICS.workforce);
    expect(topicOf('household-1', 'WorkerPlaced')).toBe(TOPICS.workforce);
    expect(topicOf('household-1', 'PlacementVoided')).toBe(TOPICS.workforce);
    expect(topicOf('household-1', 'ResidentIdClaimVoided')).toBe(TOPICS.workforce);
  });

  it('routes claims on a person with the workforce, and only there', () => {
    expect(topicOf(`resident-${'a'.repeat(64)}`, 'ResidentIdClaimed')).toBe(TOPICS.workforce);
    expect(topicOf(`resident-${'a'.repeat(64)}`, 'ResidentIdReleased')).toBe(TOPICS.workforce);
    expect(() => topicOf('household-1', 'ResidentIdClaimed')).toThrow(UnroutableEvent);
  });

  it('routes postings and monitor streams to their contexts', () => {
    expect(topicOf('vacancy-1', 'VacancyOpeningReserved')).toBe(TOPICS.postings);
    expect(topicOf('labour-station-1', 'LabourStationRegistered')).toBe(TOPICS.postings);
    expect(topicOf('workshop-1', 'WorkshopCertified')).toBe(TOPICS.postings);
    expect(topicOf('employment-monitor-h1', 'TransportSubsidyEligible')).toBe(TOPICS.monitor);
    expect(topicOf('zero-employment-case-h1:1', 'ZeroEmploymentCaseOpened')).toBe(TOPICS.monitor);
    expect(topicOf('county-settings-520402', 'CountyCaseDeadlinesSet')).toBe(TOPICS.monitor);
  });

  it('refuses an unknown kind of stream, or an event type the contracts do not place in that stream', () => {
    expect(() => topicOf('mystery-1', 'WorkerPlaced')).toThrow(UnroutableEvent);
    expect(() => topicOf('vacancy-1', 'WorkerPlaced')).toThrow(UnroutableEvent);
  });
});

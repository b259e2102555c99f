/**
 * What the scheduler does for one due item: one command decided on one stream, with an event id derived from
 * the item, so two replicas, a retry, or a run after a crash between the decision and the append offer the
 * store the very same event (ADR 0006's step shape).
 */
import { householdStream, vacancyStream, type EventMetadata } from '@contracts';
import { vacancyDecider } from '@lib/domain/postings/vacancy.decider';
import { nameBasedUuid } from '@lib/domain/shared/name-based-id';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import type { EventStore } from '@lib/event-store';
import { runStep, type StepResult } from '../shared/flow-step';
import type { DueEntry } from './due-items';

// A fixed namespace for the scheduler's name-based ids (a random v4, chosen once).
const SCHEDULER_NAMESPACE = '3b8e5d2a-7c41-4f0e-9a63-d5c1f8e2b7a4';

/** A vacancy expires once, whatever its expiresAt became: its id is the vacancy's. */
export const vacancyExpiredEventId = (vacancyId: string): string =>
  nameBasedUuid(SCHEDULER_NAMESPACE, `vacancy-expired/${vacancyId}`);

/** A term ends once per end date: a renewed term ends under another id. */
export const welfareTermEndedEventId = (placementId: string, termEndsOn: string): string =>
  nameBasedUuid(SCHEDULER_NAMESPACE, `welfare-term-end/${placementId}/${termEndsOn}`);

/** The event type the item's step appends. */
export const eventTypeOf = (item: DueEntry): 'VacancyExpired' | 'EmploymentEnded' =>
  item.kind === 'vacancy_expiry' ? 'VacancyExpired' : 'EmploymentEnded';

/** Runs the item's step: the decider of its stream decides on what the stream says now, not on the read model. */
export function runDueStep(
  store: EventStore,
  item: DueEntry,
  now: string,
  metadata: EventMetadata,
): Promise<StepResult> {
  if (item.kind === 'vacancy_expiry') {
    const { vacancyId } = item;
    return runStep(
      store,
      {
        streamId: vacancyStream(vacancyId),
        decider: vacancyDecider,
        command: { type: 'ExpireVacancy', vacancyId, now },
        eventId: vacancyExpiredEventId(vacancyId),
      },
      metadata,
    );
  }
  const { householdId, workerId, placementId, termEndsOn } = item;
  return runStep(
    store,
    {
      streamId: householdStream(householdId),
      decider: householdDecider,
      command: {
        type: 'EndEmployment',
        workerId,
        employmentId: placementId,
        reason: 'welfare_term_end',
        termEndsOn,
        now,
      },
      eventId: welfareTermEndedEventId(placementId, termEndsOn),
    },
    metadata,
  );
}

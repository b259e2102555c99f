import { dayOf, earliestWorkingDay, startOfDay } from '../shared/business-dates';
import { type Decision, reject } from '../shared/decider';
import type { RegisteringMember } from './household.commands';

/**
 * The household's checks of business dates (libs/domain/src/shared/business-dates.ts): each answers the
 * rejection, a 400 naming the request's `field`, or undefined when the date is plausible.
 */
type Refusal = Decision<never> | undefined;

/**
 * An employment's start date (a report, a registration's current employment, a placement): a day that has come in
 * Guizhou, so a job that has not started is never counted as employment now, and not before the worker turned 16.
 */
export function startDateRefusal(startDate: string, birthYear: number, now: string, field: string): Refusal {
  const today = dayOf(now);
  if (startDate > today) {
    return reject('invalid_value', `${field} ${startDate} is after today (${today}): not employment yet`, {
      field,
    });
  }
  return beforeWorkingAgeRefusal(startOfDay(startDate), birthYear, field);
}

/** A current employment's start date, checked as a report's is, named by the request's field. */
export function currentEmploymentRefusal(members: readonly RegisteringMember[], now: string): Refusal {
  for (const [index, { currentEmployment, birthYear }] of members.entries()) {
    if (!currentEmployment) continue;
    const field = `members.${index}.currentEmployment.startDate`;
    const refusal = startDateRefusal(currentEmployment.startDate, birthYear, now, field);
    if (refusal) return refusal;
  }
  return undefined;
}

/** Something that happened at a time of day (a training completed): not before the worker turned 16. */
export function beforeWorkingAgeRefusal(at: number | string, birthYear: number, field: string): Refusal {
  const earliest = earliestWorkingDay(birthYear);
  const instant = typeof at === 'number' ? at : Date.parse(at);
  if (instant >= startOfDay(earliest)) return undefined;
  return reject(
    'invalid_value',
    `${field} is before the worker turned 16 (born ${birthYear}: ${earliest} at the earliest)`,
    { field },
  );
}

/**
 * A time something happened in a job (its end, a follow-up visit): not after `now`, and not before the job
 * started (its start date's first instant).
 */
export function withinEmploymentRefusal(at: string, startDate: string, now: string, field: string): Refusal {
  if (Date.parse(at) > Date.parse(now))
    return reject('invalid_value', `${field} is in the future`, { field });
  if (Date.parse(at) < startOfDay(startDate)) {
    return reject('invalid_value', `${field} is before the employment started (${startDate})`, { field });
  }
  return undefined;
}

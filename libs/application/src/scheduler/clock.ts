/**
 * The scheduler's clock, a port: the apps give it the system's time, tests a clock they move. Deciders never
 * read a clock (their `now` comes in the command); the scheduler reads this one once per run.
 */
export interface Clock {
  /** The current time as an ISO 8601 date-time. */
  now(): string;
}

import type { EventMetadata } from '@contracts';
import type { Rejection } from '@lib/domain/shared/decider';
import type { EventStore, Position } from '@lib/event-store';
import type { ReadStore } from '@lib/read-store';
import type { Clock } from './clock';
import { findDueItems, keyOf, type DueEntry } from './due-items';
import { eventTypeOf, runDueStep } from './scheduled-steps';

/**
 * The scheduler closes life-cycles on time: a vacancy expires at its expiresAt, a public-welfare placement ends
 * at its term's end unless renewed. A run reads the time once, asks the due-items read model for what is due
 * (oldest first, at most `limit`), and runs each item's single-stream step (scheduled-steps.ts).
 *
 * Exactly once across restarts and replicas, with no lock and no lease: the read model only says what to look
 * at; each stream's decider decides on the stream itself (already expired, renewed, ended: nothing), the
 * append carries the stream's expected revision (a replica that lost the race reloads and finds it done), and
 * the event id is derived from the item (a retry, or a run after a crash between the decision and the append,
 * offers the same event, which the store keeps once).
 */
export interface SchedulerOptions {
  readonly events: EventStore;
  /** The read store the employment monitor's projector writes (the due-items collections). */
  readonly reads: ReadStore;
  readonly clock: Clock;
  /** Items handled per run at most (default 1000): a backlog is worked off over several runs. */
  readonly limit?: number;
  /** Steps run at once (default 8): appends to different streams share the store's commits. */
  readonly concurrency?: number;
}

export interface ScheduledAppend {
  readonly kind: DueEntry['kind'];
  /** The vacancy id or the placement id. */
  readonly key: string;
  readonly eventType: 'VacancyExpired' | 'EmploymentEnded';
  readonly dueAt: string;
  readonly position: Position;
}

export interface SchedulerRun {
  /** The time the run read from the clock, and decided with. */
  readonly now: string;
  /** Items the read model listed as due. */
  readonly found: number;
  /** Seconds spent finding them. */
  readonly findSeconds: number;
  /** What this run appended (a replica racing with the same event id may report the same append). */
  readonly appended: readonly ScheduledAppend[];
  /** Items whose stream already had the effect (the read model had not caught up, or another run did it). */
  readonly alreadyDone: number;
  /** Items a decider refused: the stream says it is not due (the read model is behind an extension, say). */
  readonly refused: readonly { readonly key: string; readonly rejection: Rejection }[];
  /** Items whose step threw (a store error, a stream contended beyond the runner's retries); tried next run. */
  readonly failed: readonly { readonly key: string; readonly error: string }[];
  /** The run stopped at `limit`: more may be due now. */
  readonly more: boolean;
}

export const SCHEDULER_ACTOR = { id: 'scheduler', role: 'system' } as const;

export class Scheduler {
  private readonly limit: number;
  private readonly concurrency: number;

  constructor(private readonly options: SchedulerOptions) {
    this.limit = options.limit ?? 1000;
    this.concurrency = options.concurrency ?? 8;
  }

  /** One run: find what is due now and run its steps. Safe to run again at any time, on any replica. */
  async runOnce(): Promise<SchedulerRun> {
    const now = this.options.clock.now();
    const started = process.hrtime.bigint();
    const due = await findDueItems(this.options.reads, { now, limit: this.limit });
    const findSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const metadata = schedulerMetadata(now);
    const appended: ScheduledAppend[] = [];
    const refused: { key: string; rejection: Rejection }[] = [];
    const failed: { key: string; error: string }[] = [];
    let alreadyDone = 0;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < due.length) {
        const item = due[next++];
        const key = keyOf(item);
        try {
          const result = await runDueStep(this.options.events, item, now, metadata);
          if (!result.ok) refused.push({ key, rejection: result.rejection });
          else if (result.appended === 0) alreadyDone += 1;
          else {
            const { kind, dueAt } = item;
            appended.push({ kind, key, eventType: eventTypeOf(item), dueAt, position: result.position });
          }
        } catch (error) {
          failed.push({ key, error: error instanceof Error ? error.message : String(error) });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, due.length) }, worker));
    appended.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
    return {
      now,
      found: due.length,
      findSeconds,
      appended,
      alreadyDone,
      refused,
      failed,
      more: due.length >= this.limit,
    };
  }
}

/** The metadata of a run's appends: the scheduler as a system actor, one correlation per run time. */
export function schedulerMetadata(now: string): EventMetadata {
  const correlationId = `scheduler:${now}`;
  return { actor: SCHEDULER_ACTOR, correlationId, causationId: correlationId, now };
}

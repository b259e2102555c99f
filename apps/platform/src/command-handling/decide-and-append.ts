import { householdStream, type DomainEvent, type EventMetadata } from '@contracts';
import type { Decider } from '@lib/domain/shared/decider';
import type { HouseholdCommand } from '@lib/domain/workforce/household.commands';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import type { HouseholdEvent } from '@lib/domain/workforce/household.state';
import { runDecider, type AppendedEvent, type EventStore, type Position } from '@lib/event-store';
import type { CommandContext } from './command-context';
import { orReject } from './rejection';

export interface Appended<E> {
  /** What the decision appended (none for an idempotent repeat). */
  readonly events: readonly AppendedEvent<E>[];
  /** The global position of the command's last event (of the stream's last event when nothing was new). */
  readonly position: Position;
}

/**
 * Loads the stream, decides, appends with the expected revision (the runner retries lost races); a
 * rejection becomes its HTTP problem, so nothing is appended on a 4xx; a stream so contended that the runner
 * gave up is a 409 `concurrency_conflict` with Retry-After (the exception filter). The one place
 * single-stream handlers meet the runner.
 */
export async function decideAndAppend<C, S, E extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decider: Decider<C, S, E>,
  command: C,
  metadata: EventMetadata,
): Promise<Appended<E>> {
  const { events, position } = orReject(await runDecider({ store, streamId, decider, command, metadata }));
  return { events, position };
}

/**
 * decideAndAppend of one household command: the household decider on the household's stream, with the
 * request's metadata.
 */
export function decideOnHousehold(
  store: EventStore,
  householdId: string,
  command: HouseholdCommand,
  ctx: CommandContext,
): Promise<Appended<HouseholdEvent>> {
  return decideAndAppend(store, householdStream(householdId), householdDecider, command, ctx.metadata);
}

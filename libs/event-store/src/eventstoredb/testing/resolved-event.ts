import type { AllStreamResolvedEvent } from '@eventstore/db-client';
import { newEvent } from '../../testing/event-fixtures';
import { toJsonEvent } from '../eventstoredb-mapping';

/** An event of ours as the client reads it from $all, at `position` (commit and prepare alike). */
export function resolvedEvent(
  position: bigint,
  streamId = 'vacancy-1',
  type = 'VacancyPosted',
): AllStreamResolvedEvent {
  const sent = toJsonEvent(newEvent(type, { at: position.toString() }));
  return {
    event: {
      streamId,
      id: sent.id,
      isJson: true,
      revision: 0n,
      type,
      created: new Date(0),
      data: sent.data,
      metadata: sent.metadata,
      position: { commit: position, prepare: position },
    },
  } as AllStreamResolvedEvent;
}

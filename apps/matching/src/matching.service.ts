import type { ServiceAppOptions } from '../../platform/src/config/service-app';
import { MatchingModule } from '../../platform/src/matching/matching.module';
import { PlacementsModule } from '../../platform/src/placements/placements.module';

/**
 * The matching service: placements (the saga, with its recovery at start), recommendations, candidates
 * and match plans. The in-memory matching state is built by MatchingModule as it is: from the event store's
 * subscription of the whole log at every start (EventStoreDB's $all here), not from Kafka; its feed is not
 * pluggable, so each replica reads the store itself (docs/OPERATIONS.md).
 */
export function matchingService(env: NodeJS.ProcessEnv = process.env): ServiceAppOptions {
  return { name: 'matching', env, modules: [PlacementsModule, MatchingModule] };
}

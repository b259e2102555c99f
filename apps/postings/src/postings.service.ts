import type { ServiceAppOptions } from '../../platform/src/config/service-app';
import { PostingsModule } from '../../platform/src/postings/postings.module';

/**
 * The postings service: labour stations, workshops and vacancies (the commands). Stateless besides its
 * idempotency records: replicas behind a load balancer, the event store's expected revisions arbitrate.
 * The vacancy list (a query) is served by the monitor, which holds the read model.
 */
export function postingsService(env: NodeJS.ProcessEnv = process.env): ServiceAppOptions {
  return { name: 'postings', env, modules: [PostingsModule] };
}

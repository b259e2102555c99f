import type { ServiceAppOptions } from '../../platform/src/config/service-app';
import { WorkforceModule } from '../../platform/src/workforce/workforce.module';

/**
 * The workforce service: households, workers, trainings and employment reported from outside the platform
 * (the commands). Stateless besides its idempotency records, like postings.
 */
export function workforceService(env: NodeJS.ProcessEnv = process.env): ServiceAppOptions {
  return { name: 'workforce', env, modules: [WorkforceModule] };
}

import { deploymentConfigFromEnv } from '../../platform/src/config/deployment-config';
import type { ServiceAppOptions } from '../../platform/src/config/service-app';
import { RelayModule, type RelayModuleOptions } from './relay.module';

/**
 * The relay service: the event store's global log → Kafka, from its checkpoint. No HTTP API besides
 * /health, /ready and /docs. Run exactly one (docs/OPERATIONS.md).
 */
export function relayService(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Omit<RelayModuleOptions, 'deployment'> = {},
): ServiceAppOptions {
  const deployment = deploymentConfigFromEnv(env);
  return { name: 'relay', env, modules: [RelayModule.register({ ...overrides, deployment })] };
}

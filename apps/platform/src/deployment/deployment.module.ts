import { DynamicModule, Global, Module } from '@nestjs/common';
import { deploymentConfigFromEnv, type DeploymentConfig } from '../config/deployment-config';

/** The injection token of the process's `DeploymentConfig`: which servers hold its stores. */
export const DEPLOYMENT_CONFIG = 'DEPLOYMENT_CONFIG';

/** No server named: every store in a SQLite file of the data directory. */
export const EMBEDDED_DEPLOYMENT: DeploymentConfig = deploymentConfigFromEnv({});

/** Makes the deployment injectable everywhere, for the providers that open a store where it says. */
@Global()
@Module({})
export class DeploymentModule {
  static register(deployment: DeploymentConfig): DynamicModule {
    return {
      module: DeploymentModule,
      providers: [{ provide: DEPLOYMENT_CONFIG, useValue: deployment }],
      exports: [DEPLOYMENT_CONFIG],
    };
  }
}

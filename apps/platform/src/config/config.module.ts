import { DynamicModule, Global, Module } from '@nestjs/common';
import { PLATFORM_CONFIG, type PlatformConfig } from './platform-config';

/** Makes the resolved configuration injectable everywhere as `PLATFORM_CONFIG`. */
@Global()
@Module({})
export class PlatformConfigModule {
  static register(config: PlatformConfig): DynamicModule {
    return {
      module: PlatformConfigModule,
      providers: [{ provide: PLATFORM_CONFIG, useValue: config }],
      exports: [PLATFORM_CONFIG],
    };
  }
}

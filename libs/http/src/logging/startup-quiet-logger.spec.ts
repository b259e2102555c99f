import type { LoggerService } from '@nestjs/common';
import { StartupQuietLogger } from './startup-quiet-logger';

function recording(): { calls: string[]; logger: LoggerService } {
  const calls: string[] = [];
  const record =
    (level: string) =>
    (message: unknown, ...rest: unknown[]) =>
      calls.push(`${level} ${String(message)} [${rest.join(',')}]`);
  return {
    calls,
    logger: { log: record('log'), error: record('error'), warn: record('warn'), debug: record('debug') },
  };
}

describe('StartupQuietLogger', () => {
  it("moves Nest's module, route and factory lines to debug and leaves every other line as it was", () => {
    const { calls, logger } = recording();
    const quiet = new StartupQuietLogger(logger);
    quiet.log('AuthModule dependencies initialized', 'InstanceLoader');
    quiet.log('Mapped {/v1/households, POST} route', 'RouterExplorer');
    quiet.log('HealthController {/health}:', 'RoutesResolver');
    quiet.log('Starting Nest application...', 'NestFactory');
    quiet.log('Nest application successfully started', 'NestApplication');
    quiet.log('platform listening on port 3000', 'Bootstrap');
    quiet.warn('JWT_SECRET is the development secret', 'Bootstrap');
    quiet.error('boom', 'stack', 'InstanceLoader');
    expect(calls).toEqual([
      'debug AuthModule dependencies initialized [InstanceLoader]',
      'debug Mapped {/v1/households, POST} route [RouterExplorer]',
      'debug HealthController {/health}: [RoutesResolver]',
      'debug Starting Nest application... [NestFactory]',
      'log Nest application successfully started [NestApplication]',
      'log platform listening on port 3000 [Bootstrap]',
      'warn JWT_SECRET is the development secret [Bootstrap]',
      'error boom [stack,InstanceLoader]',
    ]);
  });
});

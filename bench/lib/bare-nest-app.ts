/**
 * The yardstick of the HTTP throughput benchmark: a bare NestJS application (Express, no logger, no guard,
 * no interceptor) answering `GET /bare` with a small JSON object, on PORT. Started as a child process.
 */
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

@Controller()
class BareController {
  @Get('bare')
  bare(): { readonly ok: boolean; readonly county: string; readonly at: string } {
    return { ok: true, county: '520402', at: new Date().toISOString() };
  }

  @Get('ready')
  ready(): { readonly status: string } {
    return { status: 'ready' };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(BareModule, { logger: false });
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT), '127.0.0.1');
}

void main();

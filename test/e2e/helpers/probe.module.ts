import { setTimeout as sleep } from 'node:timers/promises';
import { Controller, Get, HttpCode, Module, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { ERROR_CODES } from '@contracts/http/errors';
import { CurrentPrincipal, Public, Roles, canActForCounty, requireScope, type Principal } from '@lib/auth';
import {
  ApiDoc,
  CorrelationId,
  DomainRejection,
  IdempotencyKey,
  ZodBody,
  currentRequestContext,
  withPosition,
} from '@lib/http';

export const ProbeCommandSchema = z.strictObject({
  countyCode: z.string().regex(/^\d{6}$/),
  openings: z.number().int().min(1).max(1000),
  /** Makes the handler take this long, to race duplicates against it. */
  delayMs: z.number().int().min(0).max(2000).optional(),
  /** Makes the handler reject with this domain code. */
  reject: z.enum(ERROR_CODES).optional(),
});
const ProbeResultSchema = z.object({ executions: z.number(), position: z.string() });
const OkSchema = z.object({ ok: z.literal(true) });
const CountySchema = z.object({ countyCode: z.string() });
const requestContext = z.object({ correlationId: z.string(), idempotencyKey: z.string().optional() });
const ContextSchema = requestContext.extend({ fromStorage: requestContext.nullable() });
const ok = { summary: 'A probe', responses: { 200: { description: 'OK', schema: OkSchema } } };

/**
 * Routes that exist only in tests, to exercise the shell (auth, validation, idempotency, errors) before
 * real command endpoints exist. Counts its executions so a test sees whether a replay executed.
 */
@Controller('test')
export class ProbeController {
  executions = 0;

  @Get('admin-only')
  @Roles('admin')
  @ApiDoc(ok)
  adminOnly(): { ok: true } {
    return { ok: true };
  }

  @Get('counties/:code')
  @ApiDoc({ summary: 'A county', responses: { 200: { description: 'OK', schema: CountySchema } } })
  county(@Param('code') code: string, @CurrentPrincipal() principal: Principal): { countyCode: string } {
    requireScope(canActForCounty(principal, code));
    return { countyCode: code };
  }

  @Post('commands')
  @Roles('county_office', 'admin')
  @ApiDoc({
    summary: 'A test command',
    responses: { 201: { description: 'Done', schema: ProbeResultSchema } },
  })
  async command(@ZodBody(ProbeCommandSchema) body: z.infer<typeof ProbeCommandSchema>) {
    if (body.delayMs) await sleep(body.delayMs);
    if (body.reject) throw new DomainRejection({ code: body.reject, message: `rejected: ${body.reject}` });
    this.executions += 1;
    return withPosition({ executions: this.executions }, BigInt(this.executions) * 10n);
  }

  @Post('context')
  @HttpCode(200)
  @ApiDoc({ summary: 'The context', responses: { 200: { description: 'OK', schema: ContextSchema } } })
  context(@CorrelationId() correlationId: string, @IdempotencyKey() idempotencyKey: string | undefined) {
    return { correlationId, idempotencyKey, fromStorage: currentRequestContext() ?? null };
  }

  @Get('boom')
  @ApiDoc(ok)
  boom(): never {
    throw new Error('database password is hunter2');
  }

  /** Answers a field its schema does not name, as a forgotten schema change would. */
  @Get('drift')
  @ApiDoc(ok)
  drift() {
    return { ok: true, internalNote: 'not for clients' };
  }

  @Public()
  @Get('public')
  @ApiDoc(ok)
  open(): { ok: true } {
    return { ok: true };
  }
}

@Module({ controllers: [ProbeController] })
export class ProbeModule {}

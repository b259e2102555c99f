import { Controller, Get } from '@nestjs/common';
import { z } from 'zod';
import { Roles } from '@lib/auth';
import { ApiDoc, ZodQuery } from '@lib/http';
import { AccessLog } from './access-log.service';

const accessLogQuery = z
  .object({
    /** A data subject: a household id or a worker id. */
    subject: z.string().min(1).max(128).optional(),
    /** A reader: a token's `sub`. */
    actor: z.string().min(1).max(128).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    /** The `nextCursor` of the previous page. */
    cursor: z
      .string()
      .regex(/^\d{1,15}$/)
      .optional(),
  })
  .strict();
type AccessLogQuery = z.infer<typeof accessLogQuery>;

const accessLogResponse = z
  .object({
    items: z.array(
      z.object({
        id: z.number().int(),
        at: z.string(),
        actorSub: z.string(),
        actorRole: z.string(),
        resource: z.string(),
        scope: z.string().optional(),
        subjectIds: z.array(z.string()),
        correlationId: z.string(),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'AccessLogResponse' });

@Controller('v1/access-log')
@Roles('admin')
export class AccessLogController {
  constructor(private readonly log: AccessLog) {}

  @Get()
  @ApiDoc({
    summary: 'Reads of household and worker data (who, what, when), newest first',
    description:
      'The Personal Information Protection Law expects every access to sensitive personal data to be traceable. ' +
      'Records hold ids only, never names or ID numbers. Admin only.',
    tags: ['access-log'],
    responses: { 200: { description: 'The records', schema: accessLogResponse } },
  })
  async list(@ZodQuery(accessLogQuery) query: AccessLogQuery): Promise<z.infer<typeof accessLogResponse>> {
    const items = await this.log.find({
      subject: query.subject,
      actor: query.actor,
      limit: query.limit,
      before: query.cursor === undefined ? undefined : Number(query.cursor),
    });
    const last = items[items.length - 1];
    return {
      items: items.map((r) => ({ ...r, subjectIds: [...r.subjectIds] })),
      nextCursor: items.length === query.limit && last ? String(last.id) : null,
    };
  }
}

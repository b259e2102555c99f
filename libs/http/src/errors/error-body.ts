import { z } from 'zod';

/** The body of every error response, for clients and the OpenAPI document. */
export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'validation_failed' }),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: 'ErrorBody', description: 'Every error has this shape; `code` is stable.' });

export type ErrorBody = z.infer<typeof ErrorBodySchema>;

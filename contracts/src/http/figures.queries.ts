import { z } from 'zod';
import { isoDate } from '../values';

// GET /v1/counties/:code/employment?asOf=, /v1/prefectures/:code/employment?asOf=, /v1/province/employment?asOf=
export const employmentFiguresQuery = z
  .object({
    /** The figures at the end of that day in Guizhou (24:00 UTC+8), from the log (ADR 0015); not after today. */
    asOf: isoDate.optional(),
  })
  .strict();
export type EmploymentFiguresQuery = z.infer<typeof employmentFiguresQuery>;

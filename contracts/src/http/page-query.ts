import { z } from 'zod';

/** A list's paging: at most 200 items a page (50 by default), from the cursor the previous page answered. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(500).optional(),
};

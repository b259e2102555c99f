import { z } from 'zod';
import { shortText } from '../values';

// PATCH /v1/households/:id
export const updateHouseholdBody = z
  .object({
    /** Building and unit at the site (e.g. 3栋2单元501), or the village. */
    address: shortText,
  })
  .strict()
  .meta({ id: 'UpdateHouseholdBody' });
export type UpdateHouseholdBody = z.infer<typeof updateHouseholdBody>;

import { z } from 'zod';
import { welfareTerms } from '../events/postings.events';
import { isoDate, placementId, positionString } from '../values';

// POST /v1/placements/:id/renew-term
export const renewWelfareTermBody = z
  .object({ termMonths: welfareTerms.shape.termMonths })
  .strict()
  .meta({ id: 'RenewWelfareTermBody' });
export type RenewWelfareTermBody = z.infer<typeof renewWelfareTermBody>;

export const welfareTermRenewedResponse = z
  .object({ placementId, termEndsOn: isoDate, position: positionString })
  .meta({ id: 'WelfareTermRenewedResponse' });

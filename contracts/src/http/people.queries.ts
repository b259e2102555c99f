import { z } from 'zod';
import { guizhouCountyCode, relocationSiteId, residentIdNumber } from '../values';
import { pageQuery } from './page-query';

export const PROFILE_STATUSES = ['zero_employment', 'employed', 'no_labour'] as const;
export const profileStatus = z.enum(PROFILE_STATUSES);

/**
 * A search text: a name or part of one (王秀英, 秀英), pinyin initials (wxy) or a phone, whole or its last
 * digits (at least 4: fewer would list a county, not find a person).
 */
export const peopleSearchText = z
  .string()
  .trim()
  .min(1, 'q is at least 1 character')
  .max(50, 'q is at most 50 characters')
  .refine((q) => !/^\d+$/.test(q) || q.length >= 4, 'A phone search gives at least its last 4 digits');

// GET /v1/households and GET /v1/workers
export const peopleQuery = z
  .object({
    q: peopleSearchText.optional(),
    countyCode: guizhouCountyCode.optional(),
    /** The household's status (for workers too: the status of the worker's household). */
    status: profileStatus.optional(),
    siteId: relocationSiteId.optional(),
    /** Exact, through the keyed hash (the whole number is never stored); never echoed. */
    idNumber: residentIdNumber.optional(),
    ...pageQuery,
  })
  .strict();
export type PeopleQuery = z.infer<typeof peopleQuery>;

import { z } from 'zod';
import {
  channel,
  gender,
  householdId,
  idNumberLast4,
  isoDate,
  isoDateTime,
  labourCapacity,
  relationToHead,
  workerId,
} from '../values';
import { profileStatus } from './people.queries';

/** The relocation site with its name, as the province's register has it. */
export const relocationSiteView = z
  .object({ id: z.string(), name: z.string() })
  .meta({ id: 'RelocationSiteView' });

/** A member's current job: a placement (its vacancy) or employment reported from outside the platform. */
export const memberEmploymentView = z
  .object({
    employmentId: z.string().optional(),
    channel,
    employer: z.string().optional(),
    vacancyId: z.string().optional(),
    startDate: isoDate,
  })
  .meta({ id: 'MemberEmployment' });

/**
 * One member on a profile page. `name` and `phone`: whole for those who answer for the household, the name
 * masked (王*英) for the admin in lists; the ID number only as its last 4 characters.
 */
export const memberProfileView = z
  .object({
    workerId,
    memberNo: z.number().int(),
    name: z.string(),
    phone: z.string().nullable(),
    idLast4: idNumberLast4,
    birthYear: z.number().int(),
    age: z.number().int(),
    gender,
    labourCapacity,
    relationToHead: relationToHead.nullable(),
    occupations: z.array(z.object({ code: z.string(), label: z.string() })),
    employment: memberEmploymentView.nullable(),
  })
  .meta({ id: 'MemberProfile' });

// GET /v1/households/:id
export const householdProfileResponse = z
  .object({
    householdId,
    countyCode: z.string(),
    relocationSite: relocationSiteView,
    address: z.string().nullable(),
    registeredAt: isoDateTime,
    members: z.array(memberProfileView),
    employedCount: z.number().int(),
    status: profileStatus,
    position: z.string(),
  })
  .meta({ id: 'HouseholdProfile' });
export type HouseholdProfileResponse = z.infer<typeof householdProfileResponse>;

// GET /v1/workers/:id
export const workerProfileResponse = memberProfileView
  .extend({
    householdId,
    countyCode: z.string(),
    relocationSite: relocationSiteView,
    position: z.string(),
  })
  .meta({ id: 'WorkerProfile' });
export type WorkerProfileResponse = z.infer<typeof workerProfileResponse>;

const personRef = z.object({ workerId, name: z.string() });

/** A line of the household list (the Excel export builds its rows from the same items). */
export const householdListItem = z
  .object({
    householdId,
    countyCode: z.string(),
    relocationSite: relocationSiteView,
    address: z.string().nullable(),
    head: personRef.nullable(),
    memberCount: z.number().int(),
    employedCount: z.number().int(),
    status: profileStatus,
    /** The members the search text or ID number found (absent when the list was not searched). */
    matched: z.array(personRef).optional(),
  })
  .meta({ id: 'HouseholdListItem' });
export type HouseholdListItem = z.infer<typeof householdListItem>;

// GET /v1/households
export const householdListResponse = z
  .object({
    items: z.array(householdListItem),
    total: z.number().int(),
    nextCursor: z.string().nullable(),
    position: z.string(),
  })
  .meta({ id: 'HouseholdList' });

export const workerListItem = z
  .object({
    workerId,
    householdId,
    countyCode: z.string(),
    name: z.string(),
    phone: z.string().nullable(),
    idLast4: idNumberLast4,
    age: z.number().int(),
    gender,
    labourCapacity,
    employed: z.boolean(),
    relocationSite: relocationSiteView,
  })
  .meta({ id: 'WorkerListItem' });
export type WorkerListItem = z.infer<typeof workerListItem>;

// GET /v1/workers
export const workerListResponse = z
  .object({
    items: z.array(workerListItem),
    total: z.number().int(),
    nextCursor: z.string().nullable(),
    position: z.string(),
  })
  .meta({ id: 'WorkerList' });

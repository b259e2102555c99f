import { z } from 'zod';
import { employerContact } from '../events/employers.events';
import { creditCode, entityId, freeText, isoDateTime, positionString, shortText } from '../values';
import { pageQuery } from './page-query';

// POST /v1/employers
export const registerEmployerBody = z
  .object({
    name: shortText,
    creditCode,
    industry: freeText(100),
    province: shortText,
    city: shortText,
    address: freeText(300).optional(),
    contact: employerContact.extend({ name: freeText(100) }).optional(),
  })
  .strict()
  .meta({ id: 'RegisterEmployerBody' });
export type RegisterEmployerBody = z.infer<typeof registerEmployerBody>;

// GET /v1/employers?q=&cursor=
export const listEmployersQuery = z
  .object({
    /** A part of the name, or the credit code (or its start). */
    q: z.string().trim().min(1).max(100).optional(),
    ...pageQuery,
  })
  .strict();
export type ListEmployersQuery = z.infer<typeof listEmployersQuery>;

export const employerCreatedResponse = z
  .object({ employerId: entityId, position: positionString })
  .meta({ id: 'EmployerCreatedResponse' });

/** An employer is a company, not a person: its register is open to anyone signed in. */
export const employerView = z
  .object({
    employerId: entityId,
    name: z.string(),
    creditCode: z.string(),
    industry: z.string(),
    province: z.string(),
    city: z.string(),
    address: z.string().nullable(),
    contact: z.object({ name: z.string(), phone: z.string() }).nullable(),
    registeredAt: isoDateTime,
  })
  .meta({ id: 'EmployerView' });
export type EmployerView = z.infer<typeof employerView>;

export const employerListResponse = z
  .object({
    items: z.array(employerView),
    total: z.number().int().min(0),
    nextCursor: z.string().nullable(),
    position: positionString,
  })
  .meta({ id: 'EmployerListResponse' });

export const employerResponse = employerView
  .extend({ position: positionString })
  .meta({ id: 'EmployerResponse' });

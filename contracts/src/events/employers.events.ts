import { z } from 'zod';
import { contactPhone, creditCode, entityId, isoDateTime, recordedText } from '../values';
import { defineEvent, type EventOf } from './define-event';
import { AT } from './example-values';

/** A person to call at the employer (its HR desk): a name and a mobile or landline. */
export const employerContact = z.object({ name: recordedText(100), phone: contactPhone }).strict();

/**
 * An employer entered in the register, once per 统一社会信用代码: the id is derived from the code, so a second
 * registration of the same company lands on the same stream and is refused.
 */
export const EmployerRegistered = defineEvent({
  type: 'EmployerRegistered',
  version: 1,
  stream: 'employer',
  time: 'registeredAt',
  schema: z
    .object({
      employerId: entityId,
      name: recordedText(200),
      creditCode,
      industry: recordedText(100),
      province: recordedText(200),
      city: recordedText(200),
      address: recordedText(300).optional(),
      contact: employerContact.optional(),
      registeredAt: isoDateTime,
    })
    .strict(),
  example: {
    employerId: '5d1f6e1a-3b0c-5e2d-9f4a-6b7c8d9e0f1a',
    name: '广州市白云区华盛制衣有限公司',
    creditCode: '91350100M000100Y43',
    industry: '纺织服装',
    province: '广东省',
    city: '广州市',
    address: '白云区太和镇大源北路 18 号',
    contact: { name: '陈经理', phone: '020-36061234' },
    registeredAt: AT,
  },
});

export const EMPLOYERS_EVENTS = [EmployerRegistered] as const;

export type EmployersEvent = EventOf<(typeof EMPLOYERS_EVENTS)[number]>;
export type EmployerContact = z.infer<typeof employerContact>;

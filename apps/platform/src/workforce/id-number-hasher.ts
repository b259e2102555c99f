import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { MemberBody } from '@contracts';
import type { MemberInput } from '@lib/domain/workforce/household.commands';
import { PLATFORM_CONFIG, type PlatformConfig } from '../config/platform-config';

/**
 * The only place an ID number is handled after validation: it becomes an HMAC-SHA256 under ID_HASH_KEY
 * plus its last 4 characters, and is dropped. A keyed hash (not a plain one) because ID numbers are few
 * enough to enumerate: without the key the hashes cannot be reversed by trying them all.
 */
@Injectable()
export class IdNumberHasher {
  constructor(@Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig) {}

  hash(idNumber: string): { idNumberHash: string; idNumberLast4: string } {
    const normalised = idNumber.toUpperCase();
    return {
      idNumberHash: createHmac('sha256', this.config.idHashKey).update(normalised).digest('hex'),
      idNumberLast4: normalised.slice(-4),
    };
  }

  /** A member as the household decider takes it: the ID number replaced by its hash and last 4. */
  memberInput(member: MemberBody): MemberInput {
    const { idNumber, ...rest } = member;
    return { ...rest, ...this.hash(idNumber) };
  }
}

import type { EventMetadata } from '@contracts';

/** Metadata of test commands: a system actor and the command's time. */
export const testMetadata = (now: string, correlationId = 'test'): EventMetadata => ({
  actor: { id: 'test-broker', role: 'broker' },
  correlationId,
  causationId: correlationId,
  now,
});

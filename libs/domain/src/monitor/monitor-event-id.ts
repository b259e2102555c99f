import { createHash } from 'node:crypto';

/** Namespace of the monitor's derived event ids (a fixed random uuid). */
export const MONITOR_ID_NAMESPACE = '5b0f8c1e-3d7a-4f2b-9c64-8e1a2d3b4c5f';

const namespaceBytes = (namespace: string): Buffer => Buffer.from(namespace.replace(/-/g, ''), 'hex');
/** Parsed once: every monitor event id hashes it (a rebuild derives hundreds of thousands). */
const MONITOR_NAMESPACE_BYTES = namespaceBytes(MONITOR_ID_NAMESPACE);

/**
 * A name-based uuid (RFC 9562 version 5: SHA-1 of namespace and name), so the same transition always gets
 * the same event id and an append retried after a crash or a replay is recognised by the store.
 */
export function uuidV5(name: string, namespace: string = MONITOR_ID_NAMESPACE): string {
  const hash = createHash('sha1')
    .update(namespace === MONITOR_ID_NAMESPACE ? MONITOR_NAMESPACE_BYTES : namespaceBytes(namespace))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const caseOpenedEventId = (householdId: string, caseNo: number): string =>
  uuidV5(`${householdId}#case-${caseNo}#opened`);
export const caseClearedEventId = (householdId: string, caseNo: number): string =>
  uuidV5(`${householdId}#case-${caseNo}#cleared`);
export const transportSubsidyEventId = (workerId: string, year: number): string =>
  uuidV5(`${workerId}#transport-subsidy-${year}`);

import { createHash } from 'node:crypto';

/** Parsed namespaces: a rebuild derives hundreds of thousands of ids under the same one. */
const NAMESPACE_BYTES = new Map<string, Buffer>();

function namespaceBytes(namespace: string): Buffer {
  let bytes = NAMESPACE_BYTES.get(namespace);
  if (!bytes) {
    bytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
    if (bytes.length !== 16) throw new Error(`Not a uuid namespace: ${namespace}`);
    NAMESPACE_BYTES.set(namespace, bytes);
  }
  return bytes;
}

/**
 * A name-based uuid (RFC 9562 version 5: SHA-1 of namespace and name). A step of a flow or a transition of a
 * process manager names its events this way, so a retry or a replay offers the store the same event ids and
 * appends nothing new.
 */
export function nameBasedUuid(namespace: string, name: string): string {
  const hash = createHash('sha1').update(namespaceBytes(namespace)).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

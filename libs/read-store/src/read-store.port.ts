import type { Position } from '@lib/event-store';

/**
 * The read store port: keyed JSON documents per collection (the projections' documents), written in
 * batches together with the checkpoint of the projection that wrote them, and queried by a few indexed
 * fields. Every adapter (SQLite embedded, MongoDB) passes the same contract suite
 * (`testing/read-store.contract.ts`).
 */

/** The value of an indexed field. Fields used to sort or page must never be null. */
export type FieldValue = string | number | null;

/**
 * A collection: its name and the fields queries filter and sort on, each derived from the document (so a
 * field can be a path, `doc.source.type`, or a fact, "has an open case"). The adapter stores them beside the
 * document and indexes them: one index per field, plus the compound ones listed.
 */
export interface CollectionSpec<TDoc = unknown, TField extends string = string> {
  /** Lower-case letters, digits and `_`; unique within a store. */
  readonly name: string;
  readonly fields: { readonly [K in TField]: (doc: TDoc) => FieldValue };
  /** Compound indexes, most selective field first; the key is appended to each, for paging. */
  readonly indexes?: readonly (readonly TField[])[];
}

export type DocOf<C> = C extends CollectionSpec<infer TDoc, string> ? TDoc : never;
export type FieldOf<C> = C extends CollectionSpec<unknown, infer TField> ? TField : never;

export interface DocumentChanges<TDoc = unknown> {
  readonly collection: CollectionSpec<TDoc, string>;
  /** Documents by key, written whole (replacing what was there). */
  readonly upserts: ReadonlyMap<string, TDoc>;
  readonly deletes?: readonly string[];
}

export interface Checkpoint {
  /** The projection (or group of projections) that wrote the batch. */
  readonly name: string;
  /** The last global position the batch has applied. */
  readonly position: Position;
}

/** Any collection, whatever its document type (what an adapter is opened with). */
export type AnyCollection = CollectionSpec<never, string>;

/** Changes to one collection with the document type erased, so one batch can hold several collections. */
export interface AnyDocumentChanges {
  readonly collection: AnyCollection;
  readonly upserts: ReadonlyMap<string, unknown>;
  readonly deletes?: readonly string[];
}

/** Erases the document type of typed changes (checked here, where it is still known). */
export const documentChanges = <TDoc>(changes: DocumentChanges<TDoc>): AnyDocumentChanges =>
  changes as unknown as AnyDocumentChanges;

/** Changes to any collections and the checkpoint that goes with them: written all together or not at all. */
export interface Batch {
  readonly changes: readonly AnyDocumentChanges[];
  readonly checkpoint: Checkpoint;
}

/** What a projection runner needs: read the documents an event batch touches, write the batch. */
export interface ReadStoreWriter {
  /** The stored documents of these keys (absent keys are absent from the map). */
  load<TDoc>(collection: CollectionSpec<TDoc, string>, keys: readonly string[]): Promise<Map<string, TDoc>>;
  /** Writes every change and the checkpoint in ONE transaction: all of it or none of it. */
  applyBatch(batch: Batch): Promise<void>;
  /** The stored checkpoint, or undefined when this projection has never written one. */
  checkpoint(name: string): Promise<Position | undefined>;
}

export type SortDirection = 'asc' | 'desc';

export interface FindQuery<TField extends string> {
  /** Equality on indexed fields, all of them (AND). */
  readonly where?: { readonly [K in TField]?: FieldValue };
  /** One indexed field (ties broken by the key, in the same direction), or the key itself. Default: key asc. */
  readonly orderBy?: { readonly field: TField | 'key'; readonly direction?: SortDirection };
  /** At most this many documents (1..1000). */
  readonly limit: number;
  /** The `next` cursor of the previous page (opaque; only valid with the same where and orderBy). */
  readonly after?: string;
}

export interface Page<TDoc> {
  readonly items: TDoc[];
  /** Cursor of the next page; null on the last page. */
  readonly next: string | null;
}

export interface ReadStore extends ReadStoreWriter {
  find<TDoc, TField extends string>(
    collection: CollectionSpec<TDoc, TField>,
    query: FindQuery<TField>,
  ): Promise<Page<TDoc>>;
  count<TDoc, TField extends string>(
    collection: CollectionSpec<TDoc, TField>,
    where?: { readonly [K in TField]?: FieldValue },
  ): Promise<number>;
  /**
   * Fresh, empty collections (and checkpoints) beside the live ones: a rebuild writes into them while
   * queries keep reading the live ones, then `swap()` makes them live in one step and drops the old ones.
   */
  beginRebuild(): Promise<RebuildTarget>;
  close(): Promise<void>;
}

export interface RebuildTarget extends ReadStoreWriter {
  /** Makes the rebuilt collections and checkpoints the live ones, atomically; the old ones are dropped. */
  swap(): Promise<void>;
  /** Drops the rebuilt collections; the live ones stay. */
  abandon(): Promise<void>;
}

export const MAX_PAGE_SIZE = 1000;

/** Every document of a collection matching `where` (all of them without it), read in the largest pages. */
export async function findAll<TDoc, TField extends string>(
  store: Pick<ReadStore, 'find'>,
  collection: CollectionSpec<TDoc, TField>,
  where?: { readonly [K in TField]?: FieldValue },
): Promise<TDoc[]> {
  const all: TDoc[] = [];
  let after: string | undefined;
  do {
    const page = await store.find(collection, { ...(where ? { where } : {}), limit: MAX_PAGE_SIZE, after });
    all.push(...page.items);
    after = page.next ?? undefined;
  } while (after !== undefined);
  return all;
}

const NAME = /^[a-z][a-z0-9_]{0,40}$/;

/** Checks a store's collections once, at open: names safe to put in table names, fields safe as columns. */
export function assertValidSpecs(collections: readonly AnyCollection[]): void {
  const seen = new Set<string>();
  for (const c of collections) {
    if (!NAME.test(c.name)) throw new Error(`Collection name ${c.name}: lower-case letters, digits, _`);
    if (seen.has(c.name)) throw new Error(`Collection ${c.name} is declared twice`);
    seen.add(c.name);
    for (const field of Object.keys(c.fields)) {
      if (!/^[A-Za-z][A-Za-z0-9]{0,40}$/.test(field)) throw new Error(`Field name ${c.name}.${field}`);
    }
    for (const index of c.indexes ?? []) {
      for (const field of index) {
        if (!(field in c.fields)) throw new Error(`Index of ${c.name} names an unknown field ${field}`);
      }
    }
  }
}

/** Runtime check of a query (its field names may come from an HTTP request). */
export function assertValidQuery(collection: AnyCollection, query: FindQuery<string>): void {
  for (const field of Object.keys(query.where ?? {})) {
    if (!(field in collection.fields)) throw new RangeError(`${collection.name} has no field ${field}`);
  }
  const order = query.orderBy?.field;
  if (order !== undefined && order !== 'key' && !(order in collection.fields)) {
    throw new RangeError(`${collection.name} has no field ${order}`);
  }
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_PAGE_SIZE) {
    throw new RangeError(`limit must be 1..${MAX_PAGE_SIZE}`);
  }
}

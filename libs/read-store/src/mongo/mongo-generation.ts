import { Schema, type ClientSession, type Connection, type Model, type SchemaDefinition } from 'mongoose';
import { decodeCursor, encodeCursor } from '../paging';
import {
  assertValidQuery,
  type AnyCollection,
  type Batch,
  type CollectionSpec,
  type FieldValue,
  type FindQuery,
  type Page,
} from '../read-store.port';

/** A stored document: the projection's document whole, and its indexed fields beside it (`f_<field>`). */
export interface StoredDocument {
  _id: string;
  doc: unknown;
  [field: `f_${string}`]: FieldValue;
}

export interface StoredCheckpoint {
  _id: string;
  generation: number;
  name: string;
  position: string;
}

export const collectionNameOf = (generation: number, collection: string): string =>
  `g${generation}_${collection}`;
const fieldPath = (field: string): string => `f_${field}`;

function schemaOf(c: AnyCollection): Schema<StoredDocument> {
  const definition: Record<string, unknown> = { _id: String, doc: Schema.Types.Mixed };
  for (const field of Object.keys(c.fields)) definition[fieldPath(field)] = Schema.Types.Mixed;
  // minimize false: an empty object in a document is kept, so a document reads back as it was written.
  const schema = new Schema<StoredDocument>(definition as SchemaDefinition<StoredDocument>, {
    versionKey: false,
    minimize: false,
    autoIndex: false,
    autoCreate: false,
  });
  for (const index of [...Object.keys(c.fields).map((f) => [f]), ...(c.indexes ?? [])]) {
    schema.index({ ...Object.fromEntries(index.map((f) => [fieldPath(f), 1])), _id: 1 });
  }
  return schema;
}

/** One generation of the collections (see the SQLite adapter): a rebuild fills the next one. */
export class MongoGeneration {
  private readonly models = new Map<string, { model: Model<StoredDocument>; spec: AnyCollection }>();

  private constructor(
    private readonly connection: Connection,
    private readonly checkpoints: Model<StoredCheckpoint>,
    readonly generation: number,
  ) {}

  /** Creates (if needed) the generation's collections and indexes, outside any transaction. */
  static async open(
    connection: Connection,
    checkpoints: Model<StoredCheckpoint>,
    generation: number,
    collections: readonly AnyCollection[],
  ): Promise<MongoGeneration> {
    const g = new MongoGeneration(connection, checkpoints, generation);
    for (const spec of collections) {
      const name = collectionNameOf(generation, spec.name);
      const model =
        (connection.models[name] as Model<StoredDocument> | undefined) ??
        connection.model<StoredDocument>(name, schemaOf(spec), name);
      await model.createCollection();
      await model.createIndexes();
      g.models.set(spec.name, { model, spec });
    }
    return g;
  }

  async load<TDoc>(
    collection: CollectionSpec<TDoc, string>,
    keys: readonly string[],
  ): Promise<Map<string, TDoc>> {
    const found = new Map<string, TDoc>();
    if (keys.length === 0) return found;
    const rows = await this.modelOf(collection)
      .find({ _id: { $in: [...keys] } })
      .lean<StoredDocument[]>();
    for (const row of rows) found.set(row._id, row.doc as TDoc);
    return found;
  }

  /**
   * One MongoDB transaction (a replica set is required) for every change and the checkpoint. withTransaction
   * may run the callback again on a transient error; replacing and deleting by key is safe to repeat.
   */
  async applyBatch(batch: Batch): Promise<void> {
    const session = await this.connection.startSession();
    try {
      await session.withTransaction(async () => {
        for (const change of batch.changes) await this.write(change, session);
        const { name, position } = batch.checkpoint;
        await this.checkpoints.updateOne(
          { _id: `${this.generation}:${name}` },
          { $set: { generation: this.generation, name, position: position.toString() } },
          { upsert: true, session },
        );
      });
    } finally {
      await session.endSession();
    }
  }

  async checkpoint(name: string): Promise<bigint | undefined> {
    const stored = await this.checkpoints.findById(`${this.generation}:${name}`).lean<StoredCheckpoint>();
    return stored ? BigInt(stored.position) : undefined;
  }

  async find<TDoc, TField extends string>(
    collection: CollectionSpec<TDoc, TField>,
    query: FindQuery<TField>,
  ): Promise<Page<TDoc>> {
    assertValidQuery(collection as unknown as AnyCollection, query);
    const order = query.orderBy?.field ?? 'key';
    const path = order === 'key' ? '_id' : fieldPath(order);
    const direction = query.orderBy?.direction === 'desc' ? -1 : 1;
    const filter: Record<string, unknown> = filterOf(query.where ?? {});
    if (query.after !== undefined) {
      const after = decodeCursor(query.after);
      const cmp = direction === 1 ? '$gt' : '$lt';
      const page =
        path === '_id'
          ? { _id: { [cmp]: after.key } }
          : { $or: [{ [path]: { [cmp]: after.value } }, { [path]: after.value, _id: { [cmp]: after.key } }] };
      Object.assign(filter, { $and: [page] });
    }
    const sort: Record<string, 1 | -1> =
      path === '_id' ? { _id: direction } : { [path]: direction, _id: direction };
    const rows = await this.modelOf(collection)
      .find(filter)
      .sort(sort)
      .limit(query.limit + 1)
      .lean<StoredDocument[]>();
    const last = rows.length > query.limit ? rows[query.limit - 1] : undefined;
    const value =
      last === undefined ? null : path === '_id' ? last._id : (last[path as `f_${string}`] ?? null);
    return {
      items: rows.slice(0, query.limit).map((r) => r.doc as TDoc),
      next: last ? encodeCursor({ value, key: last._id }) : null,
    };
  }

  async count(
    collection: AnyCollection,
    where: { readonly [field: string]: FieldValue | undefined },
  ): Promise<number> {
    assertValidQuery(collection, { where, limit: 1 });
    return this.modelOf(collection).countDocuments(filterOf(where));
  }

  /** Drops the generation's collections and checkpoints. */
  async drop(): Promise<void> {
    for (const { model } of this.models.values()) {
      await model.collection.drop().catch((error: unknown) => {
        if ((error as { codeName?: string }).codeName !== 'NamespaceNotFound') throw error;
      });
      this.connection.deleteModel(model.modelName);
    }
    await this.checkpoints.deleteMany({ generation: this.generation });
  }

  private async write(change: Batch['changes'][number], session: ClientSession): Promise<void> {
    const { model, spec } = this.entryOf(change.collection);
    const fields = Object.entries(spec.fields) as [string, (doc: never) => FieldValue][];
    const ops: Parameters<Model<StoredDocument>['bulkWrite']>[0] = [];
    for (const [key, doc] of change.upserts) {
      const replacement: StoredDocument = { _id: key, doc };
      for (const [field, derive] of fields) replacement[`f_${field}`] = derive(doc as never);
      ops.push({ replaceOne: { filter: { _id: key }, replacement, upsert: true } });
    }
    for (const key of change.deletes ?? []) ops.push({ deleteOne: { filter: { _id: key } } });
    if (ops.length > 0) await model.bulkWrite(ops, { session, ordered: true });
  }

  private entryOf(collection: { readonly name: string }) {
    const entry = this.models.get(collection.name);
    if (!entry) throw new RangeError(`Unknown collection ${collection.name}`);
    return entry;
  }

  private modelOf(collection: { readonly name: string }): Model<StoredDocument> {
    return this.entryOf(collection).model;
  }
}

function filterOf(where: { readonly [field: string]: FieldValue | undefined }): Record<string, FieldValue> {
  const filter: Record<string, FieldValue> = {};
  for (const [field, value] of Object.entries(where))
    if (value !== undefined) filter[fieldPath(field)] = value;
  return filter;
}

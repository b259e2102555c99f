/**
 * The distributed read store: MongoDB through mongoose. Collections per generation (`g<n>_<collection>`),
 * documents `{ _id: key, doc, f_<field>... }` with an index per field (and the compound ones), checkpoints in
 * their own collection. A batch and its checkpoint are written in one transaction (session.withTransaction),
 * which needs a replica set (docker-compose runs a replica set of one). A rebuild fills the next generation;
 * the swap flips the live generation in one single-document update, then drops the old collections.
 * The live generation is read at connect: another process serving queries sees a swap when it reconnects.
 */
import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import {
  assertValidSpecs,
  type AnyCollection,
  type Batch,
  type CollectionSpec,
  type FieldValue,
  type FindQuery,
  type Page,
  type ReadStore,
  type RebuildTarget,
} from '../read-store.port';
import { MongoGeneration, type StoredCheckpoint } from './mongo-generation';

interface Generations {
  _id: string;
  live: number;
  last: number;
}

const GENERATIONS_ID = 'generations';

export class MongoReadStore implements ReadStore {
  private rebuilding: MongoGeneration | undefined;

  private constructor(
    private readonly connection: Connection,
    private readonly meta: Model<Generations>,
    private readonly checkpoints: Model<StoredCheckpoint>,
    private readonly collections: readonly AnyCollection[],
    private live: MongoGeneration,
  ) {}

  /** Connects to `url` (database `dbName`), creating the collections and indexes it lacks. */
  static async connect(
    url: string,
    dbName: string,
    collections: readonly AnyCollection[],
  ): Promise<MongoReadStore> {
    assertValidSpecs(collections);
    const connection = await mongoose.createConnection(url, { dbName, autoCreate: false }).asPromise();
    try {
      const meta = connection.model<Generations>(
        'read_store_meta',
        new Schema<Generations>({ _id: String, live: Number, last: Number }, { versionKey: false }),
        'read_store_meta',
      );
      const checkpoints = connection.model<StoredCheckpoint>(
        'read_store_checkpoints',
        new Schema<StoredCheckpoint>(
          { _id: String, generation: Number, name: String, position: String },
          { versionKey: false },
        ),
        'read_store_checkpoints',
      );
      await meta.createCollection();
      await checkpoints.createCollection();
      const generations = await meta
        .findOneAndUpdate(
          { _id: GENERATIONS_ID },
          { $setOnInsert: { live: 1, last: 1 } },
          { upsert: true, new: true },
        )
        .lean<Generations>();
      const live = await MongoGeneration.open(connection, checkpoints, generations.live, collections);
      const store = new MongoReadStore(connection, meta, checkpoints, collections, live);
      await store.dropAbandoned(generations.live);
      return store;
    } catch (error) {
      await connection.close();
      throw error;
    }
  }

  load<TDoc>(collection: CollectionSpec<TDoc, string>, keys: readonly string[]) {
    return this.live.load(collection, keys);
  }

  applyBatch(batch: Batch): Promise<void> {
    return this.live.applyBatch(batch);
  }

  checkpoint(name: string) {
    return this.live.checkpoint(name);
  }

  find<TDoc, TField extends string>(
    collection: CollectionSpec<TDoc, TField>,
    query: FindQuery<TField>,
  ): Promise<Page<TDoc>> {
    return this.live.find(collection, query);
  }

  count<TDoc, TField extends string>(
    collection: CollectionSpec<TDoc, TField>,
    where: { readonly [K in TField]?: FieldValue } = {},
  ): Promise<number> {
    return this.live.count(collection as unknown as AnyCollection, where);
  }

  async beginRebuild(): Promise<RebuildTarget> {
    if (this.rebuilding) throw new Error('A rebuild is already under way');
    const generations = await this.meta
      .findOneAndUpdate({ _id: GENERATIONS_ID }, { $inc: { last: 1 } }, { new: true })
      .lean<Generations>();
    if (!generations) throw new Error('read_store_meta is missing its generations document');
    const target = await MongoGeneration.open(
      this.connection,
      this.checkpoints,
      generations.last,
      this.collections,
    );
    this.rebuilding = target;
    const finish = (): void => {
      if (this.rebuilding !== target) throw new Error('This rebuild is no longer under way');
      this.rebuilding = undefined;
    };
    return {
      load: (collection, keys) => target.load(collection, keys),
      applyBatch: (batch) => target.applyBatch(batch),
      checkpoint: (name) => target.checkpoint(name),
      swap: async () => {
        finish();
        const old = this.live;
        await this.meta.updateOne({ _id: GENERATIONS_ID }, { $set: { live: target.generation } });
        this.live = target;
        await old.drop();
      },
      abandon: async () => {
        finish();
        await target.drop();
      },
    };
  }

  async close(): Promise<void> {
    await this.connection.close();
  }

  /** Collections of a rebuild that never swapped (the process died) are dropped at the next connect. */
  private async dropAbandoned(live: number): Promise<void> {
    const names = (await this.connection.db!.listCollections({}, { nameOnly: true }).toArray()).map(
      (c) => c.name,
    );
    for (const name of names) {
      const generation = Number(/^g(\d+)_/.exec(name)?.[1]);
      if (Number.isNaN(generation) || generation === live) continue;
      await this.connection.db!.dropCollection(name);
      await this.checkpoints.deleteMany({ generation });
    }
  }
}

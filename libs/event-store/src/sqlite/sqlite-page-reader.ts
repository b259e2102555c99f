import type Database from 'better-sqlite3';
import type { JsonObject, Position, RecordedEvent } from '../event-store.port';
import { EVENT_COLUMNS, EventRow, rowToEvent } from './sqlite-schema';

/**
 * Reads one page of the global log. Reading costs per value crossing the driver (each becomes a V8
 * string or number, ~0.5 µs apiece here) and per JSON.parse call more than it costs in SQLite. So SQLite
 * aggregates the page column by column: each scalar column comes back as ONE string (values joined by a
 * separator), data and metadata as one text each (the stored JSON texts joined by commas), parsed once
 * as an array. Ten values per page instead of nine per event; the same events, field for field, as the
 * row-by-row read (`rowToEvent`), which stays as the fallback for the pages this cannot take:
 *  - data and metadata past `maxPageTextBytes` (or past SQLite's own 1 GB limit): the driver turns a
 *    text into a V8 string unchecked, and one past V8's limit (~512 M characters) aborts the process;
 *  - a text field that contains the separator (the split would not give one value per event).
 */
const SEPARATOR = '\u001f';
const SEPARATOR_SQL = 'char(31)';

/** Page texts of more than this many bytes of data and metadata are read row by row. */
export const MAX_PAGE_TEXT_BYTES = 64 * 1024 * 1024;

type ColumnarPage = [
  count: number,
  positions: string | null,
  streamIds: string | null,
  revisions: string | null,
  eventIds: string | null,
  types: string | null,
  versions: string | null,
  occurredAts: string | null,
  /** The page's data texts joined by commas; null when the page's texts are over the byte budget. */
  dataTexts: string | null,
  metadataTexts: string | null,
];

interface PageParams {
  readonly after: number;
  readonly limit: number;
  readonly maxTextBytes: number;
}
interface CategoryParams extends PageParams {
  readonly from: string;
  readonly to: string;
}

// The inner ORDER BY ... LIMIT fixes the page; the aggregates consume its rows in that order (SQLite runs
// the subquery as a co-routine feeding one aggregate pass), so the i-th value of every column is event i.
// The byte check is on the aggregated texts (octet_length of a text is its stored size, no scan; SQLite
// computes each distinct aggregate once), so it costs nothing per row.
const DATA_TEXT = "group_concat(data, ',')";
const METADATA_TEXT = "group_concat(metadata, ',')";
const WITHIN_BUDGET = `octet_length(${DATA_TEXT}) + octet_length(${METADATA_TEXT}) <= @maxTextBytes`;
const columnarPageSql = (where: string) => `
SELECT count(*),
  group_concat(position, ','),
  group_concat(stream_id, ${SEPARATOR_SQL}),
  group_concat(revision, ','),
  group_concat(event_id, ${SEPARATOR_SQL}),
  group_concat(type, ${SEPARATOR_SQL}),
  group_concat(version, ','),
  group_concat(occurred_at, ${SEPARATOR_SQL}),
  CASE WHEN ${WITHIN_BUDGET} THEN ${DATA_TEXT} END,
  CASE WHEN ${WITHIN_BUDGET} THEN ${METADATA_TEXT} END
FROM (SELECT ${EVENT_COLUMNS} FROM events WHERE ${where} ORDER BY position LIMIT @limit)`;
const ALL = 'position > @after';
// One stream category (`household-…`): a range of stream ids. The unary + keeps SQLite on the rowid (position)
// scan: through the (stream_id, revision) index it would sort the whole category for every page.
const CATEGORY = 'position > @after AND +stream_id >= @from AND +stream_id < @to';

export class SqlitePageReader {
  private readonly columnar: Database.Statement<[PageParams], ColumnarPage>;
  private readonly rows: Database.Statement<[number, number], EventRow>;
  private readonly categoryColumnar: Database.Statement<[CategoryParams], ColumnarPage>;
  private readonly categoryRows: Database.Statement<[CategoryParams], EventRow>;

  constructor(
    db: Database.Database,
    private readonly maxPageTextBytes = MAX_PAGE_TEXT_BYTES,
  ) {
    this.columnar = db.prepare(columnarPageSql(ALL)).raw() as unknown as Database.Statement<
      [PageParams],
      ColumnarPage
    >;
    this.rows = db
      .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`)
      .raw() as unknown as Database.Statement<[number, number], EventRow>;
    this.categoryColumnar = db.prepare(columnarPageSql(CATEGORY)).raw() as unknown as Database.Statement<
      [CategoryParams],
      ColumnarPage
    >;
    this.categoryRows = db
      .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE ${CATEGORY} ORDER BY position LIMIT @limit`)
      .raw() as unknown as Database.Statement<[CategoryParams], EventRow>;
  }

  /**
   * Up to `limit` events of the streams `<category>-…` with a position after `afterPosition`, in order: the
   * same read as `read`, with the other streams' rows left in SQLite (never turned into strings or parsed).
   */
  readCategory(category: string, afterPosition: Position, limit: number): RecordedEvent[] {
    // '.' follows '-' in every collation SQLite uses for text by default (BINARY): the ids `<category>-…`.
    const params = {
      after: Number(afterPosition),
      limit,
      maxTextBytes: this.maxPageTextBytes,
      from: `${category}-`,
      to: `${category}.`,
    };
    let page: ColumnarPage | undefined;
    try {
      page = this.categoryColumnar.get(params);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_TOOBIG') throw error;
    }
    if (page !== undefined && page[0] === 0) return [];
    const events = page === undefined ? undefined : fromColumns(page);
    return events ?? this.categoryRows.all(params).map(rowToEvent);
  }

  /** Up to `limit` events with a position after `afterPosition`, in order. */
  read(afterPosition: Position, limit: number): RecordedEvent[] {
    const after = Number(afterPosition);
    let page: ColumnarPage | undefined;
    try {
      page = this.columnar.get({ after, limit, maxTextBytes: this.maxPageTextBytes });
    } catch (error) {
      // A page of texts past SQLite's own string limit (1 GB): read it row by row.
      if ((error as { code?: unknown }).code === 'SQLITE_TOOBIG') return this.readRows(after, limit);
      throw error;
    }
    if (page === undefined || page[0] === 0) return [];
    return fromColumns(page) ?? this.readRows(after, limit);
  }

  /** The row-by-row read: the fallback, and the reference the columnar read is tested against. */
  readRows(after: number, limit: number): RecordedEvent[] {
    const rows = this.rows.all(after, limit);
    const events = new Array<RecordedEvent>(rows.length);
    for (let i = 0; i < rows.length; i++) events[i] = rowToEvent(rows[i]);
    return events;
  }
}

/** The page's events, or undefined when the page must be read row by row. */
function fromColumns(page: ColumnarPage): RecordedEvent[] | undefined {
  const [count, positionText, streamText, revisionText, idText, typeText, versionText, occurredText] = page;
  const [, , , , , , , , dataText, metadataText] = page;
  if (dataText === null || metadataText === null) return undefined;
  const streamIds = split(streamText, SEPARATOR, count);
  const ids = split(idText, SEPARATOR, count);
  const types = split(typeText, SEPARATOR, count);
  const occurredAts = split(occurredText, SEPARATOR, count);
  if (!streamIds || !ids || !types || !occurredAts) return undefined;
  const positions = split(positionText, ',', count);
  const revisions = split(revisionText, ',', count);
  const versions = split(versionText, ',', count);
  const data = JSON.parse(`[${dataText}]`) as JsonObject[];
  const metadata = JSON.parse(`[${metadataText}]`) as JsonObject[];
  if (!positions || !revisions || !versions || data.length !== count || metadata.length !== count) {
    return undefined;
  }
  const events = new Array<RecordedEvent>(count);
  for (let i = 0; i < count; i++) {
    // Same fields in the same order as rowToEvent, so both reads build objects of one shape.
    events[i] = {
      id: ids[i],
      type: types[i],
      version: Number(versions[i]),
      occurredAt: occurredAts[i],
      data: data[i],
      metadata: metadata[i],
      streamId: streamIds[i],
      revision: Number(revisions[i]),
      position: BigInt(positions[i]),
    };
  }
  return events;
}

function split(text: string | null, separator: string, count: number): string[] | undefined {
  const values = text === null ? [] : text.split(separator);
  return values.length === count ? values : undefined;
}

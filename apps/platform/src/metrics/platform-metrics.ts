import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { EventStore } from '@lib/event-store';
import { HeadObservations } from './head-observations';
import { InstrumentedEventStore } from './instrumented-event-store';

/** Seconds: a read answers in milliseconds, a command with its fsync in tens, a match plan in seconds. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Seconds: an append is one fsync (shared by the appends committed with it), a contended one more. */
const APPEND_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

let processRegistry: Registry | undefined;

/** Node's process metrics (CPU, memory, event-loop lag, GC): one set per process, however many apps it runs. */
function processMetrics(): Registry {
  if (processRegistry === undefined) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * The metrics of one application: its own registry (tests run several apps in one process, each counting its
 * own requests), the instruments the HTTP layer and the event store feed, and the heads of the log seen, from
 * which a projection's lag in seconds is told. Scrape-time gauges (projections, cases, the scheduler's backlog)
 * are added to `registry` by the modules that have their sources (metrics-sources.ts).
 */
export class PlatformMetrics {
  readonly registry = new Registry();
  readonly heads = new HeadObservations();

  readonly httpLatency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route template (`unmatched` for a path no route serves) and status code: from routing to the last byte sent',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: HTTP_BUCKETS,
    registers: [this.registry],
  });

  readonly appendLatency = new Histogram({
    name: 'event_store_append_duration_seconds',
    help: 'Event store appends by result: ok, wrong_expected_version (a writer lost a race), error',
    labelNames: ['result'] as const,
    buckets: APPEND_BUCKETS,
    registers: [this.registry],
  });

  /** The store, its appends timed and their positions noted as heads seen. */
  instrument(store: EventStore): EventStore {
    return new InstrumentedEventStore(store, {
      latency: this.appendLatency,
      appended: (position, atMs) => this.heads.observe(position, atMs),
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The exposition text: this app's series and the process's. */
  scrape(): Promise<string> {
    return Registry.merge([this.registry, processMetrics()]).metrics();
  }
}

import { useEffect, useRef, useState } from 'react';

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'offline';

const MIN_DELAY_MS = 1000;
const MAX_DELAY_MS = 30_000;

/** The delay before reconnect attempt `n` (0-based): doubling from 1 s to 30 s, with up to 30 % jitter. */
export const backoffDelay = (attempt: number, random = Math.random): number =>
  Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** attempt) * (1 + 0.3 * random());

/**
 * Follows a server-sent event stream and calls `onEvent` with each message's data (JSON when it parses).
 * EventSource's own retry keeps hammering a server that refuses; we close it and reconnect with backoff.
 */
export function useEventStream(url: string | undefined, onEvent: (data: unknown) => void): LiveState {
  const [state, setState] = useState<LiveState>(url ? 'connecting' : 'offline');
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  }, [onEvent]);

  useEffect(() => {
    if (!url) {
      setState('offline');
      return;
    }
    let source: EventSource | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let stopped = false;
    const deliver = (event: MessageEvent<string>) => {
      let data: unknown = event.data;
      try {
        data = JSON.parse(event.data);
      } catch {
        // A plain-text message is still a change to react to.
      }
      handler.current(data);
    };
    const connect = () => {
      source = new EventSource(url);
      source.onopen = () => {
        attempt = 0;
        setState('live');
        // Anything may have changed while we were away.
        handler.current({ type: 'reconnected' });
      };
      source.onmessage = deliver;
      // The monitor names its events: `snapshot` on connect, `change` after every committed change.
      for (const name of ['snapshot', 'change']) source.addEventListener(name, deliver);
      source.onerror = () => {
        source?.close();
        if (stopped) return;
        setState('reconnecting');
        timer = setTimeout(connect, backoffDelay(attempt++));
      };
    };
    connect();
    return () => {
      stopped = true;
      source?.close();
      if (timer) clearTimeout(timer);
    };
  }, [url]);
  return state;
}

// The console's copy of the session: loaded once, then replaced by every `infusion` event the server
// pushes over Server-Sent Events (new readings, alerts, pump events). While the stream is down the
// hook polls, so the screen never silently freezes.
import { useCallback, useEffect, useState } from 'react';
import type { Infusion } from '../api/types.ts';
import { infusionsApi } from './api.ts';

export type Connection = 'connecting' | 'live' | 'reconnecting';

interface State {
  id: string;
  infusion?: Infusion;
  error?: unknown;
  connection: Connection;
}

function parseEvent(data: string): Infusion | null {
  try {
    const parsed = JSON.parse(data) as Infusion | { infusion: Infusion };
    if ('infusion' in parsed && parsed.infusion && typeof parsed.infusion === 'object') {
      return parsed.infusion;
    }
    return parsed as Infusion;
  } catch {
    return null;
  }
}

export function useLiveInfusion(id: string) {
  const [state, setState] = useState<State>({ id, connection: 'connecting' });

  useEffect(() => {
    let closed = false;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const controller = new AbortController();

    const put = (infusion: Infusion, connection?: Connection) =>
      setState((prev) => ({
        id,
        infusion,
        connection: connection ?? (prev.id === id ? prev.connection : 'connecting'),
      }));

    const load = () =>
      infusionsApi.get(id, controller.signal).then(
        ({ infusion }) => {
          if (!closed) {
            put(infusion);
          }
        },
        (error: unknown) => {
          if (!closed) {
            setState((prev) => ({
              ...(prev.id === id ? prev : { connection: 'connecting' as const }),
              id,
              error,
            }));
          }
        },
      );

    const connect = () => {
      if (closed) {
        return;
      }
      source = new EventSource(infusionsApi.liveUrl(id), { withCredentials: true });
      source.addEventListener('open', () =>
        setState((prev) => (prev.id === id ? { ...prev, connection: 'live' } : prev)),
      );
      source.addEventListener('infusion', (event) => {
        const infusion = parseEvent((event as MessageEvent<string>).data);
        if (infusion && !closed) {
          put(infusion, 'live');
        }
      });
      source.addEventListener('error', () => {
        if (closed) {
          return;
        }
        setState((prev) => (prev.id === id ? { ...prev, connection: 'reconnecting' } : prev));
        // The browser retries on its own unless the server closed the stream for good.
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          retry = setTimeout(connect, 3000);
        }
      });
    };

    void load();
    connect();
    const poll = setInterval(() => {
      if (source?.readyState !== EventSource.OPEN) {
        void load();
      }
    }, 5000);

    return () => {
      closed = true;
      controller.abort();
      source?.close();
      clearInterval(poll);
      if (retry) {
        clearTimeout(retry);
      }
    };
  }, [id]);

  /** Put the server's answer to a write in place at once (the stream will confirm it). */
  const replace = useCallback(
    (infusion: Infusion) => setState((prev) => ({ ...prev, id, infusion, error: undefined })),
    [id],
  );

  const current = state.id === id;
  return {
    infusion: current ? state.infusion : undefined,
    error: current ? state.error : undefined,
    connection: current ? state.connection : ('connecting' as Connection),
    replace,
  };
}

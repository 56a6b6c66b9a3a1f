// Loads one thing from the API for a screen: data, error, a reload, and a way to put the server's
// fresh answer in place after a write (most writes answer with the updated object).
import { useCallback, useEffect, useState } from 'react';

interface State<T> {
  key: string;
  data: T | undefined;
  error: unknown;
}

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  setData: (data: T) => void;
}

export function useResource<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
  pollMs?: number,
): Resource<T> {
  const [state, setState] = useState<State<T>>({ key: '', data: undefined, error: undefined });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (key === null) {
      return;
    }
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      load(controller.signal).then(
        (data) => {
          if (controller.signal.aborted) {
            return;
          }
          setState({ key, data, error: undefined });
          if (pollMs) {
            timer = setTimeout(run, pollMs);
          }
        },
        (error: unknown) => {
          if (controller.signal.aborted) {
            return;
          }
          setState((previous) => ({ key, data: previous.key === key ? previous.data : undefined, error }));
          if (pollMs) {
            timer = setTimeout(run, pollMs);
          }
        },
      );
    };
    run();
    return () => {
      controller.abort();
      if (timer) {
        clearTimeout(timer);
      }
    };
    // `load` is recreated each render; the key says when the request changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, generation, pollMs]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const setData = useCallback(
    (data: T) => setState((previous) => ({ ...previous, data, error: undefined })),
    [],
  );

  const current = key !== null && state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: key !== null && (!current || (state.data === undefined && state.error === undefined)),
    reload,
    setData,
  };
}

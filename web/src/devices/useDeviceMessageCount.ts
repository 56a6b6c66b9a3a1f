import { useEffect, useState } from 'react';
import { DEVICE_MESSAGES_CHANGED, devicesApi } from './api.ts';

/** Unmatched monitor messages, for the nav badge: polled every 30 s and refreshed after an assign or dismiss. */
export function useDeviceMessageCount(enabled: boolean): number | null {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    if (!enabled) {
      return;
    }
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      if (timer) {
        clearTimeout(timer);
      }
      devicesApi
        .count(controller.signal)
        .then(
          ({ unmatched }) => setCount(unmatched),
          () => undefined,
        )
        .finally(() => {
          if (!controller.signal.aborted) {
            timer = setTimeout(load, 30_000);
          }
        });
    };
    load();
    window.addEventListener(DEVICE_MESSAGES_CHANGED, load);
    return () => {
      controller.abort();
      if (timer) {
        clearTimeout(timer);
      }
      window.removeEventListener(DEVICE_MESSAGES_CHANGED, load);
    };
  }, [enabled]);
  return enabled ? count : null;
}

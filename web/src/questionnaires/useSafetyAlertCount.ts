import { useEffect, useState } from 'react';
import { questionnairesApi, SAFETY_ALERTS_CHANGED } from './api.ts';

/** Open safety alerts, for the nav badge: polled every 30 s and refreshed after an acknowledgement. */
export function useSafetyAlertCount(): number | null {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      if (timer) {
        clearTimeout(timer);
      }
      questionnairesApi
        .safetyAlerts(controller.signal)
        .then(
          ({ alerts }) => setCount(alerts.length),
          () => undefined,
        )
        .finally(() => {
          if (!controller.signal.aborted) {
            timer = setTimeout(load, 30_000);
          }
        });
    };
    load();
    window.addEventListener(SAFETY_ALERTS_CHANGED, load);
    return () => {
      controller.abort();
      if (timer) {
        clearTimeout(timer);
      }
      window.removeEventListener(SAFETY_ALERTS_CHANGED, load);
    };
  }, []);
  return count;
}

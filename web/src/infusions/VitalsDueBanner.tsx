// Which readings are overdue, recomputed every 15 s in the browser with the same rule the server uses
// (domain/src/monitoring/vitals-due.ts), so the warning appears on time between server pushes.
import { Alert, List } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { vitalsDue } from '@openkap/domain/monitoring/vitals-due';
import type { SessionStage } from '@openkap/domain';
import type { Infusion } from '../api/types.ts';
import { useNow } from '../app/useNow.ts';

export function VitalsDueBanner({ infusion }: { infusion: Infusion }) {
  const now = useNow(15_000);
  const times = (pick: (v: Infusion['vitals'][number]) => number | null) =>
    infusion.vitals.flatMap((v) => (pick(v) == null ? [] : [Date.parse(v.at)]));
  const status = vitalsDue({
    stage: infusion.stage as SessionStage,
    startedAt: infusion.startedAt ? Date.parse(infusion.startedAt) : null,
    endedAt: infusion.endedAt ? Date.parse(infusion.endedAt) : null,
    doseTimes: infusion.administrations.map((a) => Date.parse(a.at)),
    readings: { bp: times((v) => v.sbp), hr: times((v) => v.hr), spo2: times((v) => v.spo2) },
    now,
    schedule: infusion.safety.vitalsDue,
  });
  if (status.overdue.length === 0) {
    return null;
  }
  return (
    <Alert
      color="orange"
      variant="filled"
      icon={<IconClockExclamation aria-hidden />}
      title="Vitals overdue"
      data-testid="vitals-overdue"
      role="status"
    >
      <List size="sm" c="white">
        {status.overdue.map((o) => (
          <List.Item key={`${o.vital}-${o.reason}-${o.dueAt}`}>{o.message}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

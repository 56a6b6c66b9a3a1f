// Monitor alarms (IHE PCD-04) still active on the bedside monitor, under the vital-sign alert banner:
// the priority in words and an icon (never colour alone), the monitor's text, what raised it and since
// when. Each is acknowledged with a note; an acknowledged one stays listed (quietly) until the monitor
// ends it. Ended alarms move to the timeline.
import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { notifySaved } from '../api/notify.tsx';
import type { DeviceAlarm, Infusion } from '../api/types.ts';
import { AcknowledgeForm } from '../app/AcknowledgeForm.tsx';
import { formatTime, minutesBetween } from '../app/format.ts';
import { useNow } from '../app/useNow.ts';
import { infusionsApi } from './api.ts';
import { alarmPriority, alarmSource, alertTypeLabel } from './deviceAlarm.ts';

function DeviceAlarmItem({
  infusionId,
  alarm,
  now,
  onChange,
  readOnly,
}: {
  infusionId: string;
  alarm: DeviceAlarm;
  now: number;
  onChange: (i: Infusion) => void;
  readOnly: boolean;
}) {
  const look = alarmPriority[alarm.priority];
  const acknowledged = alarm.acknowledgedAt != null;
  const source = alarmSource(alarm.source);
  const kind = alarm.alertType ? alertTypeLabel[alarm.alertType] : undefined;
  return (
    <Alert
      color={look.color}
      variant={acknowledged ? 'outline' : 'light'}
      radius="md"
      icon={<look.icon size={22} aria-hidden />}
      data-alarm-priority={alarm.priority}
      data-testid="device-alarm"
      title={
        <Group gap="xs" wrap="wrap">
          <Badge color={look.color} variant="filled" leftSection={<look.icon size={12} aria-hidden />}>
            {look.label}
          </Badge>
          <Text fw={700} component="span">
            {alarm.text}
          </Text>
        </Group>
      }
    >
      <Stack gap={6}>
        <Text size="sm">
          Monitor alarm{kind ? ` (${kind})` : ''}
          {source ? ` from ${source}` : ''} · since {formatTime(alarm.firstAt)} (
          {minutesBetween(alarm.firstAt, now)} min)
          {alarm.lastAt !== alarm.firstAt ? ` · updated ${formatTime(alarm.lastAt)}` : ''}
        </Text>
        {acknowledged ? (
          <Group gap="xs">
            <Badge variant="light" color="teal" leftSection={<IconCircleCheck size={14} aria-hidden />}>
              Acknowledged {formatTime(alarm.acknowledgedAt)}
              {alarm.acknowledgedBy ? ` by ${alarm.acknowledgedBy}` : ''}
            </Badge>
            {alarm.note ? (
              <Text size="sm" c="dimmed">
                {alarm.note}
              </Text>
            ) : null}
          </Group>
        ) : readOnly ? (
          <Text size="sm" fw={600}>
            A nurse or physician acknowledges this alarm.
          </Text>
        ) : (
          <AcknowledgeForm
            color={look.color}
            label="What was done (required)"
            placeholder="e.g. Probe repositioned, SpO2 back to 97%"
            onSubmit={async (note) => {
              const { infusion } = await infusionsApi.acknowledgeDeviceAlarm(infusionId, alarm.id, note);
              onChange(infusion);
              notifySaved('Monitor alarm acknowledged.');
            }}
          />
        )}
      </Stack>
    </Alert>
  );
}

export function DeviceAlarmBanner({
  infusion,
  onChange,
  readOnly = false,
}: {
  infusion: Infusion;
  onChange: (i: Infusion) => void;
  readOnly?: boolean;
}) {
  const now = useNow(15_000);
  const active = infusion.deviceAlarms
    .filter((a) => a.endedAt == null)
    .sort(
      (a, b) =>
        Number(a.acknowledgedAt != null) - Number(b.acknowledgedAt != null) ||
        alarmPriority[a.priority].rank - alarmPriority[b.priority].rank ||
        a.firstAt.localeCompare(b.firstAt),
    );
  return (
    <section
      aria-label="Monitor alarms"
      aria-live="polite"
      data-testid="device-alarm-banner"
      hidden={active.length === 0}
    >
      {active.length ? (
        <Stack gap="xs">
          {active.map((alarm) => (
            <DeviceAlarmItem
              key={alarm.id}
              infusionId={infusion.id}
              alarm={alarm}
              now={now}
              onChange={onChange}
              readOnly={readOnly}
            />
          ))}
        </Stack>
      ) : null}
    </section>
  );
}

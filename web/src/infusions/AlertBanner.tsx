// Vital-sign alerts not yet acknowledged: red, an icon, the words of what crossed which limit and
// since when; each needs a note to acknowledge. Left unacknowledged, it says to escalate.
import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangleFilled, IconCircleCheck, IconPhoneCall } from '@tabler/icons-react';
import { notifySaved } from '../api/notify.tsx';
import type { Infusion, InfusionAlert } from '../api/types.ts';
import { AcknowledgeForm } from '../app/AcknowledgeForm.tsx';
import { formatTime, minutesBetween } from '../app/format.ts';
import { useNow } from '../app/useNow.ts';
import { infusionsApi } from './api.ts';

const ESCALATE_AFTER_MIN = 3;

function AlertItem({
  infusionId,
  alert,
  now,
  onChange,
  readOnly,
}: {
  infusionId: string;
  alert: InfusionAlert;
  now: number;
  onChange: (i: Infusion) => void;
  readOnly: boolean;
}) {
  const cleared = alert.clearedAt != null;
  const minutes = minutesBetween(alert.since, now);
  const escalate = !cleared && minutes >= ESCALATE_AFTER_MIN;
  return (
    <Alert
      color={cleared ? 'orange' : 'red'}
      variant="filled"
      radius="md"
      className={cleared ? undefined : 'ok-alert-pulse'}
      icon={<IconAlertTriangleFilled size={28} aria-hidden />}
      data-alert-code={alert.code}
      title={
        <Text fw={800} fz="lg" component="span">
          {alert.message} since {formatTime(alert.since)}
        </Text>
      }
    >
      <Stack gap="xs">
        <Group gap="xs">
          {cleared ? (
            <Badge variant="white" color="orange" leftSection={<IconCircleCheck size={14} aria-hidden />}>
              Back in range since {formatTime(alert.clearedAt)} — still needs acknowledging
            </Badge>
          ) : (
            <Badge variant="white" color="red">
              Active · {minutes} min
            </Badge>
          )}
          {escalate ? (
            <Badge color="dark" leftSection={<IconPhoneCall size={14} aria-hidden />}>
              Unacknowledged {minutes} min — call the physician
            </Badge>
          ) : null}
        </Group>
        {readOnly ? (
          <Text size="sm" fw={600}>
            A nurse or physician acknowledges this alert.
          </Text>
        ) : (
          <AcknowledgeForm
            color="dark"
            label="What was done (required)"
            onSubmit={async (note) => {
              const { infusion } = await infusionsApi.acknowledgeAlert(infusionId, alert.id, note);
              onChange(infusion);
              notifySaved('Alert acknowledged.');
            }}
          />
        )}
      </Stack>
    </Alert>
  );
}

export function AlertBanner({
  infusion,
  onChange,
  readOnly = false,
}: {
  infusion: Infusion;
  onChange: (i: Infusion) => void;
  readOnly?: boolean;
}) {
  const now = useNow(15_000);
  const open = infusion.alerts
    .filter((a) => a.acknowledgedAt == null)
    .sort((a, b) => a.since.localeCompare(b.since));
  return (
    <div role="alert" aria-live="assertive" data-testid="alert-banner" hidden={open.length === 0}>
      {open.length ? (
        <Stack gap="sm">
          {open.map((alert) => (
            <AlertItem
              key={alert.id}
              infusionId={infusion.id}
              alert={alert}
              now={now}
              onChange={onChange}
              readOnly={readOnly}
            />
          ))}
        </Stack>
      ) : null}
    </div>
  );
}

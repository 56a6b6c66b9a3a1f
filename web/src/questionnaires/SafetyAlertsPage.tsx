// Open safety alerts across the clinic (e.g. PHQ-9 item 9 above 0), oldest first; acknowledging needs a note.
import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangleFilled } from '@tabler/icons-react';
import { Link } from 'react-router';
import { notifySaved } from '../api/notify.tsx';
import { useResource } from '../api/useResource.ts';
import { AcknowledgeForm } from '../app/AcknowledgeForm.tsx';
import { formatDateTime } from '../app/format.ts';
import { usePermissions } from '../app/permissions.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { EmptyNote, ErrorState, LoadingState } from '../app/States.tsx';
import { alertKindLabel } from './alertKinds.ts';
import { announceSafetyAlertsChanged, questionnairesApi } from './api.ts';

export function SafetyAlertsPage() {
  const list = useResource('safety-alerts', (signal) => questionnairesApi.safetyAlerts(signal), 30_000);
  const { can, cannot } = usePermissions();
  const alerts = [...(list.data?.alerts ?? [])].sort((a, b) => a.openedAt.localeCompare(b.openedAt));

  return (
    <>
      <PageHeader
        title="Safety alerts"
        description="Open alerts needing same-day clinical review. Acknowledge each with what was done."
      />
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <LoadingState /> : null}
      {list.data && alerts.length === 0 ? (
        <Card>
          <EmptyNote>No open safety alerts.</EmptyNote>
        </Card>
      ) : null}
      <Stack gap="md">
        {alerts.map((alert) => (
          <Card
            key={alert.id}
            style={{ borderLeft: '6px solid var(--mantine-color-red-7)' }}
            data-testid="safety-alert-row"
          >
            <Stack gap="xs">
              <Group justify="space-between" wrap="wrap">
                <Group gap="xs">
                  <IconAlertTriangleFilled size={22} color="var(--mantine-color-red-7)" aria-hidden />
                  <Anchor component={Link} to={`/app/patients/${alert.patientId}`} fw={700} size="lg">
                    {alert.patientName}
                  </Anchor>
                  <Badge color="red" variant="filled">
                    {alertKindLabel(alert.kind)}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  Opened {formatDateTime(alert.openedAt)}
                </Text>
              </Group>
              <Text>{alert.message}</Text>
              {can('safety.manage') ? (
                <AcknowledgeForm
                  label="What was done (required)"
                  placeholder="e.g. Called patient, safety plan reviewed, appointment brought forward"
                  onSubmit={async (note) => {
                    await questionnairesApi.acknowledgeSafetyAlert(alert.id, note);
                    notifySaved(`Alert for ${alert.patientName} acknowledged.`);
                    announceSafetyAlertsChanged();
                    list.reload();
                  }}
                />
              ) : (
                <Text size="sm" fw={600}>
                  {cannot('safety.manage', 'acknowledge safety alerts')}
                </Text>
              )}
            </Stack>
          </Card>
        ))}
      </Stack>
    </>
  );
}

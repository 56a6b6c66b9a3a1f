// Open safety alerts and tasks across the clinic, oldest first: an alert is a positive suicide-risk
// answer (PHQ-9 item 9, MADRS item 10), a task a suicide-risk question not answered (ask the patient).
// Both are urgent and acknowledged the same way, with a note of what was done.
import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { notifySaved } from '../api/notify.tsx';
import { useResource } from '../api/useResource.ts';
import { AcknowledgeForm } from '../app/AcknowledgeForm.tsx';
import { formatDateTime } from '../app/format.ts';
import { usePermissions } from '../app/permissions.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { EmptyNote, ErrorState, LoadingState } from '../app/States.tsx';
import { alertKindLabel, alertType } from './alertKinds.ts';
import { announceSafetyAlertsChanged, questionnairesApi } from './api.ts';
import { safetyLook } from './safetyLook.ts';
import { SafetySettingsCard } from './SafetySettingsCard.tsx';

export function SafetyAlertsPage() {
  const list = useResource('safety-alerts', (signal) => questionnairesApi.safetyAlerts(signal), 30_000);
  const { can, cannot } = usePermissions();
  const alerts = [...(list.data?.alerts ?? [])].sort((a, b) => a.openedAt.localeCompare(b.openedAt));

  return (
    <>
      <PageHeader
        title="Safety alerts"
        description="Alerts (a positive answer about suicide or self-harm) and tasks (that question not answered: ask the patient) needing same-day clinical review. Acknowledge each with what was done."
      />
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <LoadingState /> : null}
      {list.data && alerts.length === 0 ? (
        <Card>
          <EmptyNote>No open safety alerts or tasks.</EmptyNote>
        </Card>
      ) : null}
      <Stack gap="md">
        {alerts.map((alert) => {
          const look = safetyLook(alertType(alert));
          const KindIcon = look.icon;
          return (
            <Card
              key={alert.id}
              style={{ borderLeft: `6px solid var(--mantine-color-${look.color}-7)` }}
              data-testid="safety-alert-row"
              data-type={alertType(alert)}
            >
              <Stack gap="xs">
                <Group justify="space-between" wrap="wrap">
                  <Group gap="xs">
                    <KindIcon size={22} color={`var(--mantine-color-${look.color}-7)`} aria-hidden />
                    <Anchor component={Link} to={`/app/patients/${alert.patientId}`} fw={700} size="lg">
                      {alert.patientName}
                    </Anchor>
                    <Badge color={look.color} variant="filled">
                      {look.word}
                    </Badge>
                    <Badge color={look.color} variant="outline">
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
                    placeholder={look.placeholder}
                    onSubmit={async (note) => {
                      await questionnairesApi.acknowledgeSafetyAlert(alert.id, note);
                      notifySaved(`${look.word} for ${alert.patientName} acknowledged.`);
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
          );
        })}
        <SafetySettingsCard />
      </Stack>
    </>
  );
}

// A patient's open safety alerts (e.g. PHQ-9 item 9 answered above 0): red, icon, words, and
// acknowledgement with a required note, at the top of the chart.
import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { notifySaved } from '../api/notify.tsx';
import type { Patient } from '../api/types.ts';
import { AcknowledgeForm } from '../app/AcknowledgeForm.tsx';
import { formatDateTime } from '../app/format.ts';
import { usePermissions } from '../app/permissions.ts';
import { alertKindLabel } from '../questionnaires/alertKinds.ts';
import { announceSafetyAlertsChanged, questionnairesApi } from '../questionnaires/api.ts';

export function OpenSafetyAlerts({
  patient,
  onAcknowledged,
}: {
  patient: Patient;
  onAcknowledged: () => void;
}) {
  const { can, cannot } = usePermissions();
  const open = patient.safetyAlerts.filter((a) => !a.acknowledgedAt);
  if (open.length === 0) {
    return null;
  }
  return (
    <Stack gap="sm" role="region" aria-label="Open safety alerts">
      {open.map((alert) => (
        <Alert
          key={alert.id}
          color="red"
          variant="filled"
          icon={<IconAlertTriangle size={24} aria-hidden />}
          title={`Safety alert — ${alertKindLabel(alert.kind)}`}
          data-testid="safety-alert"
        >
          <Stack gap="xs">
            <Text size="sm">
              {alert.message}{' '}
              <Text span size="xs">
                (opened {formatDateTime(alert.openedAt)})
              </Text>
            </Text>
            {can('safety.manage') ? (
              <AcknowledgeForm
                label="What was done (required)"
                placeholder="e.g. Called patient, safety plan reviewed, no current intent"
                color="dark"
                onSubmit={async (note) => {
                  await questionnairesApi.acknowledgeSafetyAlert(alert.id, note);
                  notifySaved('Safety alert acknowledged.');
                  announceSafetyAlertsChanged();
                  onAcknowledged();
                }}
              />
            ) : (
              <Text size="sm" fw={600}>
                {cannot('safety.manage', 'acknowledge safety alerts')}
              </Text>
            )}
          </Stack>
        </Alert>
      ))}
    </Stack>
  );
}

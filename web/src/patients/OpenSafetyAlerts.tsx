// A patient's open safety alerts (PHQ-9 item 9 above 0, MADRS item 10 at the clinic's level) and
// safety tasks (that item not answered: ask the patient): filled, icon, words, and acknowledgement with
// a required note, at the top of the chart.
import { Alert, Stack, Text } from '@mantine/core';
import { notifySaved } from '../api/notify.tsx';
import type { Patient } from '../api/types.ts';
import { AcknowledgeForm } from '../app/AcknowledgeForm.tsx';
import { formatDateTime } from '../app/format.ts';
import { usePermissions } from '../app/permissions.ts';
import { alertKindLabel, alertType } from '../questionnaires/alertKinds.ts';
import { announceSafetyAlertsChanged, questionnairesApi } from '../questionnaires/api.ts';
import { safetyLook } from '../questionnaires/safetyLook.ts';

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
    <Stack gap="sm" role="region" aria-label="Open safety alerts and tasks">
      {open.map((alert) => {
        const look = safetyLook(alertType(alert));
        const KindIcon = look.icon;
        return (
          <Alert
            key={alert.id}
            color={look.color}
            variant="filled"
            icon={<KindIcon size={24} aria-hidden />}
            title={`${look.word} — ${alertKindLabel(alert.kind)}`}
            data-testid="safety-alert"
            data-type={alertType(alert)}
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
                  placeholder={look.placeholder}
                  color="dark"
                  onSubmit={async (note) => {
                    await questionnairesApi.acknowledgeSafetyAlert(alert.id, note);
                    notifySaved(`${look.word} acknowledged.`);
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
        );
      })}
    </Stack>
  );
}

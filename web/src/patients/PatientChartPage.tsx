// The patient chart: who they are, what to watch for, how treatment is going, and what happens next.
import { Badge, Grid, Group, Stack, Text } from '@mantine/core';
import { IconId } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { useResource } from '../api/useResource.ts';
import { todayIsoDate } from '../app/format.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { usePermissions } from '../app/permissions.ts';
import { ErrorState, LoadingState } from '../app/States.tsx';
import { useNow } from '../app/useNow.ts';
import { useStaffUser } from '../auth/session.tsx';
import { questionnairesApi } from '../questionnaires/api.ts';
import type { RelapseView } from '@openkap/domain/outcomes/relapse';
import { fullName, patientsApi, type TherapySession } from './api.ts';
import { EditDetailsButton } from './EditDetailsButton.tsx';
import { FlagsCard } from './FlagsCard.tsx';
import { MedicationsCard } from './MedicationsCard.tsx';
import { OpenSafetyAlerts } from './OpenSafetyAlerts.tsx';
import { QuestionnaireLinkCard } from './QuestionnaireLinkCard.tsx';
import { DueMeasuresCard } from './DueMeasuresCard.tsx';
import { OutcomeCard } from './OutcomeCard.tsx';
import { RelapseCard } from './RelapseCard.tsx';
import { SubstanceUseCard } from './SubstanceUseCard.tsx';
import { ScoresCard } from './ScoresCard.tsx';
import { SessionsCard } from './SessionsCard.tsx';
import { SummaryStrip } from './SummaryStrip.tsx';
import { TherapySessionsCard } from './TherapySessionsCard.tsx';
import { WeightsCard } from './WeightsCard.tsx';

const sexLabel: Record<string, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Sex not recorded',
};

export function PatientChartPage() {
  const { id = '' } = useParams();
  const user = useStaffUser();
  const { can } = usePermissions();
  const now = useNow(60_000);
  const today = todayIsoDate(now);
  const resource = useResource(`patient:${id}`, (signal) => patientsApi.get(id, signal));
  const instruments = useResource('instruments', (signal) => questionnairesApi.instruments(signal));

  if (resource.error) {
    return <ErrorState error={resource.error} onRetry={resource.reload} />;
  }
  const patient = resource.data?.patient;
  if (!patient) {
    return <LoadingState label="Loading chart…" />;
  }

  const setPatient = (p: typeof patient) => resource.setData({ patient: p });
  // Newest first, as the server lists them.
  const addTherapySession = (s: TherapySession) =>
    setPatient({
      ...patient,
      therapySessions: [s, ...(patient.therapySessions ?? [])].sort((a, b) =>
        b.heldAt.localeCompare(a.heldAt),
      ),
    });
  // Newest noted first, as the server lists them.
  const addRelapse = (r: RelapseView) =>
    setPatient({
      ...patient,
      relapses: [r, ...(patient.relapses ?? [])].sort((a, b) => b.notedOn.localeCompare(a.notedOn)),
    });
  const canAcknowledgeFlags = can('flags.acknowledge');

  return (
    <Stack gap="md">
      <PageHeader
        title={fullName(patient)}
        description={
          <Group gap="xs" component="span">
            <Badge variant="light" color="gray" leftSection={<IconId size={12} aria-hidden />}>
              MRN {patient.mrn}
            </Badge>
            <Text span size="sm">
              {patient.ageYears} years · {sexLabel[patient.sex] ?? patient.sex}
              {patient.phone ? ` · ${patient.phone}` : ''}
            </Text>
          </Group>
        }
        actions={can('patients.write') ? <EditDetailsButton patient={patient} onChange={setPatient} /> : null}
      />
      <OpenSafetyAlerts patient={patient} onAcknowledged={resource.reload} />
      <SummaryStrip patient={patient} today={today} onChange={setPatient} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {instruments.error ? (
              <ErrorState error={instruments.error} onRetry={instruments.reload} />
            ) : (
              <ScoresCard
                patient={patient}
                instruments={instruments.data?.instruments ?? []}
                timeZone={user.clinicTimeZone}
              />
            )}
            <SessionsCard patient={patient} />
            {can('therapy.read') && patient.therapySessions ? (
              <TherapySessionsCard
                patientId={patient.id}
                sessions={patient.therapySessions}
                infusions={patient.infusions}
                timeZone={user.clinicTimeZone}
                now={now}
                onRecorded={addTherapySession}
              />
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            {patient.plan?.outcome ? <OutcomeCard outcome={patient.plan.outcome} /> : null}
            {patient.plan?.substanceUse ? (
              <SubstanceUseCard
                summary={patient.plan.substanceUse}
                infusions={patient.infusions}
                questionnaires={patient.questionnaires}
                therapySessions={patient.therapySessions ?? null}
                timeZone={user.clinicTimeZone}
              />
            ) : null}
            {patient.relapses ? (
              <RelapseCard
                patientId={patient.id}
                relapses={patient.relapses}
                today={today}
                onRecorded={addRelapse}
              />
            ) : null}
            {patient.plan?.due ? <DueMeasuresCard due={patient.plan.due} patientId={patient.id} /> : null}
            <FlagsCard patient={patient} canAcknowledge={canAcknowledgeFlags} onChange={setPatient} />
            <MedicationsCard patient={patient} onChange={setPatient} />
            <WeightsCard patient={patient} today={today} onChange={setPatient} />
            {can('questionnaires.enter') && instruments.data ? (
              <QuestionnaireLinkCard
                // A new set of due measures (after a session, say) starts a fresh selection.
                key={(patient.plan?.due ?? []).map((d) => d.instrumentId).join(',')}
                patientId={patient.id}
                instruments={instruments.data.instruments}
                due={patient.plan?.due ?? []}
              />
            ) : null}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

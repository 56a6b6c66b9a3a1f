// Patients whose scores are climbing back after their series (issue 4 "Booster signal"), so the team
// can call and offer a booster. Shown above the patient list; nothing when nobody is flagged.
import { Alert, Anchor, Group, List, Text } from '@mantine/core';
import { IconTrendingUp } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useResource } from '../api/useResource.ts';
import { patientsApi } from './api.ts';

export function BoosterSignalsCard() {
  const signals = useResource('booster-signals', (signal) => patientsApi.boosterSignals(signal));
  const patients = signals.data?.patients ?? [];
  if (patients.length === 0) {
    return null;
  }
  return (
    <Alert
      color="orange"
      icon={<IconTrendingUp size={20} aria-hidden />}
      title={`Booster signal: ${patients.length} patient${patients.length === 1 ? '' : 's'}`}
      mb="md"
    >
      <Text size="sm" mb="xs">
        Scores are rising again after the series. Consider offering a booster.
      </Text>
      <List size="sm" spacing={4}>
        {patients.map((p) => (
          <List.Item key={p.patientId}>
            <Group gap={6} wrap="wrap">
              <Anchor component={Link} to={`/app/patients/${p.patientId}`} fw={600}>
                {p.name}
              </Anchor>
              <Text span size="sm" c="dimmed">
                {p.mrn} · {p.instrument} {p.low?.score ?? '–'} → {p.latest?.score ?? '–'} ·{' '}
                {p.daysSinceLastInfusion} days since the last infusion
              </Text>
            </Group>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

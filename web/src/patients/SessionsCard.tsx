// Infusion sessions, newest first, each opening its console; and the way to start a new one.
import { Anchor, Button, Card, Group, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Patient } from '../api/types.ts';
import { formatDateTime, formatNumber } from '../app/format.ts';
import { EmptyNote } from '../app/States.tsx';
import { activeStages, StageBadge } from '../infusions/stage.tsx';
import { StartInfusion } from './StartInfusion.tsx';

export function SessionsCard({ patient }: { patient: Patient }) {
  const sessions = [...patient.infusions].sort((a, b) =>
    (b.startedAt ?? b.scheduledAt ?? '').localeCompare(a.startedAt ?? a.scheduledAt ?? ''),
  );
  const current = sessions.find((s) => activeStages.includes(s.stage));
  return (
    <Card>
      <Group justify="space-between" align="flex-end" mb="sm" gap="sm">
        <Title order={2} size="h4">
          Infusion sessions
        </Title>
        <StartInfusion patientId={patient.id} />
      </Group>
      {current ? (
        <Button
          component={Link}
          to={`/app/infusions/${current.id}`}
          variant="light"
          mb="sm"
          rightSection={<IconArrowRight size={16} aria-hidden />}
        >
          Open the current infusion console
        </Button>
      ) : null}
      {sessions.length === 0 ? (
        <EmptyNote>No infusions yet.</EmptyNote>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs" aria-label="Infusion sessions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>When</Table.Th>
                <Table.Th>Stage</Table.Th>
                <Table.Th ta="right">Total dose</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Open</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td className="ok-figure">{s.number ?? '—'}</Table.Td>
                  <Table.Td>{formatDateTime(s.startedAt ?? s.scheduledAt)}</Table.Td>
                  <Table.Td>
                    <StageBadge stage={s.stage} />
                  </Table.Td>
                  <Table.Td ta="right" className="ok-figure">
                    {s.totalDoseMg != null ? `${formatNumber(s.totalDoseMg, 1)} mg` : '—'}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/app/infusions/${s.id}`} size="sm">
                      <Text span size="sm">
                        Console
                      </Text>
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

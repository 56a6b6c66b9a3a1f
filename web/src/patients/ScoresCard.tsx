// PHQ-9 and GAD-7 over time, one small chart each on a shared time axis, with the results listed.
import {
  Badge,
  Card,
  Group,
  Menu,
  Button,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  useComputedColorScheme,
} from '@mantine/core';
import { IconAlertTriangle, IconChevronDown, IconClipboardText } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { Instrument, Patient } from '../api/types.ts';
import { formatInstantDate } from '../app/format.ts';
import { usePermissions } from '../app/permissions.ts';
import { EmptyNote } from '../app/States.tsx';
import { shortName } from '../questionnaires/bands.ts';
import { ScoreChart } from './ScoreChart.tsx';

const DAY = 86_400;
const seriesColor: Record<string, string> = { phq9: '#1864ab', gad7: '#862e9c' };

export function ScoresCard({
  patient,
  instruments,
  timeZone,
}: {
  patient: Patient;
  instruments: Instrument[];
  timeZone?: string;
}) {
  const dark = useComputedColorScheme('light') === 'dark';
  const { can } = usePermissions();

  const infusionTimes = useMemo(
    () =>
      patient.infusions
        .filter((i) => i.stage !== 'cancelled' && (i.startedAt ?? i.scheduledAt))
        .map((i) => Date.parse((i.startedAt ?? i.scheduledAt) as string) / 1000),
    [patient.infusions],
  );

  const range = useMemo<[number, number]>(() => {
    const times = [...patient.questionnaires.map((q) => Date.parse(q.authoredAt) / 1000), ...infusionTimes];
    if (times.length === 0) {
      return [0, 30 * DAY];
    }
    const min = Math.min(...times);
    const max = Math.max(...times);
    // At least a fortnight wide, so the axis counts days rather than hours.
    const pad = Math.max(2 * DAY, (max - min) * 0.05, (14 * DAY - (max - min)) / 2);
    return [min - pad, max + pad];
  }, [patient.questionnaires, infusionTimes]);

  const shown = instruments.filter((i) => i.id === 'phq9' || i.id === 'gad7');
  const recent = [...patient.questionnaires]
    .sort((a, b) => b.authoredAt.localeCompare(a.authoredAt))
    .slice(0, 8);
  const titleOf = (id: string) => {
    const found = instruments.find((i) => i.id === id);
    return found ? shortName(found) : id.toUpperCase();
  };

  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Symptom scores
        </Title>
        {can('questionnaires.enter') ? (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button
                variant="light"
                leftSection={<IconClipboardText size={18} aria-hidden />}
                rightSection={<IconChevronDown size={16} aria-hidden />}
              >
                Enter questionnaire
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {shown.map((instrument) => (
                <Menu.Item
                  key={instrument.id}
                  component={Link}
                  to={`/app/patients/${patient.id}/questionnaire/${instrument.id}`}
                >
                  {shortName(instrument)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        ) : null}
      </Group>

      {patient.questionnaires.length === 0 ? (
        <EmptyNote>No questionnaires yet. Enter one here, or send the patient a link.</EmptyNote>
      ) : (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            {shown.map((instrument) => (
              <div key={instrument.id}>
                <Group gap="xs" mb={4}>
                  <span
                    aria-hidden
                    style={{
                      width: 14,
                      height: 3,
                      background: seriesColor[instrument.id],
                      display: 'inline-block',
                      borderRadius: 2,
                    }}
                  />
                  <Text fw={600} size="sm">
                    {shortName(instrument)} total
                  </Text>
                </Group>
                <ScoreChart
                  instrument={instrument}
                  results={patient.questionnaires.filter((q) => q.instrument === instrument.id)}
                  infusionTimes={infusionTimes}
                  range={range}
                  dark={dark}
                  timeZone={timeZone}
                  color={seriesColor[instrument.id] ?? '#1864ab'}
                />
              </div>
            ))}
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            Shaded bands are the instrument&rsquo;s severity ranges; dashed vertical lines mark infusion days.
          </Text>
          <Table.ScrollContainer minWidth={420}>
            <Table verticalSpacing={6} aria-label="Recent questionnaire results">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Date</Table.Th>
                  <Table.Th>Questionnaire</Table.Th>
                  <Table.Th>Total</Table.Th>
                  <Table.Th>Severity</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {recent.map((q) => (
                  <Table.Tr key={q.id}>
                    <Table.Td>{formatInstantDate(q.authoredAt)}</Table.Td>
                    <Table.Td>{titleOf(q.instrument)}</Table.Td>
                    <Table.Td className="ok-figure" fw={600}>
                      {q.total ?? '—'}
                      {!q.complete ? (
                        <Text span size="xs" c="dimmed" ml={4}>
                          (incomplete)
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        <Text size="sm">{q.bandLabel ?? '—'}</Text>
                        {q.safetyAlert ? (
                          <Badge
                            color="red"
                            variant="filled"
                            leftSection={<IconAlertTriangle size={12} aria-hidden />}
                          >
                            Safety item
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </Card>
  );
}

// Each instrument's totals over time, one small chart per instrument with a score, on a shared time
// axis; the results listed below, where a form kept in progress shows as such, never as a score.
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
import {
  IconAlertTriangle,
  IconChevronDown,
  IconClipboardText,
  IconMessageQuestion,
  IconProgress,
  IconStethoscope,
} from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { Instrument, Patient, QuestionnaireResult } from '../api/types.ts';
import { formatInstantDate } from '../app/format.ts';
import { usePermissions } from '../app/permissions.ts';
import { EmptyNote } from '../app/States.tsx';
import { shortName } from '../questionnaires/bands.ts';
import { ScoreChart } from './ScoreChart.tsx';

const DAY = 86_400;
// Kept for the familiar two; the others take the next colour in catalog order.
const seriesColor: Record<string, string> = { phq9: '#1864ab', gad7: '#862e9c' };
const morePalette = ['#0b7285', '#c2255c', '#5c940d', '#e8590c', '#5f3dc4', '#495057'];

/** A result that counts as a score: complete, with a total. Forms kept in progress never do. */
const scored = (q: QuestionnaireResult): boolean =>
  q.complete && q.status !== 'in_progress' && q.total != null;

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

  // The forms this user may enter: a clinician-rated scale only with questionnaires.rate.
  const enterable = instruments.filter((i) => i.rater !== 'clinician' || can('questionnaires.rate'));
  const shown = instruments.filter((i) =>
    patient.questionnaires.some((q) => q.instrument === i.id && scored(q)),
  );
  const colorOf = (id: string): string => {
    const others = shown.filter((i) => !(i.id in seriesColor));
    return (
      seriesColor[id] ?? morePalette[others.findIndex((i) => i.id === id) % morePalette.length] ?? '#1864ab'
    );
  };
  const recent = [...patient.questionnaires]
    .sort((a, b) => b.authoredAt.localeCompare(a.authoredAt))
    .slice(0, 8);
  // The patient chose "prefer not to answer" for the form's suicide-risk item.
  const declinedSafety = (q: QuestionnaireResult): boolean => {
    const linkId = instruments.find((i) => i.id === q.instrument)?.safetyItem?.linkId;
    return linkId !== undefined && (q.declinedItems ?? []).includes(linkId);
  };
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
              {enterable.map((instrument) => (
                <Menu.Item
                  key={instrument.id}
                  component={Link}
                  to={`/app/patients/${patient.id}/questionnaire/${instrument.id}`}
                  leftSection={
                    instrument.rater === 'clinician' ? (
                      <IconStethoscope size={16} aria-hidden />
                    ) : (
                      <IconClipboardText size={16} aria-hidden />
                    )
                  }
                >
                  {shortName(instrument)}
                  {instrument.rater === 'clinician' ? (
                    <Text span size="xs" c="dimmed" ml={6}>
                      clinician rating
                    </Text>
                  ) : null}
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
          {shown.length === 0 ? (
            <Text size="sm" c="dimmed">
              No scores to chart yet: forms kept in progress have too many items unanswered to score.
            </Text>
          ) : (
            <>
              <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
                {shown.map((instrument) => (
                  <div key={instrument.id}>
                    <Group gap="xs" mb={4}>
                      <span
                        aria-hidden
                        style={{
                          width: 14,
                          height: 3,
                          background: colorOf(instrument.id),
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
                      results={patient.questionnaires.filter(
                        (q) => q.instrument === instrument.id && scored(q),
                      )}
                      infusionTimes={infusionTimes}
                      range={range}
                      dark={dark}
                      timeZone={timeZone}
                      color={colorOf(instrument.id)}
                    />
                  </div>
                ))}
              </SimpleGrid>
              <Text size="xs" c="dimmed">
                Shaded bands are the instrument&rsquo;s severity ranges; dashed vertical lines mark infusion
                days.
              </Text>
            </>
          )}
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
                      {scored(q) ? (
                        q.total
                      ) : (
                        <Group gap={4} wrap="nowrap" title="Too many items unanswered to score">
                          <IconProgress size={14} aria-hidden color="var(--mantine-color-dimmed)" />
                          <Text span size="sm" c="dimmed" fw={500} style={{ whiteSpace: 'nowrap' }}>
                            In progress
                          </Text>
                        </Group>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        <Text size="sm">{scored(q) ? (q.bandLabel ?? '—') : '—'}</Text>
                        {q.safetyAlert ? (
                          <Badge
                            color="red"
                            variant="filled"
                            leftSection={<IconAlertTriangle size={12} aria-hidden />}
                          >
                            Safety item
                          </Badge>
                        ) : q.safetyItemUnanswered ? (
                          <Badge
                            color="orange"
                            variant="filled"
                            leftSection={<IconMessageQuestion size={12} aria-hidden />}
                          >
                            {declinedSafety(q) ? 'Safety item declined' : 'Safety item unanswered'}
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

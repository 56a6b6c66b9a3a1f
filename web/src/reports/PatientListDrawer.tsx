// The patients behind one headline figure: name (to the chart), MRN, baseline and follow-up scores,
// the change and where each patient stands. A drawer from the right on a desk or tablet, a sheet from
// the bottom on a phone (a table there, cards here), alphabetical and a page at a time.
import { Anchor, Badge, Button, Card, Drawer, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCircleCheck, IconClipboardOff, IconClockHour4, IconMinus, type Icon } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useResource } from '../api/useResource.ts';
import { formatDate } from '../app/format.ts';
import { EmptyNote, ErrorState, LoadingState } from '../app/States.tsx';
import { reportsApi, type DatedScore, type OutcomeGroup, type OutcomePatient } from './api.ts';
import type { ReportFilters } from './filters.ts';
import type { GroupWords } from './groups.ts';
import { plural, signedPercent } from './numbers.ts';

const PAGE = 100;

interface Outcome {
  label: string;
  color: string;
  icon: Icon;
}

/** Colour never carries the meaning alone: every badge has its icon and its words. */
function outcomeOf(p: OutcomePatient, minBaselineScore: number | null): Outcome {
  switch (p.status) {
    case 'no_baseline':
      return { label: 'No baseline', color: 'orange', icon: IconClipboardOff };
    case 'below_threshold':
      return { label: `Baseline under ${minBaselineScore ?? ''}`, color: 'gray', icon: IconClipboardOff };
    case 'no_follow_up':
      return { label: 'No follow-up', color: 'orange', icon: IconClockHour4 };
    case 'assessed':
      if (p.responder && p.remitter) {
        return { label: 'Response, remission', color: 'teal', icon: IconCircleCheck };
      }
      if (p.responder) {
        return { label: 'Response', color: 'teal', icon: IconCircleCheck };
      }
      if (p.remitter) {
        return { label: 'Remission', color: 'teal', icon: IconCircleCheck };
      }
      return { label: 'No response', color: 'gray', icon: IconMinus };
  }
}

function seriesOf(p: OutcomePatient): string {
  if (p.induction === 'in_progress') {
    return 'In induction';
  }
  if (p.induction === 'dropped_out') {
    return 'Dropped out';
  }
  if (p.booster === 'event') {
    return `Completed; booster after ${plural(p.daysToBooster ?? 0, 'day')}`;
  }
  if (p.booster === 'censored') {
    return `Completed; no booster in ${plural(p.daysToBooster ?? 0, 'day')}`;
  }
  return 'Completed';
}

function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  const TheIcon = outcome.icon;
  return (
    <Badge
      variant="light"
      color={outcome.color}
      leftSection={<TheIcon size={14} aria-hidden />}
      tt="none"
      // Mantine cuts a badge's words with an ellipsis when the cell is narrow: these must be read whole.
      styles={{ root: { overflow: 'visible', maxWidth: 'none' }, label: { overflow: 'visible' } }}
    >
      {outcome.label}
    </Badge>
  );
}

function Score({ score }: { score: DatedScore | null }) {
  if (!score) {
    return (
      <Text span size="sm" c="dimmed">
        None
      </Text>
    );
  }
  return (
    <>
      <Text span fw={700} className="ok-figure">
        {score.score}
      </Text>
      <Text span size="xs" c="dimmed" display="block" style={{ whiteSpace: 'nowrap' }}>
        {formatDate(score.date)}
      </Text>
    </>
  );
}

const chartLink = (p: OutcomePatient) => (
  <Anchor component={Link} to={`/app/patients/${p.patientId}`} fw={600}>
    {p.familyName}, {p.givenName}
  </Anchor>
);

function PatientTable({
  patients,
  min,
  caption,
}: {
  patients: OutcomePatient[];
  min: number | null;
  caption: string;
}) {
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table verticalSpacing="xs" horizontalSpacing="sm" highlightOnHover aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Patient</Table.Th>
            <Table.Th>MRN</Table.Th>
            <Table.Th ta="right">Baseline</Table.Th>
            <Table.Th ta="right">Follow-up</Table.Th>
            <Table.Th ta="right">Change</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th>Series</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {patients.map((p) => (
            <Table.Tr key={p.patientId} data-testid="drilldown-row">
              <Table.Td>{chartLink(p)}</Table.Td>
              <Table.Td>
                <Text span size="sm" ff="monospace">
                  {p.mrn}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Score score={p.baseline} />
              </Table.Td>
              <Table.Td ta="right">
                <Score score={p.followUp} />
              </Table.Td>
              <Table.Td ta="right" className="ok-figure">
                {signedPercent(p.percentChange)}
              </Table.Td>
              <Table.Td>
                <OutcomeBadge outcome={outcomeOf(p, min)} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{seriesOf(p)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** On a phone: one card per patient, the chart link first and the scores on one line. */
function PatientCards({
  patients,
  min,
  caption,
}: {
  patients: OutcomePatient[];
  min: number | null;
  caption: string;
}) {
  return (
    <Stack gap="xs" component="ul" aria-label={caption} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {patients.map((p) => (
        <Card key={p.patientId} component="li" withBorder padding="sm" data-testid="drilldown-row">
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <div style={{ minWidth: 0 }}>
              {chartLink(p)}
              <Text size="xs" c="dimmed">
                MRN {p.mrn}
              </Text>
            </div>
            <OutcomeBadge outcome={outcomeOf(p, min)} />
          </Group>
          <Text size="sm" mt={6}>
            {p.baseline ? `${p.baseline.score} (${formatDate(p.baseline.date)})` : 'No baseline'}
            {' → '}
            {p.followUp ? `${p.followUp.score} (${formatDate(p.followUp.date)})` : 'no follow-up'}
            {p.percentChange != null ? (
              <Text span fw={700}>
                {' '}
                · {signedPercent(p.percentChange)}
              </Text>
            ) : null}
          </Text>
          <Text size="xs" c="dimmed">
            {seriesOf(p)}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}

/** One group's list, fetched a page at a time; mounted afresh (keyed) for each group and filter set. */
function PatientList({
  filters,
  group,
  words,
  minBaselineScore,
  phone,
}: {
  filters: ReportFilters;
  group: OutcomeGroup;
  words: GroupWords;
  minBaselineScore: number | null;
  phone: boolean;
}) {
  const first = useResource(`${JSON.stringify(filters)}|${group}`, (signal) =>
    reportsApi.outcomePatients(filters, group, { offset: 0, limit: PAGE }, signal),
  );
  const [more, setMore] = useState<OutcomePatient[]>([]);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);

  if (first.error) {
    return <ErrorState error={first.error} onRetry={first.reload} />;
  }
  if (!first.data) {
    return <LoadingState label="Finding the patients…" />;
  }
  const { total } = first.data;
  const patients = [...first.data.patients, ...more];
  const loadMore = () => {
    setLoadingMore(true);
    setMoreError(null);
    reportsApi.outcomePatients(filters, group, { offset: patients.length, limit: PAGE }).then(
      (page) => {
        setMore((m) => [...m, ...page.patients]);
        setLoadingMore(false);
      },
      (error: unknown) => {
        setMoreError(error);
        setLoadingMore(false);
      },
    );
  };
  const caption = `${words.title}: ${plural(total, 'patient')}`;

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {words.description}
      </Text>
      {total === 0 ? (
        <EmptyNote>No patient in this group.</EmptyNote>
      ) : (
        <>
          <Text size="sm" role="status">
            {patients.length < total
              ? `${plural(patients.length, 'patient')} of ${total.toLocaleString()} shown, by family name.`
              : `${plural(total, 'patient')}, by family name.`}{' '}
            Open a name for the chart.
          </Text>
          {phone ? (
            <PatientCards patients={patients} min={minBaselineScore} caption={caption} />
          ) : (
            <PatientTable patients={patients} min={minBaselineScore} caption={caption} />
          )}
          {moreError ? <ErrorState error={moreError} onRetry={loadMore} /> : null}
          {patients.length < total && !moreError ? (
            <Group justify="center">
              <Button variant="default" onClick={loadMore} loading={loadingMore}>
                Show {Math.min(PAGE, total - patients.length)} more
              </Button>
            </Group>
          ) : null}
        </>
      )}
    </Stack>
  );
}

export function PatientListDrawer({
  filters,
  group,
  words,
  count,
  minBaselineScore,
  onClose,
}: {
  filters: ReportFilters;
  /** Null: closed. */
  group: OutcomeGroup | null;
  words: GroupWords | null;
  count: number | null;
  minBaselineScore: number | null;
  onClose: () => void;
}) {
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  return (
    <Drawer
      opened={group !== null}
      onClose={onClose}
      position={phone ? 'bottom' : 'right'}
      // Wide enough for the seven columns on one line each; the whole width on a portrait tablet.
      size={phone ? '94%' : 'min(100%, 62rem)'}
      title={
        words ? (
          <Text component="span" fw={700} size="lg">
            {words.title}
            {count != null ? ` (${count.toLocaleString()})` : ''}
          </Text>
        ) : (
          ''
        )
      }
      closeButtonProps={{ 'aria-label': 'Close the list' }}
    >
      {group && words ? (
        <PatientList
          key={`${JSON.stringify(filters)}|${group}`}
          filters={filters}
          group={group}
          words={words}
          minBaselineScore={minBaselineScore}
          phone={phone}
        />
      ) : null}
    </Drawer>
  );
}

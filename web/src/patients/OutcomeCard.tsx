// The plan's main outcome at a glance (issue 4 "Per patient" and "Booster signal"): baseline → the
// end-of-series score, the outcome response and remission are judged on (issue 10), in words (never
// colour alone); the latest score, where the patient stands now; and whether scores are climbing back
// after the series so the team can offer a booster.
import { Alert, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowDownRight,
  IconArrowUpRight,
  IconCalendarTime,
} from '@tabler/icons-react';
import { describeOutcomeWindow } from '@openkap/domain/plans/outcome-window';
import type { PlanOutcome } from '../api/types.ts';
import { formatDate } from '../app/format.ts';

const statusText: Record<PlanOutcome['status'], string> = {
  no_infusion: 'No infusion yet: the baseline is the last score before the first one.',
  no_baseline: 'No score before the first infusion, so change cannot be measured.',
  no_follow_up:
    'Baseline on record (the last score before the first dose); no score since the first infusion yet.',
  assessed: '',
};

function Change({ percent }: { percent: number | null }) {
  if (percent === null) {
    return null;
  }
  const falling = percent < 0;
  return (
    <Badge
      color={falling ? 'teal' : 'orange'}
      variant="light"
      leftSection={falling ? <IconArrowDownRight size={12} /> : <IconArrowUpRight size={12} />}
    >
      {percent > 0 ? '+' : ''}
      {percent.toFixed(0)} %
    </Badge>
  );
}

export function OutcomeCard({ outcome }: { outcome: PlanOutcome }) {
  const { baseline, latest, percentChange, endOfSeries, boosterSignal: signal } = outcome;
  const window = describeOutcomeWindow(outcome.outcomeWindow);
  const latestIsOutcome = endOfSeries !== null && latest !== null && latest.date === endOfSeries.score.date;
  return (
    <Card>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {outcome.shortTitle} outcome
        </Title>
        <Group gap={6}>
          {outcome.responder ? (
            <Badge color="teal" variant="light">
              Response
            </Badge>
          ) : null}
          {outcome.remitter ? (
            <Badge color="teal" variant="filled">
              Remission
            </Badge>
          ) : null}
        </Group>
      </Group>
      <Stack gap="xs">
        {outcome.status === 'assessed' && baseline && latest ? (
          <>
            {endOfSeries ? (
              <Group gap="xs" wrap="wrap" data-testid="outcome-end-of-series">
                <Text size="sm">
                  Baseline <b>{baseline.score}</b> ({formatDate(baseline.date)}) → end of series{' '}
                  <b>{endOfSeries.score.score}</b> ({formatDate(endOfSeries.score.date)})
                </Text>
                <Change percent={endOfSeries.percentChange} />
              </Group>
            ) : (
              <Text size="sm" c="dimmed" data-testid="outcome-end-of-series">
                Baseline <b>{baseline.score}</b> ({formatDate(baseline.date)}). No end-of-series score yet: it
                is the latest {window}.
              </Text>
            )}
            {latestIsOutcome ? null : (
              <Group gap="xs" wrap="wrap">
                <Text size="sm">
                  Latest <b>{latest.score}</b> ({formatDate(latest.date)})
                </Text>
                <Change percent={percentChange} />
              </Group>
            )}
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {statusText[outcome.status]}
          </Text>
        )}
        {outcome.status === 'assessed' ? (
          <Text size="xs" c="dimmed">
            Response (a fall of at least 50 % from baseline) and remission are judged on the end-of-series
            score, the latest {window}; never on a score from during the series.
          </Text>
        ) : null}
        {signal ? (
          signal.flag ? (
            <Alert color="orange" icon={<IconAlertTriangle size={18} />} title="Booster signal" p="xs">
              <Text size="sm">{signal.reason}</Text>
              <Text size="xs" c="dimmed" mt={4}>
                {signal.daysSinceLastInfusion} days since the last infusion.
              </Text>
            </Alert>
          ) : (
            <Group gap={6}>
              <IconCalendarTime size={16} aria-hidden />
              <Text size="sm">
                {signal.daysSinceLastInfusion} days since the last infusion · no booster signal
              </Text>
            </Group>
          )
        ) : null}
      </Stack>
    </Card>
  );
}

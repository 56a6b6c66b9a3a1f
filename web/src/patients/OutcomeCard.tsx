// The plan's main outcome at a glance (issue 4 "Per patient" and "Booster signal"): baseline → latest,
// % change, response and remission in words (never colour alone), and whether scores are climbing back
// after the series so the team can offer a booster.
import { Alert, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowDownRight,
  IconArrowUpRight,
  IconCalendarTime,
} from '@tabler/icons-react';
import type { PlanOutcome } from '../api/types.ts';
import { formatDate } from '../app/format.ts';

const statusText: Record<PlanOutcome['status'], string> = {
  no_infusion: 'No infusion yet: the baseline is the last score before the first one.',
  no_baseline: 'No score before the first infusion, so change cannot be measured.',
  no_follow_up: 'Baseline on record; no score since the first infusion yet.',
  assessed: '',
};

export function OutcomeCard({ outcome }: { outcome: PlanOutcome }) {
  const { baseline, latest, percentChange, boosterSignal: signal } = outcome;
  const falling = percentChange !== null && percentChange < 0;
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
          <Group gap="xs" wrap="wrap">
            <Text size="sm">
              Baseline <b>{baseline.score}</b> ({formatDate(baseline.date)}) → latest <b>{latest.score}</b> (
              {formatDate(latest.date)})
            </Text>
            {percentChange !== null ? (
              <Badge
                color={falling ? 'teal' : 'orange'}
                variant="light"
                leftSection={falling ? <IconArrowDownRight size={12} /> : <IconArrowUpRight size={12} />}
              >
                {percentChange > 0 ? '+' : ''}
                {percentChange.toFixed(0)} %
              </Badge>
            ) : null}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {statusText[outcome.status]}
          </Text>
        )}
        {outcome.status === 'assessed' && !outcome.responder ? (
          <Text size="xs" c="dimmed">
            Response means a fall of at least 50 % from baseline.
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

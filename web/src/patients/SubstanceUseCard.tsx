// The substance-use track (issue 4): craving then and now, last week's use and abstinent days, and
// how soon after the first infusion a heavy day came back. Words beside every number, no colour alone.
import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { SubstanceUseSummary } from '@openkap/domain/outcomes/substance-use';
import { formatDate } from '../app/format.ts';

function Figure({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" tt="uppercase" fw={700} c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Stack>
  );
}

export function SubstanceUseCard({ summary }: { summary: SubstanceUseSummary }) {
  const { cravingBaseline: before, cravingLatest: now, lastWeek } = summary;
  return (
    <Card>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          Substance use
        </Title>
        {lastWeek ? (
          <Badge color={lastWeek.daysUsed === 0 ? 'teal' : 'orange'} variant="light">
            {lastWeek.daysUsed === 0 ? 'Abstinent last week' : `Used on ${lastWeek.daysUsed} of 7 days`}
          </Badge>
        ) : null}
      </Group>
      <SimpleGrid cols={2} spacing="sm">
        <Figure
          label="Craving (PACS)"
          value={now ? `${before ? `${before.score} → ` : ''}${now.score}` : '–'}
          hint={now ? `latest ${formatDate(now.date)}; 0–30, 15+ is significant` : 'not answered yet'}
        />
        <Figure
          label="Last week"
          value={lastWeek ? `${lastWeek.abstinentDays} abstinent` : '–'}
          hint={
            lastWeek
              ? `${lastWeek.heavyDays} heavy day(s), week to ${formatDate(lastWeek.date)}`
              : 'no diary yet'
          }
        />
        <Figure
          label="First heavy week"
          value={
            summary.daysToFirstHeavyWeek === null ? 'None yet' : `≤ ${summary.daysToFirstHeavyWeek} days`
          }
          hint="after the first infusion (diary weeks: an upper bound)"
        />
        <Figure
          label="Weeks without use"
          value={`${summary.abstinentWeeks} of ${summary.weeksReported}`}
          hint="diary weeks since the first infusion"
        />
      </SimpleGrid>
    </Card>
  );
}

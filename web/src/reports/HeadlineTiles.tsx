// The few figures a medical director reads first, and beside them the patients the rates leave out,
// each as its own count: "not measured" must never pass for "responded" or "did not respond".
import { Box, Card, Group, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import {
  IconCalendarCheck,
  IconCircleCheck,
  IconClipboardOff,
  IconClockHour4,
  IconHourglassHigh,
  IconUserMinus,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import { useId, type ReactNode } from 'react';
import type { OutcomeReport } from './api.ts';
import { interval, NO_FIGURE, percent, plural, signedPercent } from './numbers.ts';

function Tile({
  label,
  figure,
  children,
  testId,
}: {
  label: string;
  figure: string;
  children: ReactNode;
  testId: string;
}) {
  return (
    <Card
      padding="md"
      px={{ base: 'sm', sm: 'md' }}
      data-testid={testId}
      component="section"
      aria-label={label}
    >
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" style={{ letterSpacing: '0.05em' }}>
        {label}
      </Text>
      <Text fz="clamp(1.6rem, 7vw, 2.125rem)" fw={700} className="ok-figure" mt={6} mb={6}>
        {figure}
      </Text>
      <Stack gap={2}>{children}</Stack>
    </Card>
  );
}

function Count({
  label,
  count,
  hint,
  icon: TheIcon,
  color,
  testId,
}: {
  label: string;
  count: number;
  hint: string;
  icon: Icon;
  color: string;
  testId: string;
}) {
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" data-testid={testId}>
      <ThemeIcon variant="light" color={color} size="lg" radius="md" aria-hidden>
        <TheIcon size={20} />
      </ThemeIcon>
      <Box miw={0}>
        <Text fw={700} fz="xl" lh={1.1} className="ok-figure">
          {count.toLocaleString()}
        </Text>
        <Text size="sm" fw={600} lh={1.3}>
          {label}
        </Text>
        <Text size="xs" c="dimmed" lh={1.3}>
          {hint}
        </Text>
      </Box>
    </Group>
  );
}

export function HeadlineTiles({
  report,
  instrumentLabel,
  responseRule,
  remissionRule,
}: {
  report: OutcomeReport;
  instrumentLabel: string;
  responseRule: string;
  remissionRule: string;
}) {
  const stripTitleId = useId();
  const n = report.withFollowUp;
  const noRate = n === 0;
  const noRateNote =
    report.patients === 0
      ? `No patient has a baseline ${instrumentLabel} in this range.`
      : `No patient with a baseline has a follow-up ${instrumentLabel} yet.`;

  return (
    <Stack gap="sm" mb="md">
      <SimpleGrid
        cols={{ base: 2, md: 4 }}
        spacing={{ base: 'xs', sm: 'md' }}
        verticalSpacing={{ base: 'xs', sm: 'md' }}
      >
        <Tile label="Response" figure={percent(report.responseRate)} testId="tile-response">
          {noRate ? (
            <Text size="sm">{noRateNote}</Text>
          ) : (
            <>
              <Text size="sm" fw={600}>
                {interval(report.responseCI95)}
              </Text>
              <Text size="sm" c="dimmed">
                {report.responders} of {plural(n, 'patient')} · {responseRule}
              </Text>
            </>
          )}
        </Tile>
        <Tile label="Remission" figure={percent(report.remissionRate)} testId="tile-remission">
          {noRate ? (
            <Text size="sm">{noRateNote}</Text>
          ) : (
            <>
              <Text size="sm" fw={600}>
                {interval(report.remissionCI95)}
              </Text>
              <Text size="sm" c="dimmed">
                {report.remitters} of {plural(n, 'patient')} · {remissionRule}
              </Text>
            </>
          )}
        </Tile>
        <Tile
          label="Median change"
          figure={signedPercent(report.medianPercentChange)}
          testId="tile-median-change"
        >
          <Text size="sm" c="dimmed">
            {report.medianPercentChange == null
              ? 'No follow-up score to compare with a baseline.'
              : `${instrumentLabel} total, baseline to latest score; below zero means fewer symptoms.`}
          </Text>
        </Tile>
        <Tile
          label="With follow-up"
          figure={report.patients === 0 ? NO_FIGURE : `${n} of ${report.patients}`}
          testId="tile-follow-up"
        >
          <Text size="sm" c="dimmed">
            {report.patients === 0
              ? `No patient has a baseline ${instrumentLabel}.`
              : `patients with a baseline have a follow-up ${instrumentLabel}.`}
          </Text>
        </Tile>
      </SimpleGrid>

      <Text size="sm" data-testid="rates-note">
        {noRate
          ? `${noRateNote} Response and remission need a follow-up score, so there is no rate (${NO_FIGURE}) rather than a guess.`
          : `Response and remission are over the ${plural(n, 'patient')} with a follow-up score, not over everyone enrolled; the patients below without one are counted apart.${n < 20 ? ' With so few patients the 95 % intervals are wide: read them, not the rate alone.' : ''}`}
      </Text>

      <Card padding="md" component="section" aria-labelledby={stripTitleId}>
        <Text id={stripTitleId} size="xs" tt="uppercase" fw={700} c="dimmed" mb="sm">
          All {plural(report.enrolled, 'patient')} in the report
        </Text>
        <SimpleGrid
          cols={{ base: 2, sm: 3, md: report.minBaselineScore !== null ? 7 : 6 }}
          spacing="md"
          verticalSpacing="md"
        >
          <Count
            testId="count-no-follow-up"
            label="Without follow-up"
            count={report.noFollowUp}
            hint="Baseline only; not in the rates"
            icon={IconClockHour4}
            color={report.noFollowUp ? 'orange' : 'gray'}
          />
          <Count
            testId="count-no-baseline"
            label="Without a baseline"
            count={report.noBaseline}
            hint="No score before the first infusion; not in the rates"
            icon={IconClipboardOff}
            color={report.noBaseline ? 'orange' : 'gray'}
          />
          {report.minBaselineScore !== null ? (
            <Count
              testId="count-below-threshold"
              label={`Baseline under ${report.minBaselineScore}`}
              count={report.baselineBelowThreshold}
              hint="Too few symptoms at the start to count (HEDIS); not in the rates"
              icon={IconClipboardOff}
              color={report.baselineBelowThreshold ? 'orange' : 'gray'}
            />
          ) : null}
          <Count
            testId="count-drop-outs"
            label="Drop-outs"
            count={report.dropOuts}
            hint="Stopped before the planned induction"
            icon={IconUserMinus}
            color={report.dropOuts ? 'red' : 'gray'}
          />
          <Count
            testId="count-completed"
            label="Completed series"
            count={report.completedInduction}
            hint="Received every planned induction infusion"
            icon={IconCircleCheck}
            color="teal"
          />
          <Count
            testId="count-in-progress"
            label="Still in induction"
            count={report.inductionInProgress}
            hint="Series under way at the end date"
            icon={IconHourglassHigh}
            color="blue"
          />
          <Count
            testId="count-with-follow-up"
            label="With follow-up"
            count={report.withFollowUp}
            hint="The patients the rates are over"
            icon={IconCalendarCheck}
            color="clinic"
          />
        </SimpleGrid>
        <Group gap={6} mt="sm" wrap="nowrap" align="flex-start">
          <IconUsers size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="xs" c="dimmed">
            {report.enrolled} enrolled = {report.withFollowUp} with follow-up + {report.noFollowUp} without
            follow-up + {report.noBaseline} without a baseline
            {report.minBaselineScore !== null
              ? ` + ${report.baselineBelowThreshold} with a baseline under ${report.minBaselineScore}`
              : ''}
            .
          </Text>
        </Group>
      </Card>
    </Stack>
  );
}

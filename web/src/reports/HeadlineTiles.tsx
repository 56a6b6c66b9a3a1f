// The few figures a medical director reads first, and beside them the patients the rates leave out,
// each as its own count: "not measured" must never pass for "responded". Response and remission are
// shown over two denominators side by side (issue 10): the patients with a follow-up score, and intent
// to treat, everyone with a baseline, no follow-up counting as not responding. Every figure opens the
// list of its patients.
import { Anchor, Box, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
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
import type { OutcomeGroup, OutcomeReport } from './api.ts';
import { interval, NO_FIGURE, percent, plural, signedPercent } from './numbers.ts';
import classes from './Reports.module.css';

/** What opens a figure's list: the words on the tile's button, and the group. */
interface Opens {
  text: string;
  group: OutcomeGroup;
  count: number;
}

/** The button that stretches over its tile; none for an empty group, which has nothing to list. */
function Opener({
  opens,
  onOpen,
  children,
  label,
}: {
  opens: Opens;
  onOpen: (group: OutcomeGroup) => void;
  children: ReactNode;
  label?: string;
}) {
  return (
    <UnstyledButton
      className={classes.opener}
      onClick={() => onOpen(opens.group)}
      aria-haspopup="dialog"
      aria-label={label}
      data-testid={`open-${opens.group}`}
    >
      {children}
    </UnstyledButton>
  );
}

function Tile({
  label,
  figure,
  children,
  testId,
  opens,
  onOpen,
}: {
  label: string;
  figure: string;
  children: ReactNode;
  testId: string;
  opens: Opens;
  onOpen: (group: OutcomeGroup) => void;
}) {
  const openable = opens.count > 0;
  return (
    <Card
      padding="md"
      px={{ base: 'sm', sm: 'md' }}
      data-testid={testId}
      component="section"
      aria-label={label}
      className={openable ? classes.openable : undefined}
    >
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" style={{ letterSpacing: '0.05em' }}>
        {label}
      </Text>
      <Text fz="clamp(1.6rem, 7vw, 2.125rem)" fw={700} className="ok-figure" mt={6} mb={6}>
        {figure}
      </Text>
      <Stack gap={2}>{children}</Stack>
      {openable ? (
        <Box mt="auto" pt={6}>
          <Opener opens={opens} onOpen={onOpen}>
            <Text span size="sm" fw={600} inherit>
              {opens.text} ›
            </Text>
          </Opener>
        </Box>
      ) : null}
    </Card>
  );
}

/** One rate over one denominator: its name, the figure, the interval and what it is made of. */
function Rate({
  denominator,
  rate,
  ci,
  made,
  testId,
}: {
  denominator: string;
  rate: number | null;
  ci: [number, number] | null;
  made: string;
  testId: string;
}) {
  return (
    <Box data-testid={testId} miw={0}>
      <Text size="xs" fw={700} lh={1.3}>
        {denominator}
      </Text>
      <Text fz="clamp(1.5rem, 6vw, 2.125rem)" fw={700} className="ok-figure" my={4}>
        {percent(rate)}
      </Text>
      {rate == null ? null : (
        <Text size="sm" fw={600}>
          {interval(ci)}
        </Text>
      )}
      <Text size="sm" c="dimmed" lh={1.35}>
        {made}
      </Text>
    </Box>
  );
}

/** Response or remission: with follow-up and intent to treat, side by side, and its rule beneath. */
function RateTile({
  label,
  rule,
  testId,
  followedUp,
  intentToTreat,
  withFollowUp,
  withBaseline,
  noRateNote,
  opens,
  onOpen,
}: {
  label: string;
  rule: string;
  testId: string;
  followedUp: { count: number; rate: number | null; ci: [number, number] | null };
  intentToTreat: { count: number; rate: number | null; ci: [number, number] | null };
  withFollowUp: number;
  withBaseline: number;
  noRateNote: string;
  opens: Opens;
  onOpen: (group: OutcomeGroup) => void;
}) {
  const openable = opens.count > 0;
  return (
    <Card
      padding="md"
      px={{ base: 'sm', sm: 'md' }}
      data-testid={testId}
      component="section"
      aria-label={label}
      className={openable ? classes.openable : undefined}
    >
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" style={{ letterSpacing: '0.05em' }}>
        {label}
      </Text>
      <SimpleGrid cols={2} spacing="sm" mt={6} mb={6}>
        <Rate
          testId={`${testId}-followed-up`}
          denominator="Of patients with a follow-up score"
          rate={followedUp.rate}
          ci={followedUp.ci}
          made={followedUp.rate == null ? noRateNote : `${followedUp.count} of ${withFollowUp}`}
        />
        <Rate
          testId={`${testId}-itt`}
          denominator="Intent to treat: everyone with a baseline"
          rate={intentToTreat.rate}
          ci={intentToTreat.ci}
          made={
            intentToTreat.rate == null
              ? 'No patient has a baseline.'
              : `${intentToTreat.count} of ${withBaseline}; no follow-up counted as not responding`
          }
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {rule}
      </Text>
      {openable ? (
        <Box mt="auto" pt={6}>
          <Opener opens={opens} onOpen={onOpen}>
            <Text span size="sm" fw={600} inherit>
              {opens.text} ›
            </Text>
          </Opener>
        </Box>
      ) : null}
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
  group,
  onOpen,
}: {
  label: string;
  count: number;
  hint: string;
  icon: Icon;
  color: string;
  testId: string;
  group: OutcomeGroup;
  onOpen: (group: OutcomeGroup) => void;
}) {
  const openable = count > 0;
  return (
    <Group
      gap="sm"
      wrap="nowrap"
      align="flex-start"
      data-testid={testId}
      className={openable ? `${classes.openable} ${classes.count}` : undefined}
    >
      <ThemeIcon variant="light" color={color} size="lg" radius="md" aria-hidden>
        <TheIcon size={20} />
      </ThemeIcon>
      <Box miw={0}>
        <Text fw={700} fz="xl" lh={1.1} className="ok-figure">
          {count.toLocaleString()}
        </Text>
        {openable ? (
          <Opener
            opens={{ text: label, group, count }}
            onOpen={onOpen}
            label={`${label}: ${plural(count, 'patient')}. List them`}
          >
            <Text span size="sm" fw={600} lh={1.3} inherit>
              {label}
            </Text>
          </Opener>
        ) : (
          <Text size="sm" fw={600} lh={1.3}>
            {label}
          </Text>
        )}
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
  onOpen,
}: {
  report: OutcomeReport;
  instrumentLabel: string;
  responseRule: string;
  remissionRule: string;
  /** Opens the list of the patients behind a figure. */
  onOpen: (group: OutcomeGroup) => void;
}) {
  const stripTitleId = useId();
  const n = report.withFollowUp;
  const itt = report.intentToTreat;
  const noRate = n === 0;
  const noRateNote =
    report.patients === 0
      ? `No patient has a baseline ${instrumentLabel} in this range.`
      : `No patient with a baseline has a follow-up ${instrumentLabel} yet.`;

  return (
    <Stack gap="sm" mb="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing={{ base: 'xs', sm: 'md' }}>
        <RateTile
          label="Response"
          rule={responseRule}
          testId="tile-response"
          followedUp={{ count: report.responders, rate: report.responseRate, ci: report.responseCI95 }}
          intentToTreat={{
            count: itt.responders,
            rate: itt.responseRate,
            ci: itt.responseCI95,
          }}
          withFollowUp={n}
          withBaseline={itt.patients}
          noRateNote={noRateNote}
          opens={{
            text: `The ${plural(report.responders, 'responder')}`,
            group: 'responders',
            count: report.responders,
          }}
          onOpen={onOpen}
        />
        <RateTile
          label="Remission"
          rule={remissionRule}
          testId="tile-remission"
          followedUp={{ count: report.remitters, rate: report.remissionRate, ci: report.remissionCI95 }}
          intentToTreat={{
            count: itt.remitters,
            rate: itt.remissionRate,
            ci: itt.remissionCI95,
          }}
          withFollowUp={n}
          withBaseline={itt.patients}
          noRateNote={noRateNote}
          opens={{
            text: `The ${plural(report.remitters, 'patient')} in remission`,
            group: 'remitters',
            count: report.remitters,
          }}
          onOpen={onOpen}
        />
      </SimpleGrid>
      <SimpleGrid
        cols={{ base: 2, md: 2 }}
        spacing={{ base: 'xs', sm: 'md' }}
        verticalSpacing={{ base: 'xs', sm: 'md' }}
      >
        <Tile
          label="Median change"
          figure={signedPercent(report.medianPercentChange)}
          testId="tile-median-change"
          opens={{ text: 'Each patient’s change', group: 'follow-up', count: n }}
          onOpen={onOpen}
        >
          <Text size="sm" c="dimmed">
            {report.medianPercentChange == null
              ? 'No follow-up score to compare with a baseline.'
              : `${instrumentLabel} total, baseline to the follow-up score; below zero means fewer symptoms.`}
          </Text>
        </Tile>
        <Tile
          label="With follow-up"
          figure={report.patients === 0 ? NO_FIGURE : `${n} of ${report.patients}`}
          testId="tile-follow-up"
          opens={{
            text: `The ${report.patients.toLocaleString()} with a baseline`,
            group: 'baseline',
            count: report.patients,
          }}
          onOpen={onOpen}
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
          ? `${noRateNote} Over patients with a follow-up score there is no rate (${NO_FIGURE}) rather than a guess; intent to treat counts every patient with a baseline as not responding until they have one.`
          : `Each rate is given twice: over the ${plural(n, 'patient')} with a follow-up score, and intent to treat, over all ${plural(itt.patients, 'patient')} with a baseline, where the ${report.noFollowUp.toLocaleString()} without a follow-up score count as not responding. The first flatters a clinic whose non-responders stop coming; the truth lies between the two.${n < 20 ? ' With so few patients the 95 % intervals are wide: read them, not the rate alone.' : ''}`}
      </Text>

      <Card padding="md" component="section" aria-labelledby={stripTitleId}>
        <Group justify="space-between" align="baseline" gap="xs" mb="sm">
          <Text id={stripTitleId} size="xs" tt="uppercase" fw={700} c="dimmed">
            All {plural(report.enrolled, 'patient')} in the report
          </Text>
          <Anchor
            component="button"
            type="button"
            size="sm"
            fw={600}
            onClick={() => onOpen('all')}
            aria-haspopup="dialog"
            data-testid="open-all"
          >
            List them all ›
          </Anchor>
        </Group>
        <SimpleGrid
          cols={{ base: 2, sm: 3, md: report.minBaselineScore !== null ? 7 : 6 }}
          spacing="md"
          verticalSpacing="md"
        >
          <Count
            testId="count-no-follow-up"
            group="no-follow-up"
            onOpen={onOpen}
            label="Without follow-up"
            count={report.noFollowUp}
            hint="Baseline only: intent to treat counts them as not responding"
            icon={IconClockHour4}
            color={report.noFollowUp ? 'orange' : 'gray'}
          />
          <Count
            testId="count-no-baseline"
            group="no-baseline"
            onOpen={onOpen}
            label="Without a baseline"
            count={report.noBaseline}
            hint="No score before the first infusion; not in the rates"
            icon={IconClipboardOff}
            color={report.noBaseline ? 'orange' : 'gray'}
          />
          {report.minBaselineScore !== null ? (
            <Count
              testId="count-below-threshold"
              group="below-threshold"
              onOpen={onOpen}
              label={`Baseline under ${report.minBaselineScore}`}
              count={report.baselineBelowThreshold}
              hint="Too few symptoms at the start to count (HEDIS); not in the rates"
              icon={IconClipboardOff}
              color={report.baselineBelowThreshold ? 'orange' : 'gray'}
            />
          ) : null}
          <Count
            testId="count-drop-outs"
            group="drop-outs"
            onOpen={onOpen}
            label="Drop-outs"
            count={report.dropOuts}
            hint="Stopped before the planned induction"
            icon={IconUserMinus}
            color={report.dropOuts ? 'red' : 'gray'}
          />
          <Count
            testId="count-completed"
            group="completed"
            onOpen={onOpen}
            label="Completed series"
            count={report.completedInduction}
            hint="Received every planned induction infusion"
            icon={IconCircleCheck}
            color="teal"
          />
          <Count
            testId="count-in-progress"
            group="in-induction"
            onOpen={onOpen}
            label="Still in induction"
            count={report.inductionInProgress}
            hint="Series under way at the end date"
            icon={IconHourglassHigh}
            color="blue"
          />
          <Count
            testId="count-with-follow-up"
            group="follow-up"
            onOpen={onOpen}
            label="With follow-up"
            count={report.withFollowUp}
            hint="The patients the first rate of each pair is over"
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

// The clinic outcome report (issue 4), for the medical director and the administrator: response and
// remission with their 95 % intervals, every patient the rates leave out counted on its own, and the
// time from the end of the series to the first booster or relapse. Every figure opens the list of its patients.
// The filters, and the open list, live in the URL, to share.
import { Alert, Button, Card, Grid, Text, Title } from '@mantine/core';
import { IconCalendarX, IconDownload, IconFileTypePdf, IconLock } from '@tabler/icons-react';
import { outcomeCriteria } from '@openkap/domain/outcomes/criteria';
import { useEffect, useId, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useResource } from '../api/useResource.ts';
import { formatDate, todayIsoDate } from '../app/format.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { usePermissions } from '../app/permissions.ts';
import { EmptyNote, ErrorState, LoadingState } from '../app/States.tsx';
import { indicationLabels, protocolsApi } from '../protocols/api.ts';
import { reportsApi, type OutcomeGroup } from './api.ts';
import { BoosterChart } from './BoosterChart.tsx';
import { FilterBar } from './FilterBar.tsx';
import {
  filtersFromSearch,
  filtersToSearch,
  instrumentLabels,
  LIST_PARAM,
  searchIsComplete,
  type ReportFilters,
} from './filters.ts';
import { groupCount, groupWords, isOutcomeGroup } from './groups.ts';
import { HeadlineTiles } from './HeadlineTiles.tsx';
import { PatientListDrawer } from './PatientListDrawer.tsx';
import { plural } from './numbers.ts';
import { RateChart } from './RateChart.tsx';

function rules(filters: ReportFilters): { response: string; remission: string } {
  const label = instrumentLabels[filters.instrument];
  const criteria = outcomeCriteria[filters.instrument];
  if (!criteria) {
    return { response: 'as the clinic defines it', remission: 'as the clinic defines it' };
  }
  const { operator, value } = criteria.remission;
  return {
    response: `≥\u00a0${Math.round(criteria.responseReduction * 100)}\u00a0% fall from baseline`,
    remission: `${label} ${operator === '<' ? `below ${value}` : `${value} or less`} at follow-up`,
  };
}

export function OutcomesPage() {
  const { can, cannot } = usePermissions();
  const allowed = can('reports.view');
  const ratesTitleId = useId();
  const boosterTitleId = useId();
  const [today] = useState(() => todayIsoDate(Date.now()));
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search, today);
  const canonical = filtersToSearch(filters);
  const key = canonical.toString();
  const complete = searchIsComplete(search, filters);
  const listParam = search.get(LIST_PARAM);
  const list = isOutcomeGroup(listParam) ? listParam : null;

  // Write the defaults (and any tidied value) into the address, so the link always shows the same report.
  useEffect(() => {
    if (!complete) {
      const next = new URLSearchParams(key);
      if (list) {
        next.set(LIST_PARAM, list);
      }
      setSearch(next, { replace: true });
    }
  }, [complete, key, list, setSearch]);

  // Opening a list is a step Back undoes (a phone's back gesture closes the sheet), so closing one
  // opened here steps back too; one that came in with a link is closed in place.
  const location = useLocation();
  const navigate = useNavigate();
  const openedHere = (location.state as { openedList?: boolean } | null)?.openedList === true;
  const openList = (group: OutcomeGroup) => {
    const next = new URLSearchParams(key);
    next.set(LIST_PARAM, group);
    setSearch(next, { state: { openedList: true } });
  };
  const closeList = () => {
    if (openedHere) {
      void navigate(-1);
    } else {
      setSearch(new URLSearchParams(key), { replace: true });
    }
  };

  // A hand-edited link can put "from" after "to": say so here rather than ask the server.
  const rangeError = filters.from > filters.to;
  const report = useResource(allowed && !rangeError ? `outcomes:${key}` : null, (signal) =>
    reportsApi.outcomes(filters, signal),
  );
  const protocols = useResource(allowed ? 'protocols' : null, (signal) => protocolsApi.list(signal));

  const label = instrumentLabels[filters.instrument];
  const { response, remission } = rules(filters);
  const protocolTitle = filters.protocol
    ? (protocols.data?.protocols.find((p) => p.id === filters.protocol)?.title ?? filters.protocol)
    : null;
  const scope = [
    label,
    `${formatDate(filters.from)} – ${formatDate(filters.to)}`,
    filters.indication ? indicationLabels[filters.indication] : 'all indications',
    protocolTitle ?? 'all protocols',
  ].join(' · ');

  if (!allowed) {
    return (
      <>
        <PageHeader title="Outcomes" />
        <Alert
          color="gray"
          variant="light"
          icon={<IconLock aria-hidden />}
          title="Not available to your role"
        >
          {cannot('reports.view', 'view the outcome report')}
        </Alert>
      </>
    );
  }

  const data = report.data;
  return (
    <>
      <PageHeader
        title="Outcomes"
        description="Response, remission and time to booster for the clinic's patients, with 95 % confidence intervals."
        actions={
          rangeError ? (
            <>
              <Button variant="default" disabled leftSection={<IconDownload size={18} aria-hidden />}>
                Download CSV
              </Button>
              <Button variant="default" disabled leftSection={<IconFileTypePdf size={18} aria-hidden />}>
                Download PDF
              </Button>
            </>
          ) : (
            <>
              <Button
                component="a"
                href={reportsApi.outcomesCsvUrl(filters)}
                download
                variant="default"
                leftSection={<IconDownload size={18} aria-hidden />}
                title="One row per patient: what each figure is made of"
              >
                Download CSV
              </Button>
              <Button
                component="a"
                href={reportsApi.outcomesPdfUrl(filters)}
                download
                variant="default"
                leftSection={<IconFileTypePdf size={18} aria-hidden />}
                title="The figures on a page or two for the medical director or the board; names no patient"
              >
                Download PDF
              </Button>
            </>
          )
        }
      />
      <FilterBar
        key={key}
        applied={filters}
        protocols={protocols.data?.protocols}
        protocolsFailed={Boolean(protocols.error)}
        invalid={rangeError}
        onApply={(next) => setSearch(filtersToSearch(next))}
      />
      <Text size="sm" mb="sm" role="status" data-testid="report-scope">
        <Text span fw={600}>
          {scope}
        </Text>
        <Text span c="dimmed">
          {' '}
          — patients whose baseline {label} (or, without one, first infusion) falls in these dates; scores and
          boosters and relapses counted up to {formatDate(filters.to)}.
        </Text>
        {data ? (
          <Text span c="dimmed" display="block" mt={4} data-testid="follow-up-rule">
            <Text span fw={600} c="var(--mantine-color-text)">
              Follow-up score:
            </Text>{' '}
            {data.followUp.description}
          </Text>
        ) : null}
      </Text>

      {rangeError ? (
        <Alert color="orange" variant="light" icon={<IconCalendarX aria-hidden />} title="Check the dates">
          “From” ({formatDate(filters.from)}) is after “To” ({formatDate(filters.to)}). Change the dates and
          press Update.
        </Alert>
      ) : null}
      {report.error ? (
        <ErrorState
          error={report.error}
          // Asking again with the same filters would get the same refusal.
          {...(report.error instanceof ApiError && report.error.status === 400
            ? {}
            : { onRetry: report.reload })}
        />
      ) : null}
      {!rangeError && !data && !report.error ? <LoadingState label="Working out the report…" /> : null}
      {data && data.enrolled === 0 ? (
        <Card>
          <EmptyNote>
            No patient had a baseline {label} or a first infusion between these dates
            {filters.indication || filters.protocol ? ' for this indication and protocol' : ''}. Try a wider
            date range{filters.indication || filters.protocol ? ' or clear the filters' : ''}.
          </EmptyNote>
        </Card>
      ) : null}
      {data && data.enrolled > 0 ? (
        <>
          <HeadlineTiles
            report={data}
            instrumentLabel={label}
            responseRule={response}
            remissionRule={remission}
            onOpen={openList}
          />
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Card h="100%" component="section" aria-labelledby={ratesTitleId}>
                <Title order={2} size="h4" id={ratesTitleId} mb={4}>
                  Response and remission
                </Title>
                <Text size="sm" c="dimmed" mb="sm">
                  Over the {plural(data.withFollowUp, 'patient')} with a follow-up {label}, and intent to
                  treat over the {plural(data.intentToTreat.patients, 'patient')} with a baseline. Response:{' '}
                  {response}; remission: {remission}.
                </Text>
                {data.intentToTreat.patients > 0 ? (
                  <RateChart report={data} />
                ) : (
                  <EmptyNote>
                    No patient has a baseline {label} in this report, so there is nothing to plot.
                  </EmptyNote>
                )}
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Card h="100%" component="section" aria-labelledby={boosterTitleId}>
                <Title order={2} size="h4" id={boosterTitleId} mb={4}>
                  Time from end of series to first booster or relapse
                </Title>
                <Text size="sm" c="dimmed" mb="sm">
                  Kaplan–Meier estimate for patients who completed the induction series.
                </Text>
                <BoosterChart km={data.timeToBooster} onOpen={openList} />
              </Card>
            </Grid.Col>
          </Grid>
        </>
      ) : null}
      <PatientListDrawer
        filters={filters}
        // The list waits for the report, so its title can carry the figure it opens.
        group={data && !rangeError ? list : null}
        words={
          list && data
            ? groupWords(list, {
                instrumentLabel: label,
                minBaselineScore: data.minBaselineScore,
                responseRule: response,
                remissionRule: remission,
              })
            : null
        }
        count={list && data ? groupCount(data, list) : null}
        minBaselineScore={data?.minBaselineScore ?? null}
        onClose={closeList}
      />
    </>
  );
}

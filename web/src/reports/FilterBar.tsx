// The report's filters. Edits stay local until "Update", which writes them to the URL (and so runs
// the report): a half-typed date never fires a request, and the address bar is always shareable.
import {
  Box,
  Button,
  Card,
  Collapse,
  Grid,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconChevronDown, IconRefresh } from '@tabler/icons-react';
import { useId, useState, type FormEvent } from 'react';
import type { Protocol } from '../api/types.ts';
import { indicationLabels } from '../protocols/api.ts';
import {
  followUpLabels,
  followUpRules,
  instrumentLabels,
  isIsoDate,
  reportInstruments,
  type FollowUpRule,
  type Indication,
  type ReportFilters,
  type ReportInstrument,
} from './filters.ts';

interface Props {
  applied: ReportFilters;
  protocols: Protocol[] | undefined;
  protocolsFailed: boolean;
  /** The applied filters cannot run (e.g. "from" after "to" in a link): open the form, errors showing. */
  invalid?: boolean;
  onApply: (filters: ReportFilters) => void;
}

const indicationOptions = (Object.keys(indicationLabels) as Indication[]).map((value) => ({
  value,
  label: indicationLabels[value],
}));

function dateErrors(from: string, to: string): { from?: string; to?: string } {
  const errors: { from?: string; to?: string } = {};
  if (!isIsoDate(from)) {
    errors.from = 'Enter a date';
  }
  if (!isIsoDate(to)) {
    errors.to = 'Enter a date';
  }
  if (!errors.from && !errors.to && from > to) {
    errors.from = 'Must be on or before “To”';
  }
  return errors;
}

export function FilterBar({ applied, protocols, protocolsFailed, invalid = false, onApply }: Props) {
  const [draft, setDraft] = useState<ReportFilters>(applied);
  const [showErrors, setShowErrors] = useState(invalid);
  const instrumentLabelId = useId();
  const followUpLabelId = useId();
  const formId = useId();
  // On a phone the report, not the form, fills the first screen: the filters fold away.
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [open, setOpen] = useState(invalid);
  const errors = dateErrors(draft.from, draft.to);
  const set = <K extends keyof ReportFilters>(key: K, value: ReportFilters[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const protocolOptions = (protocols ?? [])
    .filter((p) => !draft.indication || p.indication === draft.indication)
    .map((p) => ({ value: p.id, label: p.title }));
  // A protocol named in a shared link stays visible even if the list has not loaded (or no longer has it).
  if (draft.protocol && !protocolOptions.some((o) => o.value === draft.protocol)) {
    protocolOptions.push({ value: draft.protocol, label: draft.protocol });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setShowErrors(true);
    if (errors.from || errors.to) {
      return;
    }
    onApply(draft);
  }

  const form = (
    <form id={formId} onSubmit={submit} noValidate aria-label="Report filters">
      <Grid columns={24} gap="sm" align="flex-start">
        <Grid.Col span={{ base: 24, sm: 8, md: 4 }}>
          <Stack gap={4}>
            <Text id={instrumentLabelId} size="md" fw={500} component="span" lh={1.55}>
              Instrument
            </Text>
            <SegmentedControl
              fullWidth
              size="md"
              aria-labelledby={instrumentLabelId}
              data={reportInstruments.map((value) => ({ value, label: instrumentLabels[value] }))}
              value={draft.instrument}
              onChange={(value) => set('instrument', value as ReportInstrument)}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 8, md: 4 }}>
          <TextInput
            type="date"
            label="From"
            value={draft.from}
            max={isIsoDate(draft.to) ? draft.to : undefined}
            onChange={(e) => set('from', e.currentTarget.value)}
            error={showErrors ? errors.from : undefined}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 8, md: 4 }}>
          <TextInput
            type="date"
            label="To"
            value={draft.to}
            min={isIsoDate(draft.from) ? draft.from : undefined}
            onChange={(e) => set('to', e.currentTarget.value)}
            error={showErrors ? errors.to : undefined}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 24, sm: 10, md: 5 }}>
          <Select
            label="Indication"
            placeholder="All indications"
            data={indicationOptions}
            value={draft.indication ?? null}
            onChange={(value) => {
              const indication = (value as Indication | null) ?? undefined;
              const chosen = protocols?.find((p) => p.id === draft.protocol);
              setDraft((d) => ({
                ...d,
                indication,
                // A protocol of another indication would make an empty report: let it go.
                protocol: indication && chosen && chosen.indication !== indication ? undefined : d.protocol,
              }));
            }}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 24, sm: 10, md: 7 }}>
          <Select
            label="Protocol"
            placeholder={protocolsFailed ? 'Protocols could not be loaded' : 'All protocols'}
            data={protocolOptions}
            value={draft.protocol ?? null}
            onChange={(value) => set('protocol', value ?? undefined)}
            clearable
            nothingFoundMessage="No protocol for this indication"
            comboboxProps={{ withinPortal: true }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 24, sm: 12, md: 8 }}>
          <Stack gap={4}>
            <Text id={followUpLabelId} size="md" fw={500} component="span" lh={1.55}>
              Follow-up score
            </Text>
            <SegmentedControl
              fullWidth
              size="md"
              aria-labelledby={followUpLabelId}
              data={followUpRules.map((value) => ({ value, label: followUpLabels[value] }))}
              value={draft.followUp}
              onChange={(value) => set('followUp', value as FollowUpRule)}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 24, sm: 4, md: 3 }} pt={{ base: 'xs', sm: 30 }}>
          <Button
            type="submit"
            fullWidth
            size="md"
            px="sm"
            leftSection={<IconRefresh size={18} aria-hidden />}
          >
            Update
          </Button>
        </Grid.Col>
      </Grid>
    </form>
  );

  return (
    <Card mb="md" padding="md">
      {phone ? (
        <>
          <Button
            variant="light"
            fullWidth
            justify="space-between"
            leftSection={<IconAdjustmentsHorizontal size={18} aria-hidden />}
            rightSection={
              <IconChevronDown
                size={18}
                aria-hidden
                style={{ transform: open ? 'rotate(180deg)' : undefined, transition: 'transform 150ms' }}
              />
            }
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-controls={formId}
          >
            Change filters
          </Button>
          <Collapse expanded={open}>
            <Box pt="md">{form}</Box>
          </Collapse>
        </>
      ) : (
        form
      )}
    </Card>
  );
}

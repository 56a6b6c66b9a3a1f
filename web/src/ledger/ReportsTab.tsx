// The records an inspector asks for, as files: pick the dates (and a location, or a patient for the
// administrations), then download CSV for a spreadsheet or PDF to print and sign.
import { Alert, Button, Card, Grid, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCalendarX, IconFileTypeCsv, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useResource } from '../api/useResource.ts';
import { isIsoDate } from '../reports/filters.ts';
import { patientsApi } from '../patients/api.ts';
import { ledgerApi, type LedgerLocation, type LedgerReport } from './api.ts';

const reports: { id: LedgerReport; title: string; description: string }[] = [
  {
    id: 'administrations',
    title: 'Administrations',
    description: 'Every dose drawn, given, wasted (with its witness) and returned, by patient and session.',
  },
  {
    id: 'receipts-dispositions',
    title: 'Receipts and dispositions',
    description:
      'What arrived (invoice, supplier, DEA number) and what left other than to a patient: transfers, disposals (DEA-41), losses (DEA-106).',
  },
  {
    id: 'inventory',
    title: 'Inventory',
    description:
      'Witnessed counts and the stock on hand per container: the initial and biennial inventory record.',
  },
  {
    id: 'accountability',
    title: 'Accountability',
    description:
      'Opening balance + received − given − wasted − disposed − lost = closing balance, against the counts.',
  },
];

function PatientPicker({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const found = useResource(q.length >= 2 ? `ledger-report-patients:${q}` : null, (signal) =>
    patientsApi.search(q, signal),
  );
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const options = (found.data?.patients ?? []).map((p) => ({
    value: p.id,
    label: `${p.givenName} ${p.familyName} · ${p.mrn}`,
  }));
  if (chosen && !options.some((o) => o.value === chosen.value)) {
    options.unshift(chosen);
  }
  return (
    <Select
      label="Patient (administrations only)"
      placeholder="All patients — type a name or MRN"
      searchable
      clearable
      data={options}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id, option) => {
        setChosen(id ? option : null);
        onChange(id);
      }}
      nothingFoundMessage={
        q.length >= 2 ? (found.loading ? 'Searching…' : 'No patient found') : 'Type 2 letters or more'
      }
      filter={({ options: o }) => o}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

export function ReportsTab({ locations, today }: { locations: LedgerLocation[]; today: string }) {
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [locationId, setLocationId] = useState<string | null>(null);
  const [patientId, setPatientId] = useState<string | null>(null);
  const valid = isIsoDate(from) && isIsoDate(to) && from <= to;

  return (
    <Stack gap="md">
      <Card padding="md">
        <Grid gap="sm" align="flex-start">
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <TextInput
              type="date"
              label="From"
              value={from}
              max={isIsoDate(to) ? to : undefined}
              onChange={(e) => setFrom(e.currentTarget.value)}
              error={!isIsoDate(from) ? 'Enter a date' : from > to ? 'On or before “To”' : undefined}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <TextInput
              type="date"
              label="To"
              value={to}
              min={isIsoDate(from) ? from : undefined}
              onChange={(e) => setTo(e.currentTarget.value)}
              error={!isIsoDate(to) ? 'Enter a date' : undefined}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label="Location"
              placeholder="All locations"
              clearable
              data={locations.map((l) => ({ value: l.id, label: `${l.name} (${l.deaRegistration})` }))}
              value={locationId}
              onChange={setLocationId}
              comboboxProps={{ withinPortal: true }}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <PatientPicker value={patientId} onChange={setPatientId} />
          </Grid.Col>
        </Grid>
      </Card>
      {!valid ? (
        <Alert color="orange" variant="light" icon={<IconCalendarX aria-hidden />} title="Check the dates">
          Choose a “From” date on or before the “To” date.
        </Alert>
      ) : null}
      <Stack gap="sm">
        {reports.map((r) => {
          const params = {
            from,
            to,
            ...(locationId ? { locationId } : {}),
            ...(r.id === 'administrations' && patientId ? { patientId } : {}),
          };
          return (
            <Card key={r.id} padding="md" component="section" aria-label={r.title}>
              <Group justify="space-between" align="flex-start" gap="sm">
                <div style={{ flex: '1 1 280px' }}>
                  <Title order={3} size="h5">
                    {r.title}
                    {r.id === 'administrations' && patientId ? ' · one patient' : ''}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {r.description}
                  </Text>
                </div>
                <Group gap="xs" wrap="nowrap">
                  {(['csv', 'pdf'] as const).map((format) => (
                    <Button
                      key={format}
                      component="a"
                      href={valid ? ledgerApi.reportUrl(r.id, { ...params, format }) : undefined}
                      download
                      variant="default"
                      data-disabled={valid ? undefined : true}
                      onClick={(e) => {
                        if (!valid) {
                          e.preventDefault();
                        }
                      }}
                      leftSection={
                        format === 'csv' ? (
                          <IconFileTypeCsv size={18} aria-hidden />
                        ) : (
                          <IconFileTypePdf size={18} aria-hidden />
                        )
                      }
                      aria-label={`Download ${r.title} as ${format.toUpperCase()}`}
                    >
                      {format.toUpperCase()}
                    </Button>
                  ))}
                </Group>
              </Group>
            </Card>
          );
        })}
      </Stack>
    </Stack>
  );
}

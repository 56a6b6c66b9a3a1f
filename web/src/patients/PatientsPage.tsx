// The patient list: search by name or MRN, open a chart, add a patient.
import { Anchor, Badge, Box, Button, Card, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useResource } from '../api/useResource.ts';
import { formatDate, formatDateTime } from '../app/format.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { usePermissions } from '../app/permissions.ts';
import { EmptyNote, ErrorState, LoadingState } from '../app/States.tsx';
import { patientsApi } from './api.ts';
import { BoosterSignalsCard } from './BoosterSignalsCard.tsx';

export function PatientsPage() {
  const [q, setQ] = useState('');
  const { can } = usePermissions();
  const [debounced] = useDebouncedValue(q, 250);
  const list = useResource(`patients?${debounced}`, (signal) => patientsApi.search(debounced, signal));
  const patients = list.data?.patients;

  return (
    <>
      <PageHeader
        title="Patients"
        description="Search by name or medical record number (MRN)."
        actions={
          can('patients.write') ? (
            <Button
              component={Link}
              to="/app/patients/new"
              leftSection={<IconUserPlus size={18} aria-hidden />}
            >
              New patient
            </Button>
          ) : null
        }
      />
      {can('boosters.review') ? <BoosterSignalsCard /> : null}
      <Card p={0}>
        <Box p="md" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
          <TextInput
            label="Search patients"
            placeholder="Name or MRN"
            leftSection={<IconSearch size={18} aria-hidden />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            type="search"
            maw={480}
          />
        </Box>
        {list.error ? (
          <Box p="md">
            <ErrorState error={list.error} onRetry={list.reload} />
          </Box>
        ) : !patients ? (
          <LoadingState label="Loading patients…" />
        ) : patients.length === 0 ? (
          <EmptyNote>
            {debounced ? `No patient matches “${debounced}”.` : 'No patients yet. Add the first one.'}
          </EmptyNote>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label="Patients">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>MRN</Table.Th>
                  <Table.Th>Born</Table.Th>
                  <Table.Th>Indication</Table.Th>
                  <Table.Th>Last PHQ-9</Table.Th>
                  <Table.Th>Next infusion</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {patients.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/app/patients/${p.id}`} fw={600}>
                        {p.familyName}, {p.givenName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {p.mrn}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatDate(p.birthDate)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color="gray">
                        {p.indicationCode}
                      </Badge>
                    </Table.Td>
                    <Table.Td className="ok-figure">{p.lastPhq9 ?? '—'}</Table.Td>
                    <Table.Td>{p.nextInfusionAt ? formatDateTime(p.nextInfusionAt) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </>
  );
}

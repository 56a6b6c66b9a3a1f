// Consultation requests from the public front door, newest first, for the front desk to call back.
import { Anchor, Badge, Card, Group, Table, Text } from '@mantine/core';
import { IconMail, IconPhone } from '@tabler/icons-react';
import { useResource } from '../api/useResource.ts';
import { formatDateTime } from '../app/format.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { EmptyNote, ErrorState, LoadingState } from '../app/States.tsx';
import { interestLabels, leadsApi } from './api.ts';

export function LeadsPage() {
  const list = useResource('leads', (signal) => leadsApi.list(signal), 60_000);
  const leads = [...(list.data?.leads ?? [])].sort((a, b) =>
    (b.createdAt ?? '').localeCompare(a.createdAt ?? ''),
  );

  return (
    <>
      <PageHeader
        title="Leads"
        description="Consultation requests from the public page. Contact each person the way they asked."
      />
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <LoadingState /> : null}
      {list.data ? (
        <Card p={0}>
          {leads.length === 0 ? (
            <EmptyNote>No consultation requests yet.</EmptyNote>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table
                verticalSpacing="sm"
                horizontalSpacing="md"
                highlightOnHover
                aria-label="Consultation requests"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Received</Table.Th>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Contact</Table.Th>
                    <Table.Th>Interested in</Table.Th>
                    <Table.Th>Message</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {leads.map((lead) => (
                    <Table.Tr key={lead.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(lead.createdAt)}</Table.Td>
                      <Table.Td fw={600}>{lead.name}</Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          {lead.preferredContact === 'phone' ? (
                            <IconPhone size={16} aria-hidden />
                          ) : (
                            <IconMail size={16} aria-hidden />
                          )}
                          <Text size="sm" span>
                            Prefers {lead.preferredContact}
                          </Text>
                        </Group>
                        {lead.email ? (
                          <Anchor href={`mailto:${lead.email}`} size="sm" display="block">
                            {lead.email}
                          </Anchor>
                        ) : null}
                        {lead.phone ? (
                          <Anchor href={`tel:${lead.phone}`} size="sm" display="block">
                            {lead.phone}
                          </Anchor>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light">{interestLabels[lead.interest] ?? lead.interest}</Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" lineClamp={3} maw={360}>
                          {lead.message ?? '—'}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      ) : null}
    </>
  );
}

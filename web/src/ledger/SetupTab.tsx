// What the ledger is kept against: registered locations and the products received. Set up by those who
// answer for the DEA registration (ledger.setup); everyone with the ledger can read it.
import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { EmptyNote } from '../app/States.tsx';
import type { LedgerLocation, LedgerProduct } from './api.ts';

function Section({ title, action, children }: { title: string; action: ReactNode; children: ReactNode }) {
  return (
    <Card padding="md" component="section" aria-label={title}>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Card>
  );
}

export function SetupTab({
  locations,
  products,
  onAddLocation,
  onAddProduct,
  cannotNote,
}: {
  locations: LedgerLocation[];
  products: LedgerProduct[];
  onAddLocation: (() => void) | undefined;
  onAddProduct: (() => void) | undefined;
  /** Why the add buttons are missing, for roles without ledger.setup. */
  cannotNote: string | null;
}) {
  return (
    <Stack gap="md">
      {cannotNote ? (
        <Text size="sm" c="dimmed">
          {cannotNote}
        </Text>
      ) : null}
      <Section
        title="Registered locations"
        action={
          onAddLocation ? (
            <Button size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={onAddLocation}>
              Add location
            </Button>
          ) : null
        }
      >
        {locations.length ? (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" aria-label="Registered locations">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>DEA registration</Table.Th>
                  <Table.Th>Storage</Table.Th>
                  <Table.Th>Address</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {locations.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td fw={600}>{l.name}</Table.Td>
                    <Table.Td>
                      <Badge variant="outline" color="gray" tt="none" ff="monospace">
                        {l.deaRegistration}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{l.storage}</Table.Td>
                    <Table.Td>{l.address}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <EmptyNote>No location yet: drug can be received only at a registered location.</EmptyNote>
        )}
      </Section>
      <Section
        title="Products"
        action={
          onAddProduct ? (
            <Button size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={onAddProduct}>
              Add product
            </Button>
          ) : null
        }
      >
        {products.length ? (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" aria-label="Products">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>NDC</Table.Th>
                  <Table.Th>Form</Table.Th>
                  <Table.Th ta="right">Strength</Table.Th>
                  <Table.Th ta="right">Container</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...products]
                  .sort((a, b) => a.mgPerMl - b.mgPerMl || a.name.localeCompare(b.name))
                  .map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td fw={600}>{p.name}</Table.Td>
                      <Table.Td ff="monospace">{p.ndc}</Table.Td>
                      <Table.Td>{p.form}</Table.Td>
                      <Table.Td ta="right">{p.mgPerMl} mg/mL</Table.Td>
                      <Table.Td ta="right">
                        {p.containerMl} mL ({Number((p.mgPerMl * p.containerMl).toFixed(3))} mg)
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <EmptyNote>
            No product yet: add the ketamine presentation the clinic buys (NDC, mg/mL, mL).
          </EmptyNote>
        )}
      </Section>
    </Stack>
  );
}

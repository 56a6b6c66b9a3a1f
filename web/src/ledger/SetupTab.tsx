// What the ledger is kept against: registered locations and the products received. Set up by those who
// answer for the DEA registration (ledger.setup); everyone with the ledger can read it.
import { Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { formatDateTime } from '../app/format.ts';
import { EmptyNote } from '../app/States.tsx';
import type { LedgerLocation, LedgerProduct, LedgerSettings } from './api.ts';

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

/** The clinic's ledger rules as they stand, and who last changed them. */
function Rules({ settings }: { settings: LedgerSettings | undefined }) {
  if (!settings) {
    return (
      <Text size="sm" c="dimmed">
        Loading…
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <div>
          <Text size="sm" fw={600}>
            Back-dating limit: {settings.backdateLimitDays} day{settings.backdateLimitDays === 1 ? '' : 's'}
          </Text>
          <Text size="xs" c="dimmed">
            An entry dated further back needs a written reason, kept on the entry.
          </Text>
        </div>
        <div>
          <Text size="sm" fw={600}>
            Significant-loss review above {settings.lossReviewAboveMg} mg
          </Text>
          <Text size="xs" c="dimmed">
            A count adjustment finding more missing asks the registrant to review it (21 CFR 1301.76(b)).
          </Text>
        </div>
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {settings.isDefault
          ? 'The defaults: never changed.'
          : `Changed ${formatDateTime(settings.changedAt)} by ${settings.changedBy ?? 'unknown'}.`}
      </Text>
    </Stack>
  );
}

export function SetupTab({
  locations,
  products,
  settings,
  onAddLocation,
  onAddProduct,
  onEditRules,
  cannotNote,
}: {
  locations: LedgerLocation[];
  products: LedgerProduct[];
  settings: LedgerSettings | undefined;
  onAddLocation: (() => void) | undefined;
  onAddProduct: (() => void) | undefined;
  onEditRules: (() => void) | undefined;
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
      <Section
        title="Ledger rules"
        action={
          onEditRules && settings ? (
            <Button
              size="sm"
              variant="default"
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={onEditRules}
            >
              Change
            </Button>
          ) : null
        }
      >
        <Rules settings={settings} />
      </Section>
    </Stack>
  );
}

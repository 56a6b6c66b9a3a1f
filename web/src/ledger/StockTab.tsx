// Stock on hand: per registered location and product, every container with its balance in mg and mL,
// expired ones flagged; and, first, drug drawn for a session and not yet given, wasted or returned.
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Menu,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  IconAdjustmentsAlt,
  IconAlertOctagon,
  IconArrowsExchange,
  IconBuildingWarehouse,
  IconChevronRight,
  IconClipboardCheck,
  IconDotsVertical,
  IconExternalLink,
  IconHourglassHigh,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate, formatInstantDate } from '../app/format.ts';
import { EmptyNote } from '../app/States.tsx';
import type { LedgerContainer, LedgerLocation, LedgerProduct, OpenHolding, Stock } from './api.ts';
import { inventoryStatus, type LocationInventory } from './compliance.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { addDays } from './time.ts';
import { formatMg, formatMl } from './units.ts';

export type ContainerAction = 'transfer' | 'dispose' | 'loss' | 'adjust';

const statusOrder = { expired: 0, open: 1, sealed: 2, empty: 3 } as const;

function byStatusThenLabel(a: LedgerContainer, b: LedgerContainer): number {
  return (
    statusOrder[a.status] - statusOrder[b.status] ||
    a.label.localeCompare(b.label, undefined, { numeric: true })
  );
}

/** "Expires 3 Dec 2026", with a word when it is close or past: the vial to use (or dispose of) first. */
function Expiry({ c, today }: { c: LedgerContainer; today: string }) {
  const soon = c.status !== 'empty' && c.expiresOn >= today && c.expiresOn <= addDays(today, 30);
  return (
    <Text
      size="sm"
      c={c.status === 'expired' ? 'red.8' : soon ? 'orange.8' : undefined}
      fw={c.status === 'expired' || soon ? 600 : 400}
    >
      {formatDate(c.expiresOn)}
      {c.status === 'expired' ? ' · expired' : soon ? ' · within 30 days' : ''}
    </Text>
  );
}

function ContainerMenu({
  c,
  onAction,
}: {
  c: LedgerContainer;
  onAction: (a: ContainerAction, c: LedgerContainer) => void;
}) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${c.label}`}>
          <IconDotsVertical size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{c.label}</Menu.Label>
        {c.balanceUg > 0 ? (
          <>
            <Menu.Item
              leftSection={<IconArrowsExchange size={16} aria-hidden />}
              onClick={() => onAction('transfer', c)}
            >
              Transfer…
            </Menu.Item>
            <Menu.Item
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => onAction('dispose', c)}
            >
              Dispose (DEA-41)…
            </Menu.Item>
            <Menu.Item
              leftSection={<IconAlertOctagon size={16} aria-hidden />}
              onClick={() => onAction('loss', c)}
            >
              Report loss (DEA-106)…
            </Menu.Item>
          </>
        ) : null}
        <Menu.Item
          leftSection={<IconAdjustmentsAlt size={16} aria-hidden />}
          onClick={() => onAction('adjust', c)}
        >
          Adjust…
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/**
 * Sealed vials of one lot and expiry are interchangeable until one is opened: they show as one line
 * ("21 sealed, K10-0019 – K10-0039") that opens into the vials, so the open and expired ones stand out.
 */
type Item =
  { kind: 'one'; c: LedgerContainer } | { kind: 'batch'; key: string; containers: LedgerContainer[] };

function itemsOf(containers: LedgerContainer[], expanded: ReadonlySet<string>): Item[] {
  const batches = new Map<string, LedgerContainer[]>();
  for (const c of containers) {
    if (c.status === 'sealed') {
      const key = `${c.lot}|${c.expiresOn}`;
      batches.set(key, [...(batches.get(key) ?? []), c]);
    }
  }
  const items: Item[] = [];
  const placed = new Set<string>();
  for (const c of containers) {
    const key = `${c.lot}|${c.expiresOn}`;
    const batch = c.status === 'sealed' ? batches.get(key) : undefined;
    if (!batch || batch.length < 3) {
      items.push({ kind: 'one', c });
    } else if (!placed.has(key)) {
      placed.add(key);
      items.push({ kind: 'batch', key, containers: batch });
      if (expanded.has(key)) {
        items.push(...batch.map((b) => ({ kind: 'one' as const, c: b })));
      }
    }
  }
  return items;
}

function BatchToggle({
  item,
  open,
  onToggle,
}: {
  item: Extract<Item, { kind: 'batch' }>;
  open: boolean;
  onToggle: () => void;
}) {
  const first = item.containers[0]?.label ?? '';
  const last = item.containers[item.containers.length - 1]?.label ?? '';
  return (
    <Box>
      <Button
        variant="subtle"
        size="compact-sm"
        px={4}
        onClick={onToggle}
        aria-expanded={open}
        aria-label={`${item.containers.length} sealed, ${first} to ${last}: ${open ? 'hide' : 'show'} each`}
        leftSection={
          <IconChevronRight
            size={16}
            aria-hidden
            style={{ transform: open ? 'rotate(90deg)' : undefined, transition: 'transform 120ms' }}
          />
        }
      >
        {item.containers.length} sealed
      </Button>
      <Text size="xs" c="dimmed" pl={26}>
        {first} – {last}
      </Text>
    </Box>
  );
}

interface ListProps {
  containers: LedgerContainer[];
  today: string;
  onAction: ((a: ContainerAction, c: LedgerContainer) => void) | undefined;
  label: string;
}

function useBatches(containers: LedgerContainer[]) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setExpanded((e) => {
      const next = new Set(e);
      if (!next.delete(key)) {
        next.add(key);
      }
      return next;
    });
  return { items: itemsOf(containers, expanded), expanded, toggle };
}

function ContainersTable({ containers, today, onAction, label }: ListProps) {
  const { items, expanded, toggle } = useBatches(containers);
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing={6} horizontalSpacing="sm" aria-label={label} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Label</Table.Th>
            <Table.Th>Lot</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Balance</Table.Th>
            <Table.Th ta="right">Volume</Table.Th>
            {onAction ? (
              <Table.Th w={44}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            if (item.kind === 'batch') {
              const first = item.containers[0] as LedgerContainer;
              const totalUg = item.containers.reduce((s, c) => s + c.balanceUg, 0);
              return (
                <Table.Tr key={item.key} data-testid="sealed-batch">
                  <Table.Td>
                    <BatchToggle
                      item={item}
                      open={expanded.has(item.key)}
                      onToggle={() => toggle(item.key)}
                    />
                  </Table.Td>
                  <Table.Td>{first.lot}</Table.Td>
                  <Table.Td>
                    <Expiry c={first} today={today} />
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status="sealed" />
                  </Table.Td>
                  <Table.Td ta="right" className="ok-figure" fw={600}>
                    {formatMg(totalUg)}
                  </Table.Td>
                  <Table.Td ta="right" className="ok-figure">
                    {formatMl(totalUg, first.mgPerMl)}
                  </Table.Td>
                  {onAction ? <Table.Td /> : null}
                </Table.Tr>
              );
            }
            const c = item.c;
            const inBatch = c.status === 'sealed' && expanded.has(`${c.lot}|${c.expiresOn}`);
            return (
              <Table.Tr
                key={c.id}
                data-testid="container-row"
                bg={c.status === 'expired' ? 'var(--mantine-color-red-light)' : undefined}
                c={c.status === 'empty' ? 'dimmed' : undefined}
              >
                <Table.Td fw={700} pl={inBatch ? 'xl' : undefined}>
                  {c.label}
                </Table.Td>
                <Table.Td>{c.lot}</Table.Td>
                <Table.Td>
                  <Expiry c={c} today={today} />
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={c.status} />
                </Table.Td>
                <Table.Td ta="right" className="ok-figure" fw={600}>
                  {formatMg(c.balanceUg)}
                </Table.Td>
                <Table.Td ta="right" className="ok-figure">
                  {formatMl(c.balanceUg, c.mgPerMl)}
                </Table.Td>
                {onAction ? (
                  <Table.Td>
                    <ContainerMenu c={c} onAction={onAction} />
                  </Table.Td>
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** On a phone: one line per vial (or sealed batch), the balance on the right. */
function ContainersList({ containers, today, onAction, label }: ListProps) {
  const { items, expanded, toggle } = useBatches(containers);
  return (
    <Stack gap={6} component="ul" aria-label={label} p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((item) => {
        if (item.kind === 'batch') {
          const first = item.containers[0] as LedgerContainer;
          const totalUg = item.containers.reduce((s, c) => s + c.balanceUg, 0);
          return (
            <Paper key={item.key} component="li" withBorder p="xs" radius="md" data-testid="sealed-batch">
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <Box miw={0}>
                  <BatchToggle item={item} open={expanded.has(item.key)} onToggle={() => toggle(item.key)} />
                  <Text size="xs" c="dimmed">
                    Lot {first.lot}
                  </Text>
                  <Expiry c={first} today={today} />
                </Box>
                <Box ta="right" style={{ whiteSpace: 'nowrap' }}>
                  <Text fw={700} size="sm" className="ok-figure">
                    {formatMg(totalUg)}
                  </Text>
                  <Text size="xs" c="dimmed" className="ok-figure">
                    {formatMl(totalUg, first.mgPerMl)}
                  </Text>
                </Box>
              </Group>
            </Paper>
          );
        }
        const c = item.c;
        const inBatch = c.status === 'sealed' && expanded.has(`${c.lot}|${c.expiresOn}`);
        return (
          <Paper
            key={c.id}
            component="li"
            withBorder
            p="xs"
            radius="md"
            ml={inBatch ? 'lg' : undefined}
            data-testid="container-row"
            bg={c.status === 'expired' ? 'var(--mantine-color-red-light)' : undefined}
          >
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <Box miw={0}>
                <Group gap={6}>
                  <Text fw={700} size="sm">
                    {c.label}
                  </Text>
                  <StatusBadge status={c.status} />
                </Group>
                <Text size="xs" c="dimmed">
                  Lot {c.lot}
                </Text>
                <Expiry c={c} today={today} />
              </Box>
              <Group gap={4} wrap="nowrap" align="flex-start">
                <Box ta="right" style={{ whiteSpace: 'nowrap' }}>
                  <Text fw={700} size="sm" className="ok-figure">
                    {formatMg(c.balanceUg)}
                  </Text>
                  <Text size="xs" c="dimmed" className="ok-figure">
                    {formatMl(c.balanceUg, c.mgPerMl)}
                  </Text>
                </Box>
                {onAction ? <ContainerMenu c={c} onAction={onAction} /> : null}
              </Group>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}

function ProductStock({
  product,
  location,
  containers,
  today,
  phone,
  onAction,
}: {
  product: LedgerProduct;
  location: LedgerLocation;
  containers: LedgerContainer[];
  today: string;
  phone: boolean;
  onAction: ((a: ContainerAction, c: LedgerContainer) => void) | undefined;
}) {
  const [showEmpty, setShowEmpty] = useState(false);
  const held = containers.filter((c) => c.balanceUg > 0);
  const empty = containers.length - held.length;
  const totalUg = held.reduce((s, c) => s + c.balanceUg, 0);
  const expired = held.filter((c) => c.status === 'expired');
  const expiredUg = expired.reduce((s, c) => s + c.balanceUg, 0);
  const shown = (showEmpty ? containers : held).slice().sort(byStatusThenLabel);
  const tableLabel = `${product.name} at ${location.name}`;
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end" gap="xs">
        <div>
          <Title order={4} size="h6">
            {product.name}
          </Title>
          <Text size="xs" c="dimmed">
            {product.mgPerMl} mg/mL × {product.containerMl} mL · NDC {product.ndc}
          </Text>
        </div>
        <Text size="sm" fw={700} data-testid="product-total">
          On hand: {held.length} container{held.length === 1 ? '' : 's'} · {formatMg(totalUg)} (
          {formatMl(totalUg, product.mgPerMl)})
        </Text>
      </Group>
      {expired.length ? (
        <Alert color="red" variant="light" icon={<IconHourglassHigh aria-hidden />} p="xs">
          {expired.length} expired container{expired.length === 1 ? '' : 's'} ({formatMg(expiredUg)}) may not
          be drawn from: dispose of {expired.length === 1 ? 'it' : 'them'} (DEA-41).
        </Alert>
      ) : null}
      {shown.length ? (
        phone ? (
          <ContainersList containers={shown} today={today} onAction={onAction} label={tableLabel} />
        ) : (
          <ContainersTable containers={shown} today={today} onAction={onAction} label={tableLabel} />
        )
      ) : (
        <Text size="sm" c="dimmed">
          No containers with drug left.
        </Text>
      )}
      {empty ? (
        <Button
          variant="subtle"
          size="xs"
          onClick={() => setShowEmpty((s) => !s)}
          style={{ alignSelf: 'flex-start' }}
        >
          {showEmpty ? 'Hide' : 'Show'} {empty} empty container{empty === 1 ? '' : 's'}
        </Button>
      ) : null}
    </Stack>
  );
}

function Holdings({ holdings }: { holdings: OpenHolding[] }) {
  return (
    <Card
      padding="md"
      withBorder
      style={{ borderColor: 'var(--mantine-color-orange-outline)' }}
      data-testid="holdings"
    >
      <Group gap="xs" mb="xs">
        <IconHourglassHigh size={20} aria-hidden color="var(--mantine-color-orange-filled)" />
        <Title order={3} size="h5">
          Drawn and not yet reconciled
        </Title>
        <Badge color="orange" variant="light">
          {holdings.length}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        Drug drawn for a session and not yet given, wasted with a witness or returned. Each must be settled in
        the infusion console before the patient is discharged.
      </Text>
      <Stack gap={6}>
        {holdings.map((h) => (
          <Paper key={h.infusionId} withBorder p="xs" radius="md">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Box>
                <Text fw={600} size="sm">
                  {h.patientName ?? 'Infusion session'}
                </Text>
                <Text size="xs" c="dimmed" className="ok-figure">
                  Drawn {formatMg(h.drawnUg)} · given {formatMg(h.administeredUg)} · wasted{' '}
                  {formatMg(h.wastedUg)} · returned {formatMg(h.returnedUg)}
                </Text>
              </Box>
              <Group gap="sm" wrap="nowrap">
                <Text fw={700} c="orange.9" className="ok-figure">
                  {formatMg(h.heldUg)} held
                </Text>
                <Anchor component={Link} to={`/app/infusions/${h.infusionId}`} size="sm">
                  <Group gap={4} wrap="nowrap" component="span">
                    Open console <IconExternalLink size={14} aria-hidden />
                  </Group>
                </Anchor>
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>
    </Card>
  );
}

/** The location's last inventory and when the next is due (21 CFR 1304.11), in words and an icon. */
function InventoryLine({ inventory }: { inventory: LocationInventory }) {
  const urgent = inventory.state === 'overdue' || inventory.state === 'initial_missing';
  const soon = inventory.state === 'due_soon' || inventory.state === 'initial_needed';
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" mt={4} data-testid="inventory-line">
      <IconClipboardCheck
        size={16}
        aria-hidden
        style={{ flexShrink: 0, marginTop: 2 }}
        color={`var(--mantine-color-${urgent ? 'red' : soon ? 'orange' : 'gray'}-filled)`}
      />
      <Text size="sm" c={urgent ? 'red.8' : soon ? 'orange.9' : undefined} fw={urgent || soon ? 600 : 400}>
        {inventory.lastAt
          ? `${inventory.lastKind === 'biennial' ? 'Biennial' : 'Initial'} inventory ${formatInstantDate(inventory.lastAt)} · `
          : ''}
        {inventoryStatus(inventory)}
      </Text>
    </Group>
  );
}

export function StockTab({
  stock,
  inventories,
  onAction,
  onSetup,
}: {
  stock: Stock;
  /** Each location's inventory schedule, from the compliance read (absent while it loads). */
  inventories?: readonly LocationInventory[] | undefined;
  onAction: ((a: ContainerAction, c: LedgerContainer) => void) | undefined;
  onSetup: (() => void) | undefined;
}) {
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  if (stock.locations.length === 0) {
    return (
      <Card>
        <EmptyNote>
          No registered location yet.{' '}
          {onSetup
            ? 'Add the clinic’s DEA-registered location and its ketamine products in Set-up.'
            : 'A physician or administrator adds the DEA-registered location in Set-up.'}
        </EmptyNote>
        {onSetup ? (
          <Group justify="center">
            <Button onClick={onSetup}>Go to Set-up</Button>
          </Group>
        ) : null}
      </Card>
    );
  }
  return (
    <Stack gap="md">
      {stock.holdings.length ? <Holdings holdings={stock.holdings} /> : null}
      {stock.locations.map((location) => {
        const here = stock.containers.filter((c) => c.locationId === location.id);
        const inventory = inventories?.find((i) => i.locationId === location.id);
        const products = stock.products
          .filter((p) => here.some((c) => c.productId === p.id))
          .sort((a, b) => a.mgPerMl - b.mgPerMl || a.name.localeCompare(b.name));
        return (
          <Card key={location.id} padding="md" component="section" aria-label={location.name}>
            <Group gap="sm" mb="sm" align="flex-start" wrap="nowrap">
              <IconBuildingWarehouse size={24} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
              <Box miw={0}>
                <Group gap="xs">
                  <Title order={3} size="h4">
                    {location.name}
                  </Title>
                  <Badge variant="outline" color="gray" tt="none" ff="monospace">
                    DEA {location.deaRegistration}
                  </Badge>
                </Group>
                <Text size="sm">{location.storage}</Text>
                <Text size="xs" c="dimmed">
                  {location.address}
                </Text>
                {inventory ? <InventoryLine inventory={inventory} /> : null}
              </Box>
            </Group>
            {products.length ? (
              <Stack gap="lg">
                {products.map((p) => (
                  <ProductStock
                    key={p.id}
                    product={p}
                    location={location}
                    containers={here.filter((c) => c.productId === p.id)}
                    today={stock.today}
                    phone={phone}
                    onAction={onAction}
                  />
                ))}
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                Nothing received here yet.
              </Text>
            )}
          </Card>
        );
      })}
    </Stack>
  );
}

// What the ledger still asks of the clinic, at the top of the ledger page until it is done: the written
// DEA notice of each theft or loss (deadline: the next business day, 21 CFR 1301.76(b)), significant-loss
// reviews of count shortfalls above the clinic's threshold, and inventories due (21 CFR 1304.11).
// Colour never alone: each state has an icon and its words.
import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Paper,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import {
  IconAlarm,
  IconAlertOctagon,
  IconCalendarDue,
  IconClipboardCheck,
  IconMailForward,
  IconScale,
} from '@tabler/icons-react';
import { formatDateTime } from '../app/format.ts';
import type { Compliance, LedgerLocation } from './api.ts';
import { formatDay, inventoryStatus, type OpenNotice, type PendingReview } from './compliance.ts';
import type { CountKind } from './CountForm.tsx';
import { formatMg } from './units.ts';

function DeadlineBadge({ notice }: { notice: OpenNotice }) {
  const look =
    notice.state === 'overdue'
      ? { color: 'red', variant: 'filled' as const, label: 'Overdue', Icon: IconAlertOctagon }
      : notice.state === 'due_today'
        ? { color: 'orange', variant: 'filled' as const, label: 'Due today', Icon: IconAlarm }
        : { color: 'orange', variant: 'light' as const, label: 'Due', Icon: IconCalendarDue };
  return (
    <Badge
      color={look.color}
      variant={look.variant}
      tt="none"
      leftSection={<look.Icon size={12} aria-hidden />}
    >
      {look.label}
    </Badge>
  );
}

function Notices({
  notices,
  locationName,
  onNotice,
  cannotNote,
}: {
  notices: OpenNotice[];
  locationName: (id: string) => string;
  onNotice: ((n: OpenNotice) => void) | undefined;
  cannotNote: string | null;
}) {
  const overdue = notices.some((n) => n.state === 'overdue');
  return (
    <Card
      padding="md"
      withBorder
      component="section"
      aria-label="DEA notices due"
      data-testid="dea-notices"
      style={{ borderColor: `var(--mantine-color-${overdue ? 'red' : 'orange'}-outline)`, borderWidth: 2 }}
    >
      <Group gap="xs" mb={4}>
        <IconMailForward
          size={20}
          aria-hidden
          color={`var(--mantine-color-${overdue ? 'red' : 'orange'}-filled)`}
        />
        <Title order={2} size="h5">
          DEA notice of theft or loss
        </Title>
        <Badge color={overdue ? 'red' : 'orange'} variant="light">
          {notices.length}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        Notify the DEA Field Division in writing by the end of the next business day after discovery (21 CFR
        1301.76(b)); DEA Form 106 follows within 45 days. Shown until the notice is marked sent.
      </Text>
      <Stack gap={6}>
        {notices.map((n) => (
          <Paper key={n.seq} withBorder p="xs" radius="md" data-testid="dea-notice">
            <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
              <Box miw={0}>
                <Group gap={6} wrap="wrap">
                  <DeadlineBadge notice={n} />
                  <Text fw={700} size="sm" c={n.state === 'overdue' ? 'red.8' : undefined}>
                    {n.state === 'overdue'
                      ? `was due by the end of ${formatDay(n.dueOn)}`
                      : n.state === 'due_today'
                        ? 'send by the end of today'
                        : `send by the end of ${formatDay(n.dueOn)}`}
                  </Text>
                </Group>
                <Text size="sm">
                  {n.containerLabel ?? 'A vial'} · {formatMg(n.lostUg)}{' '}
                  {n.kind === 'loss' ? 'lost or stolen' : 'missing at a count (reviewed: significant)'}
                </Text>
                <Text size="xs" c="dimmed">
                  Discovered {formatDateTime(n.discoveredAt)} · {locationName(n.locationId)} · entry #{n.seq}
                </Text>
              </Box>
              {onNotice ? (
                <Button
                  size="xs"
                  color={n.state === 'overdue' ? 'red' : 'orange'}
                  leftSection={<IconMailForward size={14} aria-hidden />}
                  onClick={() => onNotice(n)}
                >
                  Mark sent…<VisuallyHidden> (DEA notice of entry {n.seq})</VisuallyHidden>
                </Button>
              ) : null}
            </Group>
          </Paper>
        ))}
      </Stack>
      {cannotNote ? (
        <Text size="xs" c="dimmed" mt="xs">
          {cannotNote}
        </Text>
      ) : null}
    </Card>
  );
}

function Reviews({
  reviews,
  thresholdMg,
  locationName,
  onReview,
  cannotNote,
}: {
  reviews: PendingReview[];
  thresholdMg: number;
  locationName: (id: string) => string;
  onReview: ((r: PendingReview) => void) | undefined;
  cannotNote: string | null;
}) {
  return (
    <Card
      padding="md"
      withBorder
      component="section"
      aria-label="Significant-loss reviews due"
      data-testid="loss-reviews"
      style={{ borderColor: 'var(--mantine-color-orange-outline)' }}
    >
      <Group gap="xs" mb={4}>
        <IconScale size={20} aria-hidden color="var(--mantine-color-orange-filled)" />
        <Title order={2} size="h5">
          Significant-loss review
        </Title>
        <Badge color="orange" variant="light">
          {reviews.length}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        A count found more than {thresholdMg} mg missing. Weigh the DEA factors and record whether it is a
        significant loss (then the DEA notice is due) or a minor discrepancy.
      </Text>
      <Stack gap={6}>
        {reviews.map((r) => (
          <Paper key={r.seq} withBorder p="xs" radius="md" data-testid="loss-review">
            <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
              <Box miw={0}>
                <Text fw={700} size="sm">
                  {r.containerLabel ?? 'A vial'} · {formatMg(r.lostUg)} missing
                </Text>
                <Text size="xs" c="dimmed">
                  Adjusted {formatDateTime(r.adjustedAt)} · {locationName(r.locationId)} · entry #{r.seq}
                  {r.reason ? ` · “${r.reason}”` : ''}
                </Text>
              </Box>
              {onReview ? (
                <Button
                  size="xs"
                  variant="light"
                  color="orange"
                  leftSection={<IconScale size={14} aria-hidden />}
                  onClick={() => onReview(r)}
                >
                  Review…<VisuallyHidden> (entry {r.seq})</VisuallyHidden>
                </Button>
              ) : null}
            </Group>
          </Paper>
        ))}
      </Stack>
      {cannotNote ? (
        <Text size="xs" c="dimmed" mt="xs">
          {cannotNote}
        </Text>
      ) : null}
    </Card>
  );
}

export function ComplianceAlerts({
  compliance,
  locations,
  onNotice,
  onReview,
  onInventory,
  setupNote,
}: {
  compliance: Compliance;
  locations: LedgerLocation[];
  onNotice: ((n: OpenNotice) => void) | undefined;
  onReview: ((r: PendingReview) => void) | undefined;
  onInventory: ((locationId: string, kind: CountKind) => void) | undefined;
  /** Why notices and reviews cannot be recorded from this role, if so. */
  setupNote: string | null;
}) {
  const locationName = (id: string) => locations.find((l) => l.id === id)?.name ?? 'another location';
  const inventories = compliance.inventories.filter((i) => i.state !== 'ok');
  if (!compliance.notices.length && !compliance.reviews.length && !inventories.length) {
    return null;
  }
  return (
    <Stack gap="sm" data-testid="compliance">
      {compliance.notices.length ? (
        <Notices
          notices={compliance.notices}
          locationName={locationName}
          onNotice={onNotice}
          cannotNote={onNotice ? null : setupNote}
        />
      ) : null}
      {compliance.reviews.length ? (
        <Reviews
          reviews={compliance.reviews}
          thresholdMg={compliance.settings.lossReviewAboveMg}
          locationName={locationName}
          onReview={onReview}
          cannotNote={onReview ? null : setupNote}
        />
      ) : null}
      {inventories.map((i) => {
        const kind: CountKind = i.state === 'initial_needed' ? 'initial' : 'biennial';
        const urgent = i.state === 'overdue' || i.state === 'initial_missing';
        return (
          <Alert
            key={i.locationId}
            color={urgent ? 'red' : i.state === 'initial_needed' ? 'blue' : 'orange'}
            variant="light"
            icon={<IconClipboardCheck aria-hidden />}
            title={`${locationName(i.locationId)}: ${inventoryStatus(i)}`}
            data-testid="inventory-due"
          >
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Text size="sm">
                {i.state === 'initial_needed'
                  ? 'Take the initial inventory on the day the location starts handling ketamine, before the first receipt: a zero inventory if nothing is on hand (21 CFR 1304.11(b)).'
                  : 'A full inventory of the controlled substances on hand at least every two years (21 CFR 1304.11(c)).'}
              </Text>
              {onInventory ? (
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconClipboardCheck size={14} aria-hidden />}
                  onClick={() => onInventory(i.locationId, kind)}
                >
                  Take {kind} inventory…
                </Button>
              ) : null}
            </Group>
          </Alert>
        );
      })}
    </Stack>
  );
}

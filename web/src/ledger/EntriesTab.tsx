// The chain itself, newest first: every entry with its number, actual time, who did it and who
// witnessed it. Older entries load a page at a time (beforeSeq). A mistaken entry is corrected, never edited.
import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowBackUp, IconChevronDown } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { notifyError } from '../api/notify.tsx';
import { formatDateTime } from '../app/format.ts';
import { EmptyNote, ErrorState, LoadingState } from '../app/States.tsx';
import { ledgerApi, type LedgerEntry, type Stock } from './api.ts';
import { correctable, entryAmount, entryFacts, KindBadge } from './entryText.tsx';
import { formatMl } from './units.ts';

export const ENTRIES_PAGE = 50;

interface Props {
  /** The newest page, loaded by the page (it also names patients on the Stock tab). */
  first: LedgerEntry[] | undefined;
  firstError: unknown;
  onRetry: () => void;
  /** Bumped after every write: older pages loaded before it are dropped. */
  version: number;
  stock: Stock | undefined;
  onCorrect: ((entry: LedgerEntry) => void) | undefined;
}

function Amount({ e, mgPerMl }: { e: LedgerEntry; mgPerMl: number | undefined }) {
  const ml = e.containerDeltaUg !== 0 && mgPerMl ? formatMl(e.containerDeltaUg, mgPerMl) : null;
  return (
    <Box ta="right">
      <Text size="sm" fw={600} className="ok-figure" style={{ whiteSpace: 'nowrap' }}>
        {entryAmount(e)}
      </Text>
      {ml ? (
        <Text size="xs" c="dimmed" className="ok-figure">
          {ml}
        </Text>
      ) : null}
    </Box>
  );
}

function Facts({
  e,
  facts,
  correctedBy,
}: {
  e: LedgerEntry;
  facts: string;
  correctedBy: number | undefined;
}) {
  return (
    <Stack gap={2}>
      {facts ? <Text size="sm">{facts}</Text> : null}
      {e.reason ? (
        <Text size="sm" c="dimmed" fs="italic">
          “{e.reason}”
        </Text>
      ) : null}
      {typeof e.details.lateReason === 'string' ? (
        <Text size="xs" c="orange.9">
          Recorded late ({formatDateTime(e.recordedAt)}): “{e.details.lateReason}”
        </Text>
      ) : null}
      {correctedBy ? (
        <Badge color="pink" variant="outline" tt="none" size="sm">
          Reversed by #{correctedBy}
        </Badge>
      ) : null}
    </Stack>
  );
}

export function EntriesTab({ first, firstError, onRetry, version, stock, onCorrect }: Props) {
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  // Older pages belong to the version they were loaded for; a write starts the list over.
  const [older, setOlder] = useState<{ version: number; entries: LedgerEntry[]; done: boolean }>({
    version,
    entries: [],
    done: false,
  });
  const [loadingOlder, setLoadingOlder] = useState(false);

  if (firstError && !first) {
    return <ErrorState error={firstError} onRetry={onRetry} />;
  }
  if (!first) {
    return <LoadingState label="Loading the ledger…" />;
  }
  const olderNow = older.version === version ? older : { version, entries: [], done: false };
  const entries = [...first, ...olderNow.entries];
  const last = entries[entries.length - 1];
  const more = !olderNow.done && first.length === ENTRIES_PAGE && last != null && last.seq > 1;

  async function loadOlder() {
    if (!last) {
      return;
    }
    setLoadingOlder(true);
    try {
      const { entries: page } = await ledgerApi.entries({ limit: ENTRIES_PAGE, beforeSeq: last.seq });
      setOlder({ version, entries: [...olderNow.entries, ...page], done: page.length < ENTRIES_PAGE });
    } catch (error) {
      notifyError(error, 'Could not load older entries');
    } finally {
      setLoadingOlder(false);
    }
  }

  const locationName = (id: string | null) =>
    stock?.locations.find((l) => l.id === id)?.name ?? 'another location';
  const strength = (e: LedgerEntry) => stock?.containers.find((c) => c.id === e.containerId)?.mgPerMl;
  const correctedBy = new Map<number, number>();
  for (const e of entries) {
    if (e.kind === 'correction' && e.refersToSeq != null) {
      correctedBy.set(e.refersToSeq, e.seq);
    }
  }
  const canCorrect = (e: LedgerEntry) => onCorrect && correctable(e) && !correctedBy.has(e.seq);

  if (entries.length === 0) {
    return (
      <Card>
        <EmptyNote>No entries yet. The first receipt starts the chain.</EmptyNote>
      </Card>
    );
  }

  const patient = (e: LedgerEntry) =>
    e.patientName ? (
      e.infusionId ? (
        <Anchor component={Link} to={`/app/infusions/${e.infusionId}`} size="sm">
          {e.patientName}
        </Anchor>
      ) : (
        e.patientName
      )
    ) : null;

  const correctButton = (e: LedgerEntry) => (
    <Button
      size="compact-xs"
      variant="subtle"
      leftSection={phone ? <IconArrowBackUp size={14} aria-hidden /> : null}
      onClick={() => onCorrect?.(e)}
      aria-label={`Correct entry ${e.seq}`}
    >
      Correct…
    </Button>
  );

  return (
    <Stack gap="sm">
      {phone ? (
        <Stack gap="xs" component="ol" aria-label="Ledger entries" p={0} m={0} style={{ listStyle: 'none' }}>
          {entries.map((e) => (
            <Paper key={e.id} component="li" withBorder p="xs" radius="md" data-testid="entry">
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <Box miw={0}>
                  <Group gap={6}>
                    <Text fw={700} size="sm">
                      #{e.seq}
                    </Text>
                    <KindBadge kind={e.kind} />
                  </Group>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(e.occurredAt)}
                  </Text>
                </Box>
                <Amount e={e} mgPerMl={strength(e)} />
              </Group>
              <Text size="sm" mt={4}>
                {[e.containerLabel, e.patientName].filter(Boolean).join(' · ')}
              </Text>
              <Text size="xs" c="dimmed">
                By {e.actorName ?? 'unknown'}
                {e.witnessName ? ` · witnessed by ${e.witnessName}` : ''}
              </Text>
              <Facts e={e} facts={entryFacts(e, locationName)} correctedBy={correctedBy.get(e.seq)} />
              {canCorrect(e) ? <Group justify="flex-end">{correctButton(e)}</Group> : null}
            </Paper>
          ))}
        </Stack>
      ) : (
        <Card p={0}>
          <Table.ScrollContainer minWidth={1000}>
            <Table verticalSpacing={6} horizontalSpacing="sm" aria-label="Ledger entries" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>#</Table.Th>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Container</Table.Th>
                  <Table.Th>Patient</Table.Th>
                  <Table.Th ta="right">Amount</Table.Th>
                  <Table.Th>By · witness</Table.Th>
                  <Table.Th>Details</Table.Th>
                  {onCorrect ? (
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((e) => (
                  <Table.Tr key={e.id} data-testid="entry" c={correctedBy.has(e.seq) ? 'dimmed' : undefined}>
                    <Table.Td fw={700} className="ok-figure">
                      {e.seq}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" title={`Recorded ${formatDateTime(e.recordedAt)}`}>
                        {formatDateTime(e.occurredAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <KindBadge kind={e.kind} />
                    </Table.Td>
                    <Table.Td fw={600}>{e.containerLabel ?? '—'}</Table.Td>
                    <Table.Td>{patient(e) ?? '—'}</Table.Td>
                    <Table.Td>
                      <Amount e={e} mgPerMl={strength(e)} />
                    </Table.Td>
                    <Table.Td>
                      {/* One column for who signed: the actor, and under them the witness if any. */}
                      <Text size="sm">{e.actorName ?? '—'}</Text>
                      {e.witnessName ? (
                        <Text size="xs" c="dimmed">
                          Witness: {e.witnessName}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td maw={320}>
                      <Facts e={e} facts={entryFacts(e, locationName)} correctedBy={correctedBy.get(e.seq)} />
                    </Table.Td>
                    {onCorrect ? (
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {canCorrect(e) ? correctButton(e) : null}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {more ? (
        <Button
          variant="default"
          onClick={loadOlder}
          loading={loadingOlder}
          leftSection={<IconChevronDown size={16} aria-hidden />}
          style={{ alignSelf: 'center' }}
        >
          Load older entries (before #{last.seq})
        </Button>
      ) : (
        <Text size="xs" c="dimmed" ta="center">
          {last?.seq === 1 ? 'Start of the chain: entry #1.' : null}
        </Text>
      )}
    </Stack>
  );
}

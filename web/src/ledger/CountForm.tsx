// A witnessed count of every container on hand at one location: the start-of-day (or closing) count, or
// the initial / biennial inventory (21 CFR 1304.11). Each line is prefilled with what the ledger expects;
// the nurse changes what differs. An open vial is estimated by volume.
import { Badge, Box, Group, NumberInput, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { useId, useState, type FormEvent } from 'react';
import { mlToUg } from '@openkap/domain/ledger/units';
import { notifySaved } from '../api/notify.tsx';
import { optionalNumber } from '../api/validate.ts';
import { useStaffUser } from '../auth/session.tsx';
import { formatDate } from '../app/format.ts';
import { EmptyNote } from '../app/States.tsx';
import { ledgerApi, type CountLine, type LedgerContainer, type Stock } from './api.ts';
import { FormButtons, FormFailure, useSubmit } from './formKit.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { exactMl, formatMg, formatMl, formatSignedMg } from './units.ts';
import {
  checkWitness,
  emptyWitness,
  onWitnessRefusal,
  WitnessFields,
  type WitnessValue,
} from './WitnessFields.tsx';

export type CountKind = 'daily' | 'initial' | 'biennial';
export type CountTiming = 'opening' | 'close';

export interface CountResult {
  locationId: string;
  kind: CountKind;
  timing: CountTiming;
  lines: CountLine[];
}

export const countKindLabels: Record<CountKind, string> = {
  daily: 'Daily count',
  initial: 'Initial inventory',
  biennial: 'Biennial inventory',
};

const countOrder = { open: 0, expired: 1, sealed: 2, empty: 3 } as const;

/**
 * What the ledger says is on hand at a location: every container that still holds drug. Open vials
 * come first: they are the ones estimated by eye; sealed ones usually just match.
 */
export function onHandAt(stock: Stock, locationId: string | null): LedgerContainer[] {
  return stock.containers
    .filter((c) => c.locationId === locationId && c.balanceUg > 0)
    .sort(
      (a, b) =>
        countOrder[a.status] - countOrder[b.status] ||
        a.label.localeCompare(b.label, undefined, { numeric: true }),
    );
}

function CountRow({
  container,
  value,
  onChange,
  error,
}: {
  container: LedgerContainer;
  value: number | string;
  onChange: (value: number | string) => void;
  error?: string | undefined;
}) {
  const ml = optionalNumber(value);
  const countedUg =
    ml == null ? null : Math.min(container.capacityUg, mlToUg(Math.max(0, ml), container.mgPerMl));
  const differenceUg = countedUg == null ? null : countedUg - container.balanceUg;
  return (
    <Paper withBorder p="xs" radius="md" data-testid="count-line">
      <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
        <Box miw={0}>
          <Group gap={6} wrap="wrap">
            <Text fw={700} size="sm">
              {container.label}
            </Text>
            <StatusBadge status={container.status} />
          </Group>
          <Text size="xs" c="dimmed">
            {container.productName} · lot {container.lot} · exp. {formatDate(container.expiresOn)}
          </Text>
          <Text size="sm">
            Expected {formatMl(container.balanceUg, container.mgPerMl)} ({formatMg(container.balanceUg)})
          </Text>
        </Box>
        <Stack gap={2} align="flex-end" w={132} style={{ flexShrink: 0 }}>
          <NumberInput
            aria-label={`Counted mL in ${container.label}`}
            rightSection={<Text size="xs">mL</Text>}
            min={0}
            max={container.containerMl}
            step={0.1}
            value={value}
            onChange={onChange}
            error={error}
            size="sm"
          />
          <Text
            size="xs"
            fw={differenceUg ? 700 : 400}
            c={differenceUg ? 'red.8' : 'dimmed'}
            aria-live="polite"
          >
            {differenceUg == null
              ? 'Enter mL'
              : differenceUg === 0
                ? 'Matches'
                : `${formatSignedMg(differenceUg)}`}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

export function CountForm({
  stock,
  preset,
  onDone,
  onCancel,
}: {
  stock: Stock;
  /** Opened from an inventory reminder: that location and kind. */
  preset?: { locationId: string; kind: CountKind } | undefined;
  onDone: (result: CountResult) => void;
  onCancel: () => void;
}) {
  const user = useStaffUser();
  const kindLabel = useId();
  const timingLabel = useId();
  const [locationId, setLocationId] = useState<string | null>(
    preset?.locationId ?? (stock.locations.length === 1 ? (stock.locations[0]?.id ?? null) : null),
  );
  const [kind, setKind] = useState<CountKind>(preset?.kind ?? 'daily');
  const [timing, setTiming] = useState<CountTiming>('opening');
  // Only what the nurse changed; every other line stands at what the ledger expects.
  const [edited, setEdited] = useState<Record<string, number | string>>({});
  const [witness, setWitness] = useState<WitnessValue>(emptyWitness);
  const { busy, failure, errors, setErrors, run } = useSubmit();

  const here = onHandAt(stock, locationId);
  const valueOf = (c: LedgerContainer) => edited[c.id] ?? exactMl(c.balanceUg, c.mgPerMl);
  const differing = here.filter((c) => {
    const ml = optionalNumber(valueOf(c));
    return ml != null && Math.min(c.capacityUg, mlToUg(ml, c.mgPerMl)) !== c.balanceUg;
  }).length;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const lineErrors: Record<string, string> = {};
    const lines = here.map((c, i) => {
      const ml = optionalNumber(valueOf(c));
      if (ml == null || ml < 0) {
        lineErrors[`lines.${i}`] = 'Enter the mL counted (0 if none)';
      }
      return { containerId: c.id, countedMl: ml ?? 0 };
    });
    const issues = { ...lineErrors, ...checkWitness(witness, user.email) };
    if (!locationId) {
      setErrors({ ...issues, locationId: 'Pick the location counted' });
      return;
    }
    if (Object.keys(issues).length) {
      setErrors(issues);
      return;
    }
    setErrors({});
    const result = await run(
      () => ledgerApi.count({ locationId, kind, timing, lines, witness }),
      onWitnessRefusal(setWitness, setErrors),
    );
    if (result) {
      const off = result.lines.filter((l) => l.differenceUg !== 0).length;
      notifySaved(
        result.lines.length === 0
          ? 'A zero inventory: nothing on hand.'
          : `${result.lines.length} container${result.lines.length === 1 ? '' : 's'} counted${off ? `, ${off} with a difference` : ', all as expected'}.`,
        'Count recorded',
      );
      onDone({ locationId, kind, timing, lines: result.lines });
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Count stock">
      <Stack gap="sm">
        <FormFailure failure={failure} />
        <Select
          label="Location"
          required
          data={stock.locations.map((l) => ({ value: l.id, label: `${l.name} (${l.deaRegistration})` }))}
          value={locationId}
          onChange={(v) => {
            setLocationId(v);
            setEdited({});
          }}
          error={errors.locationId}
          comboboxProps={{ withinPortal: true }}
        />
        <Group gap="md" align="flex-end">
          <Stack gap={4}>
            <Text id={kindLabel} size="sm" fw={500}>
              Kind of count
            </Text>
            <SegmentedControl
              aria-labelledby={kindLabel}
              value={kind}
              onChange={(v) => setKind(v as CountKind)}
              data={[
                { value: 'daily', label: 'Daily' },
                { value: 'initial', label: 'Initial' },
                { value: 'biennial', label: 'Biennial' },
              ]}
            />
          </Stack>
          <Stack gap={4}>
            <Text id={timingLabel} size="sm" fw={500}>
              When
            </Text>
            <SegmentedControl
              aria-labelledby={timingLabel}
              value={timing}
              onChange={(v) => setTiming(v as CountTiming)}
              data={[
                { value: 'opening', label: 'Opening' },
                { value: 'close', label: 'Close' },
              ]}
            />
          </Stack>
        </Group>
        {locationId ? (
          here.length ? (
            <>
              <Group justify="space-between">
                <Text size="sm" fw={600}>
                  {here.length} container{here.length === 1 ? '' : 's'} on hand
                </Text>
                <Badge color={differing ? 'red' : 'teal'} variant="light" tt="none">
                  {differing ? `${differing} differ${differing === 1 ? 's' : ''}` : 'All as expected'}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed">
                Each line shows what the ledger expects. Change only what you count differently; an open vial
                is estimated by volume, a sealed one counts as full.
              </Text>
              <Stack gap={6}>
                {here.map((c, i) => (
                  <CountRow
                    key={c.id}
                    container={c}
                    value={valueOf(c)}
                    onChange={(v) => setEdited((e) => ({ ...e, [c.id]: v }))}
                    error={errors[`lines.${i}`] ?? errors[`lines.${i}.countedMl`]}
                  />
                ))}
              </Stack>
            </>
          ) : (
            <EmptyNote>
              {kind === 'daily'
                ? 'Nothing is on hand at this location: there is nothing to count.'
                : `Nothing is on hand at this location: the ${countKindLabels[kind].toLowerCase()} records a zero inventory (21 CFR 1304.11(b)).`}
            </EmptyNote>
          )
        ) : null}
        <WitnessFields what="the count" value={witness} onChange={setWitness} errors={errors} />
        <FormButtons
          busy={busy}
          onCancel={onCancel}
          submit="Record count"
          // An inventory of nothing is still taken and signed; a daily count of nothing is not a count.
          disabled={!locationId || (here.length === 0 && kind === 'daily')}
          icon={<IconListCheck size={18} aria-hidden />}
        />
      </Stack>
    </form>
  );
}

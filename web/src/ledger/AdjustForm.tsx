// A counted difference or a documented error: found (+) or missing (−), always with a reason, and
// naming the count it reconciles when there is one.
import { Grid, NumberInput, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { IconAdjustmentsAlt } from '@tabler/icons-react';
import { useId, useState, type FormEvent } from 'react';
import { AdjustInput } from '@openkap/domain/ledger/schema';
import { notifySaved } from '../api/notify.tsx';
import { check, optionalNumber } from '../api/validate.ts';
import { ledgerApi, type LedgerEntry, type Stock } from './api.ts';
import { ContainerSelect, FormButtons, FormFailure, useSubmit } from './formKit.tsx';
import { formatMg, formatSignedMg } from './units.ts';

export interface AdjustPreset {
  containerId: string;
  /** Signed: + found, − missing. */
  quantityMg?: number;
  countSeq?: number;
  reason?: string;
}

export function AdjustForm({
  stock,
  preset,
  onDone,
  onCancel,
}: {
  stock: Stock;
  preset?: AdjustPreset | undefined;
  onDone: (entries: LedgerEntry[]) => void;
  onCancel: () => void;
}) {
  const directionLabel = useId();
  const [containerId, setContainerId] = useState<string | null>(preset?.containerId ?? null);
  const [direction, setDirection] = useState<'found' | 'missing'>(
    preset?.quantityMg != null && preset.quantityMg > 0 ? 'found' : 'missing',
  );
  const [amount, setAmount] = useState<number | string>(
    preset?.quantityMg != null ? Math.abs(preset.quantityMg) : '',
  );
  const [countSeq, setCountSeq] = useState<number | string>(preset?.countSeq ?? '');
  const [reason, setReason] = useState(preset?.reason ?? '');
  const { busy, failure, errors, setErrors, run } = useSubmit();
  const container = stock.containers.find((c) => c.id === containerId);
  const mg = optionalNumber(amount);
  const signed = mg == null ? undefined : direction === 'found' ? mg : -mg;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const seq = optionalNumber(countSeq);
    const parsed = check(AdjustInput, {
      containerId: containerId ?? '',
      quantityMg: signed ?? 0,
      reason,
      ...(seq != null ? { countSeq: seq } : {}),
    });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    const result = await run(() => ledgerApi.adjust(parsed.value));
    if (result) {
      notifySaved(
        `${container?.label ?? 'Container'}: ${formatSignedMg(result.entries[0]?.containerDeltaUg ?? 0)}.`,
        'Adjusted',
      );
      onDone(result.entries);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Adjust a balance">
      <Stack gap="sm">
        <FormFailure failure={failure} />
        <ContainerSelect
          containers={stock.containers}
          locations={stock.locations}
          includeEmpty
          value={containerId}
          onChange={setContainerId}
          required
          error={errors.containerId}
        />
        <Stack gap={4}>
          <Text id={directionLabel} size="sm" fw={500}>
            Difference
          </Text>
          <SegmentedControl
            aria-labelledby={directionLabel}
            value={direction}
            onChange={(v) => setDirection(v as 'found' | 'missing')}
            data={[
              { value: 'missing', label: '− Missing' },
              { value: 'found', label: '+ Found' },
            ]}
            maw={320}
          />
        </Stack>
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NumberInput
              label="Amount (mg)"
              required
              min={0}
              decimalScale={3}
              value={amount}
              onChange={setAmount}
              error={errors.quantityMg}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NumberInput
              label="Count entry # (optional)"
              description="The count this reconciles"
              min={1}
              allowDecimal={false}
              value={countSeq}
              onChange={setCountSeq}
              error={errors.countSeq}
            />
          </Grid.Col>
        </Grid>
        {container && signed ? (
          <Text size="sm" role="status">
            {container.label}: {formatMg(container.balanceUg)} →{' '}
            {formatMg(container.balanceUg + Math.round(signed * 1000))}
          </Text>
        ) : null}
        <Textarea
          label="Reason"
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
        />
        <FormButtons
          busy={busy}
          onCancel={onCancel}
          submit="Record adjustment"
          icon={<IconAdjustmentsAlt size={18} aria-hidden />}
        />
      </Stack>
    </form>
  );
}

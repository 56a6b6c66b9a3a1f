// A whole container moves to another registered location (the transfer is recorded; its balance does
// not change).
import { Select, Stack, Text } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { TransferInput } from '@openkap/domain/ledger/schema';
import { notifySaved } from '../api/notify.tsx';
import { check } from '../api/validate.ts';
import { ledgerApi } from './api.ts';
import {
  ClinicDateTime,
  ContainerSelect,
  FormButtons,
  FormFailure,
  LateReasonField,
  useLateReason,
  useSubmit,
  type VialFormProps,
} from './formKit.tsx';
import { clinicLocalInput, clinicLocalToIso } from './time.ts';

export function TransferForm({
  stock,
  timeZone,
  backdateLimitDays,
  containerId: initial,
  onDone,
  onCancel,
}: VialFormProps) {
  const [containerId, setContainerId] = useState<string | null>(initial ?? null);
  const [toLocationId, setToLocationId] = useState<string | null>(null);
  const [occurredAt, setOccurredAt] = useState(() => clinicLocalInput(Date.now(), timeZone));
  const late = useLateReason(occurredAt, timeZone, backdateLimitDays);
  const { busy, failure, errors, setErrors, run } = useSubmit();

  const container = stock.containers.find((c) => c.id === containerId);
  const from = stock.locations.find((l) => l.id === container?.locationId);
  const destinations = stock.locations.filter((l) => l.id !== container?.locationId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = check(TransferInput, {
      containerId: containerId ?? '',
      toLocationId: toLocationId ?? '',
      occurredAt: clinicLocalToIso(occurredAt, timeZone) ?? '',
      ...late.body,
    });
    if (!parsed.ok || late.issue) {
      setErrors({ ...(parsed.ok ? {} : parsed.errors), ...(late.issue ? { lateReason: late.issue } : {}) });
      return;
    }
    setErrors({});
    const result = await run(() => ledgerApi.transfer(parsed.value));
    if (result) {
      const to = stock.locations.find((l) => l.id === parsed.value.toLocationId);
      notifySaved(
        `${container?.label ?? 'Container'} moved to ${to?.name ?? 'the new location'}.`,
        'Transferred',
      );
      onDone(result.entries);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Transfer a container">
      <Stack gap="sm">
        <FormFailure failure={failure} />
        <ContainerSelect
          containers={stock.containers}
          locations={stock.locations}
          value={containerId}
          onChange={(v) => {
            setContainerId(v);
            setToLocationId(null);
          }}
          required
          error={errors.containerId}
        />
        {from ? (
          <Text size="sm" c="dimmed">
            Now at {from.name} ({from.deaRegistration})
          </Text>
        ) : null}
        <Select
          label="To location"
          required
          data={destinations.map((l) => ({ value: l.id, label: `${l.name} (${l.deaRegistration})` }))}
          value={toLocationId}
          onChange={setToLocationId}
          error={errors.toLocationId}
          nothingFoundMessage="No other registered location"
          comboboxProps={{ withinPortal: true }}
        />
        {stock.locations.length < 2 ? (
          <Text size="sm" c="orange.8">
            Only one location is registered: add another in Set-up first.
          </Text>
        ) : null}
        <ClinicDateTime
          label="Moved at"
          value={occurredAt}
          onChange={setOccurredAt}
          error={errors.occurredAt}
        />
        <LateReasonField late={late} error={errors.lateReason} />
        <FormButtons
          busy={busy}
          onCancel={onCancel}
          submit="Record transfer"
          icon={<IconArrowsExchange size={18} aria-hidden />}
        />
      </Stack>
    </form>
  );
}

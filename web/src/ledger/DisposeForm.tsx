// DEA Form 41 data: stock destroyed on site or handed to a reverse distributor, with a witness who
// signs with their own credentials.
import { Grid, NumberInput, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useId, useState, type FormEvent } from 'react';
import { DisposeInput } from '@openkap/domain/ledger/schema';
import { notifySaved } from '../api/notify.tsx';
import { check, optionalNumber } from '../api/validate.ts';
import { useStaffUser } from '../auth/session.tsx';
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
import { formatMg } from './units.ts';
import {
  checkWitness,
  emptyWitness,
  onWitnessRefusal,
  WitnessFields,
  type WitnessValue,
} from './WitnessFields.tsx';

type Method = 'witnessed_destruction' | 'reverse_distributor';

export function DisposeForm({
  stock,
  timeZone,
  backdateLimitDays,
  containerId: initial,
  onDone,
  onCancel,
}: VialFormProps) {
  const user = useStaffUser();
  const methodLabel = useId();
  const [containerId, setContainerId] = useState<string | null>(initial ?? null);
  const [quantity, setQuantity] = useState<number | string>('');
  const [method, setMethod] = useState<Method>('witnessed_destruction');
  const [rdName, setRdName] = useState('');
  const [rdAddress, setRdAddress] = useState('');
  const [rdDea, setRdDea] = useState('');
  const [reason, setReason] = useState('');
  const [occurredAt, setOccurredAt] = useState(() => clinicLocalInput(Date.now(), timeZone));
  const [witness, setWitness] = useState<WitnessValue>(emptyWitness);
  const late = useLateReason(occurredAt, timeZone, backdateLimitDays);
  const { busy, failure, errors, setErrors, run } = useSubmit();
  const container = stock.containers.find((c) => c.id === containerId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const quantityMg = optionalNumber(quantity);
    const parsed = check(DisposeInput, {
      containerId: containerId ?? '',
      ...(quantityMg != null ? { quantityMg } : {}),
      method,
      ...(method === 'reverse_distributor'
        ? { reverseDistributor: { name: rdName, address: rdAddress, deaRegistration: rdDea } }
        : {}),
      reason,
      witness,
      occurredAt: clinicLocalToIso(occurredAt, timeZone) ?? '',
      ...late.body,
    });
    const witnessIssues = checkWitness(witness, user.email);
    if (!parsed.ok || Object.keys(witnessIssues).length || late.issue) {
      setErrors({
        ...(parsed.ok ? {} : parsed.errors),
        ...witnessIssues,
        ...(late.issue ? { lateReason: late.issue } : {}),
      });
      return;
    }
    setErrors({});
    const result = await run(() => ledgerApi.dispose(parsed.value), onWitnessRefusal(setWitness, setErrors));
    if (result) {
      notifySaved(`${container?.label ?? 'Container'}: disposal recorded (DEA-41).`, 'Disposed');
      onDone(result.entries);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Dispose of stock (DEA Form 41)">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Expired, damaged or unwanted stock, destroyed on site or sent to a reverse distributor. Keep the
          signed DEA Form 41 with these records.
        </Text>
        <FormFailure failure={failure} />
        <ContainerSelect
          containers={stock.containers}
          locations={stock.locations}
          value={containerId}
          onChange={setContainerId}
          required
          error={errors.containerId}
        />
        <NumberInput
          label="Amount (mg)"
          description={
            container
              ? `Leave empty to dispose of all that is left: ${formatMg(container.balanceUg)}`
              : 'Leave empty to dispose of all that is left'
          }
          min={0}
          decimalScale={3}
          value={quantity}
          onChange={setQuantity}
          error={errors.quantityMg}
          maw={280}
        />
        <Stack gap={4}>
          <Text id={methodLabel} size="sm" fw={500}>
            Method
          </Text>
          <SegmentedControl
            aria-labelledby={methodLabel}
            value={method}
            onChange={(v) => setMethod(v as Method)}
            data={[
              { value: 'witnessed_destruction', label: 'Destroyed on site' },
              { value: 'reverse_distributor', label: 'Reverse distributor' },
            ]}
          />
        </Stack>
        {method === 'reverse_distributor' ? (
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 7 }}>
              <TextInput
                label="Reverse distributor"
                required
                value={rdName}
                onChange={(e) => setRdName(e.currentTarget.value)}
                error={errors['reverseDistributor.name'] ?? errors.reverseDistributor}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <TextInput
                label="Their DEA number"
                required
                value={rdDea}
                onChange={(e) => setRdDea(e.currentTarget.value.toUpperCase())}
                error={errors['reverseDistributor.deaRegistration']}
                autoComplete="off"
                spellCheck={false}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Textarea
                label="Their address"
                required
                autosize
                minRows={2}
                value={rdAddress}
                onChange={(e) => setRdAddress(e.currentTarget.value)}
                error={errors['reverseDistributor.address']}
              />
            </Grid.Col>
          </Grid>
        ) : null}
        <Textarea
          label="Reason"
          placeholder="e.g. expired 2026-10-31"
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
        />
        <ClinicDateTime
          label="Disposed at"
          value={occurredAt}
          onChange={setOccurredAt}
          error={errors.occurredAt}
        />
        <LateReasonField late={late} error={errors.lateReason} />
        <WitnessFields what="the disposal" value={witness} onChange={setWitness} errors={errors} />
        <FormButtons
          busy={busy}
          onCancel={onCancel}
          submit="Record disposal"
          color="red"
          icon={<IconTrash size={18} aria-hidden />}
        />
      </Stack>
    </form>
  );
}

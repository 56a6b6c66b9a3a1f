// DEA Form 106 data: theft or significant loss, recorded when discovered. The form itself is filed
// with the DEA within one business day; the ledger notes whether it has been.
import { Alert, Checkbox, Grid, NumberInput, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { IconAlertOctagon } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { LossInput } from '@openkap/domain/ledger/schema';
import { notifySaved } from '../api/notify.tsx';
import { check, optionalNumber, optionalText } from '../api/validate.ts';
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

type LossType = 'theft' | 'significant_loss' | 'lost_in_transit';

export function LossForm({
  stock,
  timeZone,
  backdateLimitDays,
  containerId: initial,
  onDone,
  onCancel,
}: VialFormProps) {
  const [containerId, setContainerId] = useState<string | null>(initial ?? null);
  const [quantity, setQuantity] = useState<number | string>('');
  const [lossType, setLossType] = useState<LossType | null>(null);
  const [discoveredAt, setDiscoveredAt] = useState(() => clinicLocalInput(Date.now(), timeZone));
  const [policeReport, setPoliceReport] = useState('');
  const [filed, setFiled] = useState(false);
  const [reason, setReason] = useState('');
  const late = useLateReason(discoveredAt, timeZone, backdateLimitDays);
  const { busy, failure, errors, setErrors, run } = useSubmit();
  const container = stock.containers.find((c) => c.id === containerId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = check(LossInput, {
      containerId: containerId ?? '',
      quantityMg: optionalNumber(quantity),
      lossType: lossType ?? undefined,
      discoveredAt: clinicLocalToIso(discoveredAt, timeZone) ?? '',
      policeReport: optionalText(policeReport),
      form106Filed: filed,
      reason,
      ...late.body,
    });
    if (!parsed.ok || !lossType || late.issue) {
      setErrors({
        ...(parsed.ok ? {} : parsed.errors),
        ...(lossType ? {} : { lossType: 'Pick the type of loss' }),
        ...(late.issue ? { lateReason: late.issue } : {}),
      });
      return;
    }
    setErrors({});
    const result = await run(() => ledgerApi.loss(parsed.value));
    if (result) {
      notifySaved(
        `${container?.label ?? 'Container'}: ${formatMg(result.entries[0]?.quantityUg ?? 0)} recorded as lost.`,
        'Loss recorded',
      );
      onDone(result.entries);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Report a loss (DEA Form 106)">
      <Stack gap="sm">
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertOctagon aria-hidden />}
          title="Theft or significant loss"
        >
          Tell the DEA Field Division in writing by the end of the next business day after discovery (21 CFR
          1301.76(b)); the ledger shows that deadline until the notice is marked sent. Then file DEA Form 106
          online within 45 days. This entry is the clinic&rsquo;s record of the loss.
        </Alert>
        <FormFailure failure={failure} />
        <ContainerSelect
          containers={stock.containers}
          locations={stock.locations}
          value={containerId}
          onChange={setContainerId}
          required
          error={errors.containerId}
        />
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NumberInput
              label="Amount lost (mg)"
              description={container ? `Balance ${formatMg(container.balanceUg)}` : undefined}
              required
              min={0}
              decimalScale={3}
              value={quantity}
              onChange={setQuantity}
              error={errors.quantityMg}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label="Type of loss"
              required
              data={[
                { value: 'theft', label: 'Theft' },
                { value: 'significant_loss', label: 'Significant loss' },
                { value: 'lost_in_transit', label: 'Lost in transit' },
              ]}
              value={lossType}
              onChange={(v) => setLossType(v as LossType | null)}
              error={errors.lossType}
              comboboxProps={{ withinPortal: true }}
            />
          </Grid.Col>
        </Grid>
        <ClinicDateTime
          label="Discovered at"
          value={discoveredAt}
          onChange={setDiscoveredAt}
          error={errors.discoveredAt}
        />
        <LateReasonField late={late} error={errors.lateReason} />
        <TextInput
          label="Police report number"
          description="If one was made"
          value={policeReport}
          onChange={(e) => setPoliceReport(e.currentTarget.value)}
          error={errors.policeReport}
          maw={320}
        />
        <Textarea
          label="What happened"
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
        />
        <Checkbox
          label="DEA Form 106 has been filed"
          checked={filed}
          onChange={(e) => setFiled(e.currentTarget.checked)}
        />
        <FormButtons
          busy={busy}
          onCancel={onCancel}
          submit="Record loss"
          color="red"
          icon={<IconAlertOctagon size={18} aria-hidden />}
        />
      </Stack>
    </form>
  );
}

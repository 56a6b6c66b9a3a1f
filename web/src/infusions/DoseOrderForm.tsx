// mg/kg (protocol default filled in) → "Compute order". A refusal above the protocol's hard maximum is
// a HARD STOP: red, an icon, the server's reason; nothing is ordered.
import { Alert, Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { IconCalculator, IconHandStop } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { DoseOrderInput } from '@openkap/domain/infusions/schema';
import { ApiError } from '../api/client.ts';
import { notifyError } from '../api/notify.tsx';
import type { Infusion } from '../api/types.ts';
import { check, optionalNumber, type FieldErrors } from '../api/validate.ts';
import { infusionsApi } from './api.ts';
import { protocolDefaults, routeLabels } from './protocol.ts';

export function DoseOrderForm({
  infusion,
  onChange,
}: {
  infusion: Infusion;
  onChange: (i: Infusion) => void;
}) {
  const defaults = protocolDefaults(infusion.protocol);
  // Only IV runs on a pump; IM and intranasal doses have no duration (domain/src/dosing/routes.ts).
  const pumped = (infusion.protocol?.route ?? 'iv') === 'iv';
  const [mgPerKg, setMgPerKg] = useState<number | string>(
    infusion.doseOrder?.mgPerKg ?? defaults.mgPerKg ?? '',
  );
  const [durationMin, setDurationMin] = useState<number | string>(
    infusion.doseOrder?.durationMin ?? defaults.durationMin ?? '',
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [hardStop, setHardStop] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setHardStop(null);
    const parsed = check(DoseOrderInput, {
      mgPerKg: optionalNumber(mgPerKg),
      durationMin: pumped ? optionalNumber(durationMin) : undefined,
    });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const { infusion: updated } = await infusionsApi.doseOrder(infusion.id, parsed.value);
      onChange(updated);
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        setHardStop(error.message);
      } else if (error instanceof ApiError && error.issues.length) {
        setErrors(error.fieldErrors());
      } else {
        notifyError(error, 'Dose not ordered');
      }
    } finally {
      setBusy(false);
    }
  }

  const limitsText =
    defaults.maxMgPerKg != null
      ? `Protocol default ${defaults.mgPerKg ?? '—'} mg/kg · maximum ${defaults.maxMgPerKg} mg/kg${defaults.hardMaxMgPerKg && defaults.hardMaxMgPerKg !== defaults.maxMgPerKg ? ` (hard stop above ${defaults.hardMaxMgPerKg})` : ''}`
      : defaults.mgPerKg != null
        ? `Protocol default ${defaults.mgPerKg} mg/kg`
        : undefined;

  return (
    <form onSubmit={submit} noValidate aria-label="Dose order">
      <Stack gap="xs">
        <Group gap="xs" align="flex-start" grow>
          <NumberInput
            label="Dose (mg/kg)"
            value={mgPerKg}
            onChange={(v) => {
              setMgPerKg(v);
              setHardStop(null);
            }}
            min={0}
            step={0.05}
            decimalScale={3}
            error={errors.mgPerKg}
            size="md"
          />
          {pumped ? (
            <NumberInput
              label="Over (min)"
              value={durationMin}
              onChange={setDurationMin}
              min={1}
              max={600}
              error={errors.durationMin}
              size="md"
            />
          ) : null}
        </Group>
        {pumped ? null : (
          <Text size="xs" c="dimmed">
            {routeLabels[infusion.protocol?.route ?? ''] ?? 'This route'}: given as a single dose, no pump
            rate.
          </Text>
        )}
        {limitsText ? (
          <Text size="xs" c="dimmed">
            {limitsText}
          </Text>
        ) : null}
        {hardStop ? (
          <Alert
            color="red"
            variant="filled"
            icon={<IconHandStop size={28} aria-hidden />}
            title="HARD STOP — dose refused"
            role="alert"
            data-testid="dose-hard-stop"
          >
            {hardStop}
            <Text size="sm" mt={4}>
              Nothing was ordered. Enter a dose within the protocol limit.
            </Text>
          </Alert>
        ) : null}
        <Button
          type="submit"
          loading={busy}
          variant={infusion.doseOrder ? 'light' : 'filled'}
          leftSection={<IconCalculator size={18} aria-hidden />}
          w="fit-content"
        >
          {infusion.doseOrder ? 'Recompute order' : 'Compute order'}
        </Button>
      </Stack>
    </form>
  );
}

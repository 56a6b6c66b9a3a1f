// mg/kg (protocol default filled in) → "Compute order". The weight the order will use is shown first, and
// an old weight blocks the order until the patient is re-weighed. A refusal (above the hard maximum, a
// cap or the rate ceiling, shorter than the minimum duration) is a HARD STOP: red, an icon, the server's
// reason; nothing is ordered.
import { Alert, Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { IconCalculator, IconHandStop, IconScale } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { DoseOrderInput } from '@openkap/domain/infusions/schema';
import { ApiError } from '../api/client.ts';
import { notifyError } from '../api/notify.tsx';
import type { Infusion } from '../api/types.ts';
import { check, optionalNumber, type FieldErrors } from '../api/validate.ts';
import { infusionsApi } from './api.ts';
import { protocolDefaults, routeLabels } from './protocol.ts';
import { weightDetail, weightHeadline } from './dosingWeight.ts';
import { ceilingText, limitsText } from './doseLimits.ts';

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

  const weight = infusion.dosingWeight;
  const limits = limitsText(infusion.protocol);
  const ceiling = ceilingText(
    infusion.protocol,
    weight?.value?.kg,
    pumped ? optionalNumber(durationMin) : null,
  );

  return (
    <form onSubmit={submit} noValidate aria-label="Dose order">
      <Stack gap="xs">
        {weight?.value ? (
          <Group gap={6} wrap="nowrap" align="flex-start" data-testid="dosing-weight">
            <IconScale size={18} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
            <div>
              <Text size="sm" fw={600}>
                Doses from: {weightHeadline(weight.value)}{' '}
                <Text span size="xs" fw={400} c="dimmed">
                  ({weight.value.note})
                </Text>
              </Text>
              <Text size="xs" c="dimmed">
                {weightDetail(weight.value)}
              </Text>
            </div>
          </Group>
        ) : null}
        {weight?.problem ? (
          <Alert
            color="orange"
            variant="light"
            icon={<IconScale aria-hidden />}
            title="Cannot order yet"
            data-testid="dosing-weight-problem"
          >
            {weight.problem.message}
          </Alert>
        ) : null}
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
        {limits.map((line) => (
          <Text key={line} size="xs" c="dimmed">
            {line}
          </Text>
        ))}
        {ceiling ? (
          <Text size="sm" data-testid="dose-ceiling">
            {ceiling}
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
          disabled={weight?.problem != null}
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

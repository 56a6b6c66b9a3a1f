// Manual vitals: for a baseline before the monitor is connected, or a recheck by hand.
import { Button, Card, Grid, NumberInput, Text, Title } from '@mantine/core';
import { IconHeartPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { VitalsInput } from '@openkap/domain/infusions/schema';
import { notifySaved, showSubmitFailure } from '../api/notify.tsx';
import type { Infusion } from '../api/types.ts';
import { check, optionalNumber, type FieldErrors } from '../api/validate.ts';
import { infusionsApi } from './api.ts';

type Field = 'hr' | 'sbp' | 'dbp' | 'spo2' | 'rr';
const fields: { key: Field; label: string; unit: string }[] = [
  { key: 'hr', label: 'HR', unit: 'bpm' },
  { key: 'sbp', label: 'SBP', unit: 'mmHg' },
  { key: 'dbp', label: 'DBP', unit: 'mmHg' },
  { key: 'spo2', label: 'SpO₂', unit: '%' },
  { key: 'rr', label: 'RR', unit: '/min' },
];
const empty: Record<Field, number | string> = { hr: '', sbp: '', dbp: '', spo2: '', rr: '' };

export function VitalsForm({
  infusionId,
  onChange,
  disabled,
}: {
  infusionId: string;
  onChange: (i: Infusion) => void;
  disabled?: boolean;
}) {
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = Object.fromEntries(
      fields.map(({ key }) => [key, optionalNumber(values[key])]).filter(([, v]) => v !== undefined),
    );
    const parsed = check(VitalsInput, body);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const { infusion } = await infusionsApi.vitals(infusionId, parsed.value);
      onChange(infusion);
      setValues(empty);
      notifySaved('Vitals recorded.');
    } catch (error) {
      showSubmitFailure(error, setErrors);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card padding="md">
      <Title order={2} size="h5" mb="xs">
        Manual vitals
      </Title>
      <form onSubmit={submit} noValidate aria-label="Manual vitals">
        <Grid gap="xs">
          {fields.map(({ key, label, unit }) => (
            <Grid.Col key={key} span={{ base: 4, sm: key === 'rr' ? 4 : 4 }}>
              <NumberInput
                size="sm"
                label={`${label} (${unit})`}
                value={values[key]}
                onChange={(v) => setValues((prev) => ({ ...prev, [key]: v }))}
                error={errors[key]}
                min={0}
                hideControls
                inputMode="numeric"
                disabled={disabled}
              />
            </Grid.Col>
          ))}
          <Grid.Col span={12}>
            <Button
              type="submit"
              fullWidth
              loading={busy}
              disabled={disabled}
              leftSection={<IconHeartPlus size={18} aria-hidden />}
            >
              Record vitals
            </Button>
          </Grid.Col>
        </Grid>
        {errors[''] ? (
          <Text c="red" size="sm" mt={4} role="alert">
            {errors['']}
          </Text>
        ) : null}
      </form>
    </Card>
  );
}

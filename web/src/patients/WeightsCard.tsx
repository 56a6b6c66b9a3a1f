// Weights (newest first) and height, each with the day measured, and the BMI from the latest of each.
// Dosing uses the latest weight, so its date is always shown; a protocol may dose by adjusted or ideal
// weight above a BMI, which needs a height.
import { Badge, Button, Card, Group, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { HeightInput, WeightInput } from '@openkap/domain/patients/schema';
import { notifySaved, showSubmitFailure } from '../api/notify.tsx';
import type { Patient } from '../api/types.ts';
import { check, optionalNumber, type FieldErrors } from '../api/validate.ts';
import { formatDate } from '../app/format.ts';
import { usePermissions } from '../app/permissions.ts';
import { patientsApi } from './api.ts';

type Measure = 'weight' | 'height';

const spec = {
  weight: { label: 'Weight', suffix: ' kg', max: 400, decimals: 1, button: 'Add weight' },
  height: { label: 'Height', suffix: ' cm', max: 250, decimals: 1, button: 'Add height' },
} as const;

/** One dated measurement: value, the day measured, and a button. */
function MeasureForm({
  measure,
  patient,
  today,
  onChange,
}: {
  measure: Measure;
  patient: Patient;
  today: string;
  onChange: (p: Patient) => void;
}) {
  const s = spec[measure];
  const [value, setValue] = useState<number | string>('');
  const [measuredOn, setMeasuredOn] = useState(today);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const key = measure === 'weight' ? 'kg' : 'cm';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = { [key]: optionalNumber(value), measuredOn };
    const parsed = measure === 'weight' ? check(WeightInput, body) : check(HeightInput, body);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const { patient: updated } =
        'kg' in parsed.value
          ? await patientsApi.addWeight(patient.id, parsed.value)
          : await patientsApi.addHeight(patient.id, parsed.value);
      onChange(updated);
      notifySaved(`${s.label} ${optionalNumber(value)}${s.suffix} recorded.`);
      setValue('');
    } catch (error) {
      showSubmitFailure(error, setErrors);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Record ${measure}`}>
      <Group align="flex-end" gap="xs" wrap="wrap">
        <Group align="flex-start" gap="xs" wrap="nowrap" style={{ flex: '1 1 16rem' }}>
          <NumberInput
            size="sm"
            label={s.label}
            suffix={s.suffix}
            min={0}
            max={s.max}
            decimalScale={s.decimals}
            value={value}
            onChange={setValue}
            error={errors[key]}
            style={{ flex: 1 }}
          />
          <TextInput
            size="sm"
            label="Measured on"
            type="date"
            value={measuredOn}
            onChange={(e) => setMeasuredOn(e.currentTarget.value)}
            error={errors.measuredOn}
            style={{ flex: 1 }}
          />
        </Group>
        <Button
          type="submit"
          size="sm"
          variant={measure === 'weight' ? 'filled' : 'light'}
          loading={busy}
          leftSection={<IconPlus size={16} aria-hidden />}
        >
          {s.button}
        </Button>
      </Group>
    </form>
  );
}

export function WeightsCard({
  patient,
  today,
  onChange,
}: {
  patient: Patient;
  today: string;
  onChange: (p: Patient) => void;
}) {
  const { can } = usePermissions();
  const height = patient.heights?.[0];
  return (
    <Card>
      <Group justify="space-between" align="flex-start" mb="sm" gap="xs">
        <Title order={2} size="h4">
          Weight and height
        </Title>
        {patient.bmi != null ? (
          <Badge size="lg" variant="light" color="gray" data-testid="bmi">
            BMI {patient.bmi}
          </Badge>
        ) : null}
      </Group>
      {can('patients.write') ? (
        <Stack gap="xs">
          <MeasureForm measure="weight" patient={patient} today={today} onChange={onChange} />
          <MeasureForm measure="height" patient={patient} today={today} onChange={onChange} />
        </Stack>
      ) : null}
      <Stack gap={4} mt="md">
        <Text size="sm" data-testid="latest-height">
          {height ? (
            <>
              Height{' '}
              <Text span fw={700} className="ok-figure">
                {height.cm} cm
              </Text>{' '}
              · {formatDate(height.measuredOn)}
            </>
          ) : (
            <Text span c="dimmed" size="sm">
              No height recorded. BMI, and a protocol dosing by adjusted or ideal weight, need one.
            </Text>
          )}
        </Text>
        {patient.weights.length === 0 ? (
          <Text size="sm" c="dimmed">
            No weight recorded. Dosing needs one.
          </Text>
        ) : (
          <Table verticalSpacing={4} aria-label="Weights">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th ta="right">kg</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {patient.weights.slice(0, 5).map((w) => (
                <Table.Tr key={`${w.measuredOn}-${w.kg}`}>
                  <Table.Td>{formatDate(w.measuredOn)}</Table.Td>
                  <Table.Td ta="right" className="ok-figure">
                    {w.kg}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}

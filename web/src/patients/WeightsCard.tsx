// Weights, newest first; dosing uses the latest one, so its date is always shown.
import { Button, Card, Group, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { WeightInput } from '@openkap/domain/patients/schema';
import { notifySaved, showSubmitFailure } from '../api/notify.tsx';
import type { Patient } from '../api/types.ts';
import { check, optionalNumber, type FieldErrors } from '../api/validate.ts';
import { formatDate } from '../app/format.ts';
import { usePermissions } from '../app/permissions.ts';
import { patientsApi } from './api.ts';

export function WeightsCard({
  patient,
  today,
  onChange,
}: {
  patient: Patient;
  today: string;
  onChange: (p: Patient) => void;
}) {
  const [kg, setKg] = useState<number | string>('');
  const [measuredOn, setMeasuredOn] = useState(today);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const { can } = usePermissions();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = check(WeightInput, { kg: optionalNumber(kg), measuredOn });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const { patient: updated } = await patientsApi.addWeight(patient.id, parsed.value);
      onChange(updated);
      notifySaved(`Weight ${parsed.value.kg} kg recorded.`);
      setKg('');
    } catch (error) {
      showSubmitFailure(error, setErrors);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card>
      <Title order={2} size="h4" mb="sm">
        Weight
      </Title>
      {can('patients.write') ? (
        <form onSubmit={submit} noValidate aria-label="Record weight">
          <Group align="flex-start" gap="xs" wrap="nowrap">
            <NumberInput
              size="sm"
              label="Weight"
              suffix=" kg"
              min={0}
              max={400}
              decimalScale={1}
              value={kg}
              onChange={setKg}
              error={errors.kg}
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
            mt="xs"
            loading={busy}
            leftSection={<IconPlus size={16} aria-hidden />}
          >
            Add weight
          </Button>
        </form>
      ) : null}
      <Stack gap={0} mt="md">
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

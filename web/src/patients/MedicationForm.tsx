import { Button, Grid, Group, NumberInput, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { MedicationInput } from '@openkap/domain/patients/schema';
import { notifySaved, showSubmitFailure } from '../api/notify.tsx';
import type { Patient } from '../api/types.ts';
import { check, optionalNumber, optionalText, type FieldErrors } from '../api/validate.ts';
import { patientsApi } from './api.ts';

export function MedicationForm({ patientId, onSaved }: { patientId: string; onSaved: (p: Patient) => void }) {
  const [name, setName] = useState('');
  const [doseMg, setDoseMg] = useState<number | string>('');
  const [doseText, setDoseText] = useState('');
  const [frequency, setFrequency] = useState('');
  const [timesPerDay, setTimesPerDay] = useState<number | string>('');
  const [rxnormCode, setRxnormCode] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = check(MedicationInput, {
      name,
      doseMg: optionalNumber(doseMg),
      doseText: optionalText(doseText),
      frequency: optionalText(frequency),
      timesPerDay: optionalNumber(timesPerDay),
      rxnormCode: optionalText(rxnormCode),
    });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const { patient } = await patientsApi.addMedication(patientId, parsed.value);
      onSaved(patient);
      notifySaved(`${parsed.value.name} added. Screening has been re-checked.`);
      setName('');
      setDoseMg('');
      setDoseText('');
      setFrequency('');
      setTimesPerDay('');
      setRxnormCode('');
    } catch (error) {
      showSubmitFailure(error, setErrors);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Add medication">
      <Grid gap="xs">
        <Grid.Col span={12}>
          <TextInput
            size="sm"
            label="Medication"
            required
            placeholder="e.g. Naltrexone"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
        </Grid.Col>
        <Grid.Col span={6}>
          <NumberInput
            size="sm"
            label="Dose (mg)"
            min={0}
            value={doseMg}
            onChange={setDoseMg}
            error={errors.doseMg}
          />
        </Grid.Col>
        <Grid.Col span={6}>
          <TextInput
            size="sm"
            label="Dose as written"
            placeholder="e.g. 50 mg tablet"
            value={doseText}
            onChange={(e) => setDoseText(e.currentTarget.value)}
            error={errors.doseText}
          />
        </Grid.Col>
        <Grid.Col span={6}>
          <TextInput
            size="sm"
            label="Frequency"
            placeholder="e.g. once daily"
            value={frequency}
            onChange={(e) => setFrequency(e.currentTarget.value)}
            error={errors.frequency}
          />
        </Grid.Col>
        <Grid.Col span={6}>
          <NumberInput
            size="sm"
            label="Times per day"
            min={0}
            max={24}
            value={timesPerDay}
            onChange={setTimesPerDay}
            error={errors.timesPerDay}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <TextInput
            size="sm"
            label="RxNorm code"
            description="Optional; digits only"
            value={rxnormCode}
            onChange={(e) => setRxnormCode(e.currentTarget.value)}
            error={errors.rxnormCode}
          />
        </Grid.Col>
      </Grid>
      <Group mt="sm">
        <Button type="submit" size="sm" loading={busy} leftSection={<IconPlus size={16} aria-hidden />}>
          Add medication
        </Button>
      </Group>
    </form>
  );
}

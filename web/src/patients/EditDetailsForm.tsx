// The chart's "Edit details" form: identity, contact, indication and the facts screening reads.
// PatientUpdate checks it before sending; the server's 400 issues land on the same fields.
import {
  Alert,
  Button,
  Chip,
  Grid,
  Group,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { PatientUpdate, sexes } from '@openkap/domain/patients/schema';
import { ApiError } from '../api/client.ts';
import { errorMessage, notifySaved } from '../api/notify.tsx';
import type { Patient } from '../api/types.ts';
import { check, type FieldErrors } from '../api/validate.ts';
import { fullName, patientsApi } from './api.ts';
import { ConditionsFields } from './ConditionsFields.tsx';
import { commonIndications } from './indications.ts';
import { changedDetails, detailsOf, nothingChanged, type DetailsForm } from './patientDetails.ts';

const sexLabels: Record<Patient['sex'], string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Not recorded',
};

const firstError = (errors: FieldErrors, prefix: string) =>
  Object.entries(errors).find(([key]) => key === prefix || key.startsWith(`${prefix}.`))?.[1];

export function EditDetailsForm({
  patient,
  onSaved,
  onCancel,
}: {
  patient: Patient;
  onSaved: (p: Patient) => void;
  onCancel: () => void;
}) {
  const [before] = useState(() => detailsOf(patient));
  const [form, setForm] = useState<DetailsForm>(before);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const failureRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The modal may be scrolled down to the Save button; bring the reason into view.
    if (failure) {
      failureRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    }
  }, [failure]);

  const set = <K extends keyof DetailsForm>(key: K, value: DetailsForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const text = (key: 'givenName' | 'familyName' | 'phone' | 'email' | 'address' | 'indicationText') => ({
    value: form[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => set(key, e.currentTarget.value),
    error: errors[key],
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    if (nothingChanged(before, form)) {
      onCancel();
      return;
    }
    const body = changedDetails(before, form);
    const parsed = check(PatientUpdate, body);
    if (!parsed.ok) {
      if (body.email === '' && parsed.errors.email) {
        parsed.errors.email = 'Enter a valid email address; a stored email cannot be removed here.';
      }
      setErrors(parsed.errors);
      setFailure('Some fields need attention: see the messages under each field.');
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const { patient: saved } = await patientsApi.update(patient.id, body);
      notifySaved(`${fullName(saved)}'s details were updated.`);
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.issues.length) {
        setErrors(error.fieldErrors());
      }
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  // Field-level condition errors show under their field; this catches a message about the whole object.
  const conditionError = errors.conditions;

  return (
    <form onSubmit={submit} noValidate aria-label="Edit patient details">
      <Stack gap="md">
        {failure ? (
          <Alert
            ref={failureRef}
            color="red"
            icon={<IconAlertTriangle aria-hidden />}
            title="Details not saved"
            role="alert"
          >
            {failure}
          </Alert>
        ) : null}

        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label="Given name" required data-autofocus {...text('givenName')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label="Family name" required {...text('familyName')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label="Date of birth"
              type="date"
              required
              value={form.birthDate}
              onChange={(e) => set('birthDate', e.currentTarget.value)}
              error={errors.birthDate}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label="Sex"
              data={sexes.map((value) => ({ value, label: sexLabels[value] }))}
              value={form.sex}
              onChange={(value) => set('sex', (value as Patient['sex'] | null) ?? 'unknown')}
              allowDeselect={false}
              error={errors.sex}
              comboboxProps={{ withinPortal: true }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label="Phone" type="tel" {...text('phone')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label="Email" type="email" {...text('email')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput label="Address" {...text('address')} />
          </Grid.Col>
        </Grid>

        <Stack gap="xs">
          <Title order={3} size="h5">
            Indication
          </Title>
          <Group gap={6} role="group" aria-label="Common indications">
            {commonIndications.map((item) => (
              <Chip
                key={item.code}
                size="xs"
                variant="outline"
                title={item.text}
                checked={form.indicationCode.trim().toUpperCase() === item.code}
                onChange={() =>
                  setForm((f) => ({ ...f, indicationCode: item.code, indicationText: item.text }))
                }
              >
                {item.code}
              </Chip>
            ))}
          </Group>
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                label="ICD-10-CM code"
                required
                value={form.indicationCode}
                onChange={(e) => set('indicationCode', e.currentTarget.value)}
                error={errors.indicationCode}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <TextInput label="Indication in words" {...text('indicationText')} />
            </Grid.Col>
          </Grid>
        </Stack>

        <Stack gap="sm">
          <Title order={3} size="h5">
            Screening facts
          </Title>
          <Text size="xs" c="dimmed">
            These drive the chart&apos;s screening flags; changing them re-screens the patient.
          </Text>
          <TagsInput
            label="Allergies"
            description="Type each allergy and press Enter. Empty means no known allergies."
            value={form.allergies}
            onChange={(value) => set('allergies', value)}
            error={firstError(errors, 'allergies')}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
          <ConditionsFields
            value={form.conditions}
            onChange={(conditions) => set('conditions', conditions)}
            errors={errors}
          />
          {conditionError ? (
            <Text c="red" size="sm" role="alert">
              {conditionError}
            </Text>
          ) : null}
        </Stack>

        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy} leftSection={<IconDeviceFloppy size={18} aria-hidden />}>
            Save details
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

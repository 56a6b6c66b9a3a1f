// "New patient": the shared PatientInput schema checks the form as it is sent; the server's issues
// land on the same fields.
import {
  Alert,
  Button,
  Card,
  Chip,
  Grid,
  Group,
  NumberInput,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconUserPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { noConditions, PatientInput, sexes, type PatientConditions } from '@openkap/domain/patients/schema';
import { ApiError } from '../api/client.ts';
import { errorMessage, notifySaved } from '../api/notify.tsx';
import { check, optionalNumber, optionalText, type FieldErrors } from '../api/validate.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { fullName, patientsApi } from './api.ts';
import { ConditionsFields } from './ConditionsFields.tsx';
import { commonIndications } from './indications.ts';

type Sex = (typeof sexes)[number];

const sexLabels: Record<Sex, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Not recorded',
};

export function NewPatientPage() {
  const navigate = useNavigate();
  const [givenName, setGivenName] = useState('');
  const [familyName, setFamilyName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [sex, setSex] = useState<Sex>('unknown');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [address, setAddress] = useState('');
  const [indicationCode, setIndicationCode] = useState('');
  const [indicationText, setIndicationText] = useState('');
  const [allergies, setAllergies] = useState<string[]>([]);
  const [weightKg, setWeightKg] = useState<number | string>('');
  const [conditions, setConditions] = useState<PatientConditions>(noConditions);

  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const allergyError = Object.entries(errors).find(
    ([key]) => key === 'allergies' || key.startsWith('allergies.'),
  )?.[1];
  // Field-level condition errors show under their field; this catches a message about the whole object.
  const conditionError = errors.conditions;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const body: PatientInput = {
      givenName,
      familyName,
      birthDate,
      sex,
      phone: optionalText(phone),
      email: optionalText(email),
      address: optionalText(address),
      indicationCode,
      indicationText: optionalText(indicationText),
      allergies,
      conditions,
      weightKg: optionalNumber(weightKg),
    };
    const parsed = check(PatientInput, body);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setFailure('Some fields need attention: see the messages under each field.');
      window.scrollTo({ top: 0, behavior: 'smooth' });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const { patient } = await patientsApi.create(body);
      notifySaved(`${fullName(patient)} was added (MRN ${patient.mrn}).`, 'Patient created');
      navigate(`/app/patients/${patient.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.issues.length) {
        setErrors(error.fieldErrors());
        setFailure(error.message);
        window.scrollTo({ top: 0, behavior: 'smooth' });
      } else {
        setFailure(errorMessage(error));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title="New patient" description="Identity, indication and the facts screening needs." />
      <form onSubmit={submit} noValidate aria-label="New patient">
        <Stack gap="md" maw={980}>
          {failure ? (
            <Alert
              color="red"
              icon={<IconAlertTriangle aria-hidden />}
              title="Patient not saved"
              role="alert"
            >
              {failure}
            </Alert>
          ) : null}

          <Card>
            <Title order={2} size="h4" mb="sm">
              Identity and contact
            </Title>
            <Grid gap="md">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput
                  label="Given name"
                  required
                  value={givenName}
                  onChange={(e) => setGivenName(e.currentTarget.value)}
                  error={errors.givenName}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput
                  label="Family name"
                  required
                  value={familyName}
                  onChange={(e) => setFamilyName(e.currentTarget.value)}
                  error={errors.familyName}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <TextInput
                  label="Date of birth"
                  type="date"
                  required
                  value={birthDate}
                  onChange={(e) => setBirthDate(e.currentTarget.value)}
                  error={errors.birthDate}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <Select
                  label="Sex"
                  data={sexes.map((value) => ({ value, label: sexLabels[value] }))}
                  value={sex}
                  onChange={(value) => setSex((value as Sex | null) ?? 'unknown')}
                  allowDeselect={false}
                  error={errors.sex}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <NumberInput
                  label="Weight"
                  suffix=" kg"
                  min={0}
                  max={400}
                  decimalScale={1}
                  value={weightKg}
                  onChange={setWeightKg}
                  error={errors.weightKg}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput
                  label="Phone"
                  type="tel"
                  value={phone}
                  onChange={(e) => setPhone(e.currentTarget.value)}
                  error={errors.phone}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput
                  label="Email"
                  type="email"
                  value={email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                  error={errors.email}
                />
              </Grid.Col>
              <Grid.Col span={12}>
                <TextInput
                  label="Address"
                  value={address}
                  onChange={(e) => setAddress(e.currentTarget.value)}
                  error={errors.address}
                />
              </Grid.Col>
            </Grid>
          </Card>

          <Card>
            <Title order={2} size="h4" mb="sm">
              Indication
            </Title>
            <Stack gap="sm">
              <Group gap="xs" role="group" aria-label="Common indications">
                {commonIndications.map((item) => (
                  <Chip
                    key={item.code}
                    checked={indicationCode === item.code}
                    onChange={() => {
                      setIndicationCode(item.code);
                      setIndicationText(item.text);
                    }}
                    variant="outline"
                    title={item.text}
                  >
                    {item.code}
                  </Chip>
                ))}
              </Group>
              <Grid gap="md">
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <TextInput
                    label="ICD-10-CM code"
                    description="e.g. F33.2"
                    required
                    value={indicationCode}
                    onChange={(e) => setIndicationCode(e.currentTarget.value)}
                    error={errors.indicationCode}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 8 }}>
                  <TextInput
                    label="Indication in words"
                    description="Optional"
                    value={indicationText}
                    onChange={(e) => setIndicationText(e.currentTarget.value)}
                    error={errors.indicationText}
                  />
                </Grid.Col>
              </Grid>
            </Stack>
          </Card>

          <Card>
            <Title order={2} size="h4" mb="sm">
              Screening facts
            </Title>
            <Stack gap="md">
              <TagsInput
                label="Allergies"
                description="Type each allergy and press Enter. Leave empty for no known allergies."
                value={allergies}
                onChange={setAllergies}
                error={allergyError}
                clearable
              />
              <ConditionsFields
                value={conditions}
                onChange={setConditions}
                errors={errors}
                headingOrder={2}
              />
              {conditionError ? (
                <Text c="red" size="sm" role="alert">
                  {conditionError}
                </Text>
              ) : null}
            </Stack>
          </Card>

          <Group>
            <Button
              type="submit"
              size="md"
              loading={busy}
              leftSection={<IconUserPlus size={18} aria-hidden />}
            >
              Create patient
            </Button>
            <Button component={Link} to="/app/patients" variant="default" size="md">
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

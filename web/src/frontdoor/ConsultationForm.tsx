// "Request a consultation": asks only how to reach the person (no medical details), checks the form
// with the same schema as the server, and says clearly when the request has arrived.
import {
  Alert,
  Button,
  Grid,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconSend } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { interests, LeadInput } from '@openkap/domain/leads/schema';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/notify.tsx';
import { check, optionalText, type FieldErrors } from '../api/validate.ts';
import { interestLabels, leadsApi } from '../leads/api.ts';

type Interest = (typeof interests)[number];

const interestOptions = interests.map((value) => ({ value, label: interestLabels[value] ?? value }));

export function ConsultationForm() {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [interest, setInterest] = useState<Interest>('depression');
  const [preferredContact, setPreferredContact] = useState<'email' | 'phone'>('email');
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const body: LeadInput = {
      name: name.trim(),
      email: optionalText(email),
      phone: optionalText(phone),
      interest,
      preferredContact,
      message: optionalText(message),
    };
    const parsed = check(LeadInput, body);
    const nextErrors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
    if (preferredContact === 'phone' && !body.phone) {
      nextErrors.phone = 'Give a phone number so we can call you back.';
    }
    if (preferredContact === 'email' && !body.email && !nextErrors.email) {
      nextErrors.email = 'Give an email address, or choose phone.';
    }
    if (Object.keys(nextErrors).length) {
      setErrors(nextErrors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await leadsApi.create(body);
      setSent(true);
    } catch (error) {
      if (error instanceof ApiError && error.issues.length) {
        setErrors(error.fieldErrors());
      } else {
        setFailure(errorMessage(error));
      }
    } finally {
      setBusy(false);
    }
  }

  if (sent) {
    return (
      <Paper withBorder p="xl" shadow="sm" role="status" aria-live="polite">
        <Stack align="flex-start" gap="sm">
          <IconCircleCheck size={40} color="var(--mantine-color-teal-7)" aria-hidden />
          <Title order={3}>Thank you — your request has arrived</Title>
          <Text>
            Someone from the clinic will contact you by {preferredContact === 'phone' ? 'phone' : 'email'} to
            arrange a consultation. There is nothing more you need to do for now.
          </Text>
        </Stack>
      </Paper>
    );
  }

  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} shadow="sm">
      <form onSubmit={submit} noValidate aria-labelledby="consultation-form-title">
        <Stack gap="md">
          <Title order={3} id="consultation-form-title" size="h4">
            Your details
          </Title>
          {failure ? (
            <Alert
              color="red"
              icon={<IconAlertTriangle aria-hidden />}
              title="Your request was not sent"
              role="alert"
            >
              {failure}
            </Alert>
          ) : null}
          <TextInput
            label="Your name"
            required
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <Grid gap="md">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label="Email"
                type="email"
                autoComplete="email"
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={errors.email}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label="Phone"
                type="tel"
                autoComplete="tel"
                value={phone}
                onChange={(e) => setPhone(e.currentTarget.value)}
                error={errors.phone}
              />
            </Grid.Col>
          </Grid>
          <Stack gap={4}>
            <Text component="label" id="preferred-contact-label" size="md" fw={500}>
              How should we contact you?
            </Text>
            <SegmentedControl
              aria-labelledby="preferred-contact-label"
              value={preferredContact}
              onChange={(value) => setPreferredContact(value === 'phone' ? 'phone' : 'email')}
              data={[
                { value: 'email', label: 'Write to me' },
                { value: 'phone', label: 'Call me' },
              ]}
              size="md"
            />
          </Stack>
          <Select
            label="What would you like help with?"
            data={interestOptions}
            value={interest}
            onChange={(value) => setInterest((value as Interest | null) ?? 'depression')}
            allowDeselect={false}
            error={errors.interest}
          />
          <Textarea
            label="Anything you would like us to know"
            description="Optional. Please leave out medical details; we will ask about those privately."
            autosize
            minRows={3}
            maxRows={8}
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
            error={errors.message}
          />
          <Button type="submit" size="lg" loading={busy} leftSection={<IconSend size={18} aria-hidden />}>
            Request a consultation
          </Button>
          <Text size="xs" c="dimmed">
            We use these details only to contact you about a consultation.
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}

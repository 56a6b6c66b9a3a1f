// Staff entry of a questionnaire (read out or from paper): every item on one screen, the total and
// band live, the safety item called out, then back to the chart.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconDeviceFloppy } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { QuestionnaireInput } from '@openkap/domain/instruments/schema';
import { ApiError } from '../api/client.ts';
import { errorMessage, notifySaved } from '../api/notify.tsx';
import type { Instrument } from '../api/types.ts';
import { useResource } from '../api/useResource.ts';
import { check } from '../api/validate.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { ErrorState, LoadingState } from '../app/States.tsx';
import { fullName, patientsApi } from '../patients/api.ts';
import { questionnairesApi } from './api.ts';
import { bandFor, shortName } from './bands.ts';
import { itemOptions, optionLabel } from './options.ts';
import { item9LinkId, item9Positive } from './safety.ts';

function EntryForm({ patientId, instrument }: { patientId: string; instrument: Instrument }) {
  const navigate = useNavigate();
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [authoredAt, setAuthoredAt] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const answered = instrument.items.filter((i) => answers[i.linkId] != null).length;
  const total = instrument.items.reduce((sum, i) => sum + (answers[i.linkId] ?? 0), 0);
  const band = answered === instrument.items.length ? bandFor(instrument.bands, total) : undefined;
  const safetyLinkId = item9LinkId(instrument);
  const safety = item9Positive(instrument, answers);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    if (answered === 0) {
      setFailure('No answers entered yet.');
      return;
    }
    const body = {
      instrument: instrument.id,
      answers: Object.fromEntries(instrument.items.map((i) => [i.linkId, answers[i.linkId] ?? null])),
      ...(authoredAt ? { authoredAt: new Date(authoredAt).toISOString() } : {}),
    };
    const parsed = check(QuestionnaireInput, body);
    if (!parsed.ok) {
      setFailure(Object.values(parsed.errors)[0] ?? 'Check the answers.');
      return;
    }
    setBusy(true);
    try {
      const { response } = await questionnairesApi.enter(patientId, parsed.value);
      notifySaved(
        `${shortName(instrument)}: total ${response.total ?? '—'}${response.bandLabel ? ` (${response.bandLabel})` : ''}.`,
        'Questionnaire saved',
      );
      navigate(`/app/patients/${patientId}`);
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`${instrument.title} entry`}>
      <Stack gap="md" maw={900}>
        <Text c="dimmed">{instrument.prompt}</Text>
        {instrument.items.map((item, index) => (
          <Card
            key={item.linkId}
            padding="md"
            style={item.linkId === safetyLinkId ? { borderColor: 'var(--mantine-color-red-5)' } : undefined}
          >
            <Radio.Group
              label={
                <Text fw={600} span>
                  {index + 1}. {item.text}
                </Text>
              }
              value={answers[item.linkId] != null ? String(answers[item.linkId]) : null}
              onChange={(v) => setAnswers((prev) => ({ ...prev, [item.linkId]: Number(v) }))}
            >
              <Group gap="lg" mt="xs" wrap="wrap">
                {itemOptions(instrument, item).map((o) => (
                  <Radio key={o.value} value={String(o.value)} label={optionLabel(o)} size="md" />
                ))}
              </Group>
            </Radio.Group>
            {item.linkId === safetyLinkId ? (
              <Text size="xs" c="red" mt={6}>
                Safety item: any answer above 0 opens a safety alert for same-day review.
              </Text>
            ) : null}
          </Card>
        ))}
        {safety ? (
          <Alert
            color="red"
            variant="filled"
            icon={<IconAlertTriangle aria-hidden />}
            title="Item 9 is positive"
            role="alert"
          >
            Saving opens a safety alert. Follow the clinic&rsquo;s safety protocol today; if the patient is in
            crisis, the 988 Suicide &amp; Crisis Lifeline (US) is available by call or text.
          </Alert>
        ) : null}
        <Card padding="md" style={{ position: 'sticky', bottom: 8, zIndex: 5 }} shadow="md">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Group gap="sm" aria-live="polite">
              <Text fw={700}>
                Total{' '}
                <Text span fz={26} fw={800} className="ok-figure">
                  {total}
                </Text>
              </Text>
              {band ? <Badge size="lg">{band.label}</Badge> : null}
              <Text size="sm" c="dimmed">
                {answered} of {instrument.items.length} answered
              </Text>
            </Group>
            <Group gap="sm" align="flex-end">
              <TextInput
                size="sm"
                type="datetime-local"
                label="Answered at"
                description="Leave empty for now"
                value={authoredAt}
                onChange={(e) => setAuthoredAt(e.currentTarget.value)}
              />
              <Button type="submit" loading={busy} leftSection={<IconDeviceFloppy size={18} aria-hidden />}>
                Save questionnaire
              </Button>
            </Group>
          </Group>
          {answered < instrument.items.length ? (
            <Text size="xs" c="dimmed" mt={4}>
              Unanswered items are saved as skipped; too many skipped makes the total incomplete.
            </Text>
          ) : null}
          {failure ? (
            <Alert color="red" mt="sm" icon={<IconAlertTriangle aria-hidden />} role="alert">
              {failure}
            </Alert>
          ) : null}
        </Card>
      </Stack>
    </form>
  );
}

export function StaffQuestionnairePage() {
  const { id = '', instrument: instrumentId = '' } = useParams();
  const patient = useResource(`patient:${id}`, (signal) => patientsApi.get(id, signal));
  const instruments = useResource('instruments', (signal) => questionnairesApi.instruments(signal));

  const error = patient.error ?? instruments.error;
  if (error) {
    return <ErrorState error={error} />;
  }
  if (!patient.data || !instruments.data) {
    return <LoadingState />;
  }
  const instrument = instruments.data.instruments.find((i) => i.id === instrumentId);
  const name = fullName(patient.data.patient);

  return (
    <>
      <Anchor component={Link} to={`/app/patients/${id}`} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden /> Back to {name}
        </Group>
      </Anchor>
      <PageHeader
        title={instrument ? `${shortName(instrument)} — ${name}` : 'Questionnaire'}
        description="Staff entry: record the patient's own answers."
      />
      {instrument ? (
        <EntryForm patientId={id} instrument={instrument} />
      ) : (
        <Title order={2} size="h4">
          Unknown questionnaire “{instrumentId}”.
        </Title>
      )}
    </>
  );
}

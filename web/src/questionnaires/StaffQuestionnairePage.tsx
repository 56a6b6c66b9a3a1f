// Staff entry of a questionnaire (read out, from paper, or a clinician's rating such as the MADRS):
// every item on one screen with its own answers, the total and band live, the safety item called
// out, then back to the chart.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
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
import type { Instrument, InstrumentItem } from '../api/types.ts';
import { useResource } from '../api/useResource.ts';
import { check } from '../api/validate.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { usePermissions } from '../app/permissions.ts';
import { ErrorState, LoadingState } from '../app/States.tsx';
import { fullName, patientsApi } from '../patients/api.ts';
import { questionnairesApi } from './api.ts';
import { bandFor, shortName } from './bands.ts';
import { answerLayout, itemOptions, optionLabel, scaleAnchors } from './options.ts';
import { safetyItemOf, safetyItemPositive } from './safety.ts';

/** One item's answers, laid out for what they are: a numbered scale, anchored steps, or a few words. */
function ItemAnswers({ instrument, item }: { instrument: Instrument; item: InstrumentItem }) {
  const options = itemOptions(instrument, item);
  const layout = answerLayout(options);
  if (layout === 'scale') {
    const anchors = scaleAnchors(options);
    return (
      <Stack gap={4} mt="xs">
        <Group gap="md" wrap="wrap">
          {options.map((o) => (
            <Radio
              key={o.value}
              value={String(o.value)}
              label={String(o.value)}
              aria-label={optionLabel(o)}
              size="md"
            />
          ))}
        </Group>
        {anchors.length ? (
          <Text size="xs" c="dimmed">
            {anchors.map((o) => `${o.value} = ${o.label}`).join(' · ')}
          </Text>
        ) : null}
      </Stack>
    );
  }
  if (layout === 'list') {
    return (
      <Stack gap={8} mt="xs">
        {options.map((o) => (
          <Radio
            key={o.value}
            value={String(o.value)}
            size="md"
            label={
              <Group gap={8} wrap="nowrap" align="baseline" component="span">
                <Text span fw={700} w={14} ta="right" className="ok-figure">
                  {o.value}
                </Text>
                <Text span size="sm" c={/^Between \d/.test(o.label) ? 'dimmed' : undefined}>
                  {o.label}
                </Text>
              </Group>
            }
          />
        ))}
      </Stack>
    );
  }
  return (
    <Group gap="lg" mt="xs" wrap="wrap">
      {options.map((o) => (
        <Radio key={o.value} value={String(o.value)} label={optionLabel(o)} size="md" />
      ))}
    </Group>
  );
}

function EntryForm({ patientId, instrument }: { patientId: string; instrument: Instrument }) {
  const navigate = useNavigate();
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [authoredAt, setAuthoredAt] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const answered = instrument.items.filter((i) => answers[i.linkId] != null).length;
  const total = instrument.items.reduce((sum, i) => sum + (answers[i.linkId] ?? 0), 0);
  const band = answered === instrument.items.length ? bandFor(instrument.bands, total) : undefined;
  const missing = instrument.items.length - answered;
  // Beyond what the instrument may prorate, the form is kept as in progress, with no score.
  const unscorable =
    answered > 0 && instrument.maxMissingItems !== undefined && missing > instrument.maxMissingItems;
  const [declined, setDeclined] = useState(false);
  const safetyRule = safetyItemOf(instrument);
  const safetyLinkId = safetyRule?.linkId;
  const safetyItem = instrument.items.find((i) => i.linkId === safetyLinkId);
  const safetyName = safetyItem ? `Item ${safetyItem.position}` : 'The safety item';
  const safety = safetyItemPositive(instrument, answers);
  // Left blank, the safety item opens an urgent task on saving: it is asked in person, never taken as 0.
  const safetyUnanswered = safetyLinkId !== undefined && answers[safetyLinkId] == null && answered > 0;
  const clinicianRated = instrument.rater === 'clinician';

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
      ...(safetyUnanswered && declined && safetyLinkId ? { declined: [safetyLinkId] } : {}),
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
        response.total == null
          ? `${shortName(instrument)} saved as in progress: too many items unanswered to score it.`
          : `${shortName(instrument)}: total ${response.total}${response.bandLabel ? ` (${response.bandLabel})` : ''}.`,
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
              <ItemAnswers instrument={instrument} item={item} />
            </Radio.Group>
            {item.linkId === safetyLinkId && safetyRule ? (
              <Stack gap={6} mt={6}>
                <Text size="xs" c="red">
                  Safety item:{' '}
                  {safetyRule.alertAtOrAbove <= 1
                    ? 'any answer above 0'
                    : `an answer of ${safetyRule.alertAtOrAbove} or more`}
                  {instrument.safetyItem?.clinicSetting ? ' (the clinic’s setting)' : ''} opens a safety alert
                  for same-day review. Left unanswered, saving opens an urgent task to ask it.
                </Text>
                {!clinicianRated ? (
                  <Checkbox
                    size="sm"
                    label="The patient preferred not to answer"
                    checked={declined && answers[item.linkId] == null}
                    disabled={answers[item.linkId] != null}
                    onChange={(e) => setDeclined(e.currentTarget.checked)}
                  />
                ) : null}
              </Stack>
            ) : null}
          </Card>
        ))}
        {safety ? (
          <Alert
            color="red"
            variant="filled"
            icon={<IconAlertTriangle aria-hidden />}
            title={`${safetyName} is at the alert level`}
            role="alert"
          >
            Saving opens a safety alert. Follow the clinic&rsquo;s safety protocol today; if the patient is in
            crisis, the 988 Suicide &amp; Crisis Lifeline (US) is available by call or text.
          </Alert>
        ) : null}
        {safetyUnanswered ? (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title={`${safetyName} is not answered`}
            role="status"
          >
            Saving opens an urgent safety task to{' '}
            {clinicianRated ? 'rate it from the interview' : 'ask the patient about it'} today; it is never
            scored as 0.
            {declined && !clinicianRated ? ' The task will say the patient preferred not to answer.' : ''}
          </Alert>
        ) : null}
        <TextInput
          size="sm"
          type="datetime-local"
          label="Answered at"
          description="Leave empty for now"
          value={authoredAt}
          onChange={(e) => setAuthoredAt(e.currentTarget.value)}
          maw={260}
        />
        {/* Kept small: on a phone it must not cover the questions it sums. */}
        <Card padding="sm" style={{ position: 'sticky', bottom: 8, zIndex: 5 }} shadow="md">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Stack gap={2} aria-live="polite" style={{ minWidth: 0 }}>
              <Group gap={8} wrap="nowrap" align="baseline">
                <Text fw={700}>{answered === instrument.items.length ? 'Total' : 'Sum so far'}</Text>
                <Text span fz={26} fw={800} lh={1} className="ok-figure">
                  {total}
                </Text>
              </Group>
              <Group gap={6}>
                <Text size="sm" c="dimmed">
                  {answered} of {instrument.items.length} answered
                </Text>
                {band ? (
                  <Badge tt="none" style={{ maxWidth: '100%' }}>
                    {band.label}
                  </Badge>
                ) : null}
              </Group>
            </Stack>
            <Button type="submit" loading={busy} leftSection={<IconDeviceFloppy size={18} aria-hidden />}>
              Save
            </Button>
          </Group>
          {unscorable ? (
            <Text size="xs" c="orange.8" mt={4} fw={600}>
              {missing} unanswered: {shortName(instrument)} allows{' '}
              {instrument.maxMissingItems === 0 ? 'none' : `at most ${instrument.maxMissingItems}`}, so it
              will be saved as in progress, without a score.
            </Text>
          ) : answered < instrument.items.length ? (
            <Text size="xs" c="dimmed" mt={4}>
              Unanswered items are saved as skipped; too many skipped leaves the form in progress, without a
              score.
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
  const { can, cannot } = usePermissions();
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
  const clinicianRated = instrument?.rater === 'clinician';
  const given = instrument?.administeredAs;
  // The server checks the same two permissions; this only spares a form that could not be saved.
  const refusal = !can('questionnaires.enter')
    ? cannot('questionnaires.enter', 'enter questionnaires')
    : clinicianRated && !can('questionnaires.rate')
      ? cannot('questionnaires.rate', `rate the ${instrument.shortTitle ?? instrument.title}`)
      : null;

  return (
    <>
      <Anchor component={Link} to={`/app/patients/${id}`} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden /> Back to {name}
        </Group>
      </Anchor>
      <PageHeader
        title={instrument ? `${shortName(instrument)} — ${name}` : 'Questionnaire'}
        description={
          clinicianRated
            ? `${given ? `${given.charAt(0).toUpperCase()}${given.slice(1)}` : 'Clinician rating'}: record each item as you give it.`
            : "Staff entry: record the patient's own answers."
        }
      />
      {instrument && refusal ? (
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} maw={900}>
          {refusal}
        </Alert>
      ) : instrument ? (
        <EntryForm patientId={id} instrument={instrument} />
      ) : (
        <Title order={2} size="h4">
          Unknown questionnaire “{instrumentId}”.
        </Title>
      )}
    </>
  );
}

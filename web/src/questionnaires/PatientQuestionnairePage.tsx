// The patient's phone flow at /q/:token, no sign-in: a welcome, one question per screen, a last check,
// then thanks (with crisis support when PHQ-9 item 9 is above 0 or the patient preferred not to answer
// it). Answers are kept on the phone as they are given and sent together at the end. Item 9 cannot be
// skipped: it takes an answer or an explicit "prefer not to answer", which the clinic sees as a task.
import {
  Alert,
  Box,
  Button,
  Container,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconCircleCheck,
  IconClockX,
  IconDeviceMobile,
  IconSend,
} from '@tabler/icons-react';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/notify.tsx';
import type { Instrument, InstrumentItem } from '../api/types.ts';
import { useResource } from '../api/useResource.ts';
import { Brand } from '../app/Brand.tsx';
import { questionnairesApi } from './api.ts';
import { CrisisResources } from './CrisisResources.tsx';
import { QuestionStep } from './QuestionStep.tsx';
import { safetyItemOf, safetyItemPositive } from './safety.ts';
import { loadProgress, saveProgress, type Answers, type Declined, type Progress } from './storage.ts';

interface Step {
  instrument: Instrument;
  item: InstrumentItem;
  position: number;
  count: number;
  /** The suicide-risk item: answered, or explicitly declined; never skipped. */
  safety: boolean;
}

function Frame({ children }: { children: ReactNode }) {
  return (
    <Box mih="100dvh" bg="var(--mantine-color-gray-0)">
      <Container size={560} px="md" py="lg">
        <Stack gap="lg">
          <Brand name="Your questionnaire" subtitle="Sent by your clinic" />
          <Box component="main">{children}</Box>
        </Stack>
      </Container>
    </Box>
  );
}

function Message({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="xl" radius="lg">
      <Stack gap="sm" align="flex-start">
        {icon}
        <Title order={1} size="h3">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

export function PatientQuestionnairePage() {
  const { token = '' } = useParams();
  const link = useResource(`q:${token}`, (signal) => questionnairesApi.open(token, signal));
  const [progress, setProgress] = useState<Progress>(() => loadProgress(token));
  const [started, setStarted] = useState(() => progress.step > 0 || Object.keys(progress.answers).length > 0);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<unknown>(null);

  useEffect(() => {
    document.title = 'Your questionnaire';
  }, []);

  const instruments = link.data?.instruments;
  const steps = useMemo<Step[]>(
    () =>
      (instruments ?? []).flatMap((instrument) =>
        instrument.items.map((item, i) => ({
          instrument,
          item,
          position: i + 1,
          count: instrument.items.length,
          safety: safetyItemOf(instrument)?.linkId === item.linkId,
        })),
      ),
    [instruments],
  );

  function update(next: Progress) {
    setProgress(next);
    saveProgress(token, next);
  }

  const declinedOf = (id: string): string[] => progress.declined?.[id] ?? [];
  const isDeclined = (step: Step) => declinedOf(step.instrument.id).includes(step.item.linkId);

  function answer(step: Step, value: number) {
    const id = step.instrument.id;
    const answers: Answers = {
      ...progress.answers,
      [id]: { ...(progress.answers[id] ?? {}), [step.item.linkId]: value },
    };
    const declined: Declined = {
      ...progress.declined,
      [id]: declinedOf(id).filter((linkId) => linkId !== step.item.linkId),
    };
    update({ answers, declined, step: Math.min(progress.step + 1, steps.length) });
  }

  // "Prefer not to answer": kept as such (not as a skip), so the clinic's task says the patient declined.
  function declineStep(step: Step) {
    const id = step.instrument.id;
    const own = Object.fromEntries(
      Object.entries(progress.answers[id] ?? {}).filter(([linkId]) => linkId !== step.item.linkId),
    );
    const declined: Declined = {
      ...progress.declined,
      [id]: [...declinedOf(id).filter((linkId) => linkId !== step.item.linkId), step.item.linkId],
    };
    update({
      answers: { ...progress.answers, [id]: own },
      declined,
      step: Math.min(progress.step + 1, steps.length),
    });
  }

  async function submit() {
    if (!instruments) {
      return;
    }
    setSending(true);
    setSendError(null);
    try {
      await questionnairesApi.submit(token, {
        responses: instruments.map((instrument) => ({
          instrument: instrument.id,
          answers: Object.fromEntries(
            instrument.items.map((item) => [
              item.linkId,
              progress.answers[instrument.id]?.[item.linkId] ?? null,
            ]),
          ),
          declined: declinedOf(instrument.id),
        })),
      });
      const crisis = instruments.some((instrument) =>
        safetyItemPositive(instrument, progress.answers[instrument.id] ?? {}),
      );
      const declined = steps.some((st) => st.safety && isDeclined(st));
      update({ answers: {}, declined: {}, step: 0, submitted: { crisis, declined } });
    } catch (error) {
      setSendError(error);
    } finally {
      setSending(false);
    }
  }

  // Finished (possibly on an earlier visit): the server now refuses the link, the phone remembers.
  if (progress.submitted) {
    return (
      <Frame>
        <Stack gap="lg">
          <Message
            icon={<IconCircleCheck size={44} color="var(--mantine-color-teal-7)" aria-hidden />}
            title="Thank you — your answers were sent"
          >
            <Text>Your care team will look at them before your next visit. You can close this page.</Text>
          </Message>
          {progress.submitted.crisis ? (
            <CrisisResources />
          ) : progress.submitted.declined ? (
            <CrisisResources reason="declined" />
          ) : null}
        </Stack>
      </Frame>
    );
  }

  if (link.error) {
    const status = link.error instanceof ApiError ? link.error.status : 0;
    const gone = status === 400 || status === 404 || status === 410;
    return (
      <Frame>
        {gone ? (
          <Message
            icon={<IconClockX size={44} color="var(--mantine-color-gray-6)" aria-hidden />}
            title={status === 410 ? 'This link can no longer be used' : 'This link is not recognised'}
          >
            <Text>
              Questionnaire links work once and expire after a few days. If you still need to answer, please
              ask the clinic to send you a new link.
            </Text>
          </Message>
        ) : (
          <Message
            icon={<IconAlertTriangle size={44} color="var(--mantine-color-orange-7)" aria-hidden />}
            title="We could not load your questionnaire"
          >
            <Text>{errorMessage(link.error)}</Text>
            <Button onClick={link.reload}>Try again</Button>
          </Message>
        )}
      </Frame>
    );
  }

  if (!link.data) {
    return (
      <Frame>
        <Group justify="center" py="xl" role="status">
          <Loader aria-hidden />
          <Text>Loading your questionnaire…</Text>
        </Group>
      </Frame>
    );
  }

  if (!started) {
    return (
      <Frame>
        <Message
          icon={
            <ThemeIcon size={48} radius="xl" variant="light" aria-hidden>
              <IconDeviceMobile size={28} />
            </ThemeIcon>
          }
          title={`Hello ${link.data.patientFirstName}`}
        >
          <Text>
            Your clinic has asked you to answer {steps.length} short question{steps.length === 1 ? '' : 's'}
            {instruments && instruments.length > 1 ? ` from ${instruments.length} questionnaires` : ''}. It
            takes about {Math.max(2, Math.round(steps.length / 4))} minutes.
          </Text>
          <Text c="dimmed" size="sm">
            There are no right or wrong answers. Your answers are kept on this phone as you go and sent to the
            clinic only when you finish.
          </Text>
          <Button size="xl" radius="lg" fullWidth onClick={() => setStarted(true)}>
            Start
          </Button>
        </Message>
      </Frame>
    );
  }

  // Never "all done" with the safety item neither answered nor declined (a phone that kept an older
  // step count, say): that step is shown again instead.
  const unsettled = steps.findIndex(
    (st) => st.safety && progress.answers[st.instrument.id]?.[st.item.linkId] == null && !isDeclined(st),
  );
  const at = progress.step >= steps.length && unsettled >= 0 ? unsettled : progress.step;
  const step = steps[at];
  const back = at > 0 ? () => update({ ...progress, step: at - 1 }) : () => setStarted(false);

  if (step) {
    return (
      <Frame>
        <Paper withBorder p={{ base: 'md', xs: 'xl' }} radius="lg">
          <QuestionStep
            instrument={step.instrument}
            item={step.item}
            position={step.position}
            count={step.count}
            overall={at / steps.length}
            value={progress.answers[step.instrument.id]?.[step.item.linkId]}
            onAnswer={(value) => answer(step, value)}
            onBack={back}
            decline={
              step.safety ? { declined: isDeclined(step), onDecline: () => declineStep(step) } : undefined
            }
          />
        </Paper>
      </Frame>
    );
  }

  const declinedCount = steps.filter(isDeclined).length;

  return (
    <Frame>
      <Message
        icon={<IconSend size={40} color="var(--mantine-color-clinic-7)" aria-hidden />}
        title="All done — ready to send"
      >
        <Text>
          {declinedCount > 0
            ? `You have answered ${steps.length - declinedCount} of ${steps.length} questions and preferred not to answer ${declinedCount === 1 ? 'one' : declinedCount}.`
            : `You have answered all ${steps.length} questions.`}{' '}
          Send your answers to the clinic now.
        </Text>
        {sendError ? (
          <Alert
            color="red"
            icon={<IconAlertTriangle aria-hidden />}
            title="Not sent yet"
            role="alert"
            w="100%"
          >
            {errorMessage(sendError)} Your answers are still saved on this phone; try again when you have a
            connection.
          </Alert>
        ) : null}
        <Button
          size="xl"
          radius="lg"
          fullWidth
          onClick={submit}
          loading={sending}
          leftSection={<IconSend size={22} aria-hidden />}
        >
          Send my answers
        </Button>
        <Button
          variant="subtle"
          leftSection={<IconArrowLeft size={18} aria-hidden />}
          onClick={() => update({ ...progress, step: steps.length - 1 })}
        >
          Back
        </Button>
      </Message>
    </Frame>
  );
}

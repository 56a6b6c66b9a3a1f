// Psychotherapy sessions around dosing (preparation, during dosing, integration, MET, relapse
// prevention), newest first, each placed beside the infusion series; therapists and physicians record
// them here. The chart only sends them to roles that may read therapy summaries.
import {
  Badge,
  Button,
  Card,
  Collapse,
  Divider,
  Grid,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCalendarX, IconPlus, IconUserX } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent } from 'react';
import {
  THERAPY_MINUTES,
  THERAPY_SUMMARY_MAX,
  TherapySessionInput,
  therapyAttendance,
  therapyAttendanceLabels,
  therapySessionKindCatalog,
  type TherapyAttendance,
  type TherapySessionKind,
} from '@openkap/domain/therapy/schema';
import { timingBesideDosing } from '@openkap/domain/therapy/sessions';
import { notifySaved, showSubmitFailure } from '../api/notify.tsx';
import type { PatientInfusion } from '../api/types.ts';
import { check, optionalNumber, optionalText, type FieldErrors } from '../api/validate.ts';
import { formatDateTime } from '../app/format.ts';
import { usePermissions } from '../app/permissions.ts';
import { EmptyNote } from '../app/States.tsx';
import { patientsApi, type TherapySession } from './api.ts';

const kindInfo = (id: TherapySessionKind) => therapySessionKindCatalog.find((k) => k.id === id);
export const kindLabel = (id: TherapySessionKind): string => kindInfo(id)?.label ?? id;

/** Dosing sessions that took place or are booked, with the number the chart gives them, oldest first. */
export function dosingTimes(
  infusions: readonly PatientInfusion[],
): { id: string; number: number; at: number }[] {
  return infusions
    .filter((i) => i.stage !== 'cancelled' && (i.startedAt ?? i.scheduledAt) && i.number)
    .map((i) => ({
      id: i.id,
      number: i.number as number,
      at: Date.parse((i.startedAt ?? i.scheduledAt) as string),
    }))
    .sort((a, b) => a.at - b.at);
}

// The form's time is the clinic's wall-clock time, as every staff screen shows it, whatever zone the
// browser's own clock is set to.
function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return asUtc - Math.floor(utcMs / 60_000) * 60_000;
}

/** "YYYY-MM-DDTHH:mm" in `timeZone`, for a datetime-local input. */
export function wallClock(utcMs: number, timeZone: string): string {
  return new Date(utcMs + zoneOffsetMs(utcMs, timeZone)).toISOString().slice(0, 16);
}

/** The instant a "YYYY-MM-DDTHH:mm" wall-clock time in `timeZone` names; undefined if unreadable. */
export function wallClockToIso(local: string, timeZone: string): string | undefined {
  const wall = Date.parse(`${local}:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) || Number.isNaN(wall)) {
    return undefined;
  }
  // Two passes settle the zone's offset around daylight-saving changes.
  const first = wall - zoneOffsetMs(wall, timeZone);
  return new Date(wall - zoneOffsetMs(first, timeZone)).toISOString();
}

/** The dosing session a new record most likely belongs to, so the common case needs no choosing. */
function suggestedInfusion(
  kind: TherapySessionKind,
  heldAt: number,
  dosing: readonly { id: string; at: number }[],
): string | null {
  if (kind === 'during_dosing') {
    const closest = [...dosing].sort((a, b) => Math.abs(a.at - heldAt) - Math.abs(b.at - heldAt))[0];
    return closest?.id ?? null;
  }
  if (kind === 'integration') {
    return dosing.filter((d) => d.at <= heldAt).at(-1)?.id ?? null;
  }
  if (kind === 'preparation') {
    return dosing.find((d) => d.at >= heldAt)?.id ?? null;
  }
  return null;
}

function RecordSessionForm({
  patientId,
  infusions,
  timeZone,
  now,
  onSaved,
}: {
  patientId: string;
  infusions: readonly PatientInfusion[];
  timeZone: string;
  now: number;
  onSaved: (s: TherapySession) => void;
}) {
  const dosing = useMemo(() => dosingTimes(infusions), [infusions]);
  const [kind, setKind] = useState<TherapySessionKind | null>(null);
  const [heldAt, setHeldAt] = useState(() => wallClock(now, timeZone));
  const [attendance, setAttendance] = useState<TherapyAttendance>('attended');
  const [minutes, setMinutes] = useState<number | string>(50);
  const [infusionId, setInfusionId] = useState<string | null>(null);
  const [summary, setSummary] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  function chooseKind(next: TherapySessionKind | null) {
    setKind(next);
    const at = Date.parse(wallClockToIso(heldAt, timeZone) ?? '');
    if (next && !Number.isNaN(at)) {
      setInfusionId(suggestedInfusion(next, at, dosing));
    }
    if (next === 'during_dosing' && minutes === 50) {
      setMinutes(120);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const attended = attendance === 'attended';
    const parsed = check(TherapySessionInput, {
      kind: kind ?? undefined,
      heldAt: wallClockToIso(heldAt, timeZone) ?? heldAt,
      attendance,
      minutes: attended ? optionalNumber(minutes) : undefined,
      infusionId: infusionId ?? undefined,
      summary: optionalText(summary),
    });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const { session } = await patientsApi.recordTherapySession(patientId, parsed.value);
      onSaved(session);
      notifySaved(`${kindLabel(session.kind)} session recorded.`);
      setKind(null);
      setSummary('');
      setInfusionId(null);
      setAttendance('attended');
      setMinutes(50);
    } catch (error) {
      showSubmitFailure(error, setErrors);
    } finally {
      setBusy(false);
    }
  }

  const meaning = kind ? kindInfo(kind)?.meaning : undefined;
  return (
    <form onSubmit={submit} noValidate aria-label="Record psychotherapy session">
      <Grid gap="xs">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            size="sm"
            label="Kind of session"
            required
            placeholder="Choose"
            data={therapySessionKindCatalog.map((k) => ({ value: k.id, label: k.label }))}
            value={kind}
            onChange={(v) => chooseKind(v as TherapySessionKind | null)}
            description={meaning}
            error={errors.kind}
            comboboxProps={{ withinPortal: true }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            size="sm"
            type="datetime-local"
            label="Held at"
            required
            description={`Clinic time (${timeZone})`}
            value={heldAt}
            onChange={(e) => setHeldAt(e.currentTarget.value)}
            error={errors.heldAt}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="therapy-attendance-label">
              Attendance
            </Text>
            <SegmentedControl
              aria-labelledby="therapy-attendance-label"
              data={therapyAttendance.map((a) => ({ value: a, label: therapyAttendanceLabels[a] }))}
              value={attendance}
              onChange={(v) => setAttendance(v as TherapyAttendance)}
            />
          </Stack>
        </Grid.Col>
        {attendance === 'attended' ? (
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NumberInput
              size="sm"
              label="Minutes with the patient"
              required
              suffix=" min"
              min={THERAPY_MINUTES.min}
              max={THERAPY_MINUTES.max}
              allowDecimal={false}
              // Say what is wrong rather than silently change a typed 400 to 240.
              clampBehavior="none"
              value={minutes}
              onChange={setMinutes}
              error={errors.minutes}
            />
          </Grid.Col>
        ) : null}
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            size="sm"
            label="Dosing session"
            required={kind === 'during_dosing'}
            placeholder={dosing.length ? 'None' : 'No infusions yet'}
            description="The infusion it prepared for, accompanied or integrated"
            data={dosing.map((d) => ({
              value: d.id,
              label: `Infusion ${d.number} · ${formatDateTime(new Date(d.at).toISOString())}`,
            }))}
            value={infusionId}
            onChange={setInfusionId}
            clearable
            error={errors.infusionId}
            comboboxProps={{ withinPortal: true }}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea
            size="sm"
            label="Summary"
            description="Progress-note summary for the care team: what was worked on, and the plan. Process notes stay out of the chart."
            autosize
            minRows={2}
            maxRows={6}
            maxLength={THERAPY_SUMMARY_MAX}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            error={errors.summary}
          />
        </Grid.Col>
      </Grid>
      {errors.therapistId ? (
        <Text size="sm" c="red" mt="xs" role="alert">
          {errors.therapistId}
        </Text>
      ) : null}
      <Group mt="sm">
        <Button type="submit" size="sm" loading={busy} leftSection={<IconPlus size={16} aria-hidden />}>
          Record session
        </Button>
      </Group>
    </form>
  );
}

function SessionRow({
  session,
  dosing,
}: {
  session: TherapySession;
  dosing: readonly { id: string; number: number; at: number }[];
}) {
  const heldAt = Date.parse(session.heldAt);
  const linked = session.infusionId ? dosing.find((d) => d.id === session.infusionId) : undefined;
  // A linked session says which infusion; otherwise where it fell in the series.
  const timing = linked ? timingBesideDosing(heldAt, [linked]) : timingBesideDosing(heldAt, dosing);
  const missed = session.attendance !== 'attended';
  return (
    <Stack gap={2} data-testid="therapy-session">
      <Group gap={8} wrap="wrap">
        <Badge variant={missed ? 'outline' : 'light'} color="violet" tt="none">
          {kindLabel(session.kind)}
        </Badge>
        <Text size="sm" fw={600}>
          {formatDateTime(session.heldAt)}
        </Text>
        {missed ? (
          <Badge
            color="orange"
            variant="light"
            tt="none"
            leftSection={
              session.attendance === 'no_show' ? (
                <IconUserX size={12} aria-hidden />
              ) : (
                <IconCalendarX size={12} aria-hidden />
              )
            }
          >
            {therapyAttendanceLabels[session.attendance]}
          </Badge>
        ) : (
          <Text size="sm" c="dimmed">
            {session.minutes} min
          </Text>
        )}
        {timing ? (
          <Text size="sm" c="dimmed">
            · {timing}
          </Text>
        ) : null}
      </Group>
      {session.summary ? (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {session.summary}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed">
        {session.therapist.name}
        {session.recordedBy.id !== session.therapist.id ? ` · recorded by ${session.recordedBy.name}` : ''}
      </Text>
    </Stack>
  );
}

const SHOWN = 6;

export function TherapySessionsCard({
  patientId,
  sessions,
  infusions,
  timeZone,
  now,
  onRecorded,
}: {
  patientId: string;
  sessions: readonly TherapySession[];
  infusions: readonly PatientInfusion[];
  timeZone: string;
  now: number;
  onRecorded: (s: TherapySession) => void;
}) {
  const { can } = usePermissions();
  const [adding, setAdding] = useState(false);
  const [all, setAll] = useState(false);
  const dosing = useMemo(() => dosingTimes(infusions), [infusions]);
  const attended = sessions.filter((s) => s.attendance === 'attended').length;
  const missed = sessions.length - attended;
  const shown = all ? sessions : sessions.slice(0, SHOWN);
  return (
    <Card>
      <Group justify="space-between" align="flex-end" mb="sm" gap="sm">
        <Stack gap={0}>
          <Title order={2} size="h4">
            Psychotherapy sessions
          </Title>
          <Text size="xs" c="dimmed">
            Care team only · {attended} attended{missed ? `, ${missed} missed` : ''}
          </Text>
        </Stack>
        {can('therapy.record') ? (
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setAdding((a) => !a)}
            aria-expanded={adding}
          >
            Record session
          </Button>
        ) : null}
      </Group>
      <Collapse expanded={adding}>
        {adding ? (
          <RecordSessionForm
            patientId={patientId}
            infusions={infusions}
            timeZone={timeZone}
            now={now}
            onSaved={(s) => {
              onRecorded(s);
              setAdding(false);
            }}
          />
        ) : null}
        <Divider my="md" />
      </Collapse>
      {sessions.length === 0 ? (
        <EmptyNote>No psychotherapy sessions recorded yet.</EmptyNote>
      ) : (
        <Stack gap="sm">
          {shown.map((s, i) => (
            <Stack key={s.id} gap="sm">
              {i > 0 ? <Divider /> : null}
              <SessionRow session={s} dosing={dosing} />
            </Stack>
          ))}
          {sessions.length > SHOWN ? (
            <Button
              variant="subtle"
              size="xs"
              onClick={() => setAll((a) => !a)}
              style={{ alignSelf: 'start' }}
            >
              {all ? 'Show fewer' : `Show all ${sessions.length}`}
            </Button>
          ) : null}
        </Stack>
      )}
    </Card>
  );
}

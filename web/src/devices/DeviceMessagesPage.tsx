// Monitor messages that could not be matched to a patient (issue 3: "What cannot be matched is kept in
// a review queue where staff assign it — nothing is dropped"). Staff assign each to a patient — its
// readings are then charted as if the monitor had named the patient — or dismiss it with a note.
import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Radio,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDeviceHeartMonitor, IconSearch, IconUserCheck, IconX } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { notifyError, notifySaved } from '../api/notify.tsx';
import { useResource } from '../api/useResource.ts';
import { formatDateTime, formatTime } from '../app/format.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { EmptyNote, ErrorState, LoadingState } from '../app/States.tsx';
import { patientsApi } from '../patients/api.ts';
import { announceDeviceMessagesChanged, devicesApi, type DeviceMessage } from './api.ts';

type Reading = DeviceMessage['readingsPreview'][number];

function readingText(r: Reading): string {
  switch (r.kind) {
    case 'hr':
      return `HR ${r.value}`;
    case 'bp':
      return `BP ${r.value}/${r.diastolic ?? '?'}`;
    case 'spo2':
      return `SpO₂ ${r.value} %`;
    case 'rr':
      return `RR ${r.value}`;
    case 'temp':
      return `Temp ${r.value} °C`;
  }
}

/** One line per reading time: "14:55 · HR 88, BP 186/98, SpO₂ 96 %". */
function readingLines(readings: Reading[]): string[] {
  const byTime = new Map<string, Reading[]>();
  for (const r of readings) {
    byTime.set(r.at, [...(byTime.get(r.at) ?? []), r]);
  }
  return [...byTime].map(([at, rs]) => `${formatTime(at)} · ${rs.map(readingText).join(', ')}`);
}

function hintName(m: DeviceMessage): string {
  const h = m.patientHint;
  return h ? [h.givenName, h.familyName].filter(Boolean).join(' ') : '';
}

function MonitorSaid({ message }: { message: DeviceMessage }) {
  const h = message.patientHint;
  const name = hintName(message);
  const place = h
    ? [h.location.pointOfCare, h.location.room, h.location.bed].filter(Boolean).join(' / ')
    : '';
  if (!h || (!name && !h.mrn && !place)) {
    return (
      <Text size="sm" c="dimmed">
        Nothing about the patient
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      {name ? (
        <Text size="sm" fw={600}>
          {name}
        </Text>
      ) : null}
      <Text size="sm">MRN: {h.mrn || 'none'}</Text>
      {place ? <Text size="sm">Bed: {place}</Text> : null}
    </Stack>
  );
}

function messageLabel(m: DeviceMessage): string {
  return `the message from ${m.deviceId ?? 'an unknown device'} received ${formatDateTime(m.receivedAt)}`;
}

function AssignForm({
  message,
  onDone,
  onCancel,
}: {
  message: DeviceMessage;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [q, setQ] = useState(message.patientHint?.familyName ?? '');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const results = useResource(debounced ? `patients?${debounced}` : null, (signal) =>
    patientsApi.search(debounced, signal),
  );
  const [patientId, setPatientId] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const patients = results.data?.patients ?? [];
  const chosen = patients.find((p) => p.id === patientId);
  const readingCount = message.readingsPreview.length;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!chosen) {
      return;
    }
    setSaving(true);
    try {
      const { message: done } = await devicesApi.assign(message.id, chosen.id);
      notifySaved(
        `${done.stored} reading${done.stored === 1 ? '' : 's'} charted for ${chosen.givenName} ${chosen.familyName}` +
          (done.infusionId ? ' in the current infusion.' : ' (no infusion in progress).'),
        'Message assigned',
      );
      announceDeviceMessagesChanged();
      onDone();
    } catch (err) {
      notifyError(err, 'Could not assign the message');
      setSaving(false);
    }
  }

  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput
          label="Search patients"
          description="Name or MRN"
          leftSection={<IconSearch size={18} aria-hidden />}
          type="search"
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPatientId(null);
          }}
          data-autofocus
        />
        {!debounced ? (
          <Text size="sm" c="dimmed">
            Type a name or MRN to find the patient.
          </Text>
        ) : results.error ? (
          <ErrorState error={results.error} onRetry={results.reload} />
        ) : results.loading ? (
          <LoadingState label="Searching…" />
        ) : patients.length === 0 ? (
          <Text size="sm" c="dimmed" role="status">
            No patient matches “{debounced}”.
          </Text>
        ) : (
          <Radio.Group label="Patient" value={patientId} onChange={setPatientId} withAsterisk>
            <Stack gap="xs" mt="xs">
              {patients.slice(0, 20).map((p) => (
                <Radio
                  key={p.id}
                  value={p.id}
                  label={`${p.givenName} ${p.familyName}`}
                  description={`MRN ${p.mrn} · born ${p.birthDate}`}
                />
              ))}
            </Stack>
          </Radio.Group>
        )}
        {chosen ? (
          <Text size="sm" role="status">
            {readingCount
              ? `Chart ${readingCount} reading${readingCount === 1 ? '' : 's'} on ${chosen.givenName} ${chosen.familyName} (MRN ${chosen.mrn})? Alerts are checked as for any monitor reading.`
              : `Assign this message to ${chosen.givenName} ${chosen.familyName} (MRN ${chosen.mrn})? It has no readings to chart.`}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button
            type="submit"
            disabled={!chosen}
            loading={saving}
            leftSection={<IconUserCheck size={18} aria-hidden />}
          >
            Assign to patient
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DismissForm({
  message,
  onDone,
  onCancel,
}: {
  message: DeviceMessage;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!note.trim()) {
      setError('Say why the message is dismissed.');
      return;
    }
    setSaving(true);
    try {
      await devicesApi.dismiss(message.id, note.trim());
      notifySaved('The message is kept in the log but no longer waits for review.', 'Message dismissed');
      announceDeviceMessagesChanged();
      onDone();
    } catch (err) {
      notifyError(err, 'Could not dismiss the message');
      setSaving(false);
    }
  }

  return (
    <form onSubmit={submit}>
      <Stack>
        <Text size="sm">Its readings will not be charted. The message itself is kept.</Text>
        <Textarea
          label="Why is it dismissed?"
          placeholder="e.g. test monitor on the bench"
          required
          autosize
          minRows={2}
          maxLength={500}
          value={note}
          error={error}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            setError(null);
          }}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={saving} leftSection={<IconX size={18} aria-hidden />}>
            Dismiss message
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function DeviceMessagesPage() {
  const list = useResource('device-messages', (signal) => devicesApi.list('unmatched', signal), 30_000);
  const [action, setAction] = useState<{ kind: 'assign' | 'dismiss'; message: DeviceMessage } | null>(null);
  const messages = list.data?.messages ?? [];
  const close = () => setAction(null);
  const done = () => {
    setAction(null);
    list.reload();
  };

  return (
    <>
      <PageHeader
        title="Monitor messages"
        description="Readings from bedside monitors that could not be matched to a patient. Assign each to the right patient, or dismiss it with a note."
        actions={
          // Many messages are unmatched because their monitor has no chair yet: that is set on Monitors.
          <Button
            component={Link}
            to="/app/devices"
            variant="default"
            leftSection={<IconDeviceHeartMonitor size={18} aria-hidden />}
          >
            Monitors and chairs
          </Button>
        }
      />
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <LoadingState label="Loading monitor messages…" /> : null}
      {list.data ? (
        <Card p={0}>
          {messages.length === 0 ? (
            <EmptyNote>No monitor messages are waiting. Every reading received has been matched.</EmptyNote>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table
                verticalSpacing="sm"
                horizontalSpacing="md"
                highlightOnHover
                aria-label="Unmatched monitor messages"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Received</Table.Th>
                    <Table.Th>Device</Table.Th>
                    <Table.Th>Monitor said</Table.Th>
                    <Table.Th>Readings</Table.Th>
                    <Table.Th>Why unmatched</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {messages.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(m.receivedAt)}</Table.Td>
                      <Table.Td>
                        <Text size="sm" ff="monospace">
                          {m.deviceId ?? '—'}
                        </Text>
                        {m.controlId ? (
                          <Text size="xs" c="dimmed">
                            Message {m.controlId}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <MonitorSaid message={m} />
                      </Table.Td>
                      <Table.Td>
                        {m.readingsPreview.length ? (
                          <Stack gap={2}>
                            {readingLines(m.readingsPreview).map((line) => (
                              <Text key={line} size="sm" style={{ whiteSpace: 'nowrap' }}>
                                {line}
                              </Text>
                            ))}
                          </Stack>
                        ) : (
                          <Badge variant="light" color="gray">
                            No readings
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" maw={280}>
                          {m.reason ?? '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap" justify="flex-end">
                          <Button
                            size="xs"
                            leftSection={<IconUserCheck size={16} aria-hidden />}
                            onClick={() => setAction({ kind: 'assign', message: m })}
                            aria-label={`Assign ${messageLabel(m)} to a patient`}
                          >
                            Assign to patient
                          </Button>
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setAction({ kind: 'dismiss', message: m })}
                            aria-label={`Dismiss ${messageLabel(m)}`}
                          >
                            Dismiss
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      ) : null}
      <Modal
        opened={action !== null}
        onClose={close}
        title={action?.kind === 'dismiss' ? 'Dismiss monitor message' : 'Assign monitor message to a patient'}
        size="lg"
      >
        {action?.kind === 'assign' ? (
          <AssignForm key={action.message.id} message={action.message} onDone={done} onCancel={close} />
        ) : action?.kind === 'dismiss' ? (
          <DismissForm key={action.message.id} message={action.message} onDone={done} onCancel={close} />
        ) : null}
      </Modal>
    </>
  );
}

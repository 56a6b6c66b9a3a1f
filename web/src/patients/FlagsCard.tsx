// Screening flags: severity in words, icon and colour; the reason and its source; a physician's
// acknowledgement, with a note that is required for a contraindication (the server refuses one without).
import { Badge, Button, Card, Collapse, Group, Paper, Stack, Text, Title } from '@mantine/core';
import {
  IconAlertOctagon,
  IconAlertTriangle,
  IconBan,
  IconCircleCheck,
  IconShieldCheck,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { Patient, ScreeningFlag } from '../api/types.ts';
import { AcknowledgeForm } from '../app/AcknowledgeForm.tsx';
import { formatDateTime } from '../app/format.ts';
import { notifySaved } from '../api/notify.tsx';
import { patientsApi } from './api.ts';

export function FlagSeverityBadge({ severity }: { severity: ScreeningFlag['severity'] }) {
  if (severity === 'contraindication') {
    return (
      <Badge color="red.9" variant="filled" leftSection={<IconBan size={14} aria-hidden />}>
        Contraindication
      </Badge>
    );
  }
  return severity === 'relative_contraindication' ? (
    <Badge color="red" variant="filled" leftSection={<IconAlertOctagon size={14} aria-hidden />}>
      Relative contraindication
    </Badge>
  ) : (
    <Badge
      color="yellow"
      variant="filled"
      c="dark.9"
      leftSection={<IconAlertTriangle size={14} aria-hidden />}
    >
      Caution
    </Badge>
  );
}

function FlagItem({
  patient,
  flag,
  canAcknowledge,
  onChange,
}: {
  patient: Patient;
  flag: ScreeningFlag;
  canAcknowledge: boolean;
  onChange: (p: Patient) => void;
}) {
  const [open, setOpen] = useState(false);
  const contraindication = flag.severity === 'contraindication';
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      data-testid={`flag-${flag.code}`}
      style={contraindication ? { borderColor: 'var(--mantine-color-red-9)', borderWidth: 2 } : undefined}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <FlagSeverityBadge severity={flag.severity} />
          {flag.acknowledged ? (
            <Badge color="teal" variant="light" leftSection={<IconCircleCheck size={14} aria-hidden />}>
              Acknowledged
            </Badge>
          ) : (
            <Badge color="gray" variant="outline">
              Not acknowledged
            </Badge>
          )}
        </Group>
        <Text fw={600}>{flag.title}</Text>
        <Text size="sm">{flag.reason}</Text>
        {/* Sources are long URLs: let them wrap inside the card on a phone. */}
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          Source: {flag.source}
          {flag.medicationName ? ` · medication: ${flag.medicationName}` : ''}
        </Text>
        {flag.acknowledged ? (
          <Text size="xs" c="dimmed">
            Acknowledged by {flag.acknowledged.by}, {formatDateTime(flag.acknowledged.at)}
            {flag.acknowledged.note ? ` — “${flag.acknowledged.note}”` : ''}
          </Text>
        ) : canAcknowledge ? (
          <>
            <Button
              size="xs"
              variant="light"
              w="fit-content"
              leftSection={<IconShieldCheck size={14} aria-hidden />}
              onClick={() => setOpen((o) => !o)}
              aria-expanded={open}
            >
              Acknowledge
            </Button>
            <Collapse expanded={open}>
              <AcknowledgeForm
                noteRequired={contraindication}
                label={
                  contraindication
                    ? 'Physician note: why treatment may go ahead (required)'
                    : 'Physician note (optional)'
                }
                placeholder="e.g. Benefits outweigh risk; BP controlled on current medication"
                buttonLabel="Acknowledge flag"
                onSubmit={async (note) => {
                  const { patient: updated } = await patientsApi.acknowledgeFlag(
                    patient.id,
                    flag.code,
                    note || undefined,
                  );
                  onChange(updated);
                  notifySaved(`“${flag.title}” acknowledged.`);
                }}
              />
            </Collapse>
          </>
        ) : (
          <Text size="xs" c="dimmed">
            Needs a physician&rsquo;s acknowledgement before the infusion.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

export function FlagsCard({
  patient,
  canAcknowledge,
  onChange,
}: {
  patient: Patient;
  canAcknowledge: boolean;
  onChange: (p: Patient) => void;
}) {
  const open = patient.flags.filter((f) => !f.acknowledged).length;
  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Screening flags
        </Title>
        {open ? (
          <Badge color="orange" variant="light">
            {open} to review
          </Badge>
        ) : null}
      </Group>
      {patient.flags.length === 0 ? (
        <Group gap="xs" c="dimmed">
          <IconCircleCheck size={18} aria-hidden />
          <Text size="sm">No screening flags.</Text>
        </Group>
      ) : (
        <Stack gap="sm">
          {patient.flags.map((flag) => (
            <FlagItem
              // Medication flags repeat a code once per medication.
              key={`${flag.code}:${flag.medicationName ?? ''}`}
              patient={patient}
              flag={flag}
              canAcknowledge={canAcknowledge}
              onChange={onChange}
            />
          ))}
        </Stack>
      )}
    </Card>
  );
}

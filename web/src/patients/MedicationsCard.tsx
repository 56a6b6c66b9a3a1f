// Current medications (with a two-step stop) and those already stopped; adding one re-runs screening.
import { Badge, Button, Card, Collapse, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { IconPill, IconPlus, IconPlayerStop } from '@tabler/icons-react';
import { useState } from 'react';
import { notifyError, notifySaved } from '../api/notify.tsx';
import type { Medication, Patient } from '../api/types.ts';
import { formatDate } from '../app/format.ts';
import { usePermissions } from '../app/permissions.ts';
import { patientsApi } from './api.ts';
import { MedicationForm } from './MedicationForm.tsx';

function describe(m: Medication): string {
  return [m.doseText ?? (m.doseMg != null ? `${m.doseMg} mg` : null), m.frequency]
    .filter(Boolean)
    .join(' · ');
}

function MedicationRow({
  patient,
  medication,
  onChange,
  editable,
}: {
  patient: Patient;
  medication: Medication;
  onChange: (p: Patient) => void;
  editable: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const flagged = patient.flags.some(
    (f) => f.medicationName && f.medicationName.toLowerCase() === medication.name.toLowerCase(),
  );

  async function stop() {
    setBusy(true);
    try {
      const { patient: updated } = await patientsApi.stopMedication(patient.id, medication.id);
      onChange(updated);
      notifySaved(`${medication.name} stopped.`);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
      <div style={{ minWidth: 0 }}>
        <Group gap={6}>
          <Text fw={600}>{medication.name}</Text>
          {flagged ? (
            <Badge color="orange" variant="light" size="sm">
              Interaction flag
            </Badge>
          ) : null}
        </Group>
        <Text size="sm" c="dimmed">
          {describe(medication) || 'Dose not recorded'}
          {medication.startedOn ? ` · since ${formatDate(medication.startedOn)}` : ''}
        </Text>
      </div>
      {!editable ? null : confirming ? (
        <Group gap={4} wrap="nowrap" style={{ flex: 'none' }}>
          <Button size="xs" color="red" loading={busy} onClick={stop}>
            Confirm stop
          </Button>
          <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
            Keep
          </Button>
        </Group>
      ) : (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPlayerStop size={14} aria-hidden />}
          onClick={() => setConfirming(true)}
          style={{ flex: 'none' }}
          aria-label={`Stop ${medication.name}`}
        >
          Stop
        </Button>
      )}
    </Group>
  );
}

export function MedicationsCard({ patient, onChange }: { patient: Patient; onChange: (p: Patient) => void }) {
  const [adding, setAdding] = useState(false);
  const { can } = usePermissions();
  const editable = can('patients.clinical_write');
  const active = patient.medications.filter((m) => !m.stoppedOn);
  const stopped = patient.medications.filter((m) => m.stoppedOn);
  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Medications
        </Title>
        {editable ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setAdding((a) => !a)}
            aria-expanded={adding}
          >
            Add
          </Button>
        ) : null}
      </Group>
      <Collapse expanded={adding}>
        <MedicationForm
          patientId={patient.id}
          onSaved={(p) => {
            onChange(p);
            setAdding(false);
          }}
        />
        <Divider my="md" />
      </Collapse>
      {active.length === 0 ? (
        <Group gap="xs" c="dimmed">
          <IconPill size={18} aria-hidden />
          <Text size="sm">No current medications recorded.</Text>
        </Group>
      ) : (
        <Stack gap="sm">
          {active.map((m) => (
            <MedicationRow
              key={m.id}
              patient={patient}
              medication={m}
              onChange={onChange}
              editable={editable}
            />
          ))}
        </Stack>
      )}
      {stopped.length ? (
        <Text size="xs" c="dimmed" mt="sm">
          Stopped: {stopped.map((m) => `${m.name} (${formatDate(m.stoppedOn)})`).join(', ')}
        </Text>
      ) : null}
    </Card>
  );
}

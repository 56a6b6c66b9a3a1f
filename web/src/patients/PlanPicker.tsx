// A patient without a plan: choose the protocol that sets dosing limits and the series length.
import { Button, Group, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { notifyError, notifySaved } from '../api/notify.tsx';
import type { Patient } from '../api/types.ts';
import { useResource } from '../api/useResource.ts';
import { usePermissions } from '../app/permissions.ts';
import { protocolName } from '../infusions/protocol.ts';
import { patientsApi } from './api.ts';

export function PlanPicker({ patientId, onChange }: { patientId: string; onChange: (p: Patient) => void }) {
  const protocols = useResource('protocols', (signal) => patientsApi.protocols(signal));
  const [protocolId, setProtocolId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const options = (protocols.data?.protocols ?? []).map((p) => ({ value: p.id, label: protocolName(p) }));
  const { can } = usePermissions();

  async function save() {
    if (!protocolId) {
      return;
    }
    setBusy(true);
    try {
      const { patient } = await patientsApi.setPlan(patientId, protocolId);
      onChange(patient);
      notifySaved('Treatment plan set.');
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  }

  if (!can('plans.write')) {
    return (
      <>
        <Text fw={600}>No treatment plan</Text>
        <Text size="xs" c="dimmed">
          A physician starts one from a protocol.
        </Text>
      </>
    );
  }

  return (
    <>
      <Text size="sm" c="dimmed">
        No treatment plan
      </Text>
      <Group gap={6} wrap="nowrap" align="flex-end">
        <Select
          aria-label="Protocol"
          placeholder={protocols.loading ? 'Loading…' : 'Choose protocol'}
          data={options}
          value={protocolId}
          onChange={setProtocolId}
          size="xs"
          style={{ flex: 1, minWidth: 0 }}
          comboboxProps={{ withinPortal: true }}
        />
        <Button size="xs" onClick={save} disabled={!protocolId} loading={busy}>
          Set
        </Button>
      </Group>
    </>
  );
}

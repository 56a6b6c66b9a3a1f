// Opens a new infusion session for this patient (optionally in a chair) and goes to its console.
import { Button, Group, Select, Text } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { notifyError } from '../api/notify.tsx';
import { useResource } from '../api/useResource.ts';
import { usePermissions } from '../app/permissions.ts';
import { infusionsApi } from '../infusions/api.ts';

export function StartInfusion({ patientId }: { patientId: string }) {
  const navigate = useNavigate();
  const { can, cannot } = usePermissions();
  const allowed = can('infusions.schedule');
  const chairs = useResource('chairs', (signal) => infusionsApi.chairs(signal));
  const [chairId, setChairId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function start() {
    setBusy(true);
    try {
      const { infusion } = await infusionsApi.create({ patientId, ...(chairId ? { chairId } : {}) });
      navigate(`/app/infusions/${infusion.id}`);
    } catch (error) {
      notifyError(error, 'Infusion not started');
      setBusy(false);
    }
  }

  if (!allowed) {
    return (
      <Text size="sm" c="dimmed" maw={320} data-testid="start-infusion-not-allowed">
        {cannot('infusions.schedule', 'start an infusion')}
      </Text>
    );
  }

  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <Select
        label="Chair"
        placeholder="Any chair"
        data={(chairs.data?.chairs ?? []).map((c) => ({ value: c.id, label: c.name }))}
        value={chairId}
        onChange={setChairId}
        clearable
        size="sm"
        w={160}
      />
      <Button
        data-testid="start-infusion"
        onClick={start}
        loading={busy}
        leftSection={<IconPlayerPlay size={18} aria-hidden />}
      >
        Start infusion
      </Button>
    </Group>
  );
}

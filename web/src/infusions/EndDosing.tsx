// IM / intranasal: end dosing short of the order after at least one dose (the patient declined the rest,
// or a remainder is not given). The reason is required and kept with the session.
import { Button, Collapse, Group, Stack, Textarea } from '@mantine/core';
import { IconPlayerStop } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { notifyError, notifySaved } from '../api/notify.tsx';
import type { Infusion } from '../api/types.ts';
import { infusionsApi } from './api.ts';

export function EndDosing({ infusion, onChange }: { infusion: Infusion; onChange: (i: Infusion) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const { infusion: updated } = await infusionsApi.endDosing(infusion.id, { reason: reason.trim() });
      onChange(updated);
      notifySaved('Dosing ended: the patient is in recovery.', 'Dosing ended');
    } catch (error) {
      notifyError(error, 'Dosing not ended');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="xs">
      <Button
        variant="default"
        size="xs"
        w="fit-content"
        onClick={() => setOpen((o) => !o)}
        leftSection={<IconPlayerStop size={14} aria-hidden />}
      >
        End dosing short of the order
      </Button>
      <Collapse expanded={open}>
        <form onSubmit={submit} noValidate aria-label="End dosing">
          <Stack gap="xs">
            <Textarea
              label="Why dosing stops here"
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Group>
              <Button type="submit" color="red" loading={busy} disabled={reason.trim().length < 3}>
                End dosing
              </Button>
            </Group>
          </Stack>
        </form>
      </Collapse>
    </Stack>
  );
}

// The pre-dose blood-pressure hold: while the latest reading before the first dose is at or above the
// protocol's limit nothing starts. Re-measuring below it lifts the hold; a physician may override it with
// a reason, which stays on the session's record and timeline.
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertOctagon, IconShieldCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { notifyError, notifySaved } from '../api/notify.tsx';
import type { Infusion } from '../api/types.ts';
import { formatTime } from '../app/format.ts';
import { usePermissions } from '../app/permissions.ts';
import { infusionsApi } from './api.ts';

export function BpHoldPanel({ infusion, onChange }: { infusion: Infusion; onChange: (i: Infusion) => void }) {
  const { can, cannot } = usePermissions();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const hold = infusion.bpHold;
  if (infusion.stage !== 'precheck' || (!hold.held && !hold.overridden)) {
    return null;
  }
  const last = hold.overrides.at(-1);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const { infusion: updated } = await infusionsApi.bpOverride(infusion.id, { reason: reason.trim() });
      onChange(updated);
      setReason('');
      notifySaved('The first dose may go ahead.', 'BP hold overridden');
    } catch (error) {
      notifyError(error, 'Hold not overridden');
    } finally {
      setBusy(false);
    }
  }

  if (!hold.held && last) {
    return (
      <Alert
        color="orange"
        variant="light"
        icon={<IconShieldCheck aria-hidden />}
        title={`BP ${last.sbp}/${last.dbp} over the hold limit: overridden`}
        data-testid="bp-hold"
        data-held="false"
      >
        {last.byName} at {formatTime(last.at)}: “{last.reason}”
      </Alert>
    );
  }
  return (
    <Alert
      color="red"
      variant="filled"
      icon={<IconAlertOctagon aria-hidden />}
      title="Blood-pressure hold: do not start"
      data-testid="bp-hold"
      data-held="true"
      role="alert"
    >
      <Stack gap="xs">
        <Text size="sm">{hold.message}.</Text>
        {can('infusions.override_hold') ? (
          <form onSubmit={submit} noValidate aria-label="Override the BP hold">
            <Stack gap="xs">
              <Textarea
                label="Reason to go ahead"
                placeholder="e.g. white-coat pattern, home readings in the 130s; labetalol ready"
                autosize
                minRows={2}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                styles={{ label: { color: 'white' } }}
              />
              <Group>
                <Button type="submit" color="dark" loading={busy} disabled={reason.trim().length < 3}>
                  Override the hold
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Text size="xs">{cannot('infusions.override_hold', 'override the hold')}</Text>
        )}
      </Stack>
    </Alert>
  );
}

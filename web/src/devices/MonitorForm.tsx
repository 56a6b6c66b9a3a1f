// Register a monitor, or change one's label, chair and clock zone. The chair decides whose chart a
// message without an MRN lands on, so taking a chair from another monitor is said out loud first.
import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconArrowsExchange, IconDeviceFloppy, IconPlus } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent } from 'react';
import { RegisterDeviceInput } from '@openkap/domain/devices/schema';
import { ApiError } from '../api/client.ts';
import { errorMessage, notifySaved } from '../api/notify.tsx';
import type { Chair } from '../api/types.ts';
import { check, type FieldErrors } from '../api/validate.ts';
import { monitorsApi, type Device, type DeviceSettings } from './api.ts';
import { timeZoneGroups } from './monitorStatus.ts';

export function monitorName(d: Pick<Device, 'id' | 'label'>): string {
  return d.label ?? d.id;
}

export function MonitorForm({
  device,
  devices,
  chairs,
  chairsError,
  clinicTimeZone,
  onSaved,
  onCancel,
  onStale,
}: {
  /** Absent: register a new monitor. */
  device?: Device;
  devices: Device[];
  chairs: Chair[];
  chairsError: boolean;
  clinicTimeZone: string;
  onSaved: (device: Device) => void;
  onCancel: () => void;
  /** The server knew better (someone else changed a monitor): reload the list. */
  onStale: () => void;
}) {
  const registering = !device;
  const [id, setId] = useState('');
  const [label, setLabel] = useState(device?.label ?? '');
  const [chairId, setChairId] = useState<string | null>(device?.chairId ?? null);
  const [timeZone, setTimeZone] = useState<string | null>(device ? device.timeZone : clinicTimeZone);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const zones = useMemo(
    () => timeZoneGroups(clinicTimeZone, device?.timeZone ?? null, new Date()),
    [clinicTimeZone, device?.timeZone],
  );
  const holderOf = (chair: string) => devices.find((d) => d.chairId === chair && d.id !== device?.id);
  const chairOptions = chairs.map((c) => {
    const holder = holderOf(c.id);
    return { value: c.id, label: holder ? `${c.name} · has ${monitorName(holder)}` : c.name };
  });
  const holder = chairId ? holderOf(chairId) : undefined;
  const chairName = chairs.find((c) => c.id === chairId)?.name ?? 'That chair';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const settings: DeviceSettings = {};
    const trimmed = label.trim() || null;
    if (registering || trimmed !== device.label) {
      settings.label = trimmed;
    }
    if (registering || chairId !== device.chairId) {
      settings.chairId = chairId;
    }
    if (registering || timeZone !== device.timeZone) {
      settings.timeZone = timeZone;
    }
    if (holder && settings.chairId) {
      settings.moveChair = true;
    }
    if (!registering && Object.keys(settings).length === 0) {
      onCancel();
      return;
    }
    if (registering) {
      const parsed = check(RegisterDeviceInput, { id, ...settings });
      if (!parsed.ok) {
        setErrors(parsed.errors);
        return;
      }
    }
    setErrors({});
    setBusy(true);
    try {
      const { device: saved } = registering
        ? await monitorsApi.register({ id: id.trim(), ...settings })
        : await monitorsApi.update(device.id, settings);
      notifySaved(
        holder && settings.chairId
          ? `${chairName} moved to ${monitorName(saved)}; ${monitorName(holder)} has no chair now.`
          : `${monitorName(saved)} ${registering ? 'is registered' : 'was updated'}.`,
        registering ? 'Monitor registered' : 'Monitor saved',
      );
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.issues.length) {
        setErrors(error.fieldErrors());
      }
      if (error instanceof ApiError && error.code === 'chair_taken') {
        onStale();
      }
      setFailure(errorMessage(error));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={registering ? 'Register monitor' : 'Monitor settings'}>
      <Stack>
        {failure ? (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title="Not saved" role="alert">
            {failure}
          </Alert>
        ) : null}
        {registering ? (
          <TextInput
            label="Device id"
            description="Exactly as the monitor sends it: the EUI-64 in MSH-3.2, else the application name in MSH-3.1."
            placeholder="e.g. 0800A1FFFE00C002"
            required
            value={id}
            onChange={(e) => setId(e.currentTarget.value)}
            error={errors.id}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            autoComplete="off"
            spellCheck={false}
            data-autofocus
          />
        ) : (
          <div>
            <Text size="sm" fw={500}>
              Device id
            </Text>
            <Text size="sm" ff="monospace">
              {device.id}
            </Text>
          </div>
        )}
        <TextInput
          label="Name"
          description="How staff know this monitor."
          placeholder="e.g. Bay 2 monitor"
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          error={errors.label}
          maxLength={80}
          {...(registering ? {} : { 'data-autofocus': true })}
        />
        <Select
          label="Chair"
          description="Readings that name no patient are charted on the patient in this chair."
          placeholder={chairsError ? 'Chairs could not be loaded' : 'No chair'}
          data={chairOptions}
          value={chairId}
          onChange={setChairId}
          clearable
          disabled={chairsError}
          error={errors.chairId}
          comboboxProps={{ withinPortal: true }}
        />
        {holder ? (
          <Alert
            color="orange"
            icon={<IconArrowsExchange aria-hidden />}
            title="This chair has a monitor"
            role="status"
          >
            {chairName} already has {monitorName(holder)}
            {holder.label ? ` (${holder.id})` : ''}. Saving moves the chair to this monitor;{' '}
            {monitorName(holder)} is left without a chair, and its readings without an MRN wait under Monitor
            messages.
          </Alert>
        ) : null}
        <Select
          label="Time zone of the monitor’s clock"
          description="Used when the monitor sends times without a UTC offset. Not set: such times are read as UTC."
          placeholder="Not set (UTC)"
          data={zones}
          value={timeZone}
          onChange={setTimeZone}
          searchable
          clearable
          nothingFoundMessage="No time zone by that name"
          maxDropdownHeight={280}
          error={errors.timeZone}
          comboboxProps={{ withinPortal: true }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button
            type="submit"
            loading={busy}
            leftSection={
              registering ? <IconPlus size={18} aria-hidden /> : <IconDeviceFloppy size={18} aria-hidden />
            }
          >
            {registering ? 'Register monitor' : holder ? 'Move chair and save' : 'Save'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

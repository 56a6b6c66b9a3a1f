// IM and intranasal sessions have no pump: each injection or nasal dose is charted as given. The first
// starts the session (same checks as a pump start), the last (the order complete, or "last dose")
// moves the patient to recovery on the server.
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Progress,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle, IconNeedle, IconSpray } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { injectionPlan } from '@openkap/domain/infusions/administrations';
import { imSiteLabels, imSites, type ImSite } from '@openkap/domain/infusions/session-safety';
import { ApiError } from '../api/client.ts';
import { errorMessage, notifySaved } from '../api/notify.tsx';
import type { Infusion } from '../api/types.ts';
import { formatNumber, formatTime } from '../app/format.ts';
import { useStaffUser } from '../auth/session.tsx';
import { infusionsApi } from './api.ts';
import { GivenBySelect } from './GivenBySelect.tsx';
import { EndDosing } from './EndDosing.tsx';

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const nostrilLabels: Record<string, string> = { left: 'Left', right: 'Right', both: 'Both' };

function siteText(a: Infusion['administrations'][number]): string {
  if (a.route === 'intranasal') {
    return `${a.devices ?? '?'} device${a.devices === 1 ? '' : 's'}, ${nostrilLabels[a.nostril ?? ''] ?? a.nostril} nostril${a.nostril === 'both' ? 's' : ''}`;
  }
  const site = imSiteLabels[a.site as ImSite] ?? a.site;
  return `${formatNumber(a.volumeMl, 2)} mL, ${a.side ? `${a.side} ` : ''}${site?.toLowerCase()}`;
}

export function GivenSoFar({ infusion }: { infusion: Infusion }) {
  const order = infusion.doseOrder;
  if (!order) {
    return null;
  }
  const given = infusion.administrations.reduce((sum, a) => sum + a.doseMg, 0);
  const percent = Math.min(100, (given / order.doseMg) * 100);
  return (
    <Stack gap={4} data-testid="given-so-far">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          Given so far
        </Text>
        <Text size="sm" className="ok-figure">
          {formatNumber(given, 1)} of {formatNumber(order.doseMg, 1)} mg
        </Text>
      </Group>
      <Progress.Root size={14} radius="md">
        <Progress.Section value={percent} aria-label={`Given ${Math.round(percent)} percent of the order`} />
      </Progress.Root>
      {infusion.administrations.length ? (
        <Table fz="xs" verticalSpacing={4} aria-label="Doses given">
          <Table.Tbody>
            {infusion.administrations.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td className="ok-figure">{formatTime(a.at)}</Table.Td>
                <Table.Td className="ok-figure">{formatNumber(a.doseMg, 1)} mg</Table.Td>
                <Table.Td>{siteText(a)}</Table.Td>
                <Table.Td>{a.administeredBy.name}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}

export function AdministrationControls({
  infusion,
  onChange,
  readOnly = false,
}: {
  infusion: Infusion;
  onChange: (i: Infusion) => void;
  readOnly?: boolean;
}) {
  const user = useStaffUser();
  const order = infusion.doseOrder;
  const route = infusion.protocol?.route === 'intranasal' ? 'intranasal' : 'im';
  const given = infusion.administrations.reduce((sum, a) => sum + a.doseMg, 0);
  const remaining = order ? round(order.doseMg - given, 1) : 0;
  const concentration = order
    ? (order.vialConcentrationMgPerMl ?? order.doseMg / order.drawVolumeMl)
    : (infusion.protocol?.preparation.vialConcentrationMgPerMl ?? 0);
  const [site, setSite] = useState<ImSite>('deltoid');
  const siteMax = infusion.safety.imSiteMaxMl[site];
  // The next injection: the first of an even split of what is left into as few as the site takes.
  const nextPlan =
    route === 'im' && remaining > 0 && concentration > 0
      ? injectionPlan(remaining / concentration, site, siteMax)
      : null;
  // One injection left: all of it (mL rounded to 0.01 would lose a little of the mg).
  const nextDose =
    nextPlan && nextPlan.injections > 1
      ? Math.min(remaining, round((nextPlan.volumesMl[0] ?? 0) * concentration, 1))
      : remaining;
  const [doseMg, setDoseMg] = useState<number | string>(nextDose > 0 ? nextDose : '');
  const [side, setSide] = useState<'left' | 'right'>(
    infusion.administrations.at(-1)?.side === 'left' ? 'right' : 'left',
  );
  const [devices, setDevices] = useState<number | string>(1);
  const [nostril, setNostril] = useState<'left' | 'right' | 'both'>('both');
  const [givenBy, setGivenBy] = useState<string | null>(user.id);
  const [final, setFinal] = useState(false);
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const open = infusion.stage === 'precheck' || infusion.stage === 'infusing';
  const dose = typeof doseMg === 'number' ? doseMg : Number(doseMg);
  const volumeMl = concentration > 0 ? round(dose / concentration, 2) : 0;
  const plan = order && route === 'im' ? injectionPlan(order.drawVolumeMl, site, siteMax) : null;
  const tooMuch = route === 'im' && volumeMl > siteMax;
  const whyNot = !order
    ? 'Compute the dose order first.'
    : infusion.stage === 'precheck' && !infusion.prechecks.complete
      ? 'Complete the pre-checks first.'
      : infusion.stage === 'precheck' && infusion.bpHold.held
        ? 'Blood-pressure hold: re-measure, or a physician overrides it.'
        : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setBusy(true);
    try {
      const { infusion: updated } = await infusionsApi.administration(infusion.id, {
        doseMg: dose,
        ...(route === 'im' ? { volumeMl, site, side } : { devices: Number(devices), nostril }),
        ...(givenBy ? { administeredBy: givenBy } : {}),
        ...(final ? { final: true } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      // The panel remounts with the next dose's defaults (DosePanel keys it on the doses given).
      onChange(updated);
      notifySaved(
        updated.stage === 'recovery' ? 'Last dose given: the patient is in recovery.' : `${dose} mg charted.`,
        'Dose given',
      );
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="sm" data-testid="administration-controls" data-route={route}>
      <GivenSoFar infusion={infusion} />
      {plan && plan.injections > 1 && infusion.stage === 'precheck' ? (
        <Alert color="blue" variant="light" icon={<IconNeedle aria-hidden />} data-testid="injection-plan">
          {formatNumber(order?.drawVolumeMl, 2)} mL is more than the {imSiteLabels[site].toLowerCase()} takes
          (up to {siteMax} mL): split into {plan.injections} injections of{' '}
          {plan.volumesMl.map((v) => formatNumber(v, 2)).join(' + ')} mL, each in its own site.
        </Alert>
      ) : null}
      {readOnly || !open || remaining <= 0 ? null : (
        <form onSubmit={submit} noValidate aria-label={route === 'im' ? 'Injection' : 'Intranasal dose'}>
          <Stack gap="xs">
            <Group grow gap="xs" align="flex-start">
              <NumberInput
                label="Dose (mg)"
                value={doseMg}
                onChange={setDoseMg}
                min={0.1}
                max={remaining}
                decimalScale={1}
                description={`${formatNumber(remaining, 1)} mg left of the order`}
              />
              {route === 'im' ? (
                <TextInput
                  label="Volume (mL)"
                  value={dose > 0 ? formatNumber(volumeMl, 2) : ''}
                  readOnly
                  description={`at ${formatNumber(concentration, 0)} mg/mL`}
                  error={
                    tooMuch ? `The ${imSiteLabels[site].toLowerCase()} takes up to ${siteMax} mL` : undefined
                  }
                />
              ) : (
                <NumberInput label="Devices" value={devices} onChange={setDevices} min={1} max={20} />
              )}
            </Group>
            {route === 'im' ? (
              <Group grow gap="xs" align="flex-end">
                <Select
                  label="Site"
                  description={`Takes up to ${siteMax} mL`}
                  data={imSites.map((s) => ({ value: s, label: imSiteLabels[s] }))}
                  value={site}
                  onChange={(v) => v && setSite(v as ImSite)}
                  allowDeselect={false}
                />
                <SegmentedControl
                  aria-label="Side"
                  value={side}
                  onChange={(v) => setSide(v as 'left' | 'right')}
                  data={[
                    { value: 'left', label: 'Left' },
                    { value: 'right', label: 'Right' },
                  ]}
                />
              </Group>
            ) : (
              <SegmentedControl
                aria-label="Nostril"
                value={nostril}
                onChange={(v) => setNostril(v as 'left' | 'right' | 'both')}
                data={Object.entries(nostrilLabels).map(([value, label]) => ({ value, label }))}
                fullWidth
              />
            )}
            <GivenBySelect value={givenBy} onChange={setGivenBy} />
            <Checkbox
              label="This is the last dose (stop short of the order)"
              checked={final}
              onChange={(e) => setFinal(e.currentTarget.checked)}
            />
            <TextInput
              label="Note"
              placeholder="Optional"
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            {failure ? (
              <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title="Not charted" role="alert">
                {failure}
              </Alert>
            ) : null}
            <Button
              type="submit"
              size="lg"
              loading={busy}
              disabled={!(dose > 0) || tooMuch || whyNot != null}
              leftSection={
                route === 'im' ? <IconNeedle size={22} aria-hidden /> : <IconSpray size={22} aria-hidden />
              }
            >
              {route === 'im' ? 'Injection given' : 'Dose given'}
            </Button>
            {whyNot ? (
              <Text size="xs" c="dimmed">
                {whyNot}
              </Text>
            ) : null}
          </Stack>
        </form>
      )}
      {!readOnly && infusion.stage === 'infusing' && infusion.administrations.length > 0 ? (
        <EndDosing infusion={infusion} onChange={onChange} />
      ) : null}
    </Stack>
  );
}

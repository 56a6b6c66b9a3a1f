// Everything charted during the session, newest first, under the live chart.
import { Badge, Card, Group, Text, Timeline as MantineTimeline, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCheck,
  IconCircleCheck,
  IconMedicineSyrup,
  IconMoodSick,
  IconPlayerPause,
  IconPlayerPlay,
  IconPlayerStop,
  IconAdjustments,
  IconBellOff,
  IconNeedle,
  IconSpray,
  IconShieldCheck,
  IconLungs,
  type Icon,
} from '@tabler/icons-react';
import type { Infusion } from '../api/types.ts';
import { formatTime } from '../app/format.ts';
import { EmptyNote } from '../app/States.tsx';
import { alarmPriority, alarmSource } from './deviceAlarm.ts';

interface Entry {
  key: string;
  at: string;
  icon: Icon;
  color: string;
  title: string;
  detail?: string;
  badge?: { label: string; color: string };
}

const pumpLook: Record<string, { icon: Icon; title: string }> = {
  start: { icon: IconPlayerPlay, title: 'Pump started' },
  resume: { icon: IconPlayerPlay, title: 'Pump resumed' },
  pause: { icon: IconPlayerPause, title: 'Pump paused' },
  rate_change: { icon: IconAdjustments, title: 'Rate changed' },
  stop: { icon: IconPlayerStop, title: 'Pump stopped' },
};

const severityColor: Record<string, string> = { mild: 'gray', moderate: 'orange', severe: 'red' };

function entries(infusion: Infusion): Entry[] {
  const list: Entry[] = [];
  for (const [i, p] of infusion.pump.entries()) {
    const look = pumpLook[p.kind] ?? { icon: IconAdjustments, title: p.kind };
    list.push({
      key: `pump-${i}`,
      at: p.at,
      icon: look.icon,
      color: 'blue',
      title: look.title,
      detail: p.rateMlPerH != null ? `${p.rateMlPerH} mL/h` : undefined,
    });
  }
  for (const s of infusion.sideEffects) {
    list.push({
      key: `se-${s.id}`,
      at: s.at,
      icon: IconMoodSick,
      color: severityColor[s.severity] ?? 'gray',
      title: s.label,
      detail: s.note ?? undefined,
      badge: { label: s.severity, color: severityColor[s.severity] ?? 'gray' },
    });
  }
  for (const x of infusion.interventions) {
    list.push({
      key: `int-${x.id}`,
      at: x.at,
      icon: IconMedicineSyrup,
      color: 'clinic',
      title: `${x.label}${x.doseText ? ` ${x.doseText}` : ''}`,
      detail: x.note ?? undefined,
    });
  }
  for (const a of infusion.alerts) {
    list.push({
      key: `al-${a.id}`,
      at: a.since,
      icon: IconAlertTriangle,
      color: 'red',
      title: `Alert: ${a.message}`,
      badge: { label: a.acknowledgedAt ? 'acknowledged' : 'open', color: a.acknowledgedAt ? 'teal' : 'red' },
    });
    if (a.acknowledgedAt) {
      list.push({
        key: `ack-${a.id}`,
        at: a.acknowledgedAt,
        icon: IconCheck,
        color: 'teal',
        title: `Alert acknowledged${a.acknowledgedBy ? ` by ${a.acknowledgedBy}` : ''}`,
        detail: a.note ?? undefined,
      });
    }
  }
  for (const d of infusion.deviceAlarms) {
    const look = alarmPriority[d.priority];
    const source = alarmSource(d.source);
    list.push({
      key: `da-${d.id}`,
      at: d.firstAt,
      icon: look.icon,
      color: look.color,
      title: `Monitor alarm: ${d.text}`,
      detail: source ? `From ${source}` : undefined,
      badge: { label: look.label.toLowerCase(), color: look.color },
    });
    if (d.acknowledgedAt) {
      list.push({
        key: `da-ack-${d.id}`,
        at: d.acknowledgedAt,
        icon: IconCheck,
        color: 'teal',
        title: `Monitor alarm acknowledged${d.acknowledgedBy ? ` by ${d.acknowledgedBy}` : ''}`,
        detail: d.note ?? undefined,
      });
    }
    if (d.endedAt) {
      list.push({
        key: `da-end-${d.id}`,
        at: d.endedAt,
        icon: IconBellOff,
        color: 'gray',
        title: `Monitor alarm ended: ${d.text}`,
        badge: d.acknowledgedAt ? undefined : { label: 'not acknowledged', color: 'orange' },
      });
    }
  }
  for (const a of infusion.administrations) {
    const where =
      a.route === 'im'
        ? `${a.volumeMl ?? '?'} mL, ${a.side ? `${a.side} ` : ''}${(a.site ?? '').replace('_', ' ')}`
        : `${a.devices ?? '?'} device${a.devices === 1 ? '' : 's'}, ${a.nostril ?? '?'} nostril${a.nostril === 'both' ? 's' : ''}`;
    list.push({
      key: `adm-${a.id}`,
      at: a.at,
      icon: a.route === 'im' ? IconNeedle : IconSpray,
      color: 'blue',
      title: `${a.route === 'im' ? 'Injection' : 'Intranasal dose'} ${a.doseMg} mg`,
      detail: [where, `given by ${a.administeredBy.name}`, a.note].filter(Boolean).join(' · '),
    });
  }
  for (const [i, o] of infusion.bpHold.overrides.entries()) {
    list.push({
      key: `bpo-${i}`,
      at: o.at,
      icon: IconShieldCheck,
      color: 'orange',
      title: `BP hold overridden (${o.sbp}/${o.dbp}) by ${o.byName}`,
      detail: o.reason,
    });
  }
  for (const r of infusion.recoveryScores) {
    list.push({
      key: `rs-${r.id}`,
      at: r.at,
      icon: IconLungs,
      color: 'teal',
      title: `Phase 1: modified Aldrete ${r.total}`,
      detail: `by ${r.by}`,
    });
  }
  if (infusion.discharge) {
    list.push({
      key: 'discharge',
      at: infusion.discharge.at,
      icon: IconCircleCheck,
      color: 'teal',
      title: `Discharged with ${infusion.discharge.escortName}`,
      detail: `${infusion.discharge.scoreType === 'padss' ? 'PADSS' : 'Aldrete'} ${infusion.discharge.score}`,
    });
  }
  return list.sort((a, b) => b.at.localeCompare(a.at));
}

export function SessionTimeline({ infusion }: { infusion: Infusion }) {
  const list = entries(infusion);
  return (
    <Card padding="md" data-testid="timeline">
      <Title order={2} size="h5" mb="sm">
        Timeline
      </Title>
      {list.length === 0 ? (
        <EmptyNote>Nothing charted yet.</EmptyNote>
      ) : (
        <MantineTimeline bulletSize={26} lineWidth={2} active={list.length}>
          {list.map((e) => (
            <MantineTimeline.Item
              key={e.key}
              bullet={<e.icon size={14} aria-hidden />}
              color={e.color}
              title={
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" c="dimmed" className="ok-figure" w={44}>
                    {formatTime(e.at)}
                  </Text>
                  <Text size="sm" fw={600}>
                    {e.title}
                  </Text>
                  {e.badge ? (
                    <Badge size="sm" variant="light" color={e.badge.color}>
                      {e.badge.label}
                    </Badge>
                  ) : null}
                </Group>
              }
            >
              {e.detail ? (
                <Text size="xs" c="dimmed" ml={52}>
                  {e.detail}
                </Text>
              ) : null}
            </MantineTimeline.Item>
          ))}
        </MantineTimeline>
      )}
    </Card>
  );
}

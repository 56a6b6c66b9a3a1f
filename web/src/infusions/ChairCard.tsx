// One chair on the infusion-room board: who, which stage for how long, the big three vitals, and an
// alert badge that cannot be missed. The whole card is one link to the console.
import { VisuallyHidden, Avatar, Badge, Card, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangleFilled, IconArmchair, IconCircleCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { InfusionSummary, Thresholds } from '../api/types.ts';
import { initials } from '../app/format.ts';
import { Sparkline } from './Sparkline.tsx';
import { StageBadge } from './stage.tsx';
import { vitalColors } from './vitalState.ts';
import classes from './Board.module.css';

// The board summary carries no thresholds; these are the clinic defaults (domain/src/monitoring/alerts.ts),
// used only to tint a figure — the alert badge comes from the server.
const defaults: Thresholds = { sbpHigh: 180, dbpHigh: 110, hrHigh: 120, hrSustainMin: 5, spo2Low: 92 };

function Figure({ label, value, unit, warn }: { label: string; value: string; unit: string; warn: boolean }) {
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Text size="xs" fw={700} c="dimmed">
        {label} <span style={{ fontWeight: 400 }}>{unit}</span>
      </Text>
      <Text
        fz={28}
        fw={800}
        className="ok-figure"
        c={warn ? 'red' : undefined}
        style={{ whiteSpace: 'nowrap' }}
      >
        {value}
        {warn ? (
          <IconAlertTriangleFilled
            size={16}
            aria-label="above limit"
            style={{ marginLeft: 4, verticalAlign: 'middle' }}
          />
        ) : null}
      </Text>
    </Stack>
  );
}

export function EmptyChairCard({ name }: { name: string }) {
  return (
    <Card className={classes.empty} padding="lg">
      <Group gap="sm" c="dimmed">
        <IconArmchair size={28} aria-hidden />
        <div>
          <Text fw={700}>{name}</Text>
          <Text size="sm">Free</Text>
        </div>
      </Group>
    </Card>
  );
}

export function ChairCard({ chairName, session }: { chairName: string; session: InfusionSummary }) {
  const openAlerts = session.alerts.filter((a) => !a.acknowledged);
  const alarm = openAlerts.length > 0;
  const hrWarn = session.hr != null && defaults.hrHigh != null && session.hr >= defaults.hrHigh;
  const bpWarn =
    (session.sbp != null && session.sbp >= (defaults.sbpHigh ?? Infinity)) ||
    (session.dbp != null && session.dbp >= (defaults.dbpHigh ?? Infinity));
  const spo2Warn = session.spo2 != null && session.spo2 < (defaults.spo2Low ?? -Infinity);
  return (
    <UnstyledButton
      component={Link}
      to={`/app/infusions/${session.id}`}
      className={classes.link}
      data-testid="chair-card"
      data-alert={alarm ? 'true' : 'false'}
    >
      <Card padding="md" className={alarm ? `${classes.card} ${classes.alarm} ok-alert-pulse` : classes.card}>
        <Stack gap="sm">
          <Group justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              <Avatar radius="xl" size={44} color="clinic" variant="filled" aria-hidden>
                {initials(session.patientName)}
              </Avatar>
              <div style={{ minWidth: 0 }}>
                <Text fw={700} size="lg" truncate="end">
                  {session.patientName}
                </Text>
                <Text size="xs" c="dimmed">
                  {chairName}
                </Text>
              </div>
            </Group>
            <Stack gap={2} align="flex-end">
              <StageBadge stage={session.stage} size="md" />
              <Text size="xs" c="dimmed" className="ok-figure">
                {session.minutesInStage} min in stage
              </Text>
            </Stack>
          </Group>
          {alarm ? (
            <Badge
              color="red"
              variant="filled"
              size="xl"
              radius="sm"
              fullWidth
              leftSection={<IconAlertTriangleFilled size={18} aria-hidden />}
              className={classes.alertBadge}
            >
              {openAlerts.length === 1 ? (openAlerts[0]?.message ?? 'Alert') : `${openAlerts.length} alerts`}
            </Badge>
          ) : session.alerts.length ? (
            <Badge
              color="orange"
              variant="light"
              fullWidth
              leftSection={<IconCircleCheck size={14} aria-hidden />}
            >
              Alert acknowledged, still active
            </Badge>
          ) : null}
          <div className={classes.figures}>
            <Figure
              label="HR"
              value={session.hr != null ? String(session.hr) : '—'}
              unit="bpm"
              warn={hrWarn}
            />
            <Figure
              label="BP"
              value={session.sbp != null ? `${session.sbp}/${session.dbp ?? '—'}` : '—'}
              unit="mmHg"
              warn={bpWarn}
            />
            <Figure
              label="SpO₂"
              value={session.spo2 != null ? String(session.spo2) : '—'}
              unit="%"
              warn={spo2Warn}
            />
          </div>
          <Sparkline values={session.hrSeries} color={vitalColors.hr} label="Heart rate, last 30 readings" />
          {/* The link's name is what the card shows (WCAG 2.5.3, label in name), then where it goes. */}
          <VisuallyHidden>Open the console.</VisuallyHidden>
        </Stack>
      </Card>
    </UnstyledButton>
  );
}

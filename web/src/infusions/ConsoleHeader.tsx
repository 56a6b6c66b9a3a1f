// Who is in the chair and what matters about them, in one band across the top of the console.
import { Anchor, Avatar, Badge, Card, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import {
  IconAlertOctagon,
  IconAlertTriangle,
  IconPlugConnected,
  IconPlugConnectedX,
  IconScale,
} from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Infusion } from '../api/types.ts';
import { formatDate, initials, minutesBetween } from '../app/format.ts';
import { useNow } from '../app/useNow.ts';
import { protocolName, routeLabels } from './protocol.ts';
import { StageBadge } from './stage.tsx';
import type { Connection } from './useLiveInfusion.ts';

function LiveIndicator({ connection }: { connection: Connection }) {
  const live = connection === 'live';
  return (
    <Tooltip
      label={live ? 'Receiving updates as they happen' : 'Live updates interrupted; refreshing every 5 s'}
    >
      <Badge
        variant="light"
        color={live ? 'teal' : 'orange'}
        leftSection={
          live ? <IconPlugConnected size={14} aria-hidden /> : <IconPlugConnectedX size={14} aria-hidden />
        }
        data-testid="live-status"
        style={{ flex: 'none' }}
        data-connection={connection}
      >
        {live ? 'Live' : connection === 'connecting' ? 'Connecting…' : 'Reconnecting…'}
      </Badge>
    </Tooltip>
  );
}

export function ConsoleHeader({ infusion, connection }: { infusion: Infusion; connection: Connection }) {
  const now = useNow(30_000);
  const p = infusion.patient;
  const flags = p.openFlags ?? [];
  // Older than the protocol allows: the dose order waits for a new weight (pre-check weight_current).
  const weightStale = infusion.prechecks.items.some((i) => i.id === 'weight_current' && !i.done);
  const stageMinutes = infusion.stageSince ? minutesBetween(infusion.stageSince, now) : null;
  return (
    <Card padding="md">
      <Group gap="md" wrap="nowrap" align="flex-start">
        <Avatar size={52} radius="xl" color="clinic" variant="filled" aria-hidden>
          {initials(p.name)}
        </Avatar>
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Group gap="xs" align="center" wrap="wrap">
              <Title order={1} size="h3">
                <Anchor component={Link} to={`/app/patients/${p.id}`} c="inherit" underline="hover" fw={700}>
                  {p.name}
                </Anchor>
              </Title>
              <StageBadge stage={infusion.stage} size="lg" testId="stage-badge" />
              {stageMinutes != null && infusion.stage !== 'discharged' && infusion.stage !== 'cancelled' ? (
                <Text size="sm" c="dimmed">
                  {stageMinutes} min in stage
                </Text>
              ) : null}
              {infusion.seriesLabel ? (
                <Badge size="lg" variant="light" color="clinic" data-testid="series-label">
                  {infusion.seriesLabel}
                </Badge>
              ) : null}
            </Group>
            <LiveIndicator connection={connection} />
          </Group>
          <Group gap="xs" wrap="wrap">
            <Text size="sm">
              {p.ageYears} y · MRN <span style={{ fontFamily: 'monospace' }}>{p.mrn}</span>
            </Text>
            <Badge
              variant="light"
              color={p.weightKg && !weightStale ? 'gray' : 'orange'}
              leftSection={<IconScale size={12} aria-hidden />}
              data-testid="header-weight"
            >
              {p.weightKg
                ? `${p.weightKg} kg · ${formatDate(p.weightOn)}${weightStale ? ' · re-weigh' : ''}`
                : 'No weight on file'}
            </Badge>
            {p.allergies.length ? (
              p.allergies.map((a) => (
                <Badge
                  key={a}
                  color="red"
                  variant="light"
                  leftSection={<IconAlertTriangle size={12} aria-hidden />}
                >
                  Allergy: {a}
                </Badge>
              ))
            ) : (
              <Badge variant="outline" color="gray">
                No known allergies
              </Badge>
            )}
            {flags.map((f, i) => (
              <Badge
                // Medication flags repeat a code once per medication.
                key={`${f.code}-${i}`}
                color={f.severity === 'caution' ? 'yellow' : 'red'}
                c={f.severity === 'caution' ? 'dark.9' : undefined}
                variant="filled"
                leftSection={
                  f.severity !== 'caution' ? (
                    <IconAlertOctagon size={12} aria-hidden />
                  ) : (
                    <IconAlertTriangle size={12} aria-hidden />
                  )
                }
              >
                Flag: {f.title}
              </Badge>
            ))}
          </Group>
          <Text size="sm" c="dimmed">
            Protocol: {protocolName(infusion.protocol)}
            {infusion.protocol?.route
              ? ` · ${routeLabels[infusion.protocol.route] ?? infusion.protocol.route}`
              : ''}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}

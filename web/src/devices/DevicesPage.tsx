// Bedside monitors (issue 3): which chair each one is at, the zone its clock runs in, and whether it is
// still being heard. A table on a tablet, cards on a phone; settings in a drawer.
import { Badge, Box, Button, Card, Drawer, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconClockPause, IconPencil, IconPlus, IconWifi, IconWifiOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useResource } from '../api/useResource.ts';
import { useStaffUser } from '../auth/session.tsx';
import { formatDateTime } from '../app/format.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { usePermissions } from '../app/permissions.ts';
import { EmptyNote, ErrorState, LoadingState } from '../app/States.tsx';
import { useNow } from '../app/useNow.ts';
import { infusionsApi } from '../infusions/api.ts';
import { monitorsApi, type Device } from './api.ts';
import { MonitorForm, monitorName } from './MonitorForm.tsx';
import { heardState, timeZoneLabel } from './monitorStatus.ts';

/** Online / offline / not heard yet: an icon and a word, never colour alone. */
function HeardBadge({ device, now }: { device: Device; now: number }) {
  const state = heardState(device.lastSeenAt, now);
  if (state.kind === 'never') {
    return (
      <Badge variant="light" color="gray" leftSection={<IconClockPause size={14} aria-hidden />}>
        Not heard yet
      </Badge>
    );
  }
  return state.kind === 'online' ? (
    <Badge variant="light" color="teal" leftSection={<IconWifi size={14} aria-hidden />}>
      Online
    </Badge>
  ) : (
    <Badge variant="filled" color="red" leftSection={<IconWifiOff size={14} aria-hidden />}>
      Offline
    </Badge>
  );
}

function LastHeard({ device, now }: { device: Device; now: number }) {
  const state = heardState(device.lastSeenAt, now);
  return (
    <Stack gap={4} align="flex-start">
      <HeardBadge device={device} now={now} />
      <Text size="sm" c="dimmed" title={device.lastSeenAt ? formatDateTime(device.lastSeenAt) : undefined}>
        {state.kind === 'never' ? 'Registered, no message yet' : `Heard ${state.ago}`}
      </Text>
    </Stack>
  );
}

function ZoneText({ zone, now }: { zone: string | null; now: number }) {
  return zone ? (
    <Text size="sm">{timeZoneLabel(zone, new Date(now))}</Text>
  ) : (
    <Text size="sm" c="dimmed">
      Not set (UTC)
    </Text>
  );
}

function ChairText({ device }: { device: Device }) {
  return device.chairName ? (
    <Text size="sm" fw={600}>
      {device.chairName}
    </Text>
  ) : (
    <Text size="sm" c="dimmed">
      No chair
    </Text>
  );
}

function NameCell({ device }: { device: Device }) {
  return (
    <>
      <Text size="sm" fw={600}>
        {device.label ?? 'Unnamed monitor'}
      </Text>
      <Text size="xs" c="dimmed" ff="monospace">
        {device.id}
      </Text>
    </>
  );
}

function heardAgo(d: Device, now: number): string {
  const state = heardState(d.lastSeenAt, now);
  return state.kind === 'never' ? 'No message yet' : state.ago;
}

export function DevicesPage() {
  const user = useStaffUser();
  const { can, cannot } = usePermissions();
  const canConfigure = can('devices.configure');
  const list = useResource(
    'devices',
    (signal) => monitorsApi.list(signal).then((r) => ({ ...r, receivedAt: Date.now() })),
    30_000,
  );
  const chairs = useResource(canConfigure ? 'chairs' : null, (signal) => infusionsApi.chairs(signal));
  const tick = useNow(15_000);
  const phone = useMediaQuery('(max-width: 48em)');
  const [editing, setEditing] = useState<{ device?: Device } | null>(null);

  const devices = list.data?.devices ?? [];
  // "Heard 2 min ago" by the server's clock: a tablet whose clock is off must not call a monitor offline.
  const skew = list.data ? new Date(list.data.serverTime).getTime() - list.data.receivedAt : 0;
  const now = tick + skew;
  const offline = devices.filter((d) => heardState(d.lastSeenAt, now).kind === 'offline').length;
  const close = () => setEditing(null);
  const editLabel = (d: Device) => `Change settings of ${monitorName(d)}`;

  return (
    <>
      <PageHeader
        title="Monitors"
        description="Bedside monitors that send vital signs. Set each one's chair, so readings that name no patient chart on the patient in that chair, and the time zone of its clock."
        actions={
          canConfigure ? (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing({})}>
              Register monitor
            </Button>
          ) : null
        }
      />
      {!canConfigure ? (
        <Text size="sm" c="dimmed" mb="sm">
          {cannot('devices.configure', 'change monitor settings')}
        </Text>
      ) : null}
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <LoadingState label="Loading monitors…" /> : null}
      {list.data && devices.length === 0 ? (
        <Card>
          <EmptyNote>
            No monitors yet. A monitor appears here when its first message arrives
            {canConfigure ? ', or register one ahead with its device id.' : '.'}
          </EmptyNote>
        </Card>
      ) : null}
      {list.data && devices.length > 0 ? (
        <>
          <Text size="sm" mb="xs" role="status">
            {devices.length} monitor{devices.length === 1 ? '' : 's'}
            {offline ? ` · ${offline} offline (not heard for over 5 minutes)` : ' · none offline'}
          </Text>
          {phone ? (
            <Stack gap="sm" aria-label="Monitors">
              {devices.map((d) => (
                <Card key={d.id} withBorder component="article" aria-label={monitorName(d)}>
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                    <Box miw={0}>
                      <NameCell device={d} />
                    </Box>
                    <HeardBadge device={d} now={now} />
                  </Group>
                  <Stack gap={6} mt="sm">
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" c="dimmed" w={88}>
                        Chair
                      </Text>
                      <ChairText device={d} />
                    </Group>
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      <Text size="sm" c="dimmed" w={88}>
                        Time zone
                      </Text>
                      <ZoneText zone={d.timeZone} now={now} />
                    </Group>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" c="dimmed" w={88}>
                        Last heard
                      </Text>
                      <Text size="sm" title={d.lastSeenAt ? formatDateTime(d.lastSeenAt) : undefined}>
                        {heardAgo(d, now)}
                      </Text>
                    </Group>
                  </Stack>
                  {canConfigure ? (
                    <Button
                      mt="sm"
                      variant="default"
                      fullWidth
                      leftSection={<IconPencil size={16} aria-hidden />}
                      onClick={() => setEditing({ device: d })}
                      aria-label={editLabel(d)}
                    >
                      Change settings
                    </Button>
                  ) : null}
                </Card>
              ))}
            </Stack>
          ) : (
            <Card p={0}>
              <Table.ScrollContainer minWidth={760}>
                <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label="Monitors">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Monitor</Table.Th>
                      <Table.Th>Chair</Table.Th>
                      <Table.Th>Time zone</Table.Th>
                      <Table.Th>Last heard</Table.Th>
                      {canConfigure ? (
                        <Table.Th>
                          <VisuallyHidden>Actions</VisuallyHidden>
                        </Table.Th>
                      ) : null}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {devices.map((d) => (
                      <Table.Tr key={d.id}>
                        <Table.Td>
                          <NameCell device={d} />
                        </Table.Td>
                        <Table.Td>
                          <ChairText device={d} />
                        </Table.Td>
                        <Table.Td>
                          <ZoneText zone={d.timeZone} now={now} />
                        </Table.Td>
                        <Table.Td>
                          <LastHeard device={d} now={now} />
                        </Table.Td>
                        {canConfigure ? (
                          <Table.Td ta="right">
                            <Button
                              size="xs"
                              variant="default"
                              leftSection={<IconPencil size={16} aria-hidden />}
                              onClick={() => setEditing({ device: d })}
                              aria-label={editLabel(d)}
                            >
                              Change
                            </Button>
                          </Table.Td>
                        ) : null}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
          )}
        </>
      ) : null}
      <Drawer
        opened={editing !== null}
        onClose={close}
        position={phone ? 'bottom' : 'right'}
        size={phone ? '92%' : 'md'}
        title={editing?.device ? `Monitor settings: ${monitorName(editing.device)}` : 'Register monitor'}
      >
        {editing ? (
          <MonitorForm
            key={editing.device?.id ?? 'new'}
            {...(editing.device ? { device: editing.device } : {})}
            devices={devices}
            chairs={chairs.data?.chairs ?? []}
            chairsError={Boolean(chairs.error)}
            clinicTimeZone={user.clinicTimeZone}
            onCancel={close}
            onStale={list.reload}
            onSaved={() => {
              close();
              list.reload();
            }}
          />
        ) : null}
      </Drawer>
    </>
  );
}

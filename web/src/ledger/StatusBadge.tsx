// A container's state in a word and an icon (never colour alone): sealed, open, empty, expired.
import { Badge } from '@mantine/core';
import { IconAlertTriangle, IconCircleDashed, IconLock, IconLockOpen } from '@tabler/icons-react';
import type { ContainerStatus } from './api.ts';

const looks: Record<
  ContainerStatus,
  { label: string; color: string; variant: 'light' | 'filled' | 'outline' }
> = {
  sealed: { label: 'Sealed', color: 'teal', variant: 'light' },
  open: { label: 'Open', color: 'blue', variant: 'light' },
  empty: { label: 'Empty', color: 'gray', variant: 'outline' },
  expired: { label: 'Expired', color: 'red', variant: 'filled' },
};

const icons = {
  sealed: IconLock,
  open: IconLockOpen,
  empty: IconCircleDashed,
  expired: IconAlertTriangle,
} as const;

export function StatusBadge({ status }: { status: ContainerStatus }) {
  const look = looks[status] ?? looks.open;
  const Icon = icons[status] ?? IconLockOpen;
  return (
    <Badge variant={look.variant} color={look.color} tt="none" leftSection={<Icon size={12} aria-hidden />}>
      {look.label}
    </Badge>
  );
}

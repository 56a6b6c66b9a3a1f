// The staff frame: header with clinic, person and sign-out; navigation as tabs on a tablet and a
// drawer on a phone; the screen in the middle.
import {
  VisuallyHidden,
  ActionIcon,
  Tooltip,
  AppShell,
  Badge,
  Box,
  Burger,
  Button,
  Group,
  NavLink,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLogout } from '@tabler/icons-react';
import { Suspense } from 'react';
import { Link, NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession, useStaffUser } from '../auth/session.tsx';
import { useDeviceMessageCount } from '../devices/useDeviceMessageCount.ts';
import { useSafetyAlertCount } from '../questionnaires/useSafetyAlertCount.ts';
import { Brand } from './Brand.tsx';
import { ColorSchemeToggle } from './ColorSchemeToggle.tsx';
import { roleLabel } from './format.ts';
import { LoadingState } from './States.tsx';
import { navItems, type NavItem } from './nav.ts';
import { roleCan } from './permissions.ts';
import classes from './AppLayout.module.css';

function CountBadge({
  count,
  color = 'red',
  noun = 'open',
}: {
  count: number | null;
  color?: string;
  noun?: string;
}) {
  if (!count) {
    return null;
  }
  return (
    <Badge color={color} variant="filled" size="sm" circle={count < 10} aria-label={`${count} ${noun}`}>
      {count}
    </Badge>
  );
}

export function AppLayout() {
  const user = useStaffUser();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const safetyCount = useSafetyAlertCount();
  const deviceCount = useDeviceMessageCount(roleCan(user.role, 'devices.review'));
  const badgeOf = (item: NavItem) =>
    item.badge === 'safety' ? (
      <CountBadge count={safetyCount} />
    ) : item.badge === 'devices' ? (
      <CountBadge count={deviceCount} color="orange" noun="waiting for review" />
    ) : null;

  const items = navItems.filter((item: NavItem) => !item.roles || item.roles.includes(user.role));
  const isActive = (to: string) => location.pathname === to || location.pathname.startsWith(`${to}/`);

  async function handleSignOut() {
    await signOut();
    navigate('/signin', { replace: true });
  }

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 280, breakpoint: 'md', collapsed: { mobile: !opened, desktop: true } }}
      padding={{ base: 'sm', sm: 'md' }}
    >
      <a className="ok-skip-link" href="#main">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          {/* Short of space, the clinic name gives way (down to its mark); the tabs and the person
              signed in never do. */}
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 36 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label="Open navigation" />
            <UnstyledButton component={Link} to="/app" style={{ minWidth: 0 }}>
              <Brand name={user.clinicName} subtitle="OpenKAP" nameClassName={classes.brandName} />
              <VisuallyHidden>(home)</VisuallyHidden>
            </UnstyledButton>
          </Group>

          <Group
            component="nav"
            aria-label="Main"
            gap={4}
            visibleFrom="md"
            wrap="nowrap"
            style={{ flexShrink: 0 }}
          >
            {items.map((item) => (
              <RouterNavLink key={item.to} to={item.to} className={classes.tab}>
                <item.icon size={20} aria-hidden />
                <span>{item.label}</span>
                {badgeOf(item)}
              </RouterNavLink>
            ))}
          </Group>

          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Box visibleFrom="sm" ta="right" maw={150} className={classes.who}>
              <Text size="sm" fw={600} lh={1.2} truncate="end">
                {user.name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2} truncate="end">
                {roleLabel(user.role)}
              </Text>
            </Box>
            <ColorSchemeToggle />
            <Button
              variant="default"
              leftSection={<IconLogout size={18} aria-hidden />}
              onClick={handleSignOut}
              visibleFrom="lg"
            >
              Sign out
            </Button>
            <Tooltip label={`Sign out ${user.name} (${roleLabel(user.role)})`}>
              <ActionIcon
                variant="default"
                size="lg"
                onClick={handleSignOut}
                aria-label="Sign out"
                hiddenFrom="lg"
              >
                <IconLogout size={20} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="md" aria-label="Main">
        <Stack gap={4}>
          <Box mb="sm">
            <Text fw={600}>{user.name}</Text>
            <Text size="sm" c="dimmed">
              {roleLabel(user.role)}
            </Text>
          </Box>
          {items.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              active={isActive(item.to)}
              leftSection={<item.icon size={20} aria-hidden />}
              rightSection={badgeOf(item)}
              onClick={close}
              py="sm"
            />
          ))}
          <Button
            mt="md"
            variant="default"
            leftSection={<IconLogout size={18} aria-hidden />}
            onClick={handleSignOut}
          >
            Sign out
          </Button>
        </Stack>
      </AppShell.Navbar>

      <AppShell.Main id="main" bg="var(--mantine-color-gray-light)">
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

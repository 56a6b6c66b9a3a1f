// Guards /app: asks the server who is signed in, sends strangers to /signin and back afterwards.
import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { errorMessage } from '../api/notify.tsx';
import { useSession } from './session.tsx';

export function RequireStaff() {
  const { state, check } = useSession();
  const location = useLocation();

  useEffect(() => {
    if (state.status === 'unknown') {
      check();
    }
  }, [state.status, check]);

  if (state.status === 'signed-in') {
    return <Outlet />;
  }
  if (state.status === 'signed-out') {
    return (
      <Navigate
        to="/signin"
        replace
        state={{ from: location.pathname + location.search, expired: state.expired }}
      />
    );
  }
  if (state.status === 'error') {
    return (
      <Center mih="100vh" p="md">
        <Alert
          color="red"
          icon={<IconPlugConnectedX aria-hidden />}
          title="Cannot reach the clinic server"
          maw={480}
        >
          <Stack gap="sm">
            <Text size="sm">{errorMessage(state.error)}</Text>
            <Button variant="white" color="red" onClick={check} w="fit-content">
              Try again
            </Button>
          </Stack>
        </Alert>
      </Center>
    );
  }
  return (
    <Center mih="100vh" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader aria-hidden />
        <Text c="dimmed">Checking your session…</Text>
      </Stack>
    </Center>
  );
}

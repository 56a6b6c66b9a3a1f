// Staff sign-in. A wrong password says so plainly; a finished sign-in returns to where the user was.
import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconClockExclamation, IconLogin } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { LoginRequest } from '@openkap/domain/auth/schema';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/notify.tsx';
import { check, type FieldErrors } from '../api/validate.ts';
import { Brand } from '../app/Brand.tsx';
import { authApi } from './api.ts';
import { useSession } from './session.tsx';

interface FromState {
  from?: string;
  expired?: boolean;
}

export function SignInPage() {
  const { state, signedIn, check: checkSession } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as FromState | null)?.from ?? '/app';
  const expired = (location.state as FromState | null)?.expired ?? false;

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (state.status === 'unknown') {
      checkSession();
    }
  }, [state.status, checkSession]);

  if (state.status === 'signed-in' && !busy) {
    return <Navigate to={from} replace />;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const parsed = check(LoginRequest, { email, password });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const { user } = await authApi.login(parsed.value);
      signedIn(user);
      navigate(from, { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setFailure('That email and password do not match an account.');
      } else if (error instanceof ApiError && error.issues.length) {
        setErrors(error.fieldErrors());
      } else {
        setFailure(errorMessage(error));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Box bg="var(--mantine-color-gray-0)" mih="100vh" component="main">
      <Center mih="100vh" p="md">
        <Stack w="100%" maw={420} gap="lg">
          <Anchor component={Link} to="/" underline="never" c="inherit" aria-label="OpenKAP home">
            <Brand name="OpenKAP" subtitle="Clinic staff" />
          </Anchor>
          <Paper withBorder shadow="sm" p="xl">
            <form onSubmit={submit} noValidate aria-labelledby="signin-title">
              <Stack gap="md">
                <div>
                  <Title order={1} size="h2" id="signin-title">
                    Staff sign-in
                  </Title>
                  <Text c="dimmed" size="sm" mt={4}>
                    For the clinic team. Patients answer questionnaires from the one-time link the clinic
                    sends them.
                  </Text>
                </div>
                {expired ? (
                  <Alert color="yellow" icon={<IconClockExclamation aria-hidden />} title="Signed out">
                    Your session ended. Please sign in again.
                  </Alert>
                ) : null}
                {failure ? (
                  <Alert
                    color="red"
                    icon={<IconAlertTriangle aria-hidden />}
                    title="Sign-in failed"
                    role="alert"
                  >
                    {failure}
                  </Alert>
                ) : null}
                <TextInput
                  label="Email"
                  type="email"
                  autoComplete="username"
                  required
                  value={email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                  error={errors.email}
                  autoFocus
                />
                <PasswordInput
                  label="Password"
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={errors.password}
                  visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the characters typed' }}
                />
                <Button
                  type="submit"
                  size="md"
                  loading={busy}
                  leftSection={<IconLogin size={18} aria-hidden />}
                >
                  Sign in
                </Button>
              </Stack>
            </form>
          </Paper>
          <Text size="sm" c="dimmed" ta="center">
            <Anchor component={Link} to="/">
              Back to the clinic&rsquo;s public page
            </Anchor>
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}

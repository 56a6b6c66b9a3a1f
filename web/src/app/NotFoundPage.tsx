import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage({ home = '/' }: { home?: string }) {
  return (
    <Center mih="60vh" p="md">
      <Stack align="center" gap="sm">
        <Title order={1} size="h2">
          Page not found
        </Title>
        <Text c="dimmed" ta="center">
          The address may be mistyped, or the page has moved.
        </Text>
        <Button component={Link} to={home}>
          Go to the start page
        </Button>
      </Stack>
    </Center>
  );
}

// The infusion room at a glance: one card per chair, refreshed every 5 seconds.
import { Badge, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useResource } from '../api/useResource.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { EmptyNote, ErrorState, LoadingState } from '../app/States.tsx';
import { infusionsApi } from './api.ts';
import { ChairCard, EmptyChairCard } from './ChairCard.tsx';

export function BoardPage() {
  const board = useResource('board', (signal) => infusionsApi.board(signal), 5000);
  const data = board.data;
  const alerts = data
    ? [...data.chairs.map((c) => c.session), ...(data.unassigned ?? [])].filter(
        (s) => s && s.alerts.some((a) => !a.acknowledged),
      ).length
    : 0;

  return (
    <>
      <PageHeader
        title="Infusion room"
        description="Tap a chair to open its console. Updates every 5 seconds."
        actions={
          <>
            {alerts ? (
              <Badge color="red" size="lg" variant="filled">
                {alerts} chair{alerts === 1 ? '' : 's'} alerting
              </Badge>
            ) : null}
            <Badge
              variant="light"
              color={board.error ? 'orange' : 'teal'}
              leftSection={<IconRefresh size={12} aria-hidden />}
            >
              {board.error ? 'Refresh failed — retrying' : 'Live'}
            </Badge>
          </>
        }
      />
      {board.error && !data ? <ErrorState error={board.error} onRetry={board.reload} /> : null}
      {!data && !board.error ? <LoadingState label="Loading the board…" /> : null}
      {data ? (
        <Stack gap="lg">
          {data.chairs.length === 0 ? <EmptyNote>No chairs are set up for this clinic.</EmptyNote> : null}
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
            {data.chairs.map((chair) =>
              chair.session ? (
                <ChairCard key={chair.id} chairName={chair.name} session={chair.session} />
              ) : (
                <EmptyChairCard key={chair.id} name={chair.name} />
              ),
            )}
          </SimpleGrid>
          {data.unassigned?.length ? (
            <Stack gap="sm">
              <Title order={2} size="h4">
                Not in a chair
              </Title>
              <Text size="sm" c="dimmed">
                Sessions started without a chair.
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
                {data.unassigned.map((s) => (
                  <ChairCard key={s.id} chairName="No chair" session={s} />
                ))}
              </SimpleGrid>
            </Stack>
          ) : null}
        </Stack>
      ) : null}
    </>
  );
}

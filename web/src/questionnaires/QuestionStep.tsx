// One question on a phone: the stem, the question, a big button per answer (a grid of numbers for a
// numbered scale such as pain 0–10), progress and "Back".
import { Button, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCheck } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import type { Instrument, InstrumentItem } from '../api/types.ts';
import { answerLayout, itemOptions, optionLabel, scaleAnchors } from './options.ts';

interface Props {
  instrument: Instrument;
  item: InstrumentItem;
  position: number;
  count: number;
  overall: number;
  value: number | undefined;
  onAnswer: (value: number) => void;
  onBack: (() => void) | null;
  /**
   * The suicide-risk item: it cannot be skipped, only answered or explicitly declined ("prefer not to
   * answer"), which the clinic sees as a task to ask in person.
   */
  decline?: { declined: boolean; onDecline: () => void };
}

export function QuestionStep({
  instrument,
  item,
  position,
  count,
  overall,
  value,
  onAnswer,
  onBack,
  decline,
}: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [item.linkId]);
  const options = itemOptions(instrument, item);
  // A bare 0–10 scale reads as a row of numbers; worded answers as big buttons, one per line.
  const layout = answerLayout(options);
  const anchors = scaleAnchors(options);

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Group justify="space-between">
          <Text size="sm" fw={700} c="clinic">
            {instrument.title}
          </Text>
          <Text size="sm" fw={700} data-testid="question-progress">
            {position} of {count}
          </Text>
        </Group>
        <Progress
          value={overall * 100}
          size="sm"
          radius="xl"
          aria-label={`${Math.round(overall * 100)} percent done`}
        />
      </Stack>
      {/* A long stem (PCL-5) in smaller type, so the answers stay on the first screen. */}
      <Text c="dimmed" size={instrument.prompt.length > 120 ? 'sm' : undefined}>
        {instrument.prompt}
      </Text>
      <Title order={1} size="h3" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
        {item.text}
      </Title>
      {layout === 'scale' ? (
        <Stack gap={6} role="group" aria-label="Answers">
          {anchors.length ? (
            <Group justify="space-between" gap="xs" wrap="nowrap" aria-hidden>
              {anchors.map((o) => (
                <Text
                  key={o.value}
                  size="sm"
                  c="dimmed"
                  ta={o === anchors[0] && anchors.length > 1 ? 'left' : 'right'}
                >
                  {o.value} = {o.label}
                </Text>
              ))}
            </Group>
          ) : null}
          <SimpleGrid cols={Math.min(options.length, 6)} spacing={8} verticalSpacing={8}>
            {options.map((option) => {
              const selected = value === option.value;
              return (
                <Button
                  key={option.value}
                  aria-pressed={selected}
                  aria-label={optionLabel(option)}
                  h={56}
                  px={0}
                  radius="lg"
                  variant={selected ? 'filled' : 'default'}
                  onClick={() => onAnswer(option.value)}
                  styles={{ label: { fontSize: 20 } }}
                >
                  {option.value}
                </Button>
              );
            })}
          </SimpleGrid>
        </Stack>
      ) : (
        <Stack gap="sm" role="group" aria-label="Answers">
          {options.map((option) => {
            const selected = value === option.value;
            return (
              <Button
                key={option.value}
                aria-pressed={selected}
                size="xl"
                mih={64}
                h="auto"
                py="sm"
                radius="lg"
                variant={selected ? 'filled' : 'default'}
                justify="space-between"
                rightSection={
                  selected ? <IconCheck size={22} aria-hidden /> : <span aria-hidden style={{ width: 22 }} />
                }
                onClick={() => onAnswer(option.value)}
                styles={{ label: { whiteSpace: 'normal', textAlign: 'left', fontSize: 18 } }}
              >
                {option.label}
              </Button>
            );
          })}
        </Stack>
      )}
      {decline ? (
        <Stack gap={6}>
          <Button
            aria-pressed={decline.declined}
            size="lg"
            radius="lg"
            variant={decline.declined ? 'filled' : 'outline'}
            color="gray"
            justify="space-between"
            rightSection={
              decline.declined ? (
                <IconCheck size={22} aria-hidden />
              ) : (
                <span aria-hidden style={{ width: 22 }} />
              )
            }
            onClick={decline.onDecline}
            styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
          >
            Prefer not to answer
          </Button>
          <Text size="sm" c="dimmed">
            If you prefer not to answer, someone from your care team will ask you about this question.
          </Text>
        </Stack>
      ) : null}
      {onBack ? (
        <Button
          variant="subtle"
          size="md"
          leftSection={<IconArrowLeft size={18} aria-hidden />}
          onClick={onBack}
          w="fit-content"
        >
          Back
        </Button>
      ) : null}
    </Stack>
  );
}

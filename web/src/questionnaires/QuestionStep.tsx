// One question on a phone: the stem, the question, a big button per answer, progress and "Back".
import { Button, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCheck } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import type { Instrument, InstrumentItem } from '../api/types.ts';
import { itemOptions } from './options.ts';

interface Props {
  instrument: Instrument;
  item: InstrumentItem;
  position: number;
  count: number;
  overall: number;
  value: number | undefined;
  onAnswer: (value: number) => void;
  onBack: (() => void) | null;
}

export function QuestionStep({ instrument, item, position, count, overall, value, onAnswer, onBack }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [item.linkId]);

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
      <Text c="dimmed">{instrument.prompt}</Text>
      <Title order={1} size="h3" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
        {item.text}
      </Title>
      <Stack gap="sm" role="group" aria-label="Answers">
        {itemOptions(instrument, item).map((option) => {
          const selected = value === option.value;
          return (
            <Button
              key={option.value}
              aria-pressed={selected}
              size="xl"
              h={64}
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

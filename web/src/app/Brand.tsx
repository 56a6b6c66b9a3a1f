import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconDroplet } from '@tabler/icons-react';

/** The product mark: a droplet in a rounded square, and a name. */
export function Brand({
  name,
  subtitle,
  nameClassName,
}: {
  name: string;
  subtitle?: string;
  /** Lets a crowded header hide the words and keep the mark. */
  nameClassName?: string;
}) {
  return (
    <Group gap="sm" wrap="nowrap">
      <ThemeIcon size={36} radius="md" variant="filled" aria-hidden>
        <IconDroplet size={22} stroke={2} />
      </ThemeIcon>
      <div className={nameClassName} style={{ minWidth: 0, maxWidth: 230 }}>
        <Text fw={700} size="lg" lh={1.1} truncate="end">
          {name}
        </Text>
        {subtitle ? (
          <Text size="xs" c="dimmed" lh={1.2} truncate="end">
            {subtitle}
          </Text>
        ) : null}
      </div>
    </Group>
  );
}

// How each stage of an infusion looks: a word, an icon and a colour, always together.
import { Badge, type BadgeProps } from '@mantine/core';
import {
  IconBed,
  IconCircleCheck,
  IconClipboardCheck,
  IconDroplet,
  IconPlayerPause,
  IconX,
  type Icon,
} from '@tabler/icons-react';
import type { InfusionStage } from '../api/types.ts';

export const stageLook: Record<InfusionStage, { label: string; color: string; icon: Icon }> = {
  precheck: { label: 'Pre-check', color: 'gray', icon: IconClipboardCheck },
  infusing: { label: 'Infusing', color: 'blue', icon: IconDroplet },
  paused: { label: 'Paused', color: 'yellow', icon: IconPlayerPause },
  recovery: { label: 'Recovery', color: 'violet', icon: IconBed },
  discharged: { label: 'Discharged', color: 'teal', icon: IconCircleCheck },
  cancelled: { label: 'Cancelled', color: 'gray', icon: IconX },
};

export function stageOf(stage: string) {
  return stageLook[stage as InfusionStage] ?? { label: stage, color: 'gray', icon: IconClipboardCheck };
}

export function StageBadge({ stage, testId, ...props }: { stage: string; testId?: string } & BadgeProps) {
  const look = stageOf(stage);
  const StageIcon = look.icon;
  return (
    <Badge
      color={look.color}
      variant={stage === 'infusing' ? 'filled' : 'light'}
      leftSection={<StageIcon size={14} aria-hidden />}
      data-testid={testId}
      data-stage={stage}
      {...props}
    >
      {look.label}
    </Badge>
  );
}

export const activeStages: InfusionStage[] = ['precheck', 'infusing', 'paused', 'recovery'];

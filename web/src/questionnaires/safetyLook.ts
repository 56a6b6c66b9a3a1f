// How a safety alert and a safety task look wherever they are listed: both urgent, told apart by icon
// and words as well as colour.
import { IconAlertTriangleFilled, IconMessageQuestion, type Icon } from '@tabler/icons-react';
import type { SafetyAlertType } from '../api/types.ts';

export interface SafetyLook {
  /** "Safety alert" or "Safety task". */
  word: string;
  color: 'red' | 'orange';
  icon: Icon;
  /** What to write in the acknowledgement note. */
  placeholder: string;
}

export function safetyLook(type: SafetyAlertType): SafetyLook {
  return type === 'task'
    ? {
        word: 'Safety task',
        color: 'orange',
        icon: IconMessageQuestion,
        placeholder: 'e.g. Asked the patient by phone: no thoughts of self-harm; safety plan reviewed',
      }
    : {
        word: 'Safety alert',
        color: 'red',
        icon: IconAlertTriangleFilled,
        placeholder: 'e.g. Called patient, safety plan reviewed, appointment brought forward',
      };
}

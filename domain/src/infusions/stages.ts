import { DomainError } from '../errors.ts';

/** Where a session stands; the infusion room board shows one card per chair by stage. */
export type SessionStage = 'precheck' | 'infusing' | 'paused' | 'recovery' | 'discharged' | 'cancelled';

export type SessionEvent =
  /** The caller passes the result of precheckStatus; a session cannot start on an incomplete checklist. */
  | { type: 'start'; prechecksComplete: boolean }
  | { type: 'pause' }
  | { type: 'resume' }
  /** Infusion finished or stopped early: either way the patient goes to recovery and is observed. */
  | { type: 'stop' }
  /** The caller passes dischargeReadiness(...).ready. */
  | { type: 'discharge'; ready: boolean }
  /** Only before the drug is given; once dosing started the patient must go through recovery. */
  | { type: 'cancel'; reason: string };

const allowed: Readonly<Record<SessionStage, readonly SessionEvent['type'][]>> = {
  precheck: ['start', 'cancel'],
  infusing: ['pause', 'stop'],
  paused: ['resume', 'stop'],
  recovery: ['discharge'],
  discharged: [],
  cancelled: [],
};

/** The stage after an event, or DomainError for a move the clinic's workflow does not allow. */
export function nextStage(stage: SessionStage, event: SessionEvent): SessionStage {
  const moves = Object.hasOwn(allowed, stage) ? allowed[stage] : undefined;
  if (!moves) {
    throw new DomainError('invalid_input', `Unknown session stage "${String(stage)}"`, { stage });
  }
  if (!moves.includes(event.type)) {
    throw new DomainError('illegal_transition', `Cannot ${event.type} a session in ${stage}`, {
      stage,
      event: event.type,
    });
  }
  switch (event.type) {
    case 'start':
      if (!event.prechecksComplete) {
        throw new DomainError('prechecks_incomplete', 'Complete the pre-infusion checklist before starting');
      }
      return 'infusing';
    case 'pause':
      return 'paused';
    case 'resume':
      return 'infusing';
    case 'stop':
      return 'recovery';
    case 'discharge':
      if (!event.ready) {
        throw new DomainError('discharge_not_ready', 'Discharge criteria are not met yet');
      }
      return 'discharged';
    case 'cancel':
      if (!event.reason?.trim()) {
        throw new DomainError('invalid_input', 'A cancelled session needs a reason');
      }
      return 'cancelled';
  }
}

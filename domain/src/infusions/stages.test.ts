import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { nextStage } from './stages.ts';
import type { SessionEvent, SessionStage } from './stages.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) {
      return error.code;
    }
    throw error;
  }
  return undefined;
}

describe('nextStage', () => {
  it('walks a whole session: precheck → infusing ⇄ paused → recovery → discharged', () => {
    let stage: SessionStage = 'precheck';
    const events: SessionEvent[] = [
      { type: 'start', prechecksComplete: true },
      { type: 'pause' },
      { type: 'resume' },
      { type: 'stop' },
      { type: 'discharge', ready: true },
    ];
    const seen = events.map((e) => (stage = nextStage(stage, e)));
    expect(seen).toEqual(['infusing', 'paused', 'infusing', 'recovery', 'discharged']);
  });

  it('goes to recovery when stopped while paused', () => {
    expect(nextStage('paused', { type: 'stop' })).toBe('recovery');
  });

  it('refuses to start before the prechecks are complete', () => {
    expect(codeOf(() => nextStage('precheck', { type: 'start', prechecksComplete: false }))).toBe(
      'prechecks_incomplete',
    );
  });

  it('refuses discharge before the criteria are met', () => {
    expect(codeOf(() => nextStage('recovery', { type: 'discharge', ready: false }))).toBe(
      'discharge_not_ready',
    );
  });

  it('cancels only from precheck, with a reason', () => {
    expect(nextStage('precheck', { type: 'cancel', reason: 'No ride home' })).toBe('cancelled');
    expect(codeOf(() => nextStage('precheck', { type: 'cancel', reason: ' ' }))).toBe('invalid_input');
    expect(codeOf(() => nextStage('infusing', { type: 'cancel', reason: 'x' }))).toBe('illegal_transition');
    expect(codeOf(() => nextStage('recovery', { type: 'cancel', reason: 'x' }))).toBe('illegal_transition');
  });

  it.each<[SessionStage, SessionEvent]>([
    ['precheck', { type: 'discharge', ready: true }],
    ['precheck', { type: 'stop' }],
    ['precheck', { type: 'pause' }],
    ['infusing', { type: 'discharge', ready: true }],
    ['infusing', { type: 'start', prechecksComplete: true }],
    ['infusing', { type: 'resume' }],
    ['paused', { type: 'pause' }],
    ['paused', { type: 'discharge', ready: true }],
    ['recovery', { type: 'start', prechecksComplete: true }],
    ['recovery', { type: 'resume' }],
    ['discharged', { type: 'stop' }],
    ['discharged', { type: 'discharge', ready: true }],
    ['cancelled', { type: 'start', prechecksComplete: true }],
  ])('refuses %s → %j', (stage, event) => {
    expect(codeOf(() => nextStage(stage, event))).toBe('illegal_transition');
  });

  it('rejects an unknown stage', () => {
    expect(codeOf(() => nextStage('waiting' as SessionStage, { type: 'pause' }))).toBe('invalid_input');
  });
});

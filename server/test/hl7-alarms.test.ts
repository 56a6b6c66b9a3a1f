/**
 * Monitor alarms (IHE PCD-04, ORU^R40) → device_alarms → the infusion console (issue 3 "device alarms").
 * Messages are our own, in the layout of interop.md §2 sample D (GE Mural, `\n` separators) with the
 * facet codes varied the way vendors vary them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frame } from '../src/hl7/framing.ts';
import type { MllpListener } from '../src/hl7/listener.ts';
import { parsePcd04 } from '../src/hl7/pcd04.ts';
import { Hl7Reject } from '../src/hl7/message.ts';
import { backends, call, startClinic, type TestClinic } from './harness.ts';
import { geMessage } from './hl7-fixtures.ts';
import { TestMonitor, listenFor, msa } from './hl7-client.ts';

type FacetStyle = 'ge' | 'ieee' | 'refid-only';

interface AlarmOptions {
  controlId: string;
  at: string;
  eventId: string;
  text: string;
  phase?: string;
  priority?: string;
  type?: string;
  mrn?: string;
  bed?: string;
  device?: string;
  style?: FacetStyle;
  /** OBX-8 of facet 1; default `A~<priority>~<type>`. */
  flags?: string;
  /** Leave out the priority and type facets (then OBX-8 carries them). */
  noPriorityFacets?: boolean;
}

/** Facet OBX-3 per style: GE Mural's 68164–68167, the 68481… family, or codes nobody knows + REFID. */
const FACETS: Record<FacetStyle, Record<string, string>> = {
  ge: {
    source: '68164^MDC_ATTR_ALERT_SOURCE^MDC',
    phase: '68165^MDC_ATTR_EVENT_PHASE^MDC',
    state: '68166^MDC_ATTR_ALERT_STATE^MDC',
    inactivation: '68167^MDC_ATTR_ALARM_INACTIVATION_STATE^MDC',
    priority: '68484^MDC_ATTR_ALARM_PRIORITY^MDC',
    type: '68485^MDC_ATTR_ALERT_TYPE^MDC',
  },
  ieee: {
    source: '68480^MDC_ATTR_ALERT_SOURCE^MDC',
    phase: '68481^MDC_ATTR_EVENT_PHASE^MDC',
    state: '68482^MDC_ATTR_ALARM_STATE^MDC',
    inactivation: '68483^MDC_ATTR_ALARM_INACTIVATION_STATE^MDC',
    priority: '68484^MDC_ATTR_ALARM_PRIORITY^MDC',
    type: '68485^MDC_ATTR_ALERT_TYPE^MDC',
  },
  'refid-only': {
    source: '90001^MDC_ATTR_ALERT_SOURCE^MDC',
    phase: '90002^MDC_ATTR_EVENT_PHASE^MDC',
    state: '90003^MDC_ATTR_ALERT_STATE^MDC',
    inactivation: '^MDC_ATTR_ALARM_INACTIVATION_STATE^MDC',
    priority: '90005^MDC_ATTR_ALARM_PRIORITY^MDC',
    type: '90006^MDC_ATTR_ALERT_TYPE^MDC',
  },
};

function obrOf(o: AlarmOptions): string {
  const where = `ICU&${o.bed ?? ''}&${o.bed ?? ''}&CLINIC`;
  return `OBR|1|${o.eventId}^MURAL^${where}|${o.eventId}^MURAL^${where}|196616^MDC_EVT_ALARM^MDC|||${o.at}`;
}

function facetsOf(o: AlarmOptions): string[] {
  const priority = o.priority ?? 'PM';
  const type = o.type ?? 'SP';
  const flags = o.flags ?? `A~${priority}~${type}`;
  const f = FACETS[o.style ?? 'ge'];
  const dev = o.device ?? 'MURAL';
  const lines = [
    'OBX|1||69965^MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS^MDC|1.0.0.0|||||||X',
    `OBX|2|ST|196648^MDC_EVT_HI_VAL_GT_LIM^MDC|1.0.0.0.1|${o.text}|||${flags}|||R|||${o.at}||||${dev}`,
    `OBX|3|ST|${f.source}|1.0.0.0.2|150456^MDC_PULS_OXIM_SAT_O2^MDC|||${flags}|||R`,
    `OBX|4|ST|${f.phase}|1.0.0.0.3|${o.phase ?? 'start'}|||${flags}|||R`,
    `OBX|5|ST|${f.state}|1.0.0.0.4|active|||${flags}|||R`,
    `OBX|6|ST|${f.inactivation}|1.0.0.0.5|enabled|||${flags}|||R`,
  ];
  if (!o.noPriorityFacets) {
    lines.push(`OBX|7|ST|${f.priority}|1.0.0.0.6|${priority}|||${flags}|||R`);
    lines.push(`OBX|8|ST|${f.type}|1.0.0.0.7|${type}|||${flags}|||R`);
  }
  return lines;
}

function alarmMessage(o: AlarmOptions, extra: string[] = []): string {
  const dev = o.device ?? 'MURAL';
  return (
    [
      `MSH|^~\\&|${dev}|CLINIC|OPENKAP|CLINIC|${o.at}||ORU^R40^ORU_R40|${o.controlId}|P|2.6|||AL|NE||UNICODE UTF-8|||IHE_PCD_ACM_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.4.1^ISO`,
      `PID|||${o.mrn ?? ''}^^^CLINIC^MR||Test^Maya^|`,
      `PV1||I|ICU^${o.bed ?? ''}^${o.bed ?? ''}^CLINIC`,
      obrOf(o),
      ...facetsOf(o),
      ...extra,
    ].join('\n') + '\n'
  );
}

describe('PCD-04 parsing', () => {
  const base = { controlId: 'P-1', at: '20261120145000+0000', eventId: 'evt-1', text: 'SpO2 LOW 85' };

  it.each<FacetStyle>(['ge', 'ieee', 'refid-only'])(
    'reads the facets of a sample-D-style alarm (%s facet codes, \\n separators)',
    (style) => {
      const r = parsePcd04(alarmMessage({ ...base, style, phase: 'update', priority: 'PH', type: 'SP' }));
      expect(r.deviceId).toBe('MURAL');
      expect(r.header.messageType).toBe('ORU^R40');
      expect(r.alarms).toEqual([
        {
          eventId: 'evt-1',
          eventCode: '196648^MDC_EVT_HI_VAL_GT_LIM',
          text: 'SpO2 LOW 85',
          priority: 'PH',
          alertType: 'SP',
          source: 'MDC_PULS_OXIM_SAT_O2',
          phase: 'update',
          state: 'active',
          inactivationState: 'enabled',
          time: { wallMs: Date.UTC(2026, 10, 20, 14, 50), offsetMinutes: 0 },
        },
      ]);
    },
  );

  it('takes priority and type from OBX-8 when there are no facets for them, and decodes escapes', () => {
    const r = parsePcd04(
      alarmMessage({ ...base, text: 'ART \\F\\ cuff \\T\\ line', flags: 'A~PL~ST', noPriorityFacets: true }),
    );
    expect(r.alarms[0]).toMatchObject({ text: 'ART | cuff & line', priority: 'PL', alertType: 'ST' });
  });

  it('reads one alarm per OBR and skips heartbeats', () => {
    const second = alarmMessage({ ...base, eventId: 'evt-2', text: 'HR HIGH 131', priority: 'PH' })
      .split('\n')
      .filter((l) => l.startsWith('OBR') || l.startsWith('OBX'));
    const heartbeat = ['OBR|3|hb-1^MURAL|hb-1^MURAL|196614^MDC_EVT_ACTIVE^MDC|||20261120145000+0000'];
    const r = parsePcd04(alarmMessage(base, [...second, ...heartbeat]));
    expect(r.alarms.map((a) => [a.eventId, a.text, a.priority])).toEqual([
      ['evt-1', 'SpO2 LOW 85', 'PM'],
      ['evt-2', 'HR HIGH 131', 'PH'],
    ]);
    expect(r.heartbeats).toBe(1);
  });

  it('rejects an R40 without alarms or with an OBR that has no event', () => {
    const noObr = alarmMessage(base)
      .split('\n')
      .filter((l) => !l.startsWith('OBR') && !l.startsWith('OBX'))
      .join('\n');
    expect(() => parsePcd04(noObr)).toThrow(Hl7Reject);
    const onlyFacets = alarmMessage(base)
      .split('\n')
      .filter((l) => !l.includes('|1.0.0.0.1|'))
      .join('\n');
    expect(() => parsePcd04(onlyFacets)).toThrow(/no alarm event OBX/);
  });
});

describe.each(backends)('monitor alarms into the console (%s)', (backend) => {
  let t: TestClinic;
  let listener: MllpListener;
  let monitor: TestMonitor;
  let nurse: Record<string, string>;
  const p = { id: '', mrn: '', infusionId: '' };

  const send = async (text: string) => {
    const before = monitor.acks.length;
    await monitor.write(frame(text));
    const acks = await monitor.waitForAcks(before + 1);
    const ack = acks[before] ?? '';
    return { ...msa(ack), msh9: ack.split('\r')[0]?.split('|')[8] ?? '', ack };
  };
  const consoleAlarms = async () => {
    const res = await call<{ infusion: { deviceAlarms: Record<string, unknown>[] } }>(t.app, {
      method: 'GET',
      url: `/api/infusions/${p.infusionId}`,
      headers: nurse,
    });
    expect(res.status).toBe(200);
    return res.body.infusion.deviceAlarms;
  };

  beforeAll(async () => {
    t = await startClinic(backend);
    nurse = await t.as('nurse');
    const physician = await t.as('physician');
    const created = await call<{ patient: { id: string } }>(t.app, {
      method: 'POST',
      url: '/api/patients',
      headers: nurse,
      payload: {
        givenName: 'Maya',
        familyName: 'Test',
        birthDate: '1985-03-04',
        indicationCode: 'F33.2',
        weightKg: 70,
      },
    });
    p.id = created.body.patient.id;
    await call(t.app, {
      method: 'POST',
      url: `/api/patients/${p.id}/plan`,
      headers: physician,
      payload: { protocolId: 'iv-depression' },
    });
    const chair = await t.database.db
      .insertInto('chairs')
      .values({ clinic_id: t.clinicId, name: 'Chair 7' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const inf = await call<{ infusion: { id: string } }>(t.app, {
      method: 'POST',
      url: '/api/infusions',
      headers: nurse,
      payload: { patientId: p.id, chairId: chair.id },
    });
    expect(inf.status).toBe(201);
    p.infusionId = inf.body.infusion.id;
    p.mrn = (
      await t.database.db
        .selectFrom('patients')
        .select('mrn')
        .where('id', '=', p.id)
        .executeTakeFirstOrThrow()
    ).mrn;
    listener = await listenFor(t);
    monitor = await TestMonitor.connect(listener.port);
  });
  afterAll(async () => {
    monitor.close();
    await listener.close();
    await t.close();
  });

  it('start → update → acknowledge → end: one alarm, refreshed, acknowledged via the API, ended', async () => {
    let told = 0;
    const stop = t.live.subscribe(p.infusionId, () => told++);
    const base = { eventId: 'a1b2-c3', mrn: p.mrn, style: 'ge' as const };

    const started = await send(
      alarmMessage({
        ...base,
        controlId: 'AL-1',
        at: '20261120145000+0000',
        text: 'SpO2 LOW 88',
        phase: 'start',
      }),
    );
    expect(started).toMatchObject({ code: 'CA', controlId: 'AL-1', msh9: 'ORA^R41^ORA_R41' });
    expect(started.text).toBe('Stored 1 alarm');
    let [alarm] = await consoleAlarms();
    expect(alarm).toMatchObject({
      text: 'SpO2 LOW 88',
      priority: 'PM',
      alertType: 'SP',
      source: 'MDC_PULS_OXIM_SAT_O2',
      phase: 'start',
      firstAt: '2026-11-20T14:50:00.000Z',
      lastAt: '2026-11-20T14:50:00.000Z',
      endedAt: null,
      acknowledgedAt: null,
    });

    // Facet codes of another vendor, same event id: the same alarm, refreshed.
    const updated = await send(
      alarmMessage({
        ...base,
        style: 'refid-only',
        controlId: 'AL-2',
        at: '20261120145200+0000',
        text: 'SpO2 LOW 84',
        phase: 'update',
        priority: 'PH',
      }),
    );
    expect(updated.code).toBe('CA');
    const afterUpdate = await consoleAlarms();
    expect(afterUpdate).toHaveLength(1);
    alarm = afterUpdate[0];
    expect(alarm).toMatchObject({
      text: 'SpO2 LOW 84',
      priority: 'PH',
      phase: 'update',
      firstAt: '2026-11-20T14:50:00.000Z',
      lastAt: '2026-11-20T14:52:00.000Z',
      endedAt: null,
    });

    const ack = await call<{ infusion: { deviceAlarms: Record<string, unknown>[] } }>(t.app, {
      method: 'POST',
      url: `/api/infusions/${p.infusionId}/device-alarms/${alarm?.id as string}/acknowledge`,
      headers: nurse,
      payload: { note: 'Repositioned the probe, SpO2 recovering' },
    });
    expect(ack.status).toBe(200);
    expect(ack.body.infusion.deviceAlarms[0]).toMatchObject({
      acknowledgedAt: '2026-11-20T15:00:00.000Z',
      acknowledgedBy: 'Test nurse',
      note: 'Repositioned the probe, SpO2 recovering',
    });
    const again = await call(t.app, {
      method: 'POST',
      url: `/api/infusions/${p.infusionId}/device-alarms/${alarm?.id as string}/acknowledge`,
      headers: nurse,
      payload: { note: 'twice' },
    });
    expect(again.status).toBe(404);
    const audited = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'entity_id'])
      .where('action', '=', 'acknowledge_device_alarm')
      .execute();
    expect(audited).toEqual([{ action: 'acknowledge_device_alarm', entity_id: p.infusionId }]);

    const ended = await send(
      alarmMessage({
        ...base,
        controlId: 'AL-3',
        at: '20261120145500+0000',
        text: 'SpO2 LOW 84',
        phase: 'end',
      }),
    );
    expect(ended.code).toBe('CA');
    // A late re-send of the update does not re-open it.
    expect(
      (
        await send(
          alarmMessage({
            ...base,
            controlId: 'AL-2b',
            at: '20261120145200+0000',
            text: 'SpO2 LOW 84',
            phase: 'update',
          }),
        )
      ).code,
    ).toBe('CA');
    stop();
    const afterEnd = await consoleAlarms();
    expect(afterEnd).toHaveLength(1);
    expect(afterEnd[0]).toMatchObject({
      phase: 'end',
      endedAt: '2026-11-20T14:55:00.000Z',
      lastAt: '2026-11-20T14:55:00.000Z',
      acknowledgedBy: 'Test nurse',
    });
    expect(told).toBeGreaterThanOrEqual(5);

    const logged = await t.database.db
      .selectFrom('device_messages')
      .select(['control_id', 'status', 'message_type', 'infusion_id', 'observation_count'])
      .where('control_id', 'in', ['AL-1', 'AL-2', 'AL-3'])
      .orderBy('control_id')
      .execute();
    expect(logged).toEqual(
      ['AL-1', 'AL-2', 'AL-3'].map((c) => ({
        control_id: c,
        status: 'stored',
        message_type: 'ORU^R40',
        infusion_id: p.infusionId,
        observation_count: 1,
      })),
    );
  });

  it('a start after the end re-opens the alarm for acknowledging again', async () => {
    const res = await send(
      alarmMessage({
        controlId: 'AL-4',
        at: '20261120145800+0000',
        eventId: 'a1b2-c3',
        mrn: p.mrn,
        text: 'SpO2 LOW 86',
        phase: 'start',
      }),
    );
    expect(res.code).toBe('CA');
    const [alarm] = await consoleAlarms();
    expect(alarm).toMatchObject({
      text: 'SpO2 LOW 86',
      phase: 'start',
      firstAt: '2026-11-20T14:58:00.000Z',
      endedAt: null,
      acknowledgedAt: null,
      note: null,
    });
  });

  it('keeps an alarm for a patient it cannot match, answered AA for review', async () => {
    const res = await send(
      alarmMessage({
        controlId: 'AL-U',
        at: '20261120145800+0000',
        eventId: 'zz-9',
        mrn: 'NOPE-1',
        text: 'ECG LEADS OFF',
        type: 'ST',
      }),
    );
    expect(res).toMatchObject({ code: 'CA', msh9: 'ORA^R41^ORA_R41' });
    expect(res.text).toContain('Kept for review');
    const row = await t.database.db
      .selectFrom('device_alarms')
      .select(['patient_id', 'infusion_id', 'alert_type'])
      .where('event_id', '=', 'zz-9')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ patient_id: null, infusion_id: null, alert_type: 'ST' });
    expect(await consoleAlarms()).toHaveLength(1);
  });

  it('a malformed R40 gets AR (ORA^R41, ERR) and is logged; the listener goes on answering', async () => {
    const broken = alarmMessage({
      controlId: 'AL-BAD',
      at: '20261120145900+0000',
      eventId: 'bad-1',
      mrn: p.mrn,
      text: 'x',
    })
      .split('\n')
      .filter((l) => !l.startsWith('OBR'))
      .join('\n');
    const res = await send(broken);
    expect(res).toMatchObject({ code: 'CR', controlId: 'AL-BAD', msh9: 'ORA^R41^ORA_R41' });
    expect(res.ack).toMatch(/\rERR\|\|\|100\^Segment sequence error\^HL70357\|E/);
    const logged = await t.database.db
      .selectFrom('device_messages')
      .select(['status', 'message_type'])
      .where('control_id', '=', 'AL-BAD')
      .executeTakeFirstOrThrow();
    expect(logged).toEqual({ status: 'rejected', message_type: 'ORU^R40' });

    const next = await send(
      alarmMessage({
        controlId: 'AL-5',
        at: '20261120145900+0000',
        eventId: 'b-2',
        mrn: p.mrn,
        text: 'NIBP SYS HIGH 182',
        priority: 'PH',
      }),
    );
    expect(next.code).toBe('CA');
    expect((await consoleAlarms()).map((a) => a.text)).toEqual(['SpO2 LOW 86', 'NIBP SYS HIGH 182']);
    // PCD-01 on the same connection is still answered with a plain ACK.
    const vitals = await send(
      geMessage({ controlId: 'GE-AL', at: '20261120085900', mrn: p.mrn, vitals: { hr: 80 } }),
    );
    expect(vitals).toMatchObject({ code: 'AA', msh9: 'ACK^R01^ACK' });
  });
});

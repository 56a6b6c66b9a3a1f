import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, call, PASSWORD, startClinic, type TestClinic } from './harness.ts';

describe.each(backends)('sign-in and roles (%s)', (backend) => {
  let t: TestClinic;
  beforeAll(async () => {
    t = await startClinic(backend);
  });
  afterAll(() => t.close());

  it('reports health with the database kind and durability', async () => {
    const { status, body } = await call(t.app, { method: 'GET', url: '/api/health' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', database: backend, durable: backend === 'postgres' });
  });

  it('signs in with an httpOnly session cookie and knows the user', async () => {
    const headers = await t.as('nurse');
    const me = await call<{ user: { role: string; clinicId: string } }>(t.app, {
      method: 'GET',
      url: '/api/auth/me',
      headers,
    });
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ role: 'nurse', clinicId: t.clinicId });
  });

  it('refuses a wrong password and an unknown email the same way', async () => {
    await t.as('physician');
    const email = `physician.${t.clinicId.slice(0, 8)}@test.clinic`;
    const wrong = await call(t.app, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: 'nope' },
    });
    const unknown = await call(t.app, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@test.clinic', password: PASSWORD },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('answers 400 for malformed JSON and a missing field, 401 without a session', async () => {
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(JSON.parse(malformed.body).error.message).toBeTruthy();
    const missing = await call<{ error: { issues: { path: string }[] } }>(t.app, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@b.co' },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.issues[0]?.path).toBe('password');
    expect((await call(t.app, { method: 'GET', url: '/api/patients' })).status).toBe(401);
  });

  it('slows password guessing: the 11th try within 5 minutes for one email is refused with 429', async () => {
    const email = 'guess.target@test.clinic';
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { email, password: `guess-${i}` },
          })
        ).statusCode,
      );
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    const last = await call<{ error: { code: string } }>(t.app, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: 'again' },
    });
    expect(last.status).toBe(429);
    expect(last.body.error.code).toBe('too_many_attempts');
    // Another email from the same address is not locked out.
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'other@test.clinic', password: 'x' },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('signs out: the cookie no longer works', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: `nurse.${t.clinicId.slice(0, 8)}@test.clinic`, password: PASSWORD },
    });
    const cookie = `openkap_session=${res.cookies.find((c) => c.name === 'openkap_session')?.value}`;
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode,
    ).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(
      401,
    );
  });

  it('checks the role before acting: billing cannot chart, only admins issue tokens', async () => {
    const billing = await t.as('billing');
    const created = await call(t.app, {
      method: 'POST',
      url: '/api/patients',
      headers: billing,
      payload: { givenName: 'A', familyName: 'B', birthDate: '1990-01-01', indicationCode: 'F33.2' },
    });
    expect(created.status).toBe(403);
    expect(
      (
        await call(t.app, {
          method: 'POST',
          url: '/api/auth/tokens',
          headers: await t.as('nurse'),
          payload: { label: 'x' },
        })
      ).status,
    ).toBe(403);
    const token = await call<{ token: string }>(t.app, {
      method: 'POST',
      url: '/api/auth/tokens',
      headers: await t.as('admin'),
      payload: { label: 'monitor gateway' },
    });
    expect(token.status).toBe(201);
    const me = await call(t.app, {
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${token.body.token}` },
    });
    expect(me.status).toBe(200);
  });
});

/** Small JSON client for the e2e set-up steps (what an admin would do in settings). */
export async function signIn(base: string, email: string, password = 'openkap-demo'): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) {
    throw new Error(`sign-in ${email}: ${res.status}`);
  }
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) {
    throw new Error('no session cookie');
  }
  return cookie;
}

export async function api<T>(
  base: string,
  cookie: string,
  method: string,
  url: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) {
    throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  }
  return (await res.json()) as T;
}

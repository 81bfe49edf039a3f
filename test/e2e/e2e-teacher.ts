// Helpers for the teacher's e2e: reading what the server holds, as the facilitator.
export async function api<T>(url: string, path: string, key: string): Promise<T> {
  const res = await fetch(`${url}/api${path}`, { headers: { authorization: `Bearer ${key}` } });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

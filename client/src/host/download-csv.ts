// The results CSV needs the host token in a header, so a plain link cannot fetch it: fetch, then save the blob.
import { csvFileName } from './host-view.ts';

export async function downloadResultsCsv(code: string, hostToken: string): Promise<string | null> {
  let response: Response;
  try {
    response = await fetch(`/api/rooms/${encodeURIComponent(code)}/results.csv`, {
      headers: { Authorization: `Bearer ${hostToken}` },
    });
  } catch {
    return 'The download failed: the server cannot be reached.';
  }
  if (response.status === 503) return 'The results are kept, but the database cannot be reached right now. Try again in a minute.';
  if (!response.ok) return response.status === 404 ? 'The results are not saved yet. Try again in a moment.' : `The download failed (${response.status}).`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = csvFileName(code);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return null;
}

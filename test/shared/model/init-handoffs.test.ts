// Files pass between containers only through a volume both mount, each at its own path (docs/rules/init.md).
import { describe, expect, it } from 'vitest';
import { fileKey, handoffPrecedence, unmetFiles, writableAt, type HandoffCard } from '../../../shared/model/init-handoffs.ts';

const card = (id: string, over: Partial<HandoffCard>): HandoffCard => ({ id, sidecar: false, mounts: [], writes: [], reads: [], provides: [], needs: [], ...over });

describe('fileKey', () => {
  it('names a file by its volume and its path inside the volume, whatever the mount path', () => {
    expect(fileKey([{ volume: 'config', path: '/work' }], '/work/app.env')).toBe('config:/app.env');
    expect(fileKey([{ volume: 'config', path: '/etc/app/' }], '/etc/app/app.env')).toBe('config:/app.env');
  });

  it('gives null for a file outside every mount: it stays in the container', () => {
    expect(fileKey([{ volume: 'config', path: '/work' }], '/tmp/app.env')).toBeNull();
    expect(fileKey([{ volume: 'config', path: '/work' }], '/workspace/app.env')).toBeNull();
  });

  it('lets the deepest mount win', () => {
    expect(fileKey([{ volume: 'a', path: '/srv' }, { volume: 'b', path: '/srv/data' }], '/srv/data/x')).toBe('b:/x');
  });
});

describe('handoffPrecedence', () => {
  const writer = card('fetch', { mounts: [{ volume: 'config', path: '/config' }], writes: ['/config/app.env'] });

  it('orders a writer before a reader of the same volume, mounted at another path', () => {
    const reader = card('render', { mounts: [{ volume: 'config', path: '/in' }], reads: ['/in/app.env'] });
    expect(handoffPrecedence([reader, writer])).toEqual([['fetch', 'render']]);
  });

  it('adds no pair when the reader mounts another volume, and reports the file as unmet', () => {
    const reader = card('render', { mounts: [{ volume: 'other', path: '/config' }], reads: ['/config/app.env'] });
    expect(handoffPrecedence([reader, writer])).toEqual([]);
    expect(unmetFiles([reader, writer])).toEqual(['file:other:/app.env']);
  });

  it('orders service providers too, sidecars included', () => {
    const proxy = card('cloud-sql-proxy', { sidecar: true, provides: ['db-proxy'] });
    const migrate = card('migrate', { needs: ['db-proxy'] });
    expect(handoffPrecedence([migrate, proxy])).toEqual([['cloud-sql-proxy', 'migrate']]);
  });

  it('refuses writes through a read-only mount', () => {
    expect(writableAt([{ volume: 'config', path: '/config', readOnly: true }], '/config/app.env')).toBe(false);
    expect(writableAt([{ volume: 'config', path: '/config' }], '/config/app.env')).toBe(true);
  });
});

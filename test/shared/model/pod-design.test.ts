import { describe, expect, it } from 'vitest';
import { applicableReasons, podDesign, type PairNeeds } from '../../../shared/model/pod-design.ts';

describe('podDesign', () => {
  // The course's classic yeses and nos ("When to put two containers in one pod").
  it.each<[string, PairNeeds, boolean, string]>([
    ['app + sidecar proxy', { sharesLocalhost: true }, true, 'shares-localhost'],
    ['app + log shipper', { sharesVolume: true }, true, 'shares-volume'],
    ['DB + local cache of that DB', { sharesLocalhost: true }, true, 'shares-localhost'],
    ['frame capture + encoder on shared memory', { sharesIpc: true }, true, 'shares-ipc'],
    ['two separate services', { talksOverNetwork: true, separateLifecycle: true }, false, 'separate-lifecycle'],
    ['a web app and its database', { talksOverNetwork: true, scalesIndependently: true }, false, 'scales-independently'],
    ['a producer and a consumer on a queue', { talksOverNetwork: true, scalesIndependently: true }, false, 'scales-independently'],
    ['replicas and their shared session store', { talksOverNetwork: true, servesMany: true }, false, 'serves-many'],
    ['two containers with nothing in common', {}, false, 'network-only'],
  ])('%s → together: %s (%s)', (_, needs, together, reason) => {
    expect(podDesign(needs)).toMatchObject({ together, reason });
  });

  it('lets a splitting need win over a coupling one: a pod scales and dies as a unit', () => {
    expect(podDesign({ sharesVolume: true, scalesIndependently: true })).toMatchObject({ together: false, reason: 'scales-independently' });
    expect(podDesign({ sharesLocalhost: true, servesMany: true })).toMatchObject({ together: false, reason: 'serves-many' });
  });

  it('gives a sentence saying why', () => {
    expect(podDesign({ sharesLocalhost: true }).because).toMatch(/network namespace/);
  });
});

describe('applicableReasons', () => {
  it('lists every reason that holds, splitting ones first', () => {
    expect(applicableReasons({ sharesVolume: true, scalesIndependently: true, talksOverNetwork: true })).toEqual([
      'scales-independently', 'shares-volume', 'network-only',
    ]);
  });

  it('does not call a coupled pair "network only" just because they also talk over the network', () => {
    expect(applicableReasons({ sharesLocalhost: true, talksOverNetwork: true })).toEqual(['shares-localhost']);
  });
});

import { describe, expect, it } from 'vitest';
import { defaultPullPolicy, imagePullBackoffSeconds, parseImage, pullOutcome, type PullFacts } from '../../../shared/model/image-pulls.ts';

const facts = (over: Partial<PullFacts>): PullFacts => ({ image: 'nginx:1.27', cachedOnNode: false, registry: 'ok', backingOff: false, ...over });

describe('parseImage', () => {
  it.each([
    'nginx', 'nginx:1.27', 'ghcr.io/acme/checkout:1.9.0', 'localhost:5000/tools/debug:0.1', 'docker.io/istio/proxyv2:1.23.0',
    `postgres@sha256:${'a'.repeat(64)}`, 'cr.l5d.io/linkerd/proxy:edge-25.4.4', 'Registry.Example.com/payments:3.2.0',
  ])('accepts %s', (image) => {
    expect(parseImage(image)).not.toBeNull();
  });

  it.each([
    'ghcr.io/Acme/checkout:1.9.0', 'Nginx:1.27', 'redis:7.2:alpine', 'grafana/grafana:v11.1.0+security', 'postgres@sha256:abc', 'nginx:',
  ])('rejects %s (InvalidImageName)', (image) => {
    expect(parseImage(image)).toBeNull();
  });

  it('splits repository, tag and digest', () => {
    expect(parseImage('ghcr.io/acme/api:2.4.1')).toEqual({ repository: 'ghcr.io/acme/api', tag: '2.4.1' });
  });
});

describe('defaultPullPolicy (SetDefaults_Container)', () => {
  it.each([
    ['nginx', 'Always'], ['nginx:latest', 'Always'], ['nginx:1.27', 'IfNotPresent'], [`nginx@sha256:${'b'.repeat(64)}`, 'IfNotPresent'],
  ] as const)('%s defaults to %s', (image, policy) => {
    expect(defaultPullPolicy(image)).toBe(policy);
  });
});

describe('pullOutcome (EnsureImageExists)', () => {
  it('uses the node\'s copy under IfNotPresent, even with the registry down', () => {
    expect(pullOutcome(facts({ cachedOnNode: true, registry: 'unreachable' }))).toEqual({ ok: true, pulled: false });
  });

  it('asks the registry under Always, so a cached copy does not help when it is down', () => {
    expect(pullOutcome(facts({ image: 'nginx:latest', cachedOnNode: true, registry: 'unreachable' }))).toMatchObject({ ok: false, reason: 'ErrImagePull' });
  });

  it('shows ErrImagePull right after a failed pull and ImagePullBackOff while it waits to retry', () => {
    expect(pullOutcome(facts({ registry: 'not-found' }))).toMatchObject({ reason: 'ErrImagePull', message: 'Failed to pull image "nginx:1.27": not found' });
    expect(pullOutcome(facts({ registry: 'not-found', backingOff: true }))).toMatchObject({ reason: 'ImagePullBackOff', message: 'Back-off pulling image "nginx:1.27"' });
  });

  it('never pulls under Never', () => {
    expect(pullOutcome(facts({ imagePullPolicy: 'Never' }))).toMatchObject({ reason: 'ErrImageNeverPull' });
    expect(pullOutcome(facts({ imagePullPolicy: 'Never', cachedOnNode: true }))).toEqual({ ok: true, pulled: false });
  });

  it('rejects an unparsable reference before anything else', () => {
    expect(pullOutcome(facts({ image: 'ghcr.io/Acme/api:2.4.1', cachedOnNode: true }))).toMatchObject({ reason: 'InvalidImageName' });
  });
});

it('backs off image pulls 10 s, 20 s, 40 s … up to 300 s', () => {
  expect([1, 2, 3, 4, 5, 6, 7].map(imagePullBackoffSeconds)).toEqual([10, 20, 40, 80, 160, 300, 300]);
});

// What the kubelet does with a container's image before it can create the container (EnsureImageExists in
// pkg/kubelet/images/image_manager.go), and the pull policy the API server fills in. See docs/rules/phase.md#image-pulls.

export type PullPolicy = 'Always' | 'IfNotPresent' | 'Never';

/** The Waiting reasons an image problem leaves on a container (pkg/kubelet/images/types.go). */
export type PullFailure = 'InvalidImageName' | 'ErrImageNeverPull' | 'ErrImagePull' | 'ImagePullBackOff';

export type RegistryAnswer = 'ok' | 'not-found' | 'unauthorized' | 'unreachable';

export interface PullFacts {
  image: string;
  /** As written in the spec; undefined means the API server defaults it. */
  imagePullPolicy?: PullPolicy;
  /** The node already has this exact image. */
  cachedOnNode: boolean;
  /** What the registry would answer a pull of this reference. */
  registry: RegistryAnswer;
  /** An earlier pull of this image failed and the kubelet is waiting before the next attempt. */
  backingOff: boolean;
}

export type PullOutcome =
  | { ok: true; pulled: boolean }
  | { ok: false; reason: PullFailure; message: string };

// distribution/reference, simplified to what images in the quiz use: an optional registry host (may hold capitals and
// a port), lowercase path components, then an optional tag and/or a sha256 digest.
const HOST = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?$/;
const COMPONENT = String.raw`[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*`;
const PATH = new RegExp(String.raw`^(${COMPONENT}(?:/${COMPONENT})*)(?::([\w][\w.-]{0,127}))?(?:@(sha256:[a-f0-9]{64}))?$`);

export interface ImageReference {
  repository: string;
  tag?: string;
  digest?: string;
}

/** The parts of a valid reference, or null when the kubelet cannot parse it (InvalidImageName). */
export function parseImage(image: string): ImageReference | null {
  const slash = image.indexOf('/');
  const first = slash < 0 ? '' : image.slice(0, slash);
  // A first component is a registry host only if it looks like one (a dot, a port, or localhost).
  const isHost = first.includes('.') || first.includes(':') || first === 'localhost';
  if (isHost && !HOST.test(first)) return null;
  const m = PATH.exec(isHost ? image.slice(slash + 1) : image);
  if (!m) return null;
  const repository = isHost ? `${first}/${m[1]}` : (m[1] ?? '');
  return { repository, ...(m[2] ? { tag: m[2] } : {}), ...(m[3] ? { digest: m[3] } : {}) };
}

/** SetDefaults_Container: no policy written means Always for `:latest` or no tag, else IfNotPresent (a digest counts as pinned). */
export function defaultPullPolicy(image: string): PullPolicy {
  const ref = parseImage(image);
  if (ref?.digest) return 'IfNotPresent';
  return ref?.tag === undefined || ref.tag === 'latest' ? 'Always' : 'IfNotPresent';
}

export function effectivePullPolicy(f: Pick<PullFacts, 'image' | 'imagePullPolicy'>): PullPolicy {
  return f.imagePullPolicy ?? defaultPullPolicy(f.image);
}

const registryMessage: Record<Exclude<RegistryAnswer, 'ok'>, string> = {
  'not-found': 'not found',
  unauthorized: 'pull access denied, repository does not exist or may require authorization',
  unreachable: 'dial tcp: i/o timeout',
};

/** EnsureImageExists: parse, then use the node's copy if the policy allows, then back-off, then pull. */
export function pullOutcome(f: PullFacts): PullOutcome {
  if (parseImage(f.image) === null) {
    return { ok: false, reason: 'InvalidImageName', message: `Failed to apply default image tag "${f.image}": couldn't parse image name "${f.image}": invalid reference format` };
  }
  const policy = effectivePullPolicy(f);
  if (policy === 'Never') {
    return f.cachedOnNode ? { ok: true, pulled: false }
      : { ok: false, reason: 'ErrImageNeverPull', message: `Container image "${f.image}" is not present with pull policy of Never` };
  }
  if (policy === 'IfNotPresent' && f.cachedOnNode) return { ok: true, pulled: false };
  if (f.registry === 'ok') return { ok: true, pulled: true };
  if (f.backingOff) return { ok: false, reason: 'ImagePullBackOff', message: `Back-off pulling image "${f.image}"` };
  return { ok: false, reason: 'ErrImagePull', message: `Failed to pull image "${f.image}": ${registryMessage[f.registry]}` };
}

/** Image pull retries back off like container restarts: 10 s doubling to a 300 s cap (images/image_manager.go). */
export function imagePullBackoffSeconds(failedAttempts: number): number {
  if (failedAttempts <= 0) return 0;
  return Math.min(10 * 2 ** (failedAttempts - 1), 300);
}

/** The repository an image reference names, lower-cased, tag and digest cut off, even when the reference is invalid. */
export function imageRepository(image: string): string {
  const noDigest = image.split('@')[0] ?? '';
  const slash = noDigest.lastIndexOf('/');
  const name = noDigest.slice(slash + 1).split(':')[0] ?? '';
  return `${noDigest.slice(0, slash + 1)}${name}`.toLowerCase();
}

// The words same-pod answers in: each design reason as an option, its rule, the folklore that sounds like a reason,
// and what goes wrong when the decision is the other way round.
import { podDesign, type DesignReason, type PairNeeds } from '../model/pod-design.ts';
import type { RuleId } from '../model/rules/index.ts';
import type { Rng } from '../random.ts';
import type { DraftOption } from './single-draft.ts';

export const REASONS: readonly DesignReason[] = ['shares-localhost', 'shares-volume', 'shares-ipc', 'scales-independently', 'serves-many', 'separate-lifecycle', 'network-only'];

export const REASON_LABEL: Record<DesignReason, string> = {
  'scales-independently': 'Separate pods: each must scale to its own replica count',
  'serves-many': 'Separate pods: one instance must serve every replica',
  'separate-lifecycle': 'Separate pods: each is released or run on its own',
  'network-only': 'Separate pods: they only talk through a Service',
  'shares-localhost': 'One pod: they must reach each other on localhost',
  'shares-volume': 'One pod: they share files through an emptyDir volume',
  'shares-ipc': 'One pod: they exchange data through shared memory',
};

export const REASON_RULE: Record<DesignReason, RuleId> = {
  'scales-independently': 'design/scales-as-unit',
  'serves-many': 'design/one-copy-per-replica',
  'separate-lifecycle': 'design/shared-fate',
  'network-only': 'design/network-only',
  'shares-localhost': 'sharing/network-namespace',
  'shares-volume': 'sharing/volumes-where-mounted',
  'shares-ipc': 'sharing/ipc-namespace',
};

const PODS = 'https://kubernetes.io/docs/concepts/workloads/pods/';
export const REASON_DOC: Record<DesignReason, string> = {
  'scales-independently': `${PODS}#workload-resources-for-managing-pods`,
  'serves-many': `${PODS}#workload-resources-for-managing-pods`,
  'separate-lifecycle': `${PODS}#how-pods-manage-multiple-containers`,
  'network-only': `${PODS}#workload-resources-for-managing-pods`,
  'shares-localhost': `${PODS}#pod-networking`,
  'shares-volume': 'https://kubernetes.io/docs/concepts/storage/volumes/#emptydir',
  'shares-ipc': `${PODS}#pod-networking`,
};

/** Why the reason decides, one short sentence. */
export const BECAUSE: Record<DesignReason, string> = {
  'scales-independently': 'A pod is the unit of scaling: every replica gets every one of its containers.',
  'serves-many': 'A container inside each replica gives every replica its own private copy.',
  'separate-lifecycle': 'A pod\'s containers are started, replaced and deleted together.',
  'network-only': 'A Service works across pods, and nothing else ties them together.',
  'shares-localhost': 'Only containers of one pod share a network namespace, and so localhost.',
  'shares-volume': 'An emptyDir belongs to one pod: only its containers can mount it.',
  'shares-ipc': 'Shared memory works only inside one pod\'s IPC namespace.',
};

// Folklore of two sorts, so that a class cannot learn "the organisational option is never the answer" as a shortcut:
// who owns the code (team, language, repository) and per-container settings that sound like a reason for a pod
// boundary but are set per container anyway (base image, resources, probes, user).
export type Folklore = 'one-team' | 'chatty' | 'depends' | 'one-container' | 'no-files' | 'own-ip' | 'same-language' | 'one-repo'
  | 'same-base' | 'same-size' | 'own-limits' | 'own-probe' | 'own-user';

export const FOLKLORE: Record<Folklore, { together: boolean; label: string; rebuttal: string }> = {
  'one-team': { together: true, label: 'One pod: the same team builds and ships both', rebuttal: 'Who owns the code says nothing about sharing a node and a fate.' },
  chatty: { together: true, label: 'One pod: they call each other many times a second', rebuttal: 'Frequent calls through a Service are normal between pods.' },
  depends: { together: true, label: 'One pod: one cannot do its job without the other', rebuttal: 'Depending on another service is what Services are for.' },
  'same-language': { together: true, label: 'One pod: both are written in the same language', rebuttal: 'The language a container is written in has nothing to do with pods.' },
  'same-base': { together: true, label: 'One pod: both images are built on the same base image', rebuttal: 'A node shares image layers between any pods; the base image ties no fates.' },
  'same-size': { together: true, label: 'One pod: both need about the same CPU and memory', rebuttal: 'Requests and limits are set per container, in one pod or in two; similar sizes tie nothing.' },
  'one-container': { together: false, label: 'Separate pods: a pod can run only one container', rebuttal: 'A pod may hold several tightly coupled containers.' },
  'no-files': { together: false, label: 'Separate pods: containers in a pod cannot share files', rebuttal: 'Containers in a pod share any volume they both mount.' },
  'own-ip': { together: false, label: 'Separate pods: each container needs its own IP address', rebuttal: 'Containers in a pod share one IP and only need distinct ports.' },
  'one-repo': { together: false, label: 'Separate pods: their code lives in different repositories', rebuttal: 'Where the code lives says nothing about sharing a pod.' },
  'own-limits': { together: false, label: 'Separate pods: each needs its own memory limit', rebuttal: 'Each container in a pod has its own requests and limits.' },
  'own-probe': { together: false, label: 'Separate pods: each needs its own liveness probe', rebuttal: 'Probes are set per container: each container of a pod has its own.' },
  'own-user': { together: false, label: 'Separate pods: they must run as different users', rebuttal: 'runAsUser can be set per container, in the container\'s securityContext.' },
};

/** Folklore that happens to be true of coupled pairs, so it is only offered where it leads to the wrong verdict. */
const TRUE_OF_COUPLED: readonly Folklore[] = ['chatty', 'depends'];

export function folkloreFor(rng: Rng, together: boolean, verdictTogether: boolean): Folklore {
  const pool = (Object.keys(FOLKLORE) as Folklore[]).filter((f) => FOLKLORE[f].together === together && !(verdictTogether && TRUE_OF_COUPLED.includes(f)));
  return rng.pick(pool);
}

/** Four options for "one pod or separate pods, and why": the answer, folklore for the same verdict, the other
 *  verdict's best real reason (on mixed pairs, the coupling that holds but loses), folklore for the other verdict. */
export function verdictOptions(rng: Rng, needs: PairNeeds, held: DesignReason | null): DraftOption[] {
  const v = podDesign(needs);
  const sameFolk = folkloreFor(rng, v.together, v.together);
  const otherFolk = folkloreFor(rng, !v.together, v.together);
  const opposite = held ?? rng.pick(REASONS.filter((r) => (r.startsWith('shares') ? !v.together : v.together)));
  return [
    { label: REASON_LABEL[v.reason], correct: true, why: '' },
    { label: FOLKLORE[sameFolk].label, correct: false, why: `Right verdict, wrong reason. ${FOLKLORE[sameFolk].rebuttal}` },
    { label: REASON_LABEL[opposite], correct: false, why: held ? 'True today, but it is not what decides.' : 'That is not what this pair needs.' },
    { label: FOLKLORE[otherFolk].label, correct: false, why: FOLKLORE[otherFolk].rebuttal },
  ];
}

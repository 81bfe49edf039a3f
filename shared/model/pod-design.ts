// One pod or two? The course's rule: "do these containers need to live, die and be scheduled together?"
// A pod shares a network namespace, IPC and mountable volumes, and is scheduled, scaled and deleted as one unit
// (pods/_index.md "How Pods manage multiple containers"; docs/rules/design.md).

/** What two containers need from each other, as facts about the pair. */
export interface PairNeeds {
  /** One reaches the other on localhost (a proxy, an exporter, a local cache). */
  sharesLocalhost?: boolean;
  /** They read and write the same files through an emptyDir. */
  sharesVolume?: boolean;
  /** They use SysV semaphores or POSIX shared memory. */
  sharesIpc?: boolean;
  /** Their replica counts must differ or be autoscaled separately. */
  scalesIndependently?: boolean;
  /** One is released, restarted, or run (e.g. on a schedule) on its own. */
  separateLifecycle?: boolean;
  /** A single instance of one serves many replicas of the other. */
  servesMany?: boolean;
  /** They reach each other through a Service or a queue. */
  talksOverNetwork?: boolean;
}

export type DesignReason =
  | 'scales-independently'
  | 'serves-many'
  | 'separate-lifecycle'
  | 'shares-localhost'
  | 'shares-volume'
  | 'shares-ipc'
  | 'network-only';

export interface DesignVerdict {
  together: boolean;
  /** The deciding need. */
  reason: DesignReason;
  because: string;
}

// A need that splits them wins over one that couples them: a pod scales and dies as a unit, so
// containers that must not do that cannot share one, and their sharing has to move to the network.
const SPLITTING: readonly [keyof PairNeeds, DesignReason][] = [
  ['scalesIndependently', 'scales-independently'],
  ['servesMany', 'serves-many'],
  ['separateLifecycle', 'separate-lifecycle'],
];
const COUPLING: readonly [keyof PairNeeds, DesignReason][] = [
  ['sharesLocalhost', 'shares-localhost'],
  ['sharesVolume', 'shares-volume'],
  ['sharesIpc', 'shares-ipc'],
];

export const BECAUSE: Record<DesignReason, string> = {
  'scales-independently': 'a pod is the unit of scaling, so two containers in one pod always have the same replica count',
  'serves-many': 'a container in each replica would give every replica its own copy instead of one shared instance',
  'separate-lifecycle': 'containers in a pod are scheduled, started and deleted together, so one cannot be released or run on its own',
  'shares-localhost': 'only containers in the same pod share a network namespace and can reach each other on localhost',
  'shares-volume': 'an emptyDir belongs to one pod, so only containers of that pod can mount it together',
  'shares-ipc': 'shared memory and semaphores work only inside one pod\'s IPC namespace',
  'network-only': 'nothing ties them together: talking through a Service or a queue works across pods, so each gets its own',
};

/** Every reason that applies to the pair, splitting reasons first. */
export function applicableReasons(needs: PairNeeds): DesignReason[] {
  const out = [...SPLITTING, ...COUPLING].filter(([need]) => needs[need] === true).map(([, reason]) => reason);
  // "They only talk over the network" is a reason to split when nothing couples them, or alongside a splitting need.
  if (out.length === 0 || (needs.talksOverNetwork === true && out.some(isSplitting))) out.push('network-only');
  return out;
}

export function isSplitting(reason: DesignReason): boolean {
  return reason === 'network-only' || SPLITTING.some(([, r]) => r === reason);
}

/** The verdict: split if anything forbids sharing a pod's fate; else together if they share localhost, files or IPC. */
export function podDesign(needs: PairNeeds): DesignVerdict {
  const reason = applicableReasons(needs)[0] ?? 'network-only';
  return { together: !isSplitting(reason), reason, because: BECAUSE[reason] };
}

// The shapes the lifecycle model reads. Field names are a fixed contract:
// external suites transcribed from the kubelet's and kubectl's own tests feed these.

export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';

export type Phase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

export interface ContainerSnapshot {
  name: string;
  /** On an init container 'Always' makes it a native sidecar; on a regular container it overrides the pod's policy. */
  restartPolicy?: RestartPolicy;
  /** 'none': the kubelet has no status for it yet. */
  state: 'none' | 'waiting' | 'running' | 'terminated';
  /** When terminated. */
  exitCode?: number;
  /** e.g. CrashLoopBackOff, ImagePullBackOff, OOMKilled, Completed. */
  reason?: string;
  /** The startup probe has passed (matters for sidecars). */
  started?: boolean;
  /** Set when it has terminated before (restarting). */
  lastTerminationState?: { exitCode: number; reason?: string };
  ready?: boolean;
  restartCount?: number;
  /** The terminating signal, if any. */
  signal?: number;
}

export interface PodSnapshot {
  restartPolicy: RestartPolicy;
  /** The pod was deleted or evicted. */
  podIsTerminal?: boolean;
  /** A regular container has started in the current sandbox. */
  podHasInitialized?: boolean;
  initContainers: ContainerSnapshot[];
  containers: ContainerSnapshot[];
}

export interface PodCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
}

export interface PodListing {
  phase: Phase | 'Unknown';
  /** The pod's status reason, e.g. Evicted, NodeLost. */
  reason?: string;
  /** deletionTimestamp is set. */
  deleting?: boolean;
  conditions?: PodCondition[];
  /** In spec order. */
  initContainers: ContainerSnapshot[];
  /** In spec order. */
  containers: ContainerSnapshot[];
}

export interface KubectlColumns {
  ready: string;
  status: string;
  restarts: number;
}

/** An init container with restartPolicy Always runs for the pod's lifetime: a native sidecar. */
export function isSidecar(c: ContainerSnapshot): boolean {
  return c.restartPolicy === 'Always';
}

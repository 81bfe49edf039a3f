// What "live, die and be scheduled together" means in practice (docs/rules/design.md): where a helper belongs, what
// an event restarts or replaces, and how a pod's containers are placed on a node as one unit.

// ── Where a helper goes ────────────────────────────────────────────────────────────────────────────────────────

export interface HelperNeeds {
  /** Only before the app starts, or for as long as the app runs. */
  runs: 'before' | 'alongside';
  /** One app instance, many pods (one shared instance), or everything on a node. */
  serves: 'one-pod' | 'many-pods' | 'node';
}

export type Placement = 'init-container' | 'native-sidecar' | 'separate-deployment' | 'daemonset';

/** A helper that must serve many pods or a whole node cannot live in one of them; the rest follows when it runs. */
export function placementFor(h: HelperNeeds): Placement {
  if (h.serves === 'node') return 'daemonset';
  if (h.serves === 'many-pods') return 'separate-deployment';
  return h.runs === 'before' ? 'init-container' : 'native-sidecar';
}

// ── What an event restarts ─────────────────────────────────────────────────────────────────────────────────────

export type PodEvent =
  | 'liveness-fails'     // the kubelet kills the container and restarts it (restartPolicy Always)
  | 'oom-killed'         // the kernel kills the container; the kubelet restarts it
  | 'readiness-fails'    // no restart: the pod leaves the Service endpoints
  | 'node-drained'       // the pod is evicted; its controller creates a new one elsewhere
  | 'template-changed'   // a new pod template: the Deployment replaces the pod
  | 'image-patched';     // a bare Pod's image changed in place: the kubelet restarts that container only

export type Scope = 'that-container' | 'whole-pod' | 'nothing';

/**
 * Which containers of a Deployment's (or, for image-patched, a bare) pod start afresh after the event. A container
 * the kubelet or the kernel killed is restarted as the pod's restartPolicy says: Always and OnFailure restart it (a
 * kill is never exit 0), Never leaves it stopped. `controlled` is false for a bare Pod, made by no controller.
 */
export function restartScope(event: PodEvent, restartPolicy: 'Always' | 'OnFailure' | 'Never' = 'Always', controlled = true): Scope {
  switch (event) {
    case 'liveness-fails': case 'oom-killed': return restartPolicy === 'Never' ? 'nothing' : 'that-container';
    case 'image-patched': return 'that-container';
    // A drained pod is deleted; only a controller makes a new one (a bare Pod is gone for good).
    case 'node-drained': return controlled ? 'whole-pod' : 'nothing';
    case 'template-changed': return 'whole-pod';
    case 'readiness-fails': return 'nothing';
  }
}

// ── Scheduling as one unit ─────────────────────────────────────────────────────────────────────────────────────

export interface Requests { cpu: number; memory: number } // millicores, MiB
export interface NodeRoom { name: string; cpu: number; memory: number } // free allocatable

/** A pod asks for the sum of its containers' requests on one node; the nodes where that fits, in order. */
export function nodesFitting(containers: readonly Requests[], nodes: readonly NodeRoom[]): string[] {
  const cpu = containers.reduce((a, c) => a + c.cpu, 0);
  const memory = containers.reduce((a, c) => a + c.memory, 0);
  return nodes.filter((n) => n.cpu >= cpu && n.memory >= memory).map((n) => n.name);
}

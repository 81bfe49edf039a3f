// Rules of the kubectl area: docs/rules/kubectl.md explains each one in our words, with the upstream code and docs.
import { defineArea } from './rule.ts';

const LIFECYCLE = 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/';
const INIT_STATUS = 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-init-containers/#understanding-pod-status';
const SIDECARS = 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#sidecar-containers-and-pod-lifecycle';

export const kubectlRules = defineArea('kubectl', {
  'container-reason': { title: "STATUS shows a container's waiting or terminated reason, not the phase", anchor: 'container-reason', docUrl: `${LIFECYCLE}#pod-phase` },
  'first-container-wins': { title: 'With several containers, the first in spec order that has a reason sets STATUS', anchor: 'first-container-wins', docUrl: `${LIFECYCLE}#pod-phase` },
  'status-is-phase': { title: 'With no container reason to show, STATUS is simply the phase', anchor: 'status-is-phase', docUrl: `${LIFECYCLE}#pod-phase` },
  'exit-without-reason': { title: 'A container that terminated without a reason shows ExitCode:N', anchor: 'exit-without-reason', docUrl: `${LIFECYCLE}#container-state-terminated` },
  'init-progress': { title: 'Init:i/N counts the init containers done, out of all of them, sidecars included', anchor: 'init-progress', docUrl: INIT_STATUS },
  'init-reason': { title: 'An init container in trouble shows as Init:<reason> while the pod initializes', anchor: 'init-reason', docUrl: INIT_STATUS },
  'init-text-stays': { title: 'Once the pod is initialized, an Init: text stays unless an app container prints over it', anchor: 'init-text-stays', docUrl: INIT_STATUS },
  'started-sidecar-skipped': { title: 'A sidecar that has started no longer holds STATUS at Init:', anchor: 'started-sidecar-skipped', docUrl: SIDECARS },
  'completed-with-running': { title: 'Completed beside a running container prints Running, or NotReady when the pod is not Ready', anchor: 'completed-with-running', docUrl: `${LIFECYCLE}#pod-conditions` },
  'error-over-completed': { title: "Completed gives way to another container's error", anchor: 'error-over-completed', docUrl: `${LIFECYCLE}#pod-phase` },
  'pod-reason': { title: 'status.reason (Evicted, DeadlineExceeded, OutOfcpu) replaces the phase in STATUS', anchor: 'pod-reason', docUrl: `${LIFECYCLE}#pod-phase` },
  'node-unreachable': { title: 'A pod on an unreachable node keeps its last status; after tolerationSeconds it is deleted and shows Terminating', anchor: 'node-unreachable', docUrl: 'https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions' },
  terminating: { title: 'A pod being deleted shows Terminating until its phase is Succeeded or Failed', anchor: 'terminating', docUrl: `${LIFECYCLE}#pod-termination` },
  'unknown-node-lost': { title: 'Unknown is only a display string: a pod being deleted on a lost node', anchor: 'unknown-node-lost', docUrl: `${LIFECYCLE}#pod-phase` },
  'scheduling-gated': { title: "SchedulingGated comes from the PodScheduled condition's reason", anchor: 'scheduling-gated', docUrl: 'https://kubernetes.io/docs/concepts/scheduling-eviction/pod-scheduling-readiness/#usage-example' },
  'ready-count': { title: 'READY counts the app containers that run and are ready, out of all of them', anchor: 'ready-count', docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/probes/#readiness-probe' },
  'ready-sidecars': { title: 'READY counts sidecars too: started and ready ones on top, every one below', anchor: 'ready-sidecars', docUrl: SIDECARS },
  'restarts-sum': { title: 'RESTARTS adds up the restart counts of the containers that count', anchor: 'restarts-sum', docUrl: `${LIFECYCLE}#container-restarts` },
  'restarts-init-dropped': { title: "Once initialized, regular init containers' restarts drop out of RESTARTS", anchor: 'restarts-init-dropped', docUrl: `${LIFECYCLE}#container-restarts` },
  'restarts-sidecars': { title: "A sidecar's restarts always stay in RESTARTS", anchor: 'restarts-sidecars', docUrl: SIDECARS },
});

// Rules of the conditions area (pod conditions and the scheduling behind PodScheduled): docs/rules/conditions.md
// explains each one in our words, with the upstream code and docs.
import { defineArea } from './rule.ts';

const LIFECYCLE = 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/';
const SIDECARS = 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/';

export const conditionsRules = defineArea('conditions', {
  'first-not-true': { title: 'The conditions follow the pod\'s path; the first that is not True shows where it is stuck', anchor: 'first-not-true', docUrl: `${LIFECYCLE}#pod-conditions` },
  unschedulable: { title: 'When no node passes the scheduler\'s filters, PodScheduled is False with reason Unschedulable', anchor: 'unschedulable', docUrl: 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-pods/#my-pod-stays-pending' },
  'scheduling-gated': { title: 'A pod with schedulingGates is not even tried: PodScheduled is False, SchedulingGated', anchor: 'scheduling-gated', docUrl: 'https://kubernetes.io/docs/concepts/scheduling-eviction/pod-scheduling-readiness/#usage-example' },
  'insufficient-resources': { title: 'A node fits only if its unrequested CPU and memory cover the pod\'s requests', anchor: 'insufficient-resources', docUrl: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#how-pods-with-resource-requests-are-scheduled' },
  'effective-request': { title: 'The pod requests the larger of its app containers plus sidecars, and its biggest init container', anchor: 'effective-request', docUrl: `${SIDECARS}#resource-sharing-within-containers` },
  'untolerated-taint': { title: 'A NoSchedule or NoExecute taint keeps off every pod that does not tolerate it', anchor: 'untolerated-taint', docUrl: 'https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#concepts' },
  'node-selector': { title: 'A node must carry every label the pod\'s nodeSelector asks for', anchor: 'node-selector', docUrl: 'https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodeselector' },
  cordoned: { title: 'A cordoned node takes no new pods', anchor: 'cordoned', docUrl: 'https://kubernetes.io/docs/concepts/architecture/nodes/#manual-node-administration' },
  'first-filter': { title: 'Each node is turned down by the first filter it fails; fixing that one may reveal the next', anchor: 'first-filter', docUrl: 'https://kubernetes.io/docs/concepts/scheduling-eviction/kube-scheduler/#kube-scheduler-implementation' },
  'sandbox-stopped': { title: 'Once a pod has finished, the kubelet stops its sandbox: PodReadyToStartContainers turns False', anchor: 'sandbox-stopped', docUrl: `${LIFECYCLE}#pod-ready-to-start-containers` },
  'sandbox-ready': { title: 'PodReadyToStartContainers is True once the pod\'s sandbox and its network are set up', anchor: 'sandbox-ready', docUrl: `${LIFECYCLE}#pod-ready-to-start-containers` },
  'initialized-init': { title: 'Initialized is True once every regular init container exited 0 and every sidecar started', anchor: 'initialized-init', docUrl: `${LIFECYCLE}#pod-conditions` },
  'initialized-no-init': { title: 'A pod without init containers is Initialized from the start', anchor: 'initialized-no-init', docUrl: `${LIFECYCLE}#pod-ready-to-start-containers` },
  'initialized-sticky': { title: 'Once an app container has started, a restarting sidecar leaves Initialized True', anchor: 'initialized-sticky', docUrl: `${SIDECARS}#sidecar-containers-and-pod-lifecycle` },
  'containers-ready': { title: 'ContainersReady needs every app container and sidecar ready; regular init containers do not count', anchor: 'containers-ready', docUrl: `${LIFECYCLE}#pod-conditions` },
  'ready-needs-gates': { title: 'Ready needs ContainersReady and every readiness gate condition True', anchor: 'ready-needs-gates', docUrl: `${LIFECYCLE}#pod-readiness-status` },
  'gate-missing-false': { title: 'A readiness gate whose condition does not exist yet counts as False', anchor: 'gate-missing-false', docUrl: `${LIFECYCLE}#pod-readiness-gate` },
  'ready-endpoints': { title: 'A Service sends traffic only to pods whose Ready condition is True', anchor: 'ready-endpoints', docUrl: `${LIFECYCLE}#pod-conditions` },
  'finished-not-ready': { title: 'A pod that has Succeeded or Failed is never ready again (PodCompleted, PodFailed)', anchor: 'finished-not-ready', docUrl: `${LIFECYCLE}#pod-conditions` },
});

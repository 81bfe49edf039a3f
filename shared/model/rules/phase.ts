// Rules of the phase area: docs/rules/phase.md explains each one in our words, with the upstream code and docs.
import { defineArea } from './rule.ts';

const LIFECYCLE = 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/';
const SIDECARS = 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/';
const IMAGES = 'https://kubernetes.io/docs/concepts/containers/images/';
const RESTARTS = 'https://kubernetes.io/docs/concepts/workloads/pods/container-restarts/';
const POD_API = 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#lifecycle';

export const phaseRules = defineArea('phase', {
  'unscheduled-pending': { title: 'A pod that no node will take stays Pending, with PodScheduled False', anchor: 'unscheduled-pending', docUrl: 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-pods/#my-pod-stays-pending' },
  'gated-pending': { title: 'A pod with scheduling gates stays Pending until every gate is removed', anchor: 'gated-pending', docUrl: 'https://kubernetes.io/docs/concepts/scheduling-eviction/pod-scheduling-readiness/#usage-example' },
  'waiting-pending': { title: 'A container that is still being created and has never run keeps the pod Pending', anchor: 'waiting-pending', docUrl: `${LIFECYCLE}#pod-phase` },
  'image-pull-pending': { title: 'A container whose image cannot be pulled keeps the pod Pending, whatever the restartPolicy', anchor: 'image-pull-pending', docUrl: `${LIFECYCLE}#pod-phase` },
  'pull-policy-default': { title: 'Without imagePullPolicy, no tag or :latest means Always; any other tag means IfNotPresent', anchor: 'pull-policy-default', docUrl: `${IMAGES}#imagepullpolicy-defaulting` },
  running: { title: 'One running container, with every container known, makes the pod Running', anchor: 'running', docUrl: `${LIFECYCLE}#pod-phase` },
  'readiness-not-phase': { title: 'Readiness never changes the phase: a Running pod may be not ready', anchor: 'readiness-not-phase', docUrl: `${LIFECYCLE}#pod-conditions` },
  'crashloop-running': { title: 'CrashLoopBackOff means the container ran and will be restarted: the pod is Running', anchor: 'crashloop-running', docUrl: `${LIFECYCLE}#pod-phase` },
  'always-restarts': { title: 'Under restartPolicy Always an exited container is restarted, even after exit 0', anchor: 'always-restarts', docUrl: `${RESTARTS}#pod-level-container-restart-policy` },
  'onfailure-restarts': { title: 'Under restartPolicy OnFailure a failed container is restarted, so the pod stays Running', anchor: 'onfailure-restarts', docUrl: `${RESTARTS}#pod-level-container-restart-policy` },
  'all-succeeded': { title: 'When every app container exited 0 and none will restart, the pod has Succeeded', anchor: 'all-succeeded', docUrl: `${LIFECYCLE}#pod-phase` },
  'never-failed': { title: 'A container that failed and will not be restarted makes the pod Failed', anchor: 'never-failed', docUrl: `${LIFECYCLE}#pod-phase` },
  'decided-when-all-stopped': { title: 'Exit codes decide Succeeded or Failed only once no container runs any more', anchor: 'decided-when-all-stopped', docUrl: `${LIFECYCLE}#pod-phase` },
  'terminal-exit-codes': { title: 'A deleted pod ends Succeeded or Failed by its exit codes, even under restartPolicy Always', anchor: 'terminal-exit-codes', docUrl: `${LIFECYCLE}#pod-phase` },
  'evicted-failed': { title: 'A pod the kubelet evicts under node pressure is Failed at once', anchor: 'evicted-failed', docUrl: 'https://kubernetes.io/docs/concepts/scheduling-eviction/node-pressure-eviction/#self-healing-behavior' },
  'sidecar-still-running': { title: 'A running sidecar keeps the pod Running until the kubelet stops it', anchor: 'sidecar-still-running', docUrl: `${SIDECARS}#jobs-with-sidecar-containers` },
  'sidecar-restart-no-pending': { title: 'A restarting sidecar never sends an initialized pod back to Pending', anchor: 'sidecar-restart-no-pending', docUrl: `${SIDECARS}#sidecar-containers-and-pod-lifecycle` },
  'running-sidecar-not-enough': { title: 'A running sidecar does not make a pod that is still initializing Running', anchor: 'running-sidecar-not-enough', docUrl: `${SIDECARS}#sidecar-containers-and-pod-lifecycle` },
  'container-restart-policy': { title: "A container's own restartPolicy (Kubernetes 1.35, beta) wins over the pod's", anchor: 'container-restart-policy', docUrl: `${RESTARTS}#container-restart-rules` },
  'deadline-failed': { title: 'Past activeDeadlineSeconds the kubelet fails the pod (DeadlineExceeded), whatever its restartPolicy', anchor: 'deadline-failed', docUrl: POD_API },
  'deadline-not-reached': { title: 'Until activeDeadlineSeconds have passed since startTime, the deadline changes nothing', anchor: 'deadline-not-reached', docUrl: POD_API },
  'deadline-from-start': { title: 'activeDeadlineSeconds counts from startTime, when a kubelet took the pod, not from its creation', anchor: 'deadline-from-start', docUrl: POD_API },
});

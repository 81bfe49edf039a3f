// Rules of native sidecars (initContainers with restartPolicy: Always): docs/rules/sidecars.md explains each one.
import { defineArea } from './rule.ts';

const DOC = 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/';
const LIFECYCLE = 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/';

export const sidecarsRules = defineArea('sidecars', {
  'start-gate': {
    title: 'The init container after a sidecar starts once the sidecar is started, not once it exits',
    anchor: 'start-gate', docUrl: `${DOC}#sidecar-containers-and-pod-lifecycle`,
  },
  'startup-probe-gates': {
    title: "A sidecar counts as started only once its startupProbe has passed",
    anchor: 'startup-probe-gates', docUrl: `${DOC}#sidecar-containers-and-pod-lifecycle`,
  },
  'always-restarted': {
    title: "A sidecar is restarted whenever it exits, whatever the pod's restartPolicy",
    anchor: 'always-restarted', docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/container-restarts/#pod-level-container-restart-policy',
  },
  'exit-ignored': {
    title: "A sidecar's exit code never decides the pod's phase",
    anchor: 'exit-ignored', docUrl: `${DOC}#differences-from-application-containers`,
  },
  'job-completes': {
    title: 'Once no regular container runs or will restart, the kubelet stops the sidecars and the pod ends',
    anchor: 'job-completes', docUrl: `${DOC}#jobs-with-sidecar-containers`,
  },
  'legacy-sidecar': {
    title: 'A helper listed in containers is a regular container: the pod does not end while it runs',
    anchor: 'legacy-sidecar', docUrl: `${DOC}#jobs-with-sidecar-containers`,
  },
  'termination-order': {
    title: 'On shutdown, regular containers get SIGTERM first, then sidecars in reverse spec order',
    anchor: 'termination-order', docUrl: `${LIFECYCLE}#termination-with-sidecars`,
  },
  'prestop-at-once': {
    title: "A sidecar's preStop hook runs as soon as termination starts, not when its turn to stop comes",
    anchor: 'prestop-at-once', docUrl: `${LIFECYCLE}#termination-with-sidecars`,
  },
  'readiness-counts': {
    title: "A sidecar's readiness counts toward the pod's Ready condition",
    anchor: 'readiness-counts', docUrl: `${DOC}#sidecar-containers-and-pod-lifecycle`,
  },
});

// Rules of the probes area (startup, liveness and readiness probes, and the crash-loop backoff the probe-timing
// kind asks about): docs/rules/probes.md explains each one.
import { defineArea } from './rule.ts';

// Probe material lives on its own concept page (the old configuration/liveness-readiness-startup-probes/ URL
// redirects there); the crash-loop sequence ("the first restart is immediate") on the Container Restarts page.
const PROBES = 'https://kubernetes.io/docs/concepts/workloads/pods/probes/';
const LIFECYCLE = 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/';
const RESTARTS = 'https://kubernetes.io/docs/concepts/workloads/pods/container-restarts/';

export const probesRules = defineArea('probes', {
  'liveness-restarts': {
    title: 'A failing livenessProbe makes the kubelet kill that container and restart it per the restart policy',
    anchor: 'liveness-restarts', docUrl: `${PROBES}#liveness-probe`,
  },
  'readiness-endpoints': {
    title: 'A failing readinessProbe takes the pod out of the Service endpoints and restarts nothing',
    anchor: 'readiness-endpoints', docUrl: `${PROBES}#readiness-probe`,
  },
  'startup-gates': {
    title: 'Until the startupProbe passes, the liveness and readiness probes do not run',
    anchor: 'startup-gates', docUrl: `${PROBES}#startup-probe`,
  },
  'startup-stops': {
    title: 'A startupProbe stops checking after its first pass',
    anchor: 'startup-stops', docUrl: `${PROBES}#startup-probe`,
  },
  'startup-budget': {
    title: 'A startupProbe allows initialDelaySeconds + failureThreshold × periodSeconds before the kubelet kills the container',
    anchor: 'startup-budget', docUrl: `${PROBES}#when-should-you-use-a-startup-probe`,
  },
  'failure-threshold': {
    title: 'A probe acts after failureThreshold failed checks in a row, one check every periodSeconds',
    anchor: 'failure-threshold', docUrl: `${PROBES}#configure-probes`,
  },
  'success-threshold': {
    title: 'A readinessProbe turns ready again after successThreshold passing checks in a row',
    anchor: 'success-threshold', docUrl: `${PROBES}#configure-probes`,
  },
  'counts-reset': {
    title: 'The count of failures or passes starts over whenever a check’s result flips',
    anchor: 'counts-reset', docUrl: `${PROBES}#configure-probes`,
  },
  defaults: {
    title: 'Fields left out default to periodSeconds 10, timeoutSeconds 1, failureThreshold 3, successThreshold 1, initialDelaySeconds 0',
    anchor: 'defaults', docUrl: `${PROBES}#configure-probes`,
  },
  'initial-delay': {
    title: 'No check runs before initialDelaySeconds have passed since the container started',
    anchor: 'initial-delay', docUrl: `${PROBES}#configure-probes`,
  },
  'initial-state': {
    title: 'A readinessProbe counts as failed until it first passes; a probe that is not defined counts as passed',
    anchor: 'initial-state', docUrl: `${PROBES}#probe-results`,
  },
  'timeout-fails': {
    title: 'A check that gets no answer within timeoutSeconds counts as a failure',
    anchor: 'timeout-fails', docUrl: `${PROBES}#configure-probes`,
  },
  'check-mechanisms': {
    title: 'httpGet passes on a status from 200 to 399, tcpSocket when the port accepts, exec on exit 0, grpc on SERVING',
    anchor: 'check-mechanisms', docUrl: `${PROBES}#check-mechanisms`,
  },
  'exits-need-no-probe': {
    title: 'A process that exits on its own is restarted by the restart policy; that needs no probe',
    anchor: 'exits-need-no-probe', docUrl: `${PROBES}#when-should-you-use-a-liveness-probe`,
  },
  'unprobed-counts-healthy': {
    title: 'Without probes the kubelet only notices a container that exits: a hung process still counts as live and ready',
    anchor: 'unprobed-counts-healthy', docUrl: `${PROBES}#probe-results`,
  },
  'dependencies-in-readiness': {
    title: 'Checks of shared back-end services belong in readiness; in liveness they restart every replica at once',
    anchor: 'dependencies-in-readiness', docUrl: `${PROBES}#when-should-you-use-a-readiness-probe`,
  },
  'kill-then-restart-policy': {
    title: 'After a liveness or startup kill the pod’s restartPolicy decides: Never leaves the container stopped',
    anchor: 'kill-then-restart-policy', docUrl: `${PROBES}#probe-results`,
  },
  validation: {
    title: 'successThreshold must be 1 for liveness and startup, and readiness may not set terminationGracePeriodSeconds',
    anchor: 'validation', docUrl: `${PROBES}#configure-probes`,
  },
  'probe-grace': {
    title: 'After a liveness or startup kill, the probe’s terminationGracePeriodSeconds, else the pod’s, is the time before SIGKILL',
    anchor: 'probe-grace', docUrl: `${PROBES}#probe-level-terminationgraceperiodseconds`,
  },
  'per-container': {
    title: 'Each container has its own probes, and a probe acts on its own container only',
    anchor: 'per-container', docUrl: `${PROBES}#liveness-probe`,
  },
  'ready-needs-all-containers': {
    title: 'A pod is Ready, and in the Service endpoints, only while every one of its containers is ready',
    anchor: 'ready-needs-all-containers', docUrl: `${LIFECYCLE}#pod-conditions`,
  },
  'backoff-schedule': {
    title: 'The first restart after an exit is immediate; then the kubelet waits 10 s and doubles the wait each time',
    anchor: 'backoff-schedule', docUrl: `${RESTARTS}#container-restarts`,
  },
  'backoff-cap': {
    title: 'The crash-loop wait never grows past 300 s',
    anchor: 'backoff-cap', docUrl: `${LIFECYCLE}#container-restarts`,
  },
  'backoff-from-exit': {
    title: 'Each crash-loop wait counts from the moment the container exited',
    anchor: 'backoff-from-exit', docUrl: `${LIFECYCLE}#container-restarts`,
  },
  'backoff-reset': {
    title: 'After 10 minutes of running without a crash, the next crash is restarted at once, like a first one',
    anchor: 'backoff-reset', docUrl: `${RESTARTS}#container-restarts`,
  },
});

export type ProbeRuleId = keyof typeof probesRules;

// Rules of what containers in one pod share: docs/rules/sharing.md explains each one in our words, with the
// upstream code and docs. The ids match SharingRule in shared/model/sharing.ts.
import { defineArea } from './rule.ts';

const PODS = 'https://kubernetes.io/docs/concepts/workloads/pods/';
const VOLUMES = 'https://kubernetes.io/docs/concepts/storage/volumes/';
const SPN = 'https://kubernetes.io/docs/tasks/configure-pod-container/share-process-namespace/#understanding-process-namespace-sharing';
const INIT = 'https://kubernetes.io/docs/concepts/workloads/pods/init-containers/';

export const sharingRules = defineArea('sharing', {
  'network-namespace': {
    title: 'Containers in a pod share one network namespace: localhost reaches whichever container listens on the port',
    anchor: 'network-namespace', docUrl: `${PODS}#pod-networking`,
  },
  'port-space': {
    title: 'One port space per pod: two containers cannot both listen on the same port',
    anchor: 'port-space', docUrl: `${PODS}#pod-networking`,
  },
  'ipc-namespace': {
    title: 'Containers in a pod share one IPC namespace: System V semaphores and POSIX shared memory work between them',
    anchor: 'ipc-namespace', docUrl: `${PODS}#pod-networking`,
  },
  'volumes-where-mounted': {
    title: 'A volume is shared only by the containers that mount it; each container\'s root filesystem is its own',
    anchor: 'volumes-where-mounted', docUrl: `${VOLUMES}#how-volumes-work`,
  },
  'read-only-mount': {
    title: 'readOnly: true makes that one container\'s mount read-only; others may mount the same volume read-write',
    anchor: 'read-only-mount', docUrl: `${VOLUMES}#read-only-mounts`,
  },
  'configmap-secret-read-only': {
    title: 'ConfigMap and Secret volumes are always mounted read-only, with or without readOnly: true',
    anchor: 'configmap-secret-read-only', docUrl: `${VOLUMES}#configmap`,
  },
  'emptydir-lifetime': {
    title: 'An emptyDir lives as long as the pod, so it survives a container restart; a container\'s own writable layer does not',
    anchor: 'emptydir-lifetime', docUrl: `${VOLUMES}#how-volumes-work`,
  },
  'pid-namespace': {
    title: 'Containers see each other\'s processes only with shareProcessNamespace: true',
    anchor: 'pid-namespace', docUrl: SPN,
  },
  'pause-pid1': {
    title: 'With a shared process namespace, PID 1 is the pod\'s sandbox (pause) process',
    anchor: 'pause-pid1', docUrl: SPN,
  },
  'signal-permission': {
    title: 'Signalling a visible process still needs the same user ID, or root\'s default CAP_KILL',
    anchor: 'signal-permission', docUrl: SPN,
  },
  'proc-root-permission': {
    title: 'Another container\'s files through /proc/<pid>/root need the same user and group, or CAP_SYS_PTRACE',
    anchor: 'proc-root-permission', docUrl: SPN,
  },
  'uts-namespace': {
    title: 'Containers in a pod share one hostname: spec.hostname if set, else the pod\'s name',
    anchor: 'uts-namespace', docUrl: `${PODS}#pod-networking`,
  },
  'init-runs-to-completion': {
    title: 'A regular init container has exited before the app containers start; a native sidecar keeps running',
    anchor: 'init-runs-to-completion', docUrl: `${INIT}#understanding-init-containers`,
  },
});

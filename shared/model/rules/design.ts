// Rules of pod design, "must they live, die and be scheduled together?": docs/rules/design.md explains each one
// in our words, with the upstream docs. Sharing itself (localhost, volumes, IPC) is in sharing.ts.
import { defineArea } from './rule.ts';

const PODS = 'https://kubernetes.io/docs/concepts/workloads/pods/';
const LOGGING = 'https://kubernetes.io/docs/concepts/cluster-administration/logging/';

export const designRules = defineArea('design', {
  'scales-as-unit': {
    title: 'A pod is the unit of scaling: every replica runs every one of its containers',
    anchor: 'scales-as-unit', docUrl: `${PODS}#workload-resources-for-managing-pods`,
  },
  'one-copy-per-replica': {
    title: 'A container inside each replica gives every replica its own private copy of it',
    anchor: 'one-copy-per-replica', docUrl: `${PODS}#workload-resources-for-managing-pods`,
  },
  'shared-fate': {
    title: 'A pod\'s containers are scheduled, started, replaced and deleted together',
    anchor: 'shared-fate', docUrl: `${PODS}#how-pods-manage-multiple-containers`,
  },
  'network-only': {
    title: 'Containers that only talk over the network belong in separate pods, behind a Service',
    anchor: 'network-only', docUrl: `${PODS}#workload-resources-for-managing-pods`,
  },
  'scheduled-as-unit': {
    title: 'A pod goes to one node that has room for the sum of its containers\' requests',
    anchor: 'scheduled-as-unit', docUrl: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#how-pods-with-resource-requests-are-scheduled',
  },
  'container-restarts-alone': {
    title: 'The kubelet restarts a failed container in place; the pod and its other containers keep running',
    anchor: 'container-restarts-alone', docUrl: `${PODS}#working-with-pods`,
  },
  'pod-replaced-whole': {
    title: 'Eviction or a new pod template replaces the whole pod, every container with it',
    anchor: 'pod-replaced-whole', docUrl: `${PODS}#pod-update-and-replacement`,
  },
  'readiness-no-restart': {
    title: 'A failing readiness probe restarts nothing: the pod leaves the Service\'s endpoints',
    anchor: 'readiness-no-restart', docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/probes/#probe-results',
  },
  'image-in-place': {
    title: 'Patching a pod\'s image, even a Deployment\'s pod, restarts that one container in place',
    anchor: 'image-in-place', docUrl: `${PODS}#pod-update-and-replacement`,
  },
  'init-before': {
    title: 'Work that must finish before the app starts belongs in an init container',
    anchor: 'init-before', docUrl: `${PODS}init-containers/#understanding-init-containers`,
  },
  'native-sidecar': {
    title: 'A helper for the pod\'s whole life is a native sidecar, which also lets a Job finish',
    anchor: 'native-sidecar', docUrl: `${PODS}sidecar-containers/#jobs-with-sidecar-containers`,
  },
  'shared-service': {
    title: 'A helper shared by many pods runs in its own Deployment, reached through a Service',
    anchor: 'shared-service', docUrl: 'https://kubernetes.io/docs/concepts/services-networking/service/#services-in-kubernetes',
  },
  'node-agent': {
    title: 'An agent for everything on a node runs once per node, as a DaemonSet',
    anchor: 'node-agent', docUrl: `${LOGGING}#using-a-node-logging-agent`,
  },
  'sidecar-for-files': {
    title: 'Logs written to files inside a container need a sidecar that mounts them; stdout reaches the node\'s agent',
    anchor: 'sidecar-for-files', docUrl: `${LOGGING}#sidecar-container-with-logging-agent`,
  },
  'service-dns': {
    title: 'Other pods reach a pod by its Service\'s name; from another namespace, <service>.<namespace>',
    anchor: 'service-dns', docUrl: 'https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#namespaces-of-services',
  },
  'drain-budget': {
    title: 'A disruption budget that allows no eviction makes a drain hang; one replica without a budget is simply down for a while',
    anchor: 'drain-budget', docUrl: 'https://kubernetes.io/docs/tasks/run-application/configure-pdb/#think-about-how-your-application-reacts-to-disruptions',
  },
  'co-locate-affinity': {
    title: 'Pods that must share a node but not a fate use pod affinity',
    anchor: 'co-locate-affinity', docUrl: 'https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#inter-pod-affinity-and-anti-affinity',
  },
});

// Rules of debugging with kubectl: docs/rules/debugging.md explains each one in our words, with the kubectl
// reference and the "Debug Running Pods" task page.
import { defineArea } from './rule.ts';

const RUNNING = 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-running-pod/';
const REF = 'https://kubernetes.io/docs/reference/kubectl/generated/';

export const debuggingRules = defineArea('debugging', {
  'logs-container': { title: 'kubectl logs -c names the container; without it kubectl picks the default one', anchor: 'logs-container', docUrl: `${RUNNING}#examine-pod-logs` },
  'default-container': { title: 'Without -c, kubectl uses the kubectl.kubernetes.io/default-container annotation, else the first container in the spec', anchor: 'default-container', docUrl: `${REF}kubectl_logs/#examples` },
  'logs-previous': { title: '--previous prints the instance that ran before the last restart', anchor: 'logs-previous', docUrl: `${RUNNING}#examine-pod-logs` },
  'logs-follow': { title: '-f keeps the log stream open and prints new lines as they come', anchor: 'logs-follow', docUrl: `${REF}kubectl_logs/#examples` },
  'logs-since': { title: '--since keeps only the lines written in the last duration', anchor: 'logs-since', docUrl: `${REF}kubectl_logs/#examples` },
  'logs-all-containers': { title: '--all-containers prints every container of the pod; --prefix says which line came from which', anchor: 'logs-all-containers', docUrl: `${REF}kubectl_logs/#examples` },
  'logs-selector': { title: '-l reaches every pod with the label, 10 lines each unless --tail=-1, following at most 5 unless --max-log-requests', anchor: 'logs-selector', docUrl: `${REF}kubectl_logs/#options` },
  'logs-elsewhere': { title: 'kubectl asks the current context\'s cluster, in its namespace: --context picks another cluster and -n a namespace in it; NotFound means you looked in the wrong place', anchor: 'logs-elsewhere', docUrl: 'https://kubernetes.io/docs/reference/kubectl/quick-reference/#kubectl-context-and-configuration' },
  'logs-gone-with-pod': { title: 'A container\'s logs live on the node with the pod: once the pod is deleted, only a log backend has them', anchor: 'logs-gone-with-pod', docUrl: 'https://kubernetes.io/docs/concepts/cluster-administration/logging/#how-nodes-handle-container-logs' },
  'no-logs-before-start': { title: 'A container that never started has no logs: the reason is in its status and events', anchor: 'no-logs-before-start', docUrl: `${RUNNING}#using-kubectl-describe-pod-to-fetch-details-about-pods` },
  'exec-needs-shell': { title: 'kubectl exec runs a program from the container\'s own image: no shell in the image, no shell', anchor: 'exec-needs-shell', docUrl: `${RUNNING}#container-exec` },
  'ephemeral-target': { title: 'kubectl debug --target adds an ephemeral container in that container\'s process namespace, with its own tools', anchor: 'ephemeral-target', docUrl: `${RUNNING}#ephemeral-container` },
  'ephemeral-network': { title: 'An ephemeral container shares the pod\'s network namespace: localhost is the pod\'s', anchor: 'ephemeral-network', docUrl: `${RUNNING}#ephemeral-container` },
  'copy-with-shell': { title: 'kubectl debug --copy-to with --container and a command copies the pod with that container\'s command replaced, for one that crashes at start', anchor: 'copy-with-shell', docUrl: `${RUNNING}#copying-a-pod-while-changing-its-command` },
  'copy-share-processes': { title: 'kubectl debug --copy-to --share-processes copies the pod with one process namespace for all its containers', anchor: 'copy-share-processes', docUrl: `${RUNNING}#copying-a-pod-while-adding-a-new-container` },
  'debug-node': { title: 'kubectl debug node/<name> runs a pod in the node\'s namespaces with its filesystem at /host', anchor: 'debug-node', docUrl: `${RUNNING}#node-shell-session` },
  'describe-events': { title: 'kubectl describe pod shows container states, the last termination and the pod\'s recent events', anchor: 'describe-events', docUrl: `${RUNNING}#using-kubectl-describe-pod-to-fetch-details-about-pods` },
  'events-for': { title: 'kubectl events --for lists an object\'s events in time order, even after the object is gone; --watch follows, --types filters', anchor: 'events-for', docUrl: `${REF}kubectl_events/#examples` },
  'events-ttl': { title: 'Events are kept for one hour by default', anchor: 'events-ttl', docUrl: 'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/#options' },
  'attach': { title: 'kubectl attach joins the stdin and terminal of the container\'s running process; exec starts a new process beside it', anchor: 'attach', docUrl: `${REF}kubectl_attach/#examples` },
  'rollout-status': { title: 'kubectl rollout status waits for a Deployment\'s rollout to finish and fails when it stalls past its deadline', anchor: 'rollout-status', docUrl: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#failed-deployment' },
  'describe-node': { title: 'kubectl describe node shows what the node can allocate, what its pods already request, and its conditions', anchor: 'describe-node', docUrl: 'https://kubernetes.io/docs/reference/kubectl/quick-reference/#interacting-with-nodes-and-cluster' },
  'get-output': { title: 'kubectl get -o wide adds node and IP; -o yaml prints the whole stored object; -w prints each change', anchor: 'get-output', docUrl: 'https://kubernetes.io/docs/reference/kubectl/quick-reference/#viewing-and-finding-resources' },
  'top-usage': { title: 'kubectl top pod --containers shows live CPU and memory per container, from metrics-server', anchor: 'top-usage', docUrl: 'https://kubernetes.io/docs/reference/kubectl/quick-reference/#interacting-with-running-pods' },
  'port-forward': { title: 'kubectl port-forward tunnels a local port to a pod\'s port, or through a Service to one of its pods', anchor: 'port-forward', docUrl: `${REF}kubectl_port-forward/#examples` },
  'cp-needs-tar': { title: 'kubectl cp runs tar inside the container', anchor: 'cp-needs-tar', docUrl: `${REF}kubectl_cp/#examples` },
  'exit-137': { title: 'Exit code 137 is SIGKILL: OOMKilled says the kernel did it, otherwise look for a failed liveness probe', anchor: 'exit-137', docUrl: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#my-container-is-terminated' },
});

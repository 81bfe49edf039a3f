// Rules of the tools around kubectl, "which tool for which need": docs/rules/tools.md explains each one in our
// words, with each tool's own documentation (kubernetes.io documents kubectl and names Helm, not the others).
import { defineArea } from './rule.ts';

export const toolsRules = defineArea('tools', {
  kubectl: { title: 'kubectl is the Kubernetes command line: every operation, with exact flags, scriptable', anchor: 'kubectl', docUrl: 'https://kubernetes.io/docs/reference/kubectl/#syntax' },
  k9s: { title: 'k9s is a terminal UI that keeps watching the cluster: navigate, read logs, shell in, port-forward and edit with keys', anchor: 'k9s', docUrl: 'https://github.com/derailed/k9s#key-bindings' },
  stern: { title: 'stern tails many pods and containers at once, chosen by a regular expression, and picks up new pods as they come', anchor: 'stern', docUrl: 'https://github.com/stern/stern#usage' },
  lens: { title: 'Lens is a desktop application: clusters, views, charts and terminals by point and click', anchor: 'lens', docUrl: 'https://github.com/lensapp/lens#what-is-lens' },
  kubectx: { title: 'kubectx and kubens switch the kubeconfig\'s context and namespace in one short command, back with "-", from a menu with fzf', anchor: 'kubectx', docUrl: 'https://github.com/ahmetb/kubectx#kubectx1' },
  helm: { title: 'Helm installs charts as releases with values, keeps their revisions, and rolls every resource of a release back', anchor: 'helm', docUrl: 'https://kubernetes.io/docs/concepts/workloads/management/#external-tool-helm' },
  'non-interactive': { title: 'CI jobs and scripts need a tool that runs without a person at a screen', anchor: 'non-interactive', docUrl: 'https://kubernetes.io/docs/reference/kubectl/#syntax' },
  'kubeconfig-current-context': { title: 'Switching the current context writes it into the kubeconfig: every later command, in every shell using that file, follows', anchor: 'kubeconfig-current-context', docUrl: 'https://kubernetes.io/docs/tasks/access-application-cluster/configure-access-multiple-clusters/#define-clusters-users-and-contexts' },
  'per-command-context': { title: 'A --context flag aims one command at another cluster and changes nothing else', anchor: 'per-command-context', docUrl: 'https://kubernetes.io/docs/reference/kubectl/quick-reference/#kubectl-context-and-configuration' },
  'selector-logs-limits': { title: 'kubectl logs -l -f follows only the pods that exist when it starts, and at most five of them by default', anchor: 'selector-logs-limits', docUrl: 'https://kubernetes.io/docs/reference/kubectl/generated/kubectl_logs/#options' },
  'release-drift': { title: 'What Helm installed is changed through the release: a kubectl edit or scale changes only the live object, and the next helm upgrade applies what the release says', anchor: 'release-drift', docUrl: 'https://helm.sh/docs/faq/changes_since_helm2/#improved-upgrade-strategy-3-way-strategic-merge-patches' },
  'usage-now-or-history': { title: 'kubectl top and k9s show usage now, from metrics-server, which keeps no history; usage over time needs Prometheus, which Lens charts', anchor: 'usage-now-or-history', docUrl: 'https://kubernetes.io/docs/reference/kubectl/generated/kubectl_top/#synopsis' },
  'release-vs-rollout': { title: 'Helm rolls back a whole release; kubectl rollout undo rolls back one Deployment\'s pod template', anchor: 'release-vs-rollout', docUrl: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#rolling-back-a-deployment' },
});

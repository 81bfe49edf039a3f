// The seed's "tools in the wild" and what each one really does (docs/rules/tools.md): kubectl, k9s, stern, Lens,
// kubectx / kubens and Helm. A need is a set of capabilities; a tool answers it when it has all of them.

export type Tool = 'kubectl' | 'k9s' | 'stern' | 'Lens' | 'kubectx / kubens' | 'Helm';
export const TOOLS: readonly Tool[] = ['kubectl', 'k9s', 'stern', 'Lens', 'kubectx / kubens', 'Helm'];

export type Capability =
  | 'exact-command'        // any one operation, typed with exact flags, as docs and runbooks write it
  | 'non-interactive'      // runs in a script or CI job, with no terminal to drive
  | 'live-terminal-ui'     // a full-screen terminal view that refreshes itself, driven by keys
  | 'desktop-app'          // a desktop application, point and click
  | 'charts-over-time'     // graphs of CPU and memory over the last hours
  | 'live-usage-columns'   // CPU and memory per pod, refreshed in place
  | 'usage-snapshot'       // one print-out of CPU and memory per container
  | 'regex-pod-logs'       // tail every pod whose name matches a regular expression, a colour per pod
  | 'follows-new-pods'     // keeps tailing pods that appear after it started (a rollout's new pods)
  | 'quick-switch'         // switch the kubeconfig's context or namespace with one short command or a fuzzy menu
  | 'switch-back'          // jump back to the previous context or namespace
  | 'persists-switch'      // the switch is written to the kubeconfig, so every later command and shell sees it
  | 'per-command-context'  // aim one command at another context without switching
  | 'in-app-cluster-switch'// change clusters inside the tool's own window
  | 'chart-install'        // install or upgrade an app packaged as a chart, with values per environment
  | 'release-rollback'     // roll a release back to an earlier revision, every resource of it
  | 'release-history'      // the revisions of a release and the values each was installed with
  | 'rollout-undo'         // undo a Deployment's last rollout
  | 'rollout-history'      // a Deployment's earlier revisions and their pod templates
  | 'rollout-wait'         // wait until a Deployment has rolled out, failing when it stalls
  | 'apply-manifests'      // apply plain YAML files as they are
  | 'edit-live'            // edit a live object's YAML and save it back
  | 'pod-shell'            // a shell in a pod's container
  | 'port-forward'         // a local port tunnelled to a pod
  | 'pod-logs'             // one container's log
  | 'previous-logs'        // the log of a container's instance from before its last restart
  | 'release-change'       // change a Helm release's settings so that the next upgrade keeps them
  | 'stock-client'         // already there on a locked-down host where nothing else may be installed
  | 'usage-from-prometheus'; // CPU and memory read from the cluster's Prometheus, with no metrics-server

const CAN: Record<Capability, readonly Tool[]> = {
  'exact-command': ['kubectl'],
  'non-interactive': ['kubectl', 'stern', 'kubectx / kubens', 'Helm'],
  'live-terminal-ui': ['k9s'],
  'desktop-app': ['Lens'],
  'charts-over-time': ['Lens'],
  'live-usage-columns': ['k9s'],
  'usage-snapshot': ['kubectl'],
  'regex-pod-logs': ['stern'],
  'follows-new-pods': ['stern'],
  'quick-switch': ['kubectx / kubens'],
  'switch-back': ['kubectx / kubens'],
  'persists-switch': ['kubectx / kubens', 'kubectl'],
  'per-command-context': ['kubectl', 'Helm', 'stern', 'k9s'],
  'in-app-cluster-switch': ['k9s', 'Lens'],
  'chart-install': ['Helm'],
  // k9s's helm view lists a release's revisions with their values and rolls back; Lens rolls releases back too.
  'release-rollback': ['Helm', 'k9s', 'Lens'],
  'release-history': ['Helm', 'k9s'],
  // k9s rolls a Deployment back from its ReplicaSets (ctrl-l) and lists them, each with its pod template.
  'rollout-undo': ['kubectl', 'k9s'],
  'rollout-history': ['kubectl', 'k9s'],
  'rollout-wait': ['kubectl'],
  'apply-manifests': ['kubectl'],
  'edit-live': ['kubectl', 'k9s', 'Lens'],
  'pod-shell': ['kubectl', 'k9s', 'Lens'],
  'port-forward': ['kubectl', 'k9s', 'Lens'],
  'pod-logs': ['kubectl', 'k9s', 'Lens', 'stern'],
  // kubectl logs --previous; k9s's pod list opens the previous instance's logs (p; shift-l in older versions). stern has no such flag: it tails the
  // instances that run now (its README's flag list).
  'previous-logs': ['kubectl', 'k9s'],
  // A release's values change through helm upgrade; kubectl edit or scale only touch live objects, and the next
  // upgrade puts back every field the chart sets.
  'release-change': ['Helm'],
  // A hardened bastion or a vendor's appliance ships the Kubernetes project's own client and nothing more.
  'stock-client': ['kubectl'],
  // kubectl top and k9s read the Metrics API that metrics-server serves; Lens draws its figures from Prometheus.
  'usage-from-prometheus': ['Lens'],
};

/** What each capability means, said about a tool that lacks it. */
export const LACKS: Record<Capability, string> = {
  'exact-command': 'is not the general command line that prints any object or log for a ticket or a runbook',
  'non-interactive': 'needs a person at a screen: it cannot run in a script or a CI job',
  'live-terminal-ui': 'has no full-screen terminal view that refreshes itself',
  'desktop-app': 'is no desktop application',
  'charts-over-time': 'keeps no history of a pod\'s usage to chart the last hour',
  'live-usage-columns': 'shows no usage columns that refresh in place',
  'usage-snapshot': 'prints no one-off table of CPU and memory',
  'regex-pod-logs': 'cannot pick pods by a regular expression on their names',
  'follows-new-pods': 'has no one log stream that takes in pods created after it started',
  'quick-switch': 'has no short command that switches the kubeconfig\'s current context',
  'switch-back': 'has no "back to the previous one" switch',
  'persists-switch': 'does not change the kubeconfig that every shell reads',
  'per-command-context': 'has no flag that aims one command at another context',
  'in-app-cluster-switch': 'has no window of its own to switch clusters in',
  'chart-install': 'does not install charts',
  'release-rollback': 'knows nothing of chart releases to roll back',
  'release-history': 'keeps no history of chart releases',
  'rollout-undo': 'does not undo a Deployment\'s rollout',
  'rollout-history': 'does not list a Deployment\'s revisions',
  'rollout-wait': 'does not wait for a rollout to finish',
  'apply-manifests': 'does not apply plain manifests',
  'edit-live': 'does not edit live objects',
  'pod-shell': 'opens no shell in a pod',
  'port-forward': 'forwards no ports',
  'pod-logs': 'shows no container logs',
  'previous-logs': 'has no way to print the instance from before the restart',
  'release-change': 'does not change a release\'s values, and the next helm upgrade applies only what those say',
  'stock-client': 'is not on that host, and nothing may be installed there',
  'usage-from-prometheus': 'shows no CPU or memory figures from Prometheus',
};

/**
 * Where we could not pin a tool's behaviour down (it changed across versions, or its docs do not say), the tool is
 * neither right nor wrong for that capability: which-tool never offers it as a wrong option on that ground.
 */
const UNSURE: Partial<Record<Capability, readonly Tool[]>> = {
  'persists-switch': ['k9s'],       // whether :ctx writes the kubeconfig's current-context has changed across versions
  'quick-switch': ['k9s', 'kubectl'], // k9s: whether :ctx counts as switching is unclear; kubectl config use-context
                                      // is a command too, just a longer one, so kubectl is never the wrong tool here
  'switch-back': ['k9s'],           // its command history ([ and -) can bring the last :ctx back
  'follows-new-pods': ['k9s'],      // a Deployment's log view may or may not pick up pods created later
  'live-usage-columns': ['Lens'],   // Lens's pod list may carry metrics columns
  'chart-install': ['Lens'],        // some Lens versions install charts from a catalogue
  'release-history': ['Lens'],      // Lens lists a release's revisions when rolling back; values per revision unclear
  'rollout-undo': ['Lens'],         // Lens shows a Deployment's revisions
  'rollout-history': ['Lens'],
  'rollout-wait': ['Helm'],       // helm upgrade --wait waits for the release's resources to be ready
  'per-command-context': ['Lens'], // Lens opens a cluster in its own window without touching the current context
  'previous-logs': ['Lens'],       // Lens's log tab may offer the previous container
  'release-change': ['k9s', 'Lens'], // Lens upgrades a release with edited values; k9s's helm view may too
};

export const can = (tool: Tool, cap: Capability): boolean => CAN[cap].includes(tool);
export const unsure = (tool: Tool, cap: Capability): boolean => UNSURE[cap]?.includes(tool) ?? false;
/** A tool surely lacks a capability: it does not have it, and we are sure of that. */
const surelyLacks = (tool: Tool, cap: Capability): boolean => !can(tool, cap) && !unsure(tool, cap);

/** The tools that surely fall short of the need: each lacks a capability it asks for, for certain. */
export function toolsLacking(need: readonly Capability[]): Tool[] {
  return TOOLS.filter((t) => need.some((c) => surelyLacks(t, c)));
}

/** The tools that have every capability of the need. */
export function toolsFor(need: readonly Capability[]): Tool[] {
  return TOOLS.filter((t) => need.every((c) => can(t, c)));
}

/** Why a tool does not answer the need: the first capability it lacks. */
export function whyNot(tool: Tool, need: readonly Capability[]): string {
  const missing = need.find((c) => surelyLacks(tool, c)) ?? need.find((c) => !can(tool, c));
  return missing ? `${tool} ${LACKS[missing]}.` : `${tool} would do it too.`;
}

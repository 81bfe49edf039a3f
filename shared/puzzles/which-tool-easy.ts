// Easy which-tool templates: a situation from a working day with its deciding fact in plain view (where you sit, who
// will run it, whether the pods change while you watch, how the app was installed). The words are the situation's,
// never the tool's tagline, and the reveal says why the tool a player would reach for by habit falls short.
import { possessive } from '../model/sharing.ts';
import type { Tool } from '../model/tools.ts';
import { toolDraft, type ToolCase } from './which-tool-case.ts';
import type { SingleTemplate } from './single-draft.ts';

/** Our services, one of which each case is about ({app} in its words). */
const APPS = ['shop', 'checkout', 'orders', 'billing', 'catalog', 'payments', 'search', 'profile'] as const;

const named = (c: ToolCase, app: string): ToolCase => {
  const put = (t: string): string => t.replaceAll("{app}'s", possessive(app)).replaceAll('{app}', app);
  return {
    ...c, text: put(c.text), because: put(c.because),
    ...(c.question ? { question: put(c.question) } : {}),
    ...(c.tempt ? { tempt: { tool: c.tempt.tool, why: put(c.tempt.why) } } : {}),
  };
};

export const toolTemplate = (id: string, cases: Partial<Record<Tool, ToolCase>>, question?: string): SingleTemplate => ({
  id,
  answers: Object.keys(cases),
  make(rng, answer) {
    return toolDraft(rng, id, named(cases[answer as Tool]!, rng.pick(APPS)), question);
  },
});

const SCRIPT_NOT_VIEW = 'k9s is a view for a person at a keyboard: nothing a script can run, or a reader can paste and rerun.';

/** Where you sit and who you are decide between the terminal UI, the desktop app and the plain CLI. */
const onCall = toolTemplate('which-tool/on-call', {
  k9s: {
    text: 'Paged at night, you SSH into the jump host: a text terminal, nothing else. You want to hop from the failing pod to its events, its logs and a shell in it, without typing a command for each.',
    need: ['live-terminal-ui', 'pod-shell'], answer: 'k9s',
    tempt: { tool: 'Lens', why: 'Lens is a desktop application: an SSH session has no desktop to run it on.' },
    because: 'k9s runs in any terminal, SSH included, and each step is a key on the pod under the cursor.',
  },
  Lens: {
    text: 'A developer new to Kubernetes wants to look around the staging cluster from a laptop, clicking through pods, logs and usage graphs rather than learning commands first.',
    need: ['desktop-app'], answer: 'Lens',
    tempt: { tool: 'k9s', why: 'k9s is driven by keys and :commands in a terminal, made for people who already know their way around.' },
    because: 'Lens is point and click in a desktop window: the gentlest start for a new operator.',
  },
  kubectl: {
    text: '{app}\'s container crashed and was restarted. The incident ticket must show what that crashed run printed, with the command that fetched it, so the next engineer can rerun it and compare.',
    need: ['exact-command', 'previous-logs'], answer: 'kubectl', rule: 'debugging/logs-previous', doc: 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-running-pod/#examine-pod-logs',
    tempt: { tool: 'k9s', why: SCRIPT_NOT_VIEW },
    because: 'kubectl logs <pod> -c {app} --previous prints the run before the restart: one command and its printout, which anyone can paste and rerun.',
  },
});

/** Whose logs, and which run of them: a changing set of pods, a crashed run, or a pod picked from a live list. */
const logs = toolTemplate('which-tool/logs', {
  stern: {
    text: 'Deployment {app} is rolling out: over the next ten minutes each of its pods is replaced. You want one stream of {app}\'s logs that keeps going through it, the new pods included.',
    need: ['follows-new-pods'], answer: 'stern', rule: 'tools/selector-logs-limits',
    tempt: { tool: 'kubectl', why: 'kubectl logs -f -l app={app} follows the pods it found when it started; their streams end as they are replaced.' },
    because: 'stern follows its query, not a fixed list of pods: each new pod that matches joins the stream.',
  },
  kubectl: {
    text: 'An on-call bot must attach to the ticket what {app}\'s container printed in the run that crashed, before the kubelet restarted it.',
    need: ['non-interactive', 'previous-logs'], answer: 'kubectl', rule: 'debugging/logs-previous', doc: 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-running-pod/#examine-pod-logs',
    tempt: { tool: 'stern', why: 'stern tails the instances running now; it has no flag for the one before the restart.' },
    because: 'kubectl logs --previous prints the instance from before the last restart, and a bot can run it unattended.',
  },
  k9s: {
    text: 'In your terminal you want to keep a namespace\'s pods in view and open the logs of whichever one starts failing, without looking up and typing its name.',
    need: ['live-terminal-ui', 'pod-logs'], answer: 'k9s',
    tempt: { tool: 'kubectl', why: 'kubectl prints once and exits: you would look up and type each failing pod\'s name.' },
    because: 'k9s keeps the pod list live, and l opens the logs of the pod under the cursor.',
  },
});

const SWITCH_LEAKS = 'kubectx rewrites the kubeconfig\'s current context, which your other terminals read too: their commands would follow to prod.';

/** One command somewhere else, or everything from now on: how far a switch reaches. */
const contextScope = toolTemplate('which-tool/context-scope', {
  'kubectx / kubens': {
    text: 'For the rest of the afternoon all your work is in the payments namespace of staging, and you keep forgetting to add -n payments.',
    need: ['quick-switch', 'persists-switch'], answer: 'kubectx / kubens', rule: 'tools/kubeconfig-current-context',
    because: 'kubens payments sets the namespace of the current context: every later command, in every shell, uses it.',
  },
  kubectl: {
    text: 'A deploy script is applying manifests to staging in your other terminal. You need one describe of a pod in prod, now, without disturbing that script.',
    need: ['per-command-context', 'exact-command'], answer: 'kubectl', rule: 'tools/per-command-context',
    tempt: { tool: 'kubectx / kubens', why: SWITCH_LEAKS },
    because: 'kubectl --context=prod describe pod … aims that one command at prod and leaves the kubeconfig alone.',
  },
  k9s: {
    text: 'You want to browse prod in a live terminal view for ten minutes, while the scripts in your other terminals keep going to staging.',
    need: ['live-terminal-ui', 'per-command-context'], answer: 'k9s', rule: 'tools/per-command-context',
    tempt: { tool: 'kubectx / kubens', why: SWITCH_LEAKS },
    because: 'k9s --context prod opens prod in its own view; the kubeconfig\'s current context stays staging.',
  },
});

/** How the app was installed decides how it is changed: the release, or the files. */
const ownedBy = toolTemplate('which-tool/owned-by', {
  Helm: {
    text: '{app} was installed from its chart, as a release. Its replicas must go from 2 to 4 for good, so that the next upgrade keeps 4.',
    need: ['release-change'], answer: 'Helm', rule: 'tools/release-drift', doc: 'https://helm.sh/docs/faq/changes_since_helm2/#improved-upgrade-strategy-3-way-strategic-merge-patches',
    tempt: { tool: 'kubectl', why: 'kubectl scale changes the live Deployment only; the release still says 2, and the next helm upgrade applies what the release says.' },
    because: 'Set replicas in the release\'s values and run helm upgrade: each upgrade applies the release, not what is live.',
  },
  kubectl: {
    text: '{app}\'s manifests are a folder of plain YAML files in git, no chart anywhere. You changed replicas in its Deployment\'s file and want the cluster to match it.',
    need: ['apply-manifests'], answer: 'kubectl', doc: 'https://kubernetes.io/docs/tasks/manage-kubernetes-objects/declarative-config/#how-to-update-objects',
    tempt: { tool: 'Helm', why: 'Helm changes only what it installed as a release; these objects are no release of it.' },
    because: 'kubectl apply -f brings the live objects in line with the files, which stay the source of truth.',
  },
  Lens: {
    text: 'You look after the cluster with the mouse, from your laptop, never from a shell. The last upgrade of the {app} release broke it, and you want the whole release back as it was, its ConfigMap included.',
    need: ['desktop-app', 'release-rollback'], answer: 'Lens', rule: 'tools/release-vs-rollout', doc: 'https://helm.sh/docs/helm/helm_rollback/#synopsis',
    tempt: { tool: 'kubectl', why: 'kubectl rollout undo rolls one Deployment back; the ConfigMap the upgrade changed stays as it is.' },
    because: 'Lens lists Helm releases and rolls one back to an earlier revision, as helm rollback does: every object of it.',
  },
});

/** Now, over time, or once: what kind of usage figure the question needs. */
const usage = toolTemplate('which-tool/usage', {
  Lens: {
    text: '{app} was OOMKilled at 14:02. You want to see how its memory grew over the hour before; Prometheus runs in the cluster.',
    need: ['charts-over-time'], answer: 'Lens', rule: 'tools/usage-now-or-history', doc: 'https://kubernetes.io/docs/reference/kubectl/generated/kubectl_top/#synopsis',
    tempt: { tool: 'k9s', why: 'k9s shows usage as it is now, from metrics-server, which keeps no history.' },
    because: 'Lens charts CPU and memory over time from the cluster\'s Prometheus; metrics-server only knows the present.',
  },
  k9s: {
    text: 'During a load test you want every pod of the namespace with its CPU and memory in front of you in a terminal, updating while you sort and scroll.',
    need: ['live-terminal-ui', 'live-usage-columns'], answer: 'k9s',
    tempt: { tool: 'kubectl', why: 'kubectl top prints one snapshot and exits.' },
    because: 'k9s\'s pod view refreshes its CPU and memory columns in place, and sorts with a key.',
  },
  kubectl: {
    text: 'You want one table of the CPU and memory of each container of pod {app}-0, right now, to paste into the ticket.',
    need: ['usage-snapshot'], answer: 'kubectl', rule: 'tools/usage-now-or-history', doc: 'https://kubernetes.io/docs/reference/kubectl/quick-reference/#interacting-with-running-pods',
    tempt: { tool: 'Lens', why: 'Lens draws charts in its window: no text table to paste.' },
    because: 'kubectl top pod {app}-0 --containers prints that table once, from metrics-server.',
  },
});

/** Nobody at a screen: the step runs in a pipeline. */
const pipeline = toolTemplate('which-tool/pipeline', {
  Helm: {
    text: 'The deploy pipeline must install version 1.8.0 of the {app} chart into staging, with values-staging.yaml.',
    need: ['non-interactive', 'chart-install'], answer: 'Helm', rule: 'tools/non-interactive', doc: 'https://helm.sh/docs/helm/helm_upgrade/#synopsis',
    tempt: { tool: 'kubectl', why: 'kubectl applies manifests as they are; it does not install charts with values.' },
    because: 'helm upgrade --install {app} … --version 1.8.0 -f values-staging.yaml runs unattended.',
  },
  kubectl: {
    text: 'After applying the new version, the pipeline must wait until Deployment {app} has rolled out, and fail the build if the rollout stalls.',
    need: ['non-interactive', 'rollout-wait'], answer: 'kubectl', rule: 'tools/non-interactive', doc: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#failed-deployment',
    tempt: { tool: 'k9s', why: 'k9s shows the rollout to a person; it cannot fail a build.' },
    because: 'kubectl rollout status waits, and exits non-zero once the rollout passes its progress deadline.',
  },
  stern: {
    text: 'When the end-to-end tests fail, the pipeline must save into one file the logs of every pod whose name starts with e2e-; they come from different Jobs with different labels.',
    need: ['non-interactive', 'regex-pod-logs'], answer: 'stern', rule: 'tools/non-interactive',
    tempt: { tool: 'kubectl', why: 'kubectl logs picks pods by one label selector or by name, never by a pattern on names.' },
    because: 'stern \'^e2e-\' --no-follow matches the pods by a regular expression on their names and exits when done.',
  },
});

/** Many clusters: switch everything, or keep them side by side in a tool. */
const clusters = toolTemplate('which-tool/clusters', {
  'kubectx / kubens': {
    text: 'You hop between nine clusters a day, with context names like gke_acme-prod_europe-west1_main. You want to pick the next one from a searchable list, and have every command after it go there.',
    need: ['quick-switch', 'persists-switch'], answer: 'kubectx / kubens',
    because: 'kubectx, with fzf installed, offers a fuzzy menu of contexts and writes the choice to the kubeconfig.',
  },
  Lens: {
    text: 'From your laptop you keep an eye on nine clusters and want them all in one window\'s sidebar, a click apart, without changing what your terminals point at.',
    need: ['desktop-app', 'in-app-cluster-switch'], answer: 'Lens',
    tempt: { tool: 'kubectx / kubens', why: 'kubectx switches the kubeconfig every terminal reads, and shows no window.' },
    because: 'Lens lists every cluster of your kubeconfig in its sidebar and opens each in its own view.',
  },
  k9s: {
    text: 'For an hour a pod list has been refreshing itself in your terminal, driven by keys. You want it to show prod\'s pods instead of staging\'s without quitting it and starting again.',
    need: ['live-terminal-ui', 'in-app-cluster-switch'], answer: 'k9s',
    tempt: { tool: 'kubectx / kubens', why: 'kubectx is a command for the shell: you would leave the view to run it.' },
    because: 'k9s lists the contexts with :ctx and switches to one without leaving its view.',
  },
});

/** A shell in a pod: for a person in a terminal, a person clicking, or a script. */
const shellIn = toolTemplate('which-tool/shell-in', {
  k9s: {
    text: 'Over SSH on the jump host you want a shell in each {app} pod in turn, picking each from a live list.',
    need: ['live-terminal-ui', 'pod-shell'], answer: 'k9s',
    tempt: { tool: 'Lens', why: 'Lens needs a desktop; over SSH there is none.' },
    because: 'k9s needs only a terminal: s opens a shell in the pod under the cursor.',
  },
  Lens: {
    text: 'You are pairing with a developer who has never typed a kubectl command. From your laptop you want to show them {app}\'s pod as a list they can follow: a shell in it, with its logs open beside it.',
    need: ['desktop-app', 'pod-shell'], answer: 'Lens',
    tempt: { tool: 'k9s', why: 'k9s has shells a key away, but in a terminal, not in tabs of a desktop window.' },
    because: 'Lens opens a pod\'s shell and its logs side by side in its window, from the pod list, with nothing to type first.',
  },
  kubectl: {
    text: 'After each config change, a script must run nginx -s reload inside each of the three nginx pods.',
    need: ['non-interactive', 'pod-shell'], answer: 'kubectl', rule: 'tools/non-interactive', doc: 'https://kubernetes.io/docs/tasks/debug/debug-application/get-shell-running-container/#running-individual-commands-in-a-container',
    tempt: { tool: 'k9s', why: SCRIPT_NOT_VIEW },
    because: 'kubectl exec <pod> -- nginx -s reload runs the command in the pod, from a script, for each pod.',
  },
});

export const easyTemplates: readonly SingleTemplate[] = [onCall, logs, contextScope, ownedBy, usage, pipeline, clusters, shellIn];

// Easy which-tool templates: a situation from a working day with its deciding fact in plain view (where you sit, who
// will run it, whether the pods change while you watch, how the app was installed). The words are the situation's,
// never the tool's tagline, and the reveal says why the tool a player would reach for by habit falls short.
import { possessive } from '../model/sharing.ts';
import type { Tool } from '../model/tools.ts';
import { toolDraft, type ToolCase } from './which-tool-case.ts';
import type { SingleTemplate } from './single-draft.ts';

/** Our services, one of which each case is about ({app} in its words). */
const APPS = ['shop', 'checkout', 'orders', 'billing', 'catalog', 'payments', 'search', 'profile', 'inventory', 'ledger', 'notify', 'cart'] as const;

const named = (c: ToolCase, app: string): ToolCase => {
  const put = (t: string): string => t.replaceAll("{app}'s", possessive(app)).replaceAll('{app}', app);
  return {
    ...c, text: put(c.text), because: put(c.because),
    ...(c.question ? { question: put(c.question) } : {}),
    ...(c.tempt ? { tempt: { tool: c.tempt.tool, why: put(c.tempt.why) } } : {}),
    ...(c.others ? { others: Object.fromEntries(Object.entries(c.others).map(([t, w]) => [t, put(w)])) } : {}),
  };
};

/**
 * A template: per answer, one situation or several (different stories that turn on the same fact), so that a class
 * drawing twenty questions meets each wording about once, not the same sentence twice.
 */
export const toolTemplate = (id: string, cases: Partial<Record<Tool, ToolCase | readonly ToolCase[]>>, question?: string): SingleTemplate => ({
  id,
  answers: Object.keys(cases),
  make(rng, answer) {
    const c = cases[answer as Tool]!;
    const story = Array.isArray(c) ? rng.pick(c as readonly ToolCase[]) : (c as ToolCase);
    return toolDraft(rng, id, named(story, rng.pick(APPS)), question);
  },
});

const SCRIPT_NOT_VIEW = 'k9s is a view for a person at a keyboard: nothing a script can run, or a reader can paste and rerun.';
const BASTION = 'a hardened bastion where nothing may be installed beyond the Kubernetes project\'s own client';
const NOT_ON_BASTION = (what: string): string => `k9s would ${what}, but it is not on the bastion, and nothing may be installed there.`;
const RUNNING = 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-running-pod/';
const CRASHED_RUN = 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-running-pod/#examine-pod-logs';
const FIXED_LIST = 'kubectl logs -f -l app={app} follows more than five pods only with --max-log-requests, and only the pods it found when it started: the replacements never join.';

/** Paged at night: what you need first, and what the place you are in allows. */
const onCall = toolTemplate('which-tool/on-call', {
  stern: [{
    text: 'Paged at night: some of {app}\'s twelve pods throw errors, you cannot tell which, and the crashing ones are being replaced. You want all of their logs in one stream, each line marked with its pod, the replacements included.',
    need: ['follows-new-pods'], answer: 'stern', rule: 'tools/selector-logs-limits',
    tempt: { tool: 'kubectl', why: FIXED_LIST },
    because: 'stern -l app={app} watches for matching pods: each new one joins the stream, every line prefixed with its pod.',
  }, {
    text: 'Paged at night: {app} returns errors from one pod or another, and the autoscaler keeps adding pods while you look. You want the logs of all of them in one stream, the pods still to come included.',
    need: ['follows-new-pods'], answer: 'stern', rule: 'tools/selector-logs-limits',
    tempt: { tool: 'kubectl', why: FIXED_LIST },
    because: 'stern -l app={app} follows its query, not a fixed list: pods the autoscaler adds join the stream.',
  }],
  kubectl: [{
    text: '{app}\'s container crashed and was restarted. The incident ticket must show what that crashed run printed, with the command that fetched it, so the next engineer can rerun it and compare.',
    need: ['exact-command', 'previous-logs'], answer: 'kubectl', rule: 'debugging/logs-previous', doc: CRASHED_RUN,
    tempt: { tool: 'k9s', why: SCRIPT_NOT_VIEW },
    because: 'kubectl logs <pod> -c {app} --previous prints the run before the restart: one command and its printout, which anyone can paste and rerun.',
  }, {
    text: `Paged at night, you log in to ${BASTION}. One of {app}'s pods has been Pending for ten minutes, and you want the events that say why.`,
    need: ['stock-client'], answer: 'kubectl', doc: `${RUNNING}#example-debugging-pending-pods`,
    tempt: { tool: 'k9s', why: NOT_ON_BASTION('show the events') },
    because: 'kubectl describe pod <pod> ends with its events, the scheduler\'s reason among them; the client is the one tool that host has.',
  }],
  'kubectx / kubens': {
    text: 'Paged at night: the alert is about {app} in prod, but the kubeconfig on your laptop still points at staging. For the rest of the incident you want every command, in this terminal and the two you will open next, to go to prod.',
    need: ['quick-switch', 'persists-switch'], answer: 'kubectx / kubens', rule: 'tools/kubeconfig-current-context',
    because: 'kubectx prod makes prod the kubeconfig\'s current context: every later command, in every terminal that reads that file, goes there.',
  },
  Lens: [{
    text: 'A developer new to Kubernetes wants to look around the staging cluster from a laptop, clicking through {app}\'s pods, logs and usage graphs rather than learning commands first.',
    need: ['desktop-app'], answer: 'Lens',
    tempt: { tool: 'k9s', why: 'k9s is driven by keys and :commands in a terminal, made for people who already know their way around.' },
    because: 'Lens is point and click in a window of its own: the gentlest start for a new operator.',
  }, {
    text: 'Your team lead has never worked in a shell, but wants to browse staging\'s {app} pods by herself on her laptop: their events, logs and memory graphs.',
    need: ['desktop-app'], answer: 'Lens',
    tempt: { tool: 'k9s', why: 'k9s runs in a shell, driven by keys and :commands: exactly what she does not use.' },
    because: 'Lens shows pods, events, logs and graphs by point and click, with no shell and no commands.',
  }],
});

/** Whose logs, and which run of them: a changing set of pods, a crashed run, or a pod picked from a live list. */
const logs = toolTemplate('which-tool/logs', {
  stern: [{
    text: 'Deployment {app} is rolling out: over the next ten minutes each of its pods is replaced. You want one stream of {app}\'s logs that keeps going through it, the new pods included.',
    need: ['follows-new-pods'], answer: 'stern', rule: 'tools/selector-logs-limits',
    tempt: { tool: 'kubectl', why: 'kubectl logs -f -l app={app} follows the pods it found when it started; their streams end as they are replaced.' },
    because: 'stern follows its query, not a fixed list of pods: each new pod that matches joins the stream.',
  }, {
    text: 'You are about to change {app}\'s image, which replaces its pods one by one. You want to read the old and the new pods\' logs side by side in one stream while it happens.',
    need: ['follows-new-pods'], answer: 'stern', rule: 'tools/selector-logs-limits',
    tempt: { tool: 'kubectl', why: 'kubectl logs -f -l app={app} follows the pods it found when it started: the new pods never join.' },
    because: 'stern -l app={app} adds each new pod to the stream as it starts, and drops the old ones as they go.',
  }],
  kubectl: [{
    text: 'An on-call bot must attach to the ticket what {app}\'s container printed in the run that crashed, before the kubelet restarted it.',
    need: ['non-interactive', 'previous-logs'], answer: 'kubectl', rule: 'debugging/logs-previous', doc: CRASHED_RUN,
    tempt: { tool: 'stern', why: 'stern tails the instances running now; it has no flag for the one before the restart.' },
    because: 'kubectl logs --previous prints the instance from before the last restart, and a bot can run it unattended.',
  }, {
    text: '{app}-0 restarted at 03:10. A nightly job must save, next to the metrics, the last hundred lines its container printed before that restart.',
    need: ['non-interactive', 'previous-logs'], answer: 'kubectl', rule: 'debugging/logs-previous', doc: CRASHED_RUN,
    tempt: { tool: 'stern', why: 'stern tails the instances running now; it has no flag for the one before the restart.' },
    because: 'kubectl logs {app}-0 --previous --tail=100 prints the end of the run before the restart, from a job with no one at a screen.',
  }],
  k9s: [{
    text: 'In your terminal you want to keep the {app} namespace\'s pods in view and open the logs of whichever one starts failing, without looking up and typing its name.',
    need: ['live-terminal-ui', 'pod-logs'], answer: 'k9s',
    tempt: { tool: 'kubectl', why: 'kubectl prints once and exits: you would look up and type each failing pod\'s name.' },
    because: 'k9s keeps the pod list live, and l opens the logs of the pod under the cursor.',
  }, {
    text: 'Over SSH you are babysitting {app}\'s namespace for the afternoon: you want its pods on screen with their status kept current, and to read any pod\'s logs by moving to it in that list.',
    need: ['live-terminal-ui', 'pod-logs'], answer: 'k9s',
    tempt: { tool: 'Lens', why: 'Lens is an application with windows of its own: an SSH session has nowhere to show it.' },
    because: 'k9s runs in the SSH session itself: its pod list refreshes in place, and l opens the selected pod\'s logs.',
  }],
});

const ONE_LOOK: ToolCase['others'] = {
  k9s: 'k9s shows prod on a live screen: no printout to paste, and no command to rerun.',
  Lens: 'Lens shows prod in its window: no printout to paste, and no command to rerun.',
  stern: 'stern tails logs; it lists and describes nothing.',
  Helm: 'Helm works on releases; it lists and describes no pods.',
};
const SWITCH_LEAKS = 'kubectx rewrites the kubeconfig\'s current context, which your other terminals read too: their commands would follow to prod.';

/** One command somewhere else, or everything from now on: how far a switch reaches. */
const contextScope = toolTemplate('which-tool/context-scope', {
  'kubectx / kubens': [{
    text: 'For the rest of the afternoon all your work is in the {app} namespace of staging, and you keep forgetting to add -n {app}.',
    need: ['quick-switch', 'persists-switch'], answer: 'kubectx / kubens', rule: 'tools/kubeconfig-current-context',
    because: 'kubens {app} sets the namespace of the current context: every later command, in every shell, uses it.',
  }, {
    text: 'All day you will work on {app}, whose objects live in the {app}-team namespace, and every command you type without -n lands in default.',
    need: ['quick-switch', 'persists-switch'], answer: 'kubectx / kubens', rule: 'tools/kubeconfig-current-context',
    because: 'kubens {app}-team makes it the current context\'s namespace, so every later command goes there without -n.',
  }],
  kubectl: [{
    text: 'A deploy script is applying manifests to staging in your other terminal. You need one describe of {app}\'s pod in prod, now, pasted into the ticket, without disturbing that script.',
    need: ['per-command-context', 'exact-command'], answer: 'kubectl', rule: 'tools/per-command-context',
    tempt: { tool: 'kubectx / kubens', why: SWITCH_LEAKS }, others: ONE_LOOK,
    because: 'kubectl --context=prod describe pod … aims that one command at prod and leaves the kubeconfig alone.',
  }, {
    text: 'A pipeline in your other terminal is rolling {app} out to staging. You want prod\'s {app} pods listed once, as text for the team chat, and that pipeline left where it is.',
    need: ['per-command-context', 'exact-command'], answer: 'kubectl', rule: 'tools/per-command-context',
    tempt: { tool: 'kubectx / kubens', why: SWITCH_LEAKS }, others: ONE_LOOK,
    because: 'kubectl --context=prod get pods -l app={app} looks at prod for that one command; the kubeconfig still says staging.',
  }],
  stern: [{
    text: 'Your deploy scripts in two other terminals work on staging. For ten minutes you want to follow prod\'s {app} logs through its rollout, new pods included, without sending anything else to prod.',
    need: ['per-command-context', 'follows-new-pods'], answer: 'stern', rule: 'tools/per-command-context',
    tempt: { tool: 'kubectx / kubens', why: SWITCH_LEAKS },
    because: 'stern --context prod -l app={app} follows prod\'s pods, the rollout\'s new ones included, and leaves the current context on staging.',
  }, {
    text: 'Your other terminals run a long migration against staging. You want to watch prod\'s {app} logs during its rollout, the new pods included, and have nothing else touch prod.',
    need: ['per-command-context', 'follows-new-pods'], answer: 'stern', rule: 'tools/per-command-context',
    tempt: { tool: 'kubectx / kubens', why: SWITCH_LEAKS },
    because: 'stern --context prod -l app={app} follows prod\'s pods as the rollout replaces them, and the current context stays staging.',
  }],
});

/** How the app was installed decides how it is changed: the release, or the files. */
const ownedBy = toolTemplate('which-tool/owned-by', {
  Helm: [{
    text: '{app} was installed from its chart, as a release. Its replicas must go from 2 to 4 for good, so that the next upgrade keeps 4.',
    need: ['release-change'], answer: 'Helm', rule: 'tools/release-drift', doc: 'https://helm.sh/docs/faq/changes_since_helm2/#improved-upgrade-strategy-3-way-strategic-merge-patches',
    tempt: { tool: 'kubectl', why: 'kubectl scale changes the live Deployment only; the release still says 2, and the next helm upgrade applies what the release says.' },
    because: 'Set replicas in the release\'s values and run helm upgrade: each upgrade applies the release, not what is live.',
  }, {
    text: '{app} runs from a chart\'s release. Its log level must change from info to debug for the week, and survive the upgrades planned in between.',
    need: ['release-change'], answer: 'Helm', rule: 'tools/release-drift', doc: 'https://helm.sh/docs/faq/changes_since_helm2/#improved-upgrade-strategy-3-way-strategic-merge-patches',
    tempt: { tool: 'kubectl', why: 'kubectl edit changes the live ConfigMap only; the release still says info, and the next helm upgrade applies what the release says.' },
    because: 'Change the value in the release (helm upgrade --set or a values file): later upgrades start from it.',
  }],
  kubectl: [{
    text: '{app}\'s manifests are a folder of plain YAML files in git, no chart anywhere. You changed replicas in its Deployment\'s file and want the cluster to match it.',
    need: ['apply-manifests'], answer: 'kubectl', doc: 'https://kubernetes.io/docs/tasks/manage-kubernetes-objects/declarative-config/#how-to-update-objects',
    tempt: { tool: 'Helm', why: 'Helm changes only what it installed as a release; these objects are no release of it.' },
    because: 'kubectl apply -f brings the live objects in line with the files, which stay the source of truth.',
  }, {
    text: 'Nobody ever packaged {app}: its Deployment, Service and ConfigMap are three YAML files in its repository. You edited the ConfigMap\'s file and want the cluster to have it.',
    need: ['apply-manifests'], answer: 'kubectl', doc: 'https://kubernetes.io/docs/tasks/manage-kubernetes-objects/declarative-config/#how-to-update-objects',
    tempt: { tool: 'Helm', why: 'Helm changes only what it installed as a release; these objects are no release of it.' },
    because: 'kubectl apply -f on the folder updates the objects the files define, the ConfigMap among them.',
  }],
  Lens: [{
    text: 'You look after the cluster from your laptop by pointing and clicking, never from a shell. The last upgrade of the {app} release broke it, and you want the whole release back as it was, its ConfigMap included.',
    need: ['desktop-app', 'release-rollback'], answer: 'Lens', rule: 'tools/release-vs-rollout', doc: 'https://docs.k8slens.dev/using-lens/helm/releases#releases-view',
    tempt: { tool: 'kubectl', why: 'kubectl rollout undo rolls one Deployment back; the ConfigMap the upgrade changed stays as it is.' },
    because: 'Lens lists Helm releases and rolls one back to an earlier revision, as helm rollback does: every object of it.',
  }, {
    text: 'The ops lead works only in a point-and-click app on her laptop, never in a shell. Yesterday\'s upgrade of the {app} release broke its Secret and Deployment, and she wants the release\'s previous revision back, all of it.',
    need: ['desktop-app', 'release-rollback'], answer: 'Lens', rule: 'tools/release-vs-rollout', doc: 'https://docs.k8slens.dev/using-lens/helm/releases#releases-view',
    tempt: { tool: 'kubectl', why: 'kubectl rollout undo rolls one Deployment back; the Secret the upgrade changed stays as it is.' },
    because: 'Lens lists Helm releases and rolls one back to an earlier revision, as helm rollback does: every object of it.',
  }],
});

/** Now, over time, or once: what kind of usage figure the question needs. */
const usage = toolTemplate('which-tool/usage', {
  Lens: [{
    text: '{app} was OOMKilled at 14:02. You want to see how its memory grew over the hour before; Prometheus runs in the cluster.',
    need: ['charts-over-time'], answer: 'Lens', rule: 'tools/usage-now-or-history', doc: 'https://kubernetes.io/docs/concepts/cluster-administration/resource-usage-monitoring/#resource-metrics-pipeline',
    tempt: { tool: 'k9s', why: 'k9s shows usage as it is now, from metrics-server, which keeps no history.' },
    because: 'Lens charts CPU and memory over time from the cluster\'s Prometheus; metrics-server only knows the present.',
  }, {
    text: 'Since Tuesday\'s release {app} seems to use more CPU. You want to compare its CPU over this week with last week\'s; the cluster\'s Prometheus keeps 30 days.',
    need: ['charts-over-time'], answer: 'Lens', rule: 'tools/usage-now-or-history', doc: 'https://kubernetes.io/docs/concepts/cluster-administration/resource-usage-monitoring/#resource-metrics-pipeline',
    tempt: { tool: 'kubectl', why: 'kubectl top shows the present only, from metrics-server, which keeps no history.' },
    because: 'Lens draws CPU over a chosen range from Prometheus, which has the weeks that metrics-server never keeps.',
  }],
  k9s: [{
    text: 'During a load test of {app} you want every pod of its namespace with its CPU and memory in front of you in a terminal, updating while you sort and scroll.',
    need: ['live-terminal-ui', 'live-usage-columns'], answer: 'k9s',
    tempt: { tool: 'kubectl', why: 'kubectl top prints one snapshot and exits.' },
    because: 'k9s\'s pod view refreshes its CPU and memory columns in place, and sorts with a key.',
  }, {
    text: 'While {app} is load-tested you want its pods sorted by memory on your SSH screen, the figures changing in place as the test ramps up.',
    need: ['live-terminal-ui', 'live-usage-columns'], answer: 'k9s',
    tempt: { tool: 'kubectl', why: 'kubectl top prints one snapshot and exits: you would rerun it by hand.' },
    because: 'k9s\'s pod list shows CPU and memory from metrics-server, refreshed in place, and sorts by memory with a key.',
  }],
  kubectl: [{
    text: 'You want one table of the CPU and memory of each container of pod {app}-0, right now, to paste into the ticket.',
    need: ['usage-snapshot'], answer: 'kubectl', rule: 'tools/usage-now-or-history', doc: 'https://kubernetes.io/docs/reference/kubectl/quick-reference/#interacting-with-running-pods',
    tempt: { tool: 'Lens', why: 'Lens draws charts in its window: no text table to paste.' },
    because: 'kubectl top pod {app}-0 --containers prints that table once, from metrics-server.',
  }, {
    text: 'The ticket asks which of {app}\'s pods uses the most memory at this moment, as plain text someone can check again with the same line.',
    need: ['usage-snapshot'], answer: 'kubectl', rule: 'tools/usage-now-or-history', doc: 'https://kubernetes.io/docs/reference/kubectl/quick-reference/#interacting-with-running-pods',
    tempt: { tool: 'k9s', why: 'k9s shows the figures on a live screen: no line to paste and rerun.' },
    because: 'kubectl top pod -l app={app} --sort-by=memory prints them once, biggest first.',
  }],
});

/** Nobody at a screen: the step runs in a pipeline. */
const pipeline = toolTemplate('which-tool/pipeline', {
  Helm: [{
    text: 'The deploy pipeline must install version 1.8.0 of the {app} chart into staging, with values-staging.yaml.',
    need: ['non-interactive', 'chart-install'], answer: 'Helm', rule: 'tools/non-interactive', doc: 'https://helm.sh/docs/helm/helm_upgrade/#synopsis',
    tempt: { tool: 'kubectl', why: 'kubectl applies manifests as they are; it does not install charts with values.' },
    because: 'helm upgrade --install {app} … --version 1.8.0 -f values-staging.yaml runs unattended.',
  }, {
    text: 'Each merge to main must upgrade staging\'s {app} release to the chart version just published, with the image tag set to the commit.',
    need: ['non-interactive', 'chart-install'], answer: 'Helm', rule: 'tools/non-interactive', doc: 'https://helm.sh/docs/helm/helm_upgrade/#synopsis',
    tempt: { tool: 'kubectl', why: 'kubectl applies manifests as they are; it does not upgrade a release to a chart version with values.' },
    because: 'helm upgrade {app} … --version <v> --set image.tag=<commit> does it from the pipeline.',
  }],
  kubectl: [{
    text: 'After applying the new version, the pipeline must wait until Deployment {app} has rolled out, and fail the build if the rollout stalls.',
    need: ['non-interactive', 'rollout-wait'], answer: 'kubectl', rule: 'tools/non-interactive', doc: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#failed-deployment',
    tempt: { tool: 'k9s', why: 'k9s shows the rollout to a person; it cannot fail a build.' },
    because: 'kubectl rollout status waits, and exits non-zero once the rollout passes its progress deadline.',
  }, {
    text: 'The release job applies {app}\'s plain manifests, then must not start the smoke tests until every new pod of the Deployment is up, and must go red if that never happens.',
    need: ['non-interactive', 'rollout-wait'], answer: 'kubectl', rule: 'tools/non-interactive', doc: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#failed-deployment',
    tempt: { tool: 'k9s', why: 'k9s shows the rollout to a person; a job cannot wait on it or read a result from it.' },
    because: 'kubectl rollout status deployment/{app} blocks until the rollout completes, and exits non-zero when it passes its progress deadline.',
  }],
  stern: [{
    text: 'When the end-to-end tests fail, the pipeline must save into one file the logs of every pod whose name starts with e2e-{app}-; they come from different Jobs with different labels.',
    need: ['non-interactive', 'regex-pod-logs'], answer: 'stern', rule: 'tools/non-interactive',
    tempt: { tool: 'kubectl', why: 'kubectl logs picks pods by one label selector or by name, never by a pattern on names.' },
    because: 'stern \'^e2e-{app}-\' --no-follow matches the pods by a regular expression on their names and exits when done.',
  }, {
    text: 'After a failed canary the pipeline must archive the last 20 minutes of logs of every pod named {app}-canary-…, whatever Deployment or Job made them, then finish.',
    need: ['non-interactive', 'regex-pod-logs'], answer: 'stern', rule: 'tools/non-interactive',
    tempt: { tool: 'kubectl', why: 'kubectl logs picks pods by one label selector or by name, never by a pattern on names.' },
    because: 'stern \'^{app}-canary-\' --since 20m --no-follow prints them by name pattern and exits, so the pipeline can go on.',
  }],
});

/** Many clusters: switch everything, or keep them side by side in a tool. */
const clusters = toolTemplate('which-tool/clusters', {
  'kubectx / kubens': [{
    text: 'You hop between nine clusters a day, with context names like gke_acme-{app}-prod_europe-west1_main. You want to pick the next one from a searchable list, and have every command after it go there.',
    need: ['quick-switch', 'persists-switch'], answer: 'kubectx / kubens',
    because: 'kubectx, with fzf installed, offers a searchable menu of contexts and writes the choice to the kubeconfig.',
  }, {
    text: 'Your kubeconfig holds fourteen contexts with names like arn:aws:eks:eu-west-1:123456789012:cluster/{app}-prod. You want to move to the next one by typing a few letters of it, and have every later command go there.',
    need: ['quick-switch', 'persists-switch'], answer: 'kubectx / kubens',
    because: 'kubectx, with fzf installed, filters the contexts as you type and makes the chosen one current in the kubeconfig.',
  }],
  Lens: [{
    text: 'From your laptop you keep an eye on the nine clusters {app} runs in, and want them all in one window\'s sidebar, a click apart, without changing what your terminals point at.',
    need: ['desktop-app', 'in-app-cluster-switch'], answer: 'Lens',
    tempt: { tool: 'kubectx / kubens', why: 'kubectx switches the kubeconfig every terminal reads, and shows no window.' },
    because: 'Lens lists every cluster of your kubeconfig in its sidebar and opens each in its own view.',
  }, {
    text: 'On your laptop you want {app}\'s dev, staging and prod clusters open side by side in one app, each a click away in its sidebar, while your terminals keep pointing where they do.',
    need: ['desktop-app', 'in-app-cluster-switch'], answer: 'Lens',
    tempt: { tool: 'kubectx / kubens', why: 'kubectx switches the kubeconfig every terminal reads, and shows no window.' },
    because: 'Lens shows every cluster of your kubeconfig in its sidebar and opens each one in its own view.',
  }],
  k9s: [{
    text: 'For an hour a pod list has been refreshing itself in your terminal, driven by keys. You want it to show prod\'s {app} pods instead of staging\'s without quitting it and starting again.',
    need: ['live-terminal-ui', 'in-app-cluster-switch'], answer: 'k9s',
    tempt: { tool: 'kubectx / kubens', why: 'kubectx is a command for the shell: you would leave the view to run it.' },
    because: 'k9s lists the contexts with :ctx and switches to one without leaving its view.',
  }, {
    text: 'Over SSH you have been watching staging\'s {app} pods in a self-updating list you drive with keys. Now you want the same list for prod, from inside that view, without quitting it.',
    need: ['live-terminal-ui', 'in-app-cluster-switch'], answer: 'k9s',
    tempt: { tool: 'kubectx / kubens', why: 'kubectx is a command for the shell: you would leave the view to run it.' },
    because: 'k9s\'s :ctx lists the contexts and switches to one inside the view.',
  }],
});

/** A shell in a pod: for a person in a terminal, a person clicking, a script, or a host with one tool on it. */
const shellIn = toolTemplate('which-tool/shell-in', {
  k9s: [{
    text: 'Over SSH on the jump host you want a shell in each {app} pod in turn, picking each from a live list.',
    need: ['live-terminal-ui', 'pod-shell'], answer: 'k9s',
    tempt: { tool: 'Lens', why: 'Lens needs a graphical session; over SSH there is none.' },
    because: 'k9s needs only a terminal: s opens a shell in the pod under the cursor.',
  }, {
    text: 'On the ops VM, reached over SSH with no display, you want to go through {app}\'s pods one by one from a list that keeps itself current, opening a shell in each to check a file.',
    need: ['live-terminal-ui', 'pod-shell'], answer: 'k9s',
    tempt: { tool: 'Lens', why: 'Lens needs a graphical session; the VM has no display.' },
    because: 'k9s runs in the SSH session: s opens a shell in the pod under the cursor, and the list stays live.',
  }],
  Lens: [{
    text: 'You are pairing with a developer who has never typed a kubectl command. From your laptop you want to show them {app}\'s pod as a list they can follow: a shell in it, with its logs open beside it.',
    need: ['desktop-app', 'pod-shell'], answer: 'Lens',
    tempt: { tool: 'k9s', why: 'k9s has shells a key away, but in a terminal, not in tabs of a window they can follow.' },
    because: 'Lens opens a pod\'s shell and its logs side by side in its window, from the pod list, with nothing to type first.',
  }, {
    text: 'A new teammate who has never used a shell wants to look inside {app}\'s pod with you on her laptop: a shell in it, and its logs next to it, reached by clicking.',
    need: ['desktop-app', 'pod-shell'], answer: 'Lens',
    tempt: { tool: 'k9s', why: 'k9s has shells a key away, but in a terminal she would have to learn first.' },
    because: 'Lens opens a pod\'s shell and its logs in tabs of its window, from the pod list, by clicking.',
  }],
  kubectl: [{
    text: 'After each config change, a script must run nginx -s reload inside each of the three pods of the {app} gateway.',
    need: ['non-interactive', 'pod-shell'], answer: 'kubectl', rule: 'tools/non-interactive', doc: 'https://kubernetes.io/docs/tasks/debug/debug-application/get-shell-running-container/#running-individual-commands-in-a-container',
    tempt: { tool: 'k9s', why: SCRIPT_NOT_VIEW },
    because: 'kubectl exec <pod> -- nginx -s reload runs the command in the pod, from a script, for each pod.',
  }, {
    text: `You are on ${BASTION}, and want a shell in {app}'s pod to look at its /etc/resolv.conf and try a lookup.`,
    need: ['stock-client', 'pod-shell'], answer: 'kubectl', doc: `${RUNNING}#container-exec`,
    tempt: { tool: 'k9s', why: NOT_ON_BASTION('open that shell with a key') },
    because: 'kubectl exec -it <pod> -- sh opens the shell; the client is the one tool that host has.',
  }],
});

export const easyTemplates: readonly SingleTemplate[] = [onCall, logs, contextScope, ownedBy, usage, pipeline, clusters, shellIn];

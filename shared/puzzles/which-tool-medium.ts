// Medium which-tool templates: the deciding fact has to be found in the situation (why a stream went quiet, who owns
// the objects, how far a context switch reaches, whether anyone is at a screen, whether the figure is now or over
// time), and the tool a player would reach for by habit is always among the options, with why it falls short.
import type { SingleTemplate } from './single-draft.ts';
import { toolTemplate } from './which-tool-easy.ts';

const SWITCH_LEAKS = 'kubectx rewrites the kubeconfig\'s current context, which your other terminals read too: they would follow to prod.';
const SCRIPT_NOT_VIEW = 'k9s is a view for a person at a keyboard: nothing a script or a cron job can run.';

/** A stream of many pods' logs: a fixed set, or one that changes; and what the host you are on has installed. */
const newPods = toolTemplate('which-tool/new-pods', {
  stern: [{
    text: '`kubectl logs -f -l app={app}` went quiet halfway through a rollout, yet {app} is serving traffic and logging. You want a log stream that does not stop when pods are replaced.',
    need: ['follows-new-pods'], answer: 'stern', rule: 'tools/selector-logs-limits',
    tempt: { tool: 'kubectl', why: 'That is what went quiet: kubectl follows the pods it found at the start, and the rollout replaced them all.' },
    because: 'stern follows its query, not a list of pods: the rollout\'s new pods join the stream as they appear.',
  }, {
    text: 'Your `kubectl logs -f -l app={app} --prefix` shows lines from old pod names only, and fewer each minute, while a rollout of {app} is under way. You want to keep reading {app}\'s logs through the rest of it.',
    need: ['follows-new-pods'], answer: 'stern', rule: 'tools/selector-logs-limits',
    tempt: { tool: 'kubectl', why: 'That is the stream thinning out: kubectl follows the pods it found at the start, and each one replaced ends its stream.' },
    because: 'stern -l app={app} watches for matching pods, so each one the rollout creates joins the stream.',
  }],
  Lens: [{
    text: 'A product manager watches {app}\'s rollout with you on a shared screen and wants to see each new pod appear in a list and read its first log lines, with nobody typing commands.',
    need: ['desktop-app', 'pod-logs'], answer: 'Lens',
    tempt: { tool: 'stern', why: 'stern prints one stream to a terminal: there is no list of pods to click.' },
    because: 'Lens keeps the pod list current through the rollout and opens a pod\'s logs from it: something a newcomer can follow on a shared screen.',
  }, {
    text: 'On a video call you are walking a designer through {app}\'s canary: she wants to see the new pods appear beside the old ones and read what a new one logs, by clicking, not by reading commands.',
    need: ['desktop-app', 'pod-logs'], answer: 'Lens',
    tempt: { tool: 'stern', why: 'stern prints one stream to a terminal: there is no list of pods to click.' },
    because: 'Lens keeps the pod list current and opens a pod\'s logs from it with a click, which she can follow on the call.',
  }],
  kubectl: [{
    text: 'No rollout is due and {app}\'s eight pods stay put. On a hardened bastion where nothing may be installed beyond the Kubernetes project\'s own client, you want all eight followed in one stream, each line tagged with its pod.',
    need: ['stock-client', 'pod-logs'], answer: 'kubectl', rule: 'tools/selector-logs-limits', doc: 'https://kubernetes.io/docs/reference/kubectl/generated/kubectl_logs/#options',
    tempt: { tool: 'stern', why: 'stern would do it, but it is not on the bastion, and nothing may be installed there. With no pod replaced, a fixed list is enough.' },
    because: 'kubectl logs -f -l app={app} --prefix --max-log-requests=8 follows all eight: without the flag it refuses, since a selector follows at most five streams by default.',
  }, {
    text: '{app} is a StatefulSet of six pods that nobody will restart tonight. From the locked-down bastion, which has the Kubernetes project\'s own client and nothing else, you want to follow all six at once, each line tagged with its pod.',
    need: ['stock-client', 'pod-logs'], answer: 'kubectl', rule: 'tools/selector-logs-limits', doc: 'https://kubernetes.io/docs/reference/kubectl/generated/kubectl_logs/#options',
    tempt: { tool: 'stern', why: 'stern would do it, but it is not on the bastion, and nothing may be installed there. The six pods stay put, so a fixed list is enough.' },
    because: 'kubectl logs -f -l app={app} --prefix --max-log-requests=6: a selector follows at most five streams unless you raise the limit.',
  }],
});

/** Going back: a release, one Deployment's rollout, or the context you were in. */
const undo = toolTemplate('which-tool/undo', {
  Helm: [{
    text: '{app} was installed from a chart, and the release\'s last upgrade changed both its Deployment and its ConfigMap. You want all of it back as it was.',
    need: ['release-rollback'], answer: 'Helm', rule: 'tools/release-vs-rollout', doc: 'https://helm.sh/docs/helm/helm_rollback/#synopsis',
    tempt: { tool: 'kubectl', why: 'kubectl rollout undo restores the Deployment\'s pod template; the ConfigMap keeps the upgrade\'s version.' },
    because: 'helm rollback {app} restores every object of the previous revision, the ConfigMap included.',
  }, {
    text: 'The upgrade of {app}\'s release to a new chart version changed its Deployment, its Service and a Secret, and its pods crash since. You want the revision before it back, whole.',
    need: ['release-rollback'], answer: 'Helm', rule: 'tools/release-vs-rollout', doc: 'https://helm.sh/docs/helm/helm_rollback/#synopsis',
    tempt: { tool: 'kubectl', why: 'kubectl rollout undo restores the Deployment\'s pod template only; the Service and the Secret keep the upgrade\'s version.' },
    because: 'helm rollback {app} <revision> puts back every object as that revision had it.',
  }],
  kubectl: [{
    text: 'Deployment {app} was applied by hand, with no chart, and its last rollout brought a bad image. You want its previous pod template back.',
    need: ['rollout-undo'], answer: 'kubectl', rule: 'tools/release-vs-rollout', doc: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#rolling-back-a-deployment',
    tempt: { tool: 'Helm', why: 'Helm did not install it: it has no revision of it to roll back to.' },
    because: 'kubectl rollout undo deployment/<name> returns to the previous revision of its pod template.',
  }, {
    text: 'Deployment {app} comes from plain manifests, no chart. An image change an hour ago broke it; you want the previous pod template back now, and will fix the file in git after.',
    need: ['rollout-undo'], answer: 'kubectl', rule: 'tools/release-vs-rollout', doc: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#rolling-back-a-deployment',
    tempt: { tool: 'Helm', why: 'Helm did not install it: it has no revision of it to roll back to.' },
    because: 'kubectl rollout undo deployment/{app} brings back the previous revision of its pod template.',
  }, {
    // The cue word "release" where Helm is not the answer, so that a class must read what made the objects (review L2b).
    text: 'Today\'s release of {app} was a new image tag that the CI pipeline set on the Deployment directly; helm list shows no release for it. The new pods crash, and you want the Deployment\'s pod template from before the release back.',
    need: ['rollout-undo'], answer: 'kubectl', rule: 'tools/release-vs-rollout', doc: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#rolling-back-a-deployment',
    tempt: { tool: 'Helm', why: 'Here "release" means a deploy, not a Helm release: helm list has none, so helm rollback has no revision to return to.' },
    because: 'kubectl rollout undo deployment/{app} returns to the previous revision of its pod template, the one before the image change.',
  }],
  'kubectx / kubens': [{
    text: 'Looking for {app}, you just switched to the wrong cluster. You want to go back to the one you were in, without remembering its long context name.',
    need: ['switch-back'], answer: 'kubectx / kubens',
    because: 'kubectx - switches back to the previous context, as cd - does for directories.',
  }, {
    text: 'A minute ago you jumped from your usual context to prod to look at {app}. Now you want the context you came from back, whatever its name was, in one short command.',
    need: ['switch-back'], answer: 'kubectx / kubens',
    because: 'kubectx - returns to the previous context, as cd - does for directories.',
  }],
});

/** A fix that did not last: who owns the objects, and how far a switch reached. */
const drift = toolTemplate('which-tool/drift', {
  Helm: [{
    text: 'Last week someone raised {app}\'s memory limit with kubectl edit. Today\'s upgrade of the {app} release put the old limit back, and {app} is OOMKilled again.',
    question: 'Which tool should the fix have gone through?',
    need: ['release-change'], answer: 'Helm', rule: 'tools/release-drift', doc: 'https://helm.sh/docs/faq/changes_since_helm2/#improved-upgrade-strategy-3-way-strategic-merge-patches',
    tempt: { tool: 'kubectl', why: 'That is the fix that was lost: kubectl edit changed the live object, the release kept the old limit, and helm upgrade applies what the release says.' },
    because: '{app} belongs to a Helm release: set the limit in its values and helm upgrade, and the next upgrade keeps it.',
  }, {
    text: 'On Monday someone scaled {app} from 3 to 6 replicas by hand for a sale. Wednesday\'s upgrade of the {app} release brought it back to 3, in the middle of the sale.',
    question: 'Which tool should the change have gone through?',
    need: ['release-change'], answer: 'Helm', rule: 'tools/release-drift', doc: 'https://helm.sh/docs/faq/changes_since_helm2/#improved-upgrade-strategy-3-way-strategic-merge-patches',
    tempt: { tool: 'kubectl', why: 'That is the change that was lost: kubectl scale changed the live object, the release kept 3 replicas, and helm upgrade applies what the release says.' },
    because: '{app} belongs to a Helm release: set replicas in its values and helm upgrade, and later upgrades keep 6.',
  }],
  kubectl: [{
    text: '{app}\'s Deployment was applied from a YAML file in git, no chart. Its memory limit must go up, and the file must stay the truth that the next deploy applies.',
    question: 'Which tool makes the change?',
    need: ['apply-manifests'], answer: 'kubectl', doc: 'https://kubernetes.io/docs/tasks/manage-kubernetes-objects/declarative-config/#how-to-update-objects',
    tempt: { tool: 'Helm', why: 'Helm did not install it: there is no release to upgrade.' },
    because: 'Change the limit in the file and kubectl apply -f it: the cluster and the file agree.',
  }, {
    text: '{app}\'s ConfigMap comes from a YAML file in git, no chart. A feature flag in it must be turned on, and stay on when the next deploy applies the files again.',
    question: 'Which tool makes the change?',
    need: ['apply-manifests'], answer: 'kubectl', doc: 'https://kubernetes.io/docs/tasks/manage-kubernetes-objects/declarative-config/#how-to-update-objects',
    tempt: { tool: 'Helm', why: 'Helm did not install it: there is no release to upgrade.' },
    because: 'Turn the flag on in the file and kubectl apply -f it: the cluster and the file agree, so the next deploy keeps it.',
  }],
  'kubectx / kubens': [{
    text: 'Your kubectl edit of {app} landed in prod, not staging. An hour ago, in another terminal, you switched clusters with one short command.',
    question: 'Which tool made that switch reach this terminal too?',
    need: ['quick-switch', 'persists-switch'], answer: 'kubectx / kubens', rule: 'tools/kubeconfig-current-context',
    because: 'kubectx writes current-context into the kubeconfig file, which every terminal reads: this one followed.',
  }, {
    text: 'The delete you ran in what you took for staging\'s {app} namespace hit prod. Earlier, in a different terminal window, you had moved to prod with one short command.',
    question: 'Which tool made that move reach this window too?',
    need: ['quick-switch', 'persists-switch'], answer: 'kubectx / kubens', rule: 'tools/kubeconfig-current-context',
    because: 'kubectx wrote prod as current-context into the kubeconfig, which every terminal reads: this window followed.',
  }],
});

/** One command elsewhere, or everything from now on. */
const switchScope = toolTemplate('which-tool/switch-scope', {
  'kubectx / kubens': [{
    text: 'You are done with prod. From now on, every kubectl, helm and stern command you type about {app}, in this shell and in new ones, must go to the staging context.',
    need: ['persists-switch', 'quick-switch'], answer: 'kubectx / kubens', rule: 'tools/kubeconfig-current-context',
    because: 'kubectx staging writes the current context into the kubeconfig, which every later command and shell reads.',
  }, {
    text: 'For the rest of the sprint you work on {app} in staging only. Every command, in every shell you open, must go to staging\'s context without a flag.',
    need: ['persists-switch', 'quick-switch'], answer: 'kubectx / kubens', rule: 'tools/kubeconfig-current-context',
    because: 'kubectx staging makes it the kubeconfig\'s current context, which every later command and shell reads.',
  }],
  stern: [{
    text: 'For a few minutes you want to tail all of prod\'s {app}-… pods, which share no label, only that name prefix, while every other command, here and in your other terminals, stays on staging.',
    need: ['per-command-context', 'regex-pod-logs'], answer: 'stern', rule: 'tools/per-command-context',
    tempt: { tool: 'kubectx / kubens', why: SWITCH_LEAKS },
    because: 'stern --context=prod \'^{app}-\' tails prod\'s pods by name pattern, which kubectl logs cannot, and changes nothing else.',
  }, {
    text: 'In prod, {app}\'s web pods and its {app}-worker pods carry different labels. You want both tailed together for a while, while your scripts in other terminals keep working on staging.',
    need: ['per-command-context', 'regex-pod-logs'], answer: 'stern', rule: 'tools/per-command-context',
    tempt: { tool: 'kubectx / kubens', why: SWITCH_LEAKS },
    because: 'stern --context prod \'^{app}-\' matches both kinds of pod by name and leaves the current context on staging.',
  }],
  Helm: [{
    text: 'One upgrade of the {app} chart\'s release must go to prod, while everything else, here and in your other terminals, stays on staging.',
    need: ['per-command-context', 'chart-install'], answer: 'Helm', rule: 'tools/per-command-context', doc: 'https://helm.sh/docs/helm/helm/#options',
    tempt: { tool: 'kubectx / kubens', why: SWITCH_LEAKS },
    because: 'helm upgrade --kube-context=prod aims only that upgrade at prod.',
  }, {
    text: 'Version 3.1 of the {app} chart must be installed once into prod as a new release; your shells and scripts stay on staging, and must not notice.',
    need: ['per-command-context', 'chart-install'], answer: 'Helm', rule: 'tools/per-command-context', doc: 'https://helm.sh/docs/helm/helm/#options',
    tempt: { tool: 'kubectx / kubens', why: SWITCH_LEAKS },
    because: 'helm install … --version 3.1 --kube-context=prod aims that one install at prod.',
  }],
});

/** A package other teams install, files applied as they are, or a live edit by someone who never uses a shell. */
const packaging = toolTemplate('which-tool/packaging', {
  Helm: [{
    text: 'Other teams must install {app} in their own clusters as a versioned package, setting only a handful of values (replicas, image tag, hostname) of their own.',
    need: ['chart-install'], answer: 'Helm',
    tempt: { tool: 'kubectl', why: 'kubectl applies files as they are: no versioned package to install, upgrade and roll back with values.' },
    because: 'A chart is that package: teams install a version of it with their own values, and upgrade it later.',
  }, {
    text: '{app} ships to forty customer clusters. Each customer sets its own hostname and storage size, and upgrades to a new version when it chooses.',
    need: ['chart-install'], answer: 'Helm',
    tempt: { tool: 'kubectl', why: 'kubectl applies files as they are: no versioned package to install, upgrade and roll back with values.' },
    because: 'A chart is that package: each customer installs a version with its own values, and helm upgrade moves it on.',
  }],
  kubectl: [{
    text: '{app}\'s repository holds one set of plain manifests and, per environment, a kustomization.yaml that patches replicas and the image tag; there is no chart and no template anywhere. Prod\'s version must be applied.',
    need: ['apply-manifests'], answer: 'kubectl', doc: 'https://kubernetes.io/docs/tasks/manage-kubernetes-objects/kustomization/#bases-and-overlays',
    tempt: { tool: 'Helm', why: 'Helm renders and installs charts; these are plain files and patches, with no chart to install.' },
    because: 'Kustomize is built into kubectl: kubectl apply -k overlays/prod applies the manifests with prod\'s patches.',
  }, {
    text: '{app} has a base folder and an overlay per environment (dev, stage, prod), each a kustomization.yaml with its patches, and no chart. The stage overlay must be applied.',
    need: ['apply-manifests'], answer: 'kubectl', doc: 'https://kubernetes.io/docs/tasks/manage-kubernetes-objects/kustomization/#bases-and-overlays',
    tempt: { tool: 'Helm', why: 'Helm renders and installs charts; these are plain files and patches, with no chart to install.' },
    because: 'kubectl apply -k overlays/stage builds the base with stage\'s patches and applies it: Kustomize is built into kubectl.',
  }],
  Lens: [{
    text: 'A support engineer who has never used a shell must raise the replicas of the live {app} Deployment on staging from a laptop, seeing the object as a form before saving.',
    need: ['desktop-app', 'edit-live'], answer: 'Lens',
    tempt: { tool: 'k9s', why: 'k9s edits live objects too, but in a terminal, with keys and a text editor: a shell is what this engineer does not use.' },
    because: 'Lens edits a live object in its window and applies it on save.',
  }, {
    text: 'A tester who has never opened a shell needs {app}\'s staging ConfigMap changed to switch a feature on, from her laptop, seeing the object before she saves it.',
    need: ['desktop-app', 'edit-live'], answer: 'Lens',
    tempt: { tool: 'k9s', why: 'k9s edits live objects too, but in a terminal, with keys and a text editor: a shell is what she does not use.' },
    because: 'Lens opens the ConfigMap in its window, lets her edit it there, and applies it on save.',
  }],
});

/** The place you work from, and what the cluster runs, rule tools out before the task does. */
const NO_METRICS = 'kubectl top is what failed: it asks the Metrics API, which only metrics-server serves.';
const whereYouWork = toolTemplate('which-tool/where-you-work', {
  k9s: [{
    text: 'Your laptop died; all you have is a colleague\'s headless Linux box over SSH, with the usual cluster tools on it. You want to keep triaging {app}\'s pods as before: browse them, read logs, open shells.',
    need: ['live-terminal-ui', 'pod-shell'], answer: 'k9s',
    tempt: { tool: 'Lens', why: 'Lens needs a graphical session, and a headless box over SSH has none.' },
    because: 'k9s gives the same browse, logs and shell loop in nothing but a terminal.',
  }, {
    text: 'The {app} cluster is reachable only from an ops VM you SSH into, with no display forwarding; its admins installed the common cluster tools there. For the next hour you will move between {app}\'s pods, their logs and shells.',
    need: ['live-terminal-ui', 'pod-shell'], answer: 'k9s',
    tempt: { tool: 'Lens', why: 'Lens needs a graphical session on a machine that reaches the cluster; the only such machine is the VM, with no display.' },
    because: 'k9s runs in the SSH session: pods in a live list, l for logs, s for a shell.',
  }],
  Lens: [{
    text: 'On {app}\'s cluster `kubectl top pods` answers that the Metrics API is not available: nobody installed metrics-server. Prometheus scrapes every pod, though, and you want to see which of {app}\'s pods uses the most memory.',
    need: ['usage-from-prometheus'], answer: 'Lens', rule: 'tools/usage-now-or-history', doc: 'https://kubernetes.io/docs/concepts/cluster-administration/resource-usage-monitoring/#resource-metrics-pipeline',
    tempt: { tool: 'k9s', why: 'k9s\'s CPU and memory columns come from metrics-server too: here they stay empty.' },
    others: { kubectl: NO_METRICS },
    because: 'Lens charts each pod\'s CPU and memory from the cluster\'s Prometheus, not from metrics-server, so its pod pages show memory with no metrics-server at all.',
  }, {
    text: 'The {app} team\'s cluster runs Prometheus but no metrics-server. You want to check, pod by pod, how close {app} runs to its memory limit.',
    need: ['usage-from-prometheus'], answer: 'Lens', rule: 'tools/usage-now-or-history', doc: 'https://kubernetes.io/docs/concepts/cluster-administration/resource-usage-monitoring/#resource-metrics-pipeline',
    tempt: { tool: 'kubectl', why: 'kubectl top asks the Metrics API, which only metrics-server serves: here it answers that the API is not available.' },
    others: { k9s: 'k9s\'s CPU and memory columns come from metrics-server too: here they stay empty.' },
    because: 'Lens charts each pod\'s memory from Prometheus, with its limit drawn beside it, so it needs no metrics-server.',
  }],
  kubectl: [{
    text: 'For capacity planning, a cron job on a server must write every container\'s CPU and memory use at that moment to a file, each hour; {app}\'s cluster runs metrics-server.',
    need: ['non-interactive', 'usage-snapshot'], answer: 'kubectl', rule: 'tools/non-interactive', doc: 'https://kubernetes.io/docs/reference/kubectl/generated/kubectl_top/#synopsis',
    tempt: { tool: 'k9s', why: 'k9s shows live CPU and memory columns, but to a person at a keyboard: a cron job has no terminal to drive it.' },
    because: 'kubectl top pod -A --containers prints one snapshot from Metrics Server and exits, so cron can redirect it to a file.',
  }, {
    text: 'A nightly report job must record the memory of every {app} pod at 23:00, one line per pod, into the report it mails out; the cluster runs metrics-server.',
    need: ['non-interactive', 'usage-snapshot'], answer: 'kubectl', rule: 'tools/non-interactive', doc: 'https://kubernetes.io/docs/reference/kubectl/generated/kubectl_top/#synopsis',
    tempt: { tool: 'k9s', why: 'k9s shows live CPU and memory columns, but to a person at a keyboard: a job has no one to drive it.' },
    because: 'kubectl top pod -l app={app} --no-headers prints one line per pod, once, from Metrics Server, for the job to capture.',
  }, {
    // The cue word "Prometheus" where the need is one current value, printed by a script (review L2b).
    text: 'Prometheus and metrics-server both run in {app}\'s cluster. The paging script that wakes on-call must attach each {app} pod\'s memory use at that moment to the page, as text.',
    need: ['non-interactive', 'usage-snapshot'], answer: 'kubectl', rule: 'tools/non-interactive', doc: 'https://kubernetes.io/docs/reference/kubectl/generated/kubectl_top/#synopsis',
    tempt: { tool: 'Lens', why: 'Lens draws memory over time from Prometheus, in a window for a person; a script needs one printed value, now.' },
    because: 'kubectl top pod -l app={app} prints the current memory of each pod once, from metrics-server, for the script to attach; the history in Prometheus is not needed.',
  }],
});

/** What changed, and when: a release's revisions, a Deployment's, or the last minutes of logs. */
const history = toolTemplate('which-tool/history', {
  Helm: [{
    text: '{app} came from a chart and has been upgraded three times this week. You want to know which chart version and which values were running in production yesterday.',
    need: ['release-history'], answer: 'Helm', doc: 'https://helm.sh/docs/helm/helm_history/#synopsis',
    tempt: { tool: 'kubectl', why: 'kubectl shows today\'s objects; the release\'s revisions and their values are Helm\'s.' },
    because: 'helm history lists a release\'s revisions; helm get values --revision shows each one\'s values.',
  }, {
    text: 'The {app} release was upgraded twice since Friday, and the service broke somewhere in between. You want each revision\'s chart version, and the values the one before last was installed with.',
    need: ['release-history'], answer: 'Helm', doc: 'https://helm.sh/docs/helm/helm_history/#synopsis',
    tempt: { tool: 'kubectl', why: 'kubectl shows today\'s objects; the release\'s revisions and their values are Helm\'s.' },
    because: 'helm history {app} lists the revisions with their chart versions; helm get values {app} --revision <n> shows one\'s values.',
  }],
  kubectl: [{
    text: 'Deployment {app}, applied by hand with no chart, got a new image yesterday. You want to know which image it had before.',
    need: ['rollout-history'], answer: 'kubectl', doc: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#checking-rollout-history-of-a-deployment',
    tempt: { tool: 'Helm', why: 'Helm did not install it: it keeps no revisions of it.' },
    because: 'kubectl rollout history deployment/<name> --revision=<n> shows that revision\'s pod template.',
  }, {
    text: '{app}\'s Deployment comes from plain manifests, no chart, and it has rolled out three times this week. You want to see the pod template of the rollout before the last one.',
    need: ['rollout-history'], answer: 'kubectl', doc: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#checking-rollout-history-of-a-deployment',
    tempt: { tool: 'Helm', why: 'Helm did not install it: it keeps no revisions of it.' },
    because: 'kubectl rollout history deployment/{app} lists the revisions; --revision=<n> shows that one\'s pod template.',
  }],
  stern: [{
    text: 'You want everything printed in the last 15 minutes by every pod whose name starts with {app}- (the Deployment\'s pods, the {app}-migrate Job\'s pod and a debug pod, with no label in common), in one stream, each line tagged with its pod.',
    need: ['regex-pod-logs'], answer: 'stern', rule: 'tools/selector-logs-limits',
    tempt: { tool: 'kubectl', why: 'kubectl logs picks pods by one label selector or by name, never by a pattern on names, and these pods share no label.' },
    because: 'stern \'^{app}-\' --since 15m prints the last 15 minutes of every pod whose name matches the pattern, each line tagged with its pod.',
  }, {
    text: 'Since 09:40 something in the {app} namespace times out. The pods that matter are {app}-api-…, {app}-cache-… and a {app}-sync CronJob\'s pods, from three charts with unrelated labels. You want the last half hour of all of them in one stream, each line tagged with its pod.',
    need: ['regex-pod-logs'], answer: 'stern', rule: 'tools/selector-logs-limits',
    tempt: { tool: 'kubectl', why: 'kubectl logs picks pods by one label selector or by name, never by a pattern on names, and these pods share no label.' },
    because: 'stern \'^{app}-\' --since 30m matches them all by name and prints the last half hour, each line prefixed with its pod.',
  }],
});

/** After overnight restarts: what each crashed run printed, the trend before it, or a watch for the next one. */
const crashEvidence = toolTemplate('which-tool/crash-evidence', {
  kubectl: [{
    text: 'Each of {app}\'s pods restarted once overnight. A script must collect, from every replica, what its crashed run printed.',
    need: ['non-interactive', 'previous-logs'], answer: 'kubectl', rule: 'debugging/logs-previous', doc: 'https://kubernetes.io/docs/reference/kubectl/generated/kubectl_logs/#options',
    tempt: { tool: 'stern', why: 'stern tails the instances running now; it has no flag for the one before the restart.' },
    because: 'kubectl logs -l app={app} --previous --prefix --tail=-1 prints each replica\'s crashed run, whole, each line tagged with its pod, unattended.',
  }, {
    text: 'Three of {app}\'s five replicas were OOMKilled and restarted at 02:00. The postmortem needs one command, pasted into the doc, that prints what each replica\'s killed run printed last.',
    need: ['exact-command', 'previous-logs'], answer: 'kubectl', rule: 'debugging/logs-previous', doc: 'https://kubernetes.io/docs/reference/kubectl/generated/kubectl_logs/#options',
    tempt: { tool: 'stern', why: 'stern tails the instances running now; it has no flag for the one before the restart.' },
    because: 'kubectl logs -l app={app} --previous --prefix prints the end of each replica\'s previous run (10 lines each by default with -l), each line tagged with its pod.',
  }],
  Lens: [{
    text: 'You want to see whether {app}\'s memory climbed steadily before each overnight restart; Prometheus runs in the cluster.',
    need: ['charts-over-time'], answer: 'Lens', rule: 'tools/usage-now-or-history', doc: 'https://kubernetes.io/docs/concepts/cluster-administration/resource-usage-monitoring/#resource-metrics-pipeline',
    tempt: { tool: 'k9s', why: 'k9s shows usage as it is now, from metrics-server, which keeps no history.' },
    because: 'Lens charts memory over time from Prometheus, so the climb before each restart shows; metrics-server, behind top and k9s, keeps no history.',
  }, {
    text: '{app}\'s pods restart every few nights. You suspect a leak and want to see its memory over the last three days, restart by restart; Prometheus keeps two weeks of it.',
    need: ['charts-over-time'], answer: 'Lens', rule: 'tools/usage-now-or-history', doc: 'https://kubernetes.io/docs/concepts/cluster-administration/resource-usage-monitoring/#resource-metrics-pipeline',
    tempt: { tool: 'kubectl', why: 'kubectl top shows the present only, from metrics-server, which keeps no history.' },
    because: 'Lens charts memory over a chosen range from Prometheus: a leak shows as a climb that drops at each restart.',
  }],
  k9s: [{
    text: 'You want to sit on a live list of {app}\'s pods in your terminal and, the moment one restarts, read what its crashed run printed, with a key or two.',
    need: ['live-terminal-ui', 'previous-logs'], answer: 'k9s',
    tempt: { tool: 'stern', why: 'stern has no list to watch and no flag for the run before a restart.' },
    because: 'k9s shows RESTARTS climbing in its live list, and p (shift-l in older versions) opens the previous instance\'s logs of the pod under the cursor.',
  }, {
    text: '{app} restarts at random, a few times a night. You are on call over SSH and want its pods in a list that keeps itself current, and, when RESTARTS ticks up, to read the killed run\'s last lines from that list.',
    need: ['live-terminal-ui', 'previous-logs'], answer: 'k9s',
    tempt: { tool: 'stern', why: 'stern has no list to watch and no flag for the run before a restart.' },
    because: 'k9s\'s pod list updates RESTARTS in place, and p (shift-l in older versions) opens the previous instance\'s logs of the pod under the cursor.',
  }],
});

export const mediumTemplates: readonly SingleTemplate[] = [newPods, undo, drift, switchScope, packaging, whereYouWork, history, crashEvidence];

// Medium which-tool templates: the deciding fact has to be found in the situation (why a stream went quiet, who owns
// the objects, how far a context switch reaches, whether anyone is at a screen, whether the figure is now or over
// time), and the tool a player would reach for by habit is always among the options, with why it falls short.
import type { SingleTemplate } from './single-draft.ts';
import { toolTemplate } from './which-tool-easy.ts';

const SWITCH_LEAKS = 'kubectx rewrites the kubeconfig\'s current context, which your other terminals read too: they would follow to prod.';
const SCRIPT_NOT_VIEW = 'k9s is a view for a person at a keyboard: nothing a script or a cron job can run.';

/** A stream that went quiet in a rollout: a fixed list of pods, against a query that picks up new ones. */
const newPods = toolTemplate('which-tool/new-pods', {
  stern: {
    text: '`kubectl logs -f -l app={app}` went quiet halfway through a rollout, yet {app} is serving traffic and logging. You want a log stream that does not stop when pods are replaced.',
    need: ['follows-new-pods'], answer: 'stern', rule: 'tools/selector-logs-limits',
    tempt: { tool: 'kubectl', why: 'That is what went quiet: kubectl follows the pods it found at the start, and the rollout replaced them all.' },
    because: 'stern follows its query, not a list of pods: the rollout\'s new pods join the stream as they appear.',
  },
  Lens: {
    text: 'A product manager watches {app}\'s rollout with you on a shared screen and wants to see each new pod appear in a list and read its first log lines, with nobody typing commands.',
    need: ['desktop-app', 'pod-logs'], answer: 'Lens',
    tempt: { tool: 'stern', why: 'stern prints one stream to a terminal: there is no list of pods to click.' },
    because: 'Lens keeps the pod list current through the rollout and opens a pod\'s logs from it: something a newcomer can follow on a shared screen.',
  },
  k9s: {
    text: 'In your terminal you want to watch the rollout\'s pods come and go in a list that updates itself, and open any new one\'s logs with a key.',
    need: ['live-terminal-ui', 'pod-logs'], answer: 'k9s',
    tempt: { tool: 'kubectl', why: 'kubectl get pods -w prints a line per change but opens nothing: each log is another command with the pod\'s name.' },
    because: 'k9s keeps the list live through the rollout; l opens the logs of the pod under the cursor.',
  },
});

/** Going back: a release, one Deployment's rollout, or the context you were in. */
const undo = toolTemplate('which-tool/undo', {
  Helm: {
    text: '{app} was installed from a chart, and the release\'s last upgrade changed both its Deployment and its ConfigMap. You want all of it back as it was.',
    need: ['release-rollback'], answer: 'Helm', rule: 'tools/release-vs-rollout', doc: 'https://helm.sh/docs/helm/helm_rollback/#synopsis',
    tempt: { tool: 'kubectl', why: 'kubectl rollout undo restores the Deployment\'s pod template; the ConfigMap keeps the upgrade\'s version.' },
    because: 'helm rollback {app} restores every object of the previous revision, the ConfigMap included.',
  },
  kubectl: {
    text: 'A Deployment applied by hand, with no chart, got a bad image in its last rollout. You want its previous pod template back.',
    need: ['rollout-undo'], answer: 'kubectl', rule: 'tools/release-vs-rollout', doc: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#rolling-back-a-deployment',
    tempt: { tool: 'Helm', why: 'Helm did not install it: it has no revision of it to roll back to.' },
    because: 'kubectl rollout undo deployment/<name> returns to the previous revision of its pod template.',
  },
  'kubectx / kubens': {
    text: 'You just switched to the wrong cluster. You want to go back to the one you were in, without remembering its long context name.',
    need: ['switch-back'], answer: 'kubectx / kubens',
    because: 'kubectx - switches back to the previous context, as cd - does for directories.',
  },
});

/** A fix that did not last: who owns the objects, and how far a switch reached. */
const drift = toolTemplate('which-tool/drift', {
  Helm: {
    text: 'Last week someone raised {app}\'s memory limit with kubectl edit. Today\'s upgrade of the {app} release put the old limit back, and {app} is OOMKilled again.',
    question: 'Which tool should the fix have gone through?',
    need: ['release-change'], answer: 'Helm', rule: 'tools/release-drift', doc: 'https://helm.sh/docs/faq/changes_since_helm2/#improved-upgrade-strategy-3-way-strategic-merge-patches',
    tempt: { tool: 'kubectl', why: 'That is the fix that was lost: kubectl edit changed the live object, the release kept the old limit, and helm upgrade applies what the release says.' },
    because: '{app} belongs to a Helm release: set the limit in its values and helm upgrade, and the next upgrade keeps it.',
  },
  kubectl: {
    text: '{app}\'s Deployment was applied from a YAML file in git, no chart. Its memory limit must go up, and the file must stay the truth that the next deploy applies.',
    question: 'Which tool makes the change?',
    need: ['apply-manifests'], answer: 'kubectl', doc: 'https://kubernetes.io/docs/tasks/manage-kubernetes-objects/declarative-config/#how-to-update-objects',
    tempt: { tool: 'Helm', why: 'Helm did not install it: there is no release to upgrade.' },
    because: 'Change the limit in the file and kubectl apply -f it: the cluster and the file agree.',
  },
  'kubectx / kubens': {
    text: 'Your kubectl edit of {app} landed in prod, not staging. An hour ago, in another terminal, you switched clusters with one short command.',
    question: 'Which tool made that switch reach this terminal too?',
    need: ['quick-switch', 'persists-switch'], answer: 'kubectx / kubens', rule: 'tools/kubeconfig-current-context',
    because: 'kubectx writes current-context into the kubeconfig file, which every terminal reads: this one followed.',
  },
});

/** One command elsewhere, or everything from now on. */
const switchScope = toolTemplate('which-tool/switch-scope', {
  'kubectx / kubens': {
    text: 'From now on, every kubectl, helm and stern command you type, in this shell and in new ones, must go to the staging context.',
    need: ['persists-switch', 'quick-switch'], answer: 'kubectx / kubens', rule: 'tools/kubeconfig-current-context',
    because: 'kubectx staging writes the current context into the kubeconfig, which every later command and shell reads.',
  },
  stern: {
    text: 'For a few minutes you want to tail all of prod\'s {app}-… pods, which share no label, only that name prefix, while every other command, here and in your other terminals, stays on staging.',
    need: ['per-command-context', 'regex-pod-logs'], answer: 'stern', rule: 'tools/per-command-context',
    tempt: { tool: 'kubectx / kubens', why: SWITCH_LEAKS },
    because: 'stern --context=prod \'^{app}-\' tails prod\'s pods by name pattern, which kubectl logs cannot, and changes nothing else.',
  },
  Helm: {
    text: 'One chart upgrade must go to prod, while everything else, here and in your other terminals, stays on staging.',
    need: ['per-command-context', 'chart-install'], answer: 'Helm', rule: 'tools/per-command-context', doc: 'https://helm.sh/docs/helm/helm/#options',
    tempt: { tool: 'kubectx / kubens', why: SWITCH_LEAKS },
    because: 'helm upgrade --kube-context=prod aims only that upgrade at prod.',
  },
});

/** A package other teams install, files applied as they are, or a live edit by someone who never uses a shell. */
const packaging = toolTemplate('which-tool/packaging', {
  Helm: {
    text: 'Other teams must install your app in their own clusters as a versioned package, setting only a handful of values (replicas, image tag, hostname) of their own.',
    need: ['chart-install'], answer: 'Helm',
    tempt: { tool: 'kubectl', why: 'kubectl applies files as they are: no versioned package to install, upgrade and roll back with values.' },
    because: 'A chart is that package: teams install a version of it with their own values, and upgrade it later.',
  },
  kubectl: {
    text: '{app}\'s repository holds one set of plain manifests and, per environment, a kustomization.yaml that patches replicas and the image tag; there is no chart and no template anywhere. Prod\'s version must be applied.',
    need: ['apply-manifests'], answer: 'kubectl', doc: 'https://kubernetes.io/docs/tasks/manage-kubernetes-objects/kustomization/#customizing',
    tempt: { tool: 'Helm', why: 'Helm renders and installs charts; these are plain files and patches, with no chart to install.' },
    because: 'Kustomize is built into kubectl: kubectl apply -k overlays/prod applies the manifests with prod\'s patches.',
  },
  Lens: {
    text: 'A support engineer who has never used a shell must raise the replicas of the live {app} Deployment on staging from a laptop, seeing the object as a form before saving.',
    need: ['desktop-app', 'edit-live'], answer: 'Lens',
    tempt: { tool: 'k9s', why: 'k9s edits live objects too, but in a terminal, with keys and a text editor: a shell is what this engineer does not use.' },
    because: 'Lens edits a live object in its window and applies it on save.',
  },
});

/** The place you work from rules tools out before the task does. */
const whereYouWork = toolTemplate('which-tool/where-you-work', {
  k9s: {
    text: 'Your laptop died; all you have is a colleague\'s headless Linux box over SSH, and you want to keep triaging pods as you would in Lens: browse, logs, shells.',
    need: ['live-terminal-ui', 'pod-shell'], answer: 'k9s',
    tempt: { tool: 'Lens', why: 'Lens needs a desktop, and a headless box over SSH has none.' },
    because: 'k9s gives the same browse, logs and shell loop in nothing but a terminal.',
  },
  Lens: {
    text: 'On a video call you are showing a new colleague the cluster: its pods, their logs and usage graphs, without teaching any commands first.',
    need: ['desktop-app'], answer: 'Lens',
    tempt: { tool: 'k9s', why: 'k9s is driven by keys and :commands: something to learn before you can show anything.' },
    because: 'Lens shows all of it by point and click, which a newcomer can follow at once.',
  },
  kubectl: {
    text: 'For capacity planning, a cron job on a server must write every container\'s CPU and memory use at that moment to a file, each hour.',
    need: ['non-interactive', 'usage-snapshot'], answer: 'kubectl', rule: 'tools/non-interactive', doc: 'https://kubernetes.io/docs/reference/kubectl/generated/kubectl_top/#synopsis',
    tempt: { tool: 'k9s', why: 'k9s shows live CPU and memory columns, but to a person at a keyboard: a cron job has no terminal to drive it.' },
    because: 'kubectl top pod -A --containers prints one snapshot from Metrics Server and exits, so cron can redirect it to a file.',
  },
});

/** What changed, and when: a release's revisions, a Deployment's, or the last minutes of logs. */
const history = toolTemplate('which-tool/history', {
  Helm: {
    text: 'You want to know which chart version and which values were running in production yesterday.',
    need: ['release-history'], answer: 'Helm', doc: 'https://helm.sh/docs/helm/helm_history/#synopsis',
    tempt: { tool: 'kubectl', why: 'kubectl shows today\'s objects; the release\'s revisions and their values are Helm\'s.' },
    because: 'helm history lists a release\'s revisions; helm get values --revision shows each one\'s values.',
  },
  kubectl: {
    text: 'A Deployment applied by hand got a new image yesterday. You want to know which image it had before.',
    need: ['rollout-history'], answer: 'kubectl', doc: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#checking-rollout-history-of-a-deployment',
    tempt: { tool: 'Helm', why: 'Helm did not install it: it keeps no revisions of it.' },
    because: 'kubectl rollout history deployment/<name> --revision=<n> shows that revision\'s pod template.',
  },
  stern: {
    text: 'You want everything printed in the last 15 minutes by every pod whose name starts with {app}- (the Deployment\'s pods, the {app}-migrate Job\'s pod and a debug pod, with no label in common), in one stream, each line tagged with its pod.',
    need: ['regex-pod-logs'], answer: 'stern', rule: 'tools/selector-logs-limits',
    tempt: { tool: 'kubectl', why: 'kubectl logs picks pods by one label selector or by name, never by a pattern on names, and these pods share no label.' },
    because: 'stern \'^{app}-\' --since 15m prints the last 15 minutes of every pod whose name matches the pattern, each line tagged with its pod.',
  },
});

/** After overnight restarts: what each crashed run printed, the trend before it, or a watch for the next one. */
const crashEvidence = toolTemplate('which-tool/crash-evidence', {
  kubectl: {
    text: 'Each of {app}\'s pods restarted once overnight. A script must collect, from every replica, what its crashed run printed.',
    need: ['non-interactive', 'previous-logs'], answer: 'kubectl', rule: 'debugging/logs-previous', doc: 'https://kubernetes.io/docs/reference/kubectl/generated/kubectl_logs/#options',
    tempt: { tool: 'stern', why: 'stern tails the instances running now; it has no flag for the one before the restart.' },
    because: 'kubectl logs -l app={app} --previous --prefix --tail=-1 prints each replica\'s crashed run, whole, each line tagged with its pod, unattended.',
  },
  Lens: {
    text: 'You want to see whether {app}\'s memory climbed steadily before each overnight restart; Prometheus runs in the cluster.',
    need: ['charts-over-time'], answer: 'Lens', rule: 'tools/usage-now-or-history', doc: 'https://kubernetes.io/docs/reference/kubectl/generated/kubectl_top/#synopsis',
    tempt: { tool: 'k9s', why: 'k9s shows usage as it is now, from metrics-server, which keeps no history.' },
    because: 'Lens charts memory over time from Prometheus, so the climb before each restart shows; metrics-server, behind top and k9s, keeps no history.',
  },
  k9s: {
    text: 'You want to sit on a live list of {app}\'s pods in your terminal and, the moment one restarts, read what its crashed run printed, with a key or two.',
    need: ['live-terminal-ui', 'previous-logs'], answer: 'k9s',
    tempt: { tool: 'stern', why: 'stern has no list to watch and no flag for the run before a restart.' },
    because: 'k9s shows RESTARTS climbing in its live list; its log view switches to the previous instance with a key.',
  },
});

export const mediumTemplates: readonly SingleTemplate[] = [newPods, undo, drift, switchScope, packaging, whereYouWork, history, crashEvidence];

// Medium which-tool templates: the deciding fact has to be found (new pods after a rollout, a release rather than a
// Deployment, no person at a screen, how long a switch lasts, where you are working).
import type { Tool } from '../model/tools.ts';
import { toolDraft, type ToolCase } from './which-tool-case.ts';
import type { SingleTemplate } from './single-draft.ts';

const template = (id: string, cases: Partial<Record<Tool, ToolCase>>, question?: string): SingleTemplate => ({
  id,
  answers: Object.keys(cases),
  make(rng, answer) {
    return toolDraft(rng, id, cases[answer as Tool]!, question);
  },
});

const newPods = template('which-tool/new-pods', {
  stern: { text: '`kubectl logs -f -l app=web` went quiet after a rollout replaced every pod. You want a log stream that keeps up as pods come and go.', need: ['follows-new-pods'], answer: 'stern', because: 'kubectl follows only the pods that existed when it started; stern adds new matching pods as they appear.', rule: 'tools/selector-logs-limits' },
  Lens: { text: 'You would rather click: in a desktop app you want to open the logs of each new pod of the rollout as it shows up.', need: ['desktop-app', 'pod-logs'], answer: 'Lens', because: 'Lens lists the pods as they change and opens a pod\'s logs in a tab.' },
  k9s: { text: 'You want to hop from pod to pod in a live list of the rollout\'s pods, opening each one\'s logs with a key.', need: ['live-terminal-ui', 'pod-logs'], answer: 'k9s', because: 'k9s keeps the pod list live through the rollout; l opens the logs of the pod under the cursor.' },
});

const undo = template('which-tool/undo', {
  Helm: { text: 'The app was installed with Helm, and the last upgrade changed both its Deployment and its ConfigMap. You want all of it back as it was.', need: ['release-rollback'], answer: 'Helm', because: 'helm rollback restores every resource of the release, ConfigMap included; rollout undo would only touch the Deployment.', rule: 'tools/release-vs-rollout' },
  kubectl: { text: 'A Deployment applied by hand got a bad image in its last rollout. You want its previous pod template back.', need: ['rollout-undo'], answer: 'kubectl', because: 'kubectl rollout undo deployment/<name> returns to the previous revision.', rule: 'tools/release-vs-rollout', doc: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#rolling-back-a-deployment' },
  'kubectx / kubens': { text: 'You just switched to the wrong context. You want to jump back to the one you were in, without remembering its long name.', need: ['switch-back'], answer: 'kubectx / kubens', because: 'kubectx - switches back to the previous context.' },
});

const ciJob = template('which-tool/ci-job', {
  Helm: { text: 'A CI job with no terminal must deploy version 1.8.0 of the chart to staging with values-staging.yaml.', need: ['non-interactive', 'chart-install'], answer: 'Helm', because: 'helm upgrade --install runs unattended and installs the chart with those values.', rule: 'tools/non-interactive' },
  kubectl: { text: 'A CI job with no terminal must wait until the new version of a Deployment is rolled out, and fail if it stalls.', need: ['non-interactive', 'rollout-wait'], answer: 'kubectl', because: 'kubectl rollout status waits and exits non-zero when the rollout exceeds its deadline.', rule: 'tools/non-interactive', doc: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#deployment-status' },
  stern: { text: 'A CI job with no terminal must save the logs of every pod whose name matches e2e-.* into one file.', need: ['non-interactive', 'regex-pod-logs'], answer: 'stern', because: "stern --no-follow 'e2e-.*' > logs.txt runs without a terminal, matches the pods by a regular expression and stops when it has printed them.", rule: 'tools/non-interactive' },
});

const metrics = template('which-tool/metrics', {
  Lens: { text: 'You want to see how a pod\'s memory grew over the last hour before it was OOMKilled.', need: ['charts-over-time'], answer: 'Lens', because: 'Lens charts memory over time from the cluster\'s Prometheus; the others show only the present.' },
  k9s: { text: 'You want to keep an eye on the CPU and memory of every pod in a namespace, refreshed in place, in your terminal.', need: ['live-terminal-ui', 'live-usage-columns'], answer: 'k9s', because: 'k9s\'s pod view refreshes its CPU and memory columns in place.' },
  kubectl: { text: 'You want one print-out of the CPU and memory of each container of a pod, to paste into a ticket.', need: ['usage-snapshot'], answer: 'kubectl', because: 'kubectl top pod --containers prints that table once.' },
});

const switchScope = template('which-tool/switch-scope', {
  'kubectx / kubens': { text: 'With one short command, you want every kubectl, helm and stern command you type from now on, in this shell and the next, to go to the staging context.', need: ['persists-switch', 'quick-switch'], answer: 'kubectx / kubens', because: 'kubectx writes the current context into the kubeconfig, which every later command and shell reads.', rule: 'tools/kubeconfig-current-context' },
  stern: { text: 'You want to tail the prod cluster\'s api-… pods for a few minutes while everything else stays on staging.', need: ['per-command-context', 'regex-pod-logs'], answer: 'stern', because: 'stern --context=prod api tails prod\'s pods and changes nothing else.', rule: 'tools/per-command-context' },
  Helm: { text: 'You want one chart upgrade to go to the prod context while everything else stays on staging.', need: ['per-command-context', 'chart-install'], answer: 'Helm', because: 'helm upgrade --kube-context=prod aims only that upgrade at prod.', rule: 'tools/per-command-context' },
});

const manifestsOrChart = template('which-tool/manifests-or-chart', {
  Helm: { text: 'The same app must go to dev, staging and prod from one set of templates, with different replicas and image tags per environment.', need: ['chart-install'], answer: 'Helm', because: 'A chart templates the manifests; one values file per environment fills them in.' },
  kubectl: { text: 'You have a folder of plain manifests, no templating, and want to apply them as they are.', need: ['apply-manifests'], answer: 'kubectl', because: 'kubectl apply -f <folder>/ applies every file in it.' },
  Lens: { text: 'You would rather click: in a desktop app you want to open a live Deployment, change its replicas and save.', need: ['desktop-app', 'edit-live'], answer: 'Lens', because: 'Lens edits a live object\'s YAML in its window and applies it on save.' },
});

const whereYouWork = template('which-tool/where-you-work', {
  k9s: { text: 'You only have an SSH session on a jump host, no desktop, and want a live view to move between pods with the keyboard and shell into them.', need: ['live-terminal-ui', 'pod-shell'], answer: 'k9s', because: 'k9s needs only a terminal, and gives a live view with a shell one key away.' },
  Lens: { text: 'You sit at your laptop\'s desktop, new to Kubernetes, and want to explore pods and their metrics without typing commands.', need: ['desktop-app'], answer: 'Lens', because: 'Lens is a desktop application made for exploring by clicking.' },
  kubectl: { text: 'A cron job on a server must write the state of every pod to a file each night.', need: ['non-interactive', 'exact-command'], answer: 'kubectl', because: 'kubectl get pods -A -o wide > file runs unattended.', rule: 'tools/non-interactive' },
});

const history = template('which-tool/history', {
  Helm: { text: 'You want to know which chart version and which values were running in production yesterday.', need: ['release-history'], answer: 'Helm', because: 'helm history lists a release\'s revisions; helm get values --revision shows each one\'s values.' },
  kubectl: { text: 'You want to know which image a Deployment, applied by hand, had before its last rollout.', need: ['rollout-history'], answer: 'kubectl', because: 'kubectl rollout history deployment/<name> --revision=<n> shows that revision\'s pod template.', doc: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#checking-rollout-history-of-a-deployment' },
  stern: { text: 'You want everything the pods named api-… printed in the last 15 minutes, in one stream with a colour per pod.', need: ['regex-pod-logs'], answer: 'stern', because: 'stern api --since 15m prints the last 15 minutes of every matching pod.' },
});

export const mediumTemplates: readonly SingleTemplate[] = [newPods, undo, ciJob, metrics, switchScope, manifestsOrChart, whereYouWork, history];

// Easy which-tool templates: the need names what the tool is for.
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

const mainJob = template('which-tool/main-job', {
  kubectl: { text: 'You want to run `describe`, `logs -c` and `exec -it` exactly as the Kubernetes docs write them.', need: ['exact-command'], answer: 'kubectl', because: 'kubectl is the Kubernetes command line; the docs\' commands are kubectl commands.' },
  k9s: { text: 'You want a full-screen terminal view of your pods that keeps itself up to date while you move around with the keyboard.', need: ['live-terminal-ui'], answer: 'k9s', because: 'k9s is a terminal UI that keeps watching the cluster and updates in place.' },
  stern: { text: 'You want to tail the logs of every pod whose name starts with checkout-, each pod in its own colour.', need: ['regex-pod-logs'], answer: 'stern', because: 'stern tails every pod matching a regular expression, colour-coded per pod.' },
  Lens: { text: 'You want a desktop application to browse your clusters by pointing and clicking.', need: ['desktop-app'], answer: 'Lens', because: 'Lens is a desktop application for Kubernetes.' },
  'kubectx / kubens': { text: 'You want to switch from the staging context to the prod context with one short command.', need: ['quick-switch'], answer: 'kubectx / kubens', because: 'kubectx prod switches the kubeconfig\'s current context in one short command.' },
  Helm: { text: 'You want to install a packaged application, a chart, with your own values.', need: ['chart-install'], answer: 'Helm', because: 'Helm installs charts as releases, with values.' },
});

/** A colleague types a command: which tool is it? */
const commandSeen: SingleTemplate = {
  id: 'which-tool/command-seen',
  answers: ['kubectl', 'k9s', 'stern', 'kubectx / kubens', 'Helm'],
  make(rng, answer) {
    const seen: Record<string, ToolCase> = {
      kubectl: { text: `In a runbook the tool's name was cut off: \`… ${rng.pick(['rollout undo deployment/web', 'logs web-0 -c app --previous', 'get pods -A -o wide'])}\`.`, need: ['exact-command'], answer: 'kubectl', because: 'rollout, logs and get are kubectl subcommands.' },
      k9s: { text: `A colleague runs \`${rng.pick(['k9s -n shop', 'k9s --context prod-eu'])}\`; a full-screen list of pods opens and keeps updating.`, need: ['live-terminal-ui'], answer: 'k9s', because: 'That is k9s starting its terminal UI, in one namespace or context.' },
      stern: { text: `A colleague types \`${rng.pick(["stern 'checkout-.*' --since 15m", 'stern web --container app', 'stern -l app=api --tail 20'])}\`.`, need: ['regex-pod-logs'], answer: 'stern', because: 'stern takes a pod query (a regular expression) or a selector and tails every match.' },
      'kubectx / kubens': { text: `A colleague types \`${rng.pick(['kubens payments', 'kubectx -', 'kubectx prod-eu'])}\`.`, need: ['quick-switch'], answer: 'kubectx / kubens', because: 'kubectx switches contexts and kubens namespaces; "-" goes back to the previous one.' },
      Helm: { text: `A colleague types \`${rng.pick(['helm upgrade --install shop ./chart -f values-prod.yaml', 'helm rollback shop 3', 'helm history shop'])}\`.`, need: ['chart-install'], answer: 'Helm', because: 'upgrade --install, rollback and history work on Helm releases.' },
    };
    return toolDraft(rng, this.id, seen[answer]!, 'Which tool is it?');
  },
};

const logs = template('which-tool/logs', {
  kubectl: { text: 'A runbook step must print the crashed run of one container, with the exact flag the docs give.', need: ['exact-command', 'pod-logs'], answer: 'kubectl', because: 'kubectl logs -c <container> --previous is that exact documented command.' },
  stern: { text: 'You want the logs of all pods named api-…, in all their containers, in one stream, a colour per pod.', need: ['regex-pod-logs'], answer: 'stern', because: 'stern api tails every matching pod and container, coloured per pod.' },
  k9s: { text: 'You are browsing a live list of pods in your terminal and want to open the logs of the one under the cursor with a key.', need: ['live-terminal-ui', 'pod-logs'], answer: 'k9s', because: 'In k9s, l on a pod opens its logs.' },
  Lens: { text: 'In a desktop app you want to click a pod and read its logs in a tab.', need: ['desktop-app', 'pod-logs'], answer: 'Lens', because: 'Lens shows a pod\'s logs in its desktop window.' },
});

const switching = template('which-tool/switching', {
  'kubectx / kubens': { text: 'You hop between six clusters all day and want to pick the next context from a fuzzy-search menu.', need: ['quick-switch'], answer: 'kubectx / kubens', because: 'kubectx with fzf installed shows a fuzzy menu of contexts.' },
  k9s: { text: 'You are inside a full-screen terminal view of the cluster and want to jump to another context without leaving it.', need: ['live-terminal-ui', 'in-app-cluster-switch'], answer: 'k9s', because: 'k9s lists contexts with :ctx and switches without leaving its view.' },
  Lens: { text: 'In a desktop app you want to pick another cluster from its list of clusters.', need: ['desktop-app', 'in-app-cluster-switch'], answer: 'Lens', because: 'Lens lists your clusters in its window; a click opens another.' },
  stern: { text: 'You want to tail the payments pods of the prod context for a minute, leaving your current context as it is.', need: ['per-command-context', 'regex-pod-logs'], answer: 'stern', because: 'stern --context=prod payments tails prod\'s matching pods without switching.', rule: 'tools/per-command-context' },
});

const deploy = template('which-tool/deploy', {
  Helm: { text: 'You want to install an app from a chart, with values-prod.yaml for production.', need: ['chart-install'], answer: 'Helm', because: 'helm install -f values-prod.yaml installs the chart as a release with those values.' },
  kubectl: { text: 'You want to apply a plain deployment.yaml file as it is.', need: ['apply-manifests'], answer: 'kubectl', because: 'kubectl apply -f deployment.yaml applies it.' },
  k9s: { text: 'While watching a live list of Deployments in your terminal, you want to open one\'s YAML with a key, edit it and save.', need: ['live-terminal-ui', 'edit-live'], answer: 'k9s', because: 'In k9s, e on a resource opens its YAML in your editor and applies it on save.' },
});

const inspect = template('which-tool/inspect', {
  kubectl: { text: 'You want `describe pod` output to paste into a ticket, exactly as the docs show it.', need: ['exact-command'], answer: 'kubectl', because: 'kubectl describe pod prints that text.' },
  k9s: { text: 'You want a live table of pods with CPU and memory columns that refreshes in your terminal.', need: ['live-terminal-ui', 'live-usage-columns'], answer: 'k9s', because: 'k9s\'s pod view refreshes in place, with CPU and memory columns from metrics-server.' },
  Lens: { text: 'You want a graph of a pod\'s memory over the last hour.', need: ['charts-over-time'], answer: 'Lens', because: 'Lens draws CPU and memory charts over time, from the cluster\'s Prometheus.' },
});

const shellOrPort = template('which-tool/shell-or-port', {
  kubectl: { text: 'A runbook step must open a shell in one container with the documented command.', need: ['exact-command', 'pod-shell'], answer: 'kubectl', because: 'kubectl exec -it <pod> -c <container> -- sh is the documented command.' },
  k9s: { text: 'In a live terminal list of pods you want to press one key to shell into the pod under the cursor, and another to port-forward it.', need: ['live-terminal-ui', 'pod-shell', 'port-forward'], answer: 'k9s', because: 'In k9s, s opens a shell and shift-f a port-forward.' },
  Lens: { text: 'In a desktop app you want to click a pod and get a terminal in it.', need: ['desktop-app', 'pod-shell'], answer: 'Lens', because: 'Lens opens a terminal in a pod from its window.' },
});

const persona = template('which-tool/persona', {
  Lens: { text: 'A new operator who would rather click than type wants to explore the cluster.', need: ['desktop-app'], answer: 'Lens', because: 'Lens is a desktop application that shows the cluster by point and click.' },
  k9s: { text: 'An SRE who lives in the terminal wants a live, navigable view of the cluster.', need: ['live-terminal-ui'], answer: 'k9s', because: 'k9s is a live terminal UI driven by keys.' },
  stern: { text: 'A developer testing a change wants to watch the logs of all five replicas of a service side by side.', need: ['regex-pod-logs'], answer: 'stern', because: 'stern tails all matching replicas in one stream, a colour per pod.' },
  Helm: { text: 'A platform team wants to publish its app as a versioned package other teams install with their own values.', need: ['chart-install'], answer: 'Helm', because: 'A Helm chart is that package; teams install it with values.' },
  'kubectx / kubens': { text: 'A consultant works in eight clusters a day and wants the switch between them to take one short command.', need: ['quick-switch'], answer: 'kubectx / kubens', because: 'kubectx switches the current context in one short command.' },
});

export const easyTemplates: readonly SingleTemplate[] = [mainJob, commandSeen, logs, switching, deploy, inspect, shellOrPort, persona];

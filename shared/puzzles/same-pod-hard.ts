// Hard same-pod templates: two rules interact (a coupling that loses to a splitting need, a helper's lifetime and a
// Job's end, an event and the difference between a container restart and a pod replacement, co-location without a
// shared fate, a reload that needs a shared PID namespace, where logs live and who can read them).
import { applicableReasons, isSplitting, podDesign, type DesignReason } from '../model/pod-design.ts';
import { placementFor, restartScope, type PodEvent } from '../model/pod-fate.ts';
import type { RuleId } from '../model/rules/index.ts';
import { createRng } from '../random.ts';
import { MIXED, apiSide, code, type Pair, type PairMaker } from './same-pod-pairs.ts';
import { BECAUSE, REASON_DOC, REASON_LABEL, REASON_RULE, verdictOptions } from './same-pod-words.ts';
import type { DraftOption, SingleTemplate } from './single-draft.ts';
import { houseApp, software } from '../model/software.ts';

const PODS = 'https://kubernetes.io/docs/concepts/workloads/pods/';
const table = (p: Pair) => ({ columns: ['Container', 'Image'], rows: [[p.a.name, p.a.image], [p.b.name, p.b.image]] });

/** Mixed pairs whose (draw-independent) needs satisfy pred. */
const mixedBy = (pred: (p: Pair) => boolean): PairMaker[] => {
  const probe = createRng('same-pod:probe');
  return Object.values(MIXED).filter((m) => pred(m(probe)));
};
const coupling = (p: Pair): DesignReason => applicableReasons(p.needs).find((r) => !isSplitting(r))!;

/** Something ties them, something splits them: the split wins, because a pod scales and dies as one. */
const mixedNeeds: SingleTemplate = {
  id: 'same-pod/mixed-needs',
  answers: ['scales-independently', 'serves-many', 'separate-lifecycle'],
  make(rng, answer) {
    const p = rng.pick(mixedBy((x) => podDesign(x.needs).reason === answer))(rng);
    const held = coupling(p);
    const reason = answer as DesignReason;
    return {
      template: this.id,
      prompt: `${p.stated} One pod or separate pods for ${code(p.a)} and ${code(p.b)}, and why?`,
      table: table(p),
      options: verdictOptions(rng, p.needs, held),
      answerKey: REASON_LABEL[reason],
      rules: [REASON_RULE[reason], REASON_RULE[held]],
      because: [{ text: `${p.splitWhy ?? BECAUSE[reason]} That outweighs the ${held === 'shares-localhost' ? 'localhost' : held === 'shares-volume' ? 'emptyDir' : 'shared memory'} they use today, which becomes ${held === 'shares-localhost' ? 'a call to a Service' : held === 'shares-volume' ? 'a ReadWriteMany volume or object storage' : 'a network stream or a queue'}.` }],
      docUrl: p.splitWhy ? `${PODS}#how-pods-manage-multiple-containers` : REASON_DOC[reason],
    };
  },
};

// Every option keeps or replaces the one thing they share today, so none can be dropped for naming something else
// (review F, item 10); the prompt does not say that they must split: the player weighs the split need.
const REPLACEMENT: Record<'shares-localhost' | 'shares-volume' | 'shares-ipc', { thing: string; options: [string, string][]; because: string }> = {
  'shares-localhost': { thing: 'localhost', because: 'localhost stops at the pod; a Service reaches the other pods wherever they run.', options: [
    ['Separate pods, with a Service name instead of localhost', ''],
    ['Separate pods, with podAffinity so that localhost still reaches across', 'Same node is not the same network namespace: each pod has its own loopback.'],
    ['Separate pods, with shareProcessNamespace: true to keep localhost', 'That shares processes, inside one pod only; no setting spans two pods.'],
    ['One pod as today, so that localhost keeps working', ''],
  ] },
  'shares-volume': { thing: 'the emptyDir', because: 'an emptyDir belongs to one pod; storage that many pods can mount, or object storage, crosses pods.', options: [
    ['Separate pods, with object storage or a ReadWriteMany volume instead of the emptyDir', ''],
    ['Separate pods, both mounting the same emptyDir by its name', 'An emptyDir belongs to one pod; another pod with the same name gets its own, empty one.'],
    ['Separate pods, with podAffinity so that the emptyDir is on one node', 'Same node is not the same volume: each pod\'s emptyDir is its own.'],
    ['One pod as today, so that the emptyDir keeps working', ''],
  ] },
  'shares-ipc': { thing: 'shared memory', because: 'shared memory stops at the pod\'s IPC namespace; only the network crosses pods.', options: [
    ['Separate pods, with a network stream or a queue instead of shared memory', ''],
    ['Separate pods, with shareProcessNamespace: true to keep shared memory', 'That shares processes, inside one pod only; no setting spans two pods.'],
    ['Separate pods, with podAffinity so that shared memory stays on one node', 'Same node is not the same IPC namespace: each pod has its own.'],
    ['One pod as today, so that shared memory keeps working', ''],
  ] },
};

/** One need ties them, another splits them: how do they run, and what carries what ties them today? */
const splitReplacement: SingleTemplate = {
  id: 'same-pod/split-replacement',
  answers: Object.keys(REPLACEMENT),
  make(rng, answer) {
    const p = rng.pick(mixedBy((x) => coupling(x) === answer))(rng);
    const split = podDesign(p.needs).reason;
    const r = REPLACEMENT[answer as keyof typeof REPLACEMENT];
    const onePodWhy = `${p.splitWhy ?? BECAUSE[split]} That outweighs the ${r.thing} they share today.`;
    return {
      template: this.id,
      prompt: `${p.stated} How do they run from now on?`,
      table: table(p),
      options: r.options.map(([label, why], i) => ({ label, correct: i === 0, why: i === 3 ? onePodWhy : why })),
      answerKey: r.options[0]![0],
      rules: [REASON_RULE[split], REASON_RULE[answer as DesignReason]],
      because: [{ text: `${p.splitWhy ?? BECAUSE[split]} Then ${r.because}` }],
      docUrl: p.splitWhy ? `${PODS}#how-pods-manage-multiple-containers` : REASON_DOC[answer as DesignReason],
    };
  },
};

const JOB_HELPER = {
  'native-sidecar': {
    need: (job: string) => `The Job ${code(job)} reads its database through cloud-sql-proxy on 127.0.0.1:5432 for its whole run, then exits.`,
    rule: 'design/native-sidecar' as RuleId, doc: `${PODS}sidecar-containers/#jobs-with-sidecar-containers`,
    because: 'A native sidecar starts first and is stopped once the Job\'s container exits, so the Job completes.',
  },
  'init-container': {
    need: (job: string) => `The Job ${code(job)}'s container opens its input files the moment it starts. fetch-input downloads them into a shared emptyDir in about two minutes and exits 0; if the download fails, the pod must fail (restartPolicy: Never).`,
    rule: 'design/init-before' as RuleId, doc: `${PODS}init-containers/#understanding-init-containers`,
    because: 'An init container must finish before the Job\'s container starts, so the files are complete when it opens them; under restartPolicy: Never a failed init container fails the pod.',
  },
  'separate-deployment': {
    // Two rules: the count is shared by every pod (one copy), and it must outlive each pod (a pod's helpers end with it).
    need: (job: string) => `The ${code(job)} Job works through its queue with 50 pods at a time; each pod exits when its batch is done and a new one starts. The partner API allows 1,000 calls a minute from all the pods together, and rate-limiter keeps that count in memory.`,
    rule: 'design/shared-service' as RuleId, doc: 'https://kubernetes.io/docs/concepts/services-networking/service/#services-in-kubernetes',
    because: 'One limiter must count for all 50 pods, and its counters must outlive every pod that finishes, so it runs once, in its own Deployment behind a Service.',
  },
};

/** A Job needs a helper: its lifetime and whom it serves decide where it goes. */
const jobHelper: SingleTemplate = {
  id: 'same-pod/job-helper',
  answers: Object.keys(JOB_HELPER),
  make(rng, answer) {
    const job = rng.pick(['export-orders', 'nightly-billing', 'reindex-catalog', 'send-invoices']);
    const h = JOB_HELPER[answer as keyof typeof JOB_HELPER];
    const placement = placementFor(answer === 'native-sidecar' ? { runs: 'alongside', serves: 'one-pod' } : answer === 'init-container' ? { runs: 'before', serves: 'one-pod' } : { runs: 'alongside', serves: 'many-pods' });
    const options: DraftOption[] = [
      { label: 'A native sidecar: in initContainers, with restartPolicy: Always', correct: placement === 'native-sidecar', why: answer === 'init-container' ? 'The Job\'s container would start once the sidecar is running, not done, and a sidecar that exits 0 is started again, whatever the pod\'s restartPolicy.' : 'A sidecar in each of the 50 pods counts only its own calls, and its counters end with the pod when its batch is done.' },
      { label: 'An init container', correct: placement === 'init-container', why: answer === 'native-sidecar' ? 'An init container must exit before the Job starts, so the proxy would be gone during the run.' : 'Each pod would get its own limiter, and it would exit before the work starts.' },
      { label: 'A second entry in the pod\'s containers list', correct: false, why: answer === 'init-container' ? 'It would start together with the Job\'s container, in no order, so the files may be missing when it opens them.' : 'A regular container that keeps running holds the pod, and the Job never completes; it also starts together with the Job, in no order.' },
      { label: 'A Deployment of its own, behind a Service', correct: placement === 'separate-deployment', why: answer === 'native-sidecar' ? 'The proxy serves one pod on 127.0.0.1 and ends with it.' : 'The files must land in this pod\'s emptyDir.' },
    ];
    return {
      template: this.id,
      prompt: `${h.need(job)} Where does the helper go?`,
      options,
      answerKey: options.find((o) => o.correct)!.label,
      rules: answer === 'separate-deployment' ? [h.rule, 'design/one-copy-per-replica', 'design/shared-fate'] : [h.rule, answer === 'separate-deployment' ? 'design/one-copy-per-replica' : answer === 'init-container' ? 'design/native-sidecar' : 'design/shared-fate'],
      because: [{ text: h.because }],
      docUrl: h.doc,
    };
  },
};

type DrainAnswer = 'replicated' | 'single' | 'in-pod';
/** Each story names its helper, what it does for the app, and what a drain may or may not cost. */
const DRAIN_STORIES: Record<DrainAnswer, { helper: string; text: (app: string) => string; lost: string }[]> = {
  replicated: [
    { helper: 'session-store', lost: 'nobody can log in', text: (app) => `A user's requests may land on any of ${app}'s 6 replicas; \`session-store\` keeps the sessions they all read, replicated among its own instances. Nodes are drained every week, and logins must keep working during each drain.` },
    { helper: 'flagd', lost: 'every request that reads a flag fails', text: (app) => `Every one of ${app}'s 6 replicas asks \`flagd\` for its feature flags on each request; each flagd instance holds the whole flag set. Nodes are drained every week, and requests must not fail during a drain.` },
  ],
  single: [
    { helper: 'license-proxy', lost: '', text: (app) => `\`license-proxy\` holds ${app}'s one licence seat on the vendor's server, which refuses a second connection, so a second copy could only fail. Automation drains nodes every night and must never hang; licensed calls may fail for a few seconds while it moves.` },
    { helper: 'report-scheduler', lost: '', text: (app) => `\`report-scheduler\` reads ${app}'s report schedule from the database and starts each report; a second copy would start every report twice. Automation drains nodes every night and must never hang; a report may start a minute late.` },
  ],
  'in-pod': [
    { helper: 'envoy', lost: '', text: (app) => `Each of ${app}'s 6 replicas sends every outgoing call through \`envoy\` on localhost:15001. Nodes are drained every week; ${app} has its own PodDisruptionBudget (maxUnavailable: 1), so drains take its replicas one at a time.` },
    { helper: 'cloud-sql-proxy', lost: '', text: (app) => `Each of ${app}'s 6 replicas reaches its database through \`cloud-sql-proxy\` on 127.0.0.1:5432. Nodes are drained every week; ${app} has its own PodDisruptionBudget (maxUnavailable: 1), so drains take its replicas one at a time.` },
  ],
};

/**
 * A helper and the weekly drain: whom it serves decides the pod (shared → pods of its own, per replica → inside),
 * and how it must survive a drain decides replicas and budget (a budget on one replica blocks the drain; keeping
 * service needs more than one). Two rules meet in every answer (review H 3, review F 9: the autoscaler template
 * this replaces was one fact, many to one).
 */
const drainBudget: SingleTemplate = {
  id: 'same-pod/drain-budget',
  answers: Object.keys(DRAIN_STORIES),
  make(rng, answer) {
    const app = apiSide(rng);
    const story = rng.pick(DRAIN_STORIES[answer as DrainAnswer]);
    const h = story.helper;
    const a = answer as DrainAnswer;
    const localOnly = `${h} is reached on the pod's own loopback, which pods of its own cannot answer.`;
    const blocks = 'minAvailable: 1 on a single replica allows no eviction at all: the drain never completes.';
    const options: DraftOption[] = [
      { label: `In ${app.name}'s pods, as a second container`, correct: a === 'in-pod', why: a === 'replicated' ? `Each replica would get its own ${h}, and they would not share what the others hold.` : `Each of the 6 replicas would get its own ${h}: six of them, where there must be one.` },
      { label: 'Own pods: 3 replicas, PodDisruptionBudget maxUnavailable: 1', correct: a === 'replicated', why: a === 'single' ? `Three copies of ${h} is what the story rules out: it must run once.` : localOnly },
      { label: 'Own pod: 1 replica, PodDisruptionBudget minAvailable: 1', correct: false, why: a === 'in-pod' ? localOnly : blocks },
      { label: 'Own pod: 1 replica, no PodDisruptionBudget', correct: a === 'single', why: a === 'replicated' ? `The drain evicts the only instance, and ${story.lost} until its replacement is up on another node.` : localOnly },
    ];
    return {
      template: this.id,
      prompt: `${story.text(code(app))} How do you run ${code(h)}?`,
      options,
      answerKey: { replicated: 'Own pods, 3 replicas, maxUnavailable: 1', single: 'Own pod, 1 replica, no budget', 'in-pod': 'In the app\'s pods' }[a],
      rules: a === 'in-pod' ? ['sharing/network-namespace', 'design/drain-budget'] : ['design/shared-service', 'design/drain-budget'],
      because: [{ text: {
        replicated: `Every replica shares ${h}, so it runs in pods of its own; to keep serving through a drain it needs more than one, and maxUnavailable: 1 lets the drain take them one at a time.`,
        single: `${h} is shared and may run only once: its own pod, one replica. A budget on it would make every drain hang; without one, the drain moves it and the short gap is accepted.`,
        'in-pod': `Loopback stops at the pod, so each replica needs its own ${h} inside it. A drain evicts whole pods, ${h} with its app, and ${app.name}'s replicas and budget carry both.`,
      }[a] }],
      docUrl: a === 'in-pod' ? `${PODS}#pod-networking` : 'https://kubernetes.io/docs/tasks/run-application/configure-pdb/#think-about-how-your-application-reacts-to-disruptions',
    };
  },
};

type Owner = 'deployment' | 'job-onfailure' | 'job-never' | 'bare';
/**
 * Each answer with the (event, owner) pairs that lead to it. Every pair needs the event's rule AND the owner's:
 * a kill meets the restartPolicy, a drain meets whether a controller exists, an image patch meets the ReplicaSet
 * leaving running pods alone. One-fact cases (readiness, a Deployment's drain or template change) are medium's.
 */
const EVENTS: Record<'that-container' | 'whole-pod' | 'nothing', [PodEvent, Owner][]> = {
  'that-container': [['liveness-fails', 'deployment'], ['oom-killed', 'deployment'], ['oom-killed', 'job-onfailure'], ['liveness-fails', 'job-onfailure'], ['image-patched', 'bare'], ['image-patched', 'deployment']],
  // A drained Job pod is replaced by its Job under either policy, so "Never" in the prompt never means "nothing" alone.
  'whole-pod': [['node-drained', 'job-onfailure'], ['node-drained', 'job-never']],
  nothing: [['oom-killed', 'job-never'], ['liveness-fails', 'job-never'], ['node-drained', 'bare']],
};
const POLICY: Record<Owner, 'Always' | 'OnFailure' | 'Never'> = { deployment: 'Always', 'job-onfailure': 'OnFailure', 'job-never': 'Never', bare: 'Always' };
const OWNER_TEXT: Record<Owner, string> = {
  deployment: 'a Deployment\'s pod', 'job-onfailure': 'a Job\'s pod (restartPolicy: OnFailure)', 'job-never': 'a Job\'s pod (restartPolicy: Never)', bare: 'a bare Pod, made by no controller',
};
const EVENT_TEXT: Record<PodEvent, (c: string, owner: Owner) => string> = {
  'liveness-fails': (c) => `${c}'s liveness probe fails three times in a row`,
  'oom-killed': (c) => `${c} goes over its memory limit and is OOMKilled`,
  'readiness-fails': (c) => `${c}'s readiness probe starts failing`,
  // kubectl drain refuses a pod with no controller unless --force is given.
  'node-drained': (_c, owner) => owner === 'bare' ? 'the pod\'s node is drained for maintenance with kubectl drain --force' : 'the pod\'s node is drained for maintenance',
  'template-changed': (c) => `someone changes an environment variable of ${c} in the Deployment`,
  'image-patched': (c) => `someone patches ${c}'s image in the pod itself`,
};
const EVENT_RULE: Record<PodEvent, RuleId> = {
  'liveness-fails': 'design/container-restarts-alone', 'oom-killed': 'design/container-restarts-alone', 'image-patched': 'design/image-in-place',
  'node-drained': 'design/pod-replaced-whole', 'template-changed': 'design/pod-replaced-whole', 'readiness-fails': 'design/readiness-no-restart',
};

/** What an event restarts, given who owns the pod and its restartPolicy: one container in place, the whole pod, or nothing. */
const whatRestarts: SingleTemplate = {
  id: 'same-pod/what-restarts',
  answers: Object.keys(EVENTS),
  make(rng, answer) {
    // A killed helper in a Never Job pod is the case where the helper's kind decides: a native sidecar is restarted
    // whatever the pod's restartPolicy (docs/rules/sidecars.md#always-restarted), a second `containers` entry is not.
    const nativeCase = answer === 'that-container' && rng.chance(0.3);
    const [event, owner] = nativeCase ? [rng.pick(['liveness-fails', 'oom-killed'] as const), 'job-never' as const] : rng.pick(EVENTS[answer as keyof typeof EVENTS]);
    const job = owner.startsWith('job');
    const app = job ? apiSide(rng, rng.pick(['nightly-export', 'send-invoices', 'reindex', 'resize-images'])) : apiSide(rng);
    const side = rng.pick(job ? ['fluent-bit', 'vector'] : ['envoy', 'fluent-bit', 'vector']);
    const c = nativeCase ? side : event === 'readiness-fails' || rng.chance(0.5) ? app.name : side;
    const other = c === app.name ? side : app.name;
    const policy = POLICY[owner];
    const scope = nativeCase ? 'that-container' : restartScope(event, policy, owner !== 'bare');
    if (scope !== answer) throw new Error(`same-pod/what-restarts: ${event} in ${owner} gives ${scope}`);
    const killed = event === 'liveness-fails' || event === 'oom-killed';
    // The lure for the native case: the same Never Job pod, but the helper as a second `containers` entry.
    // A drain deletes the pod whatever the helper's kind, so the native form shows up there too and gives nothing away.
    // A drained Job pod always has it: a log shipper in \`containers\` never exits, so that Job could never complete
    // (review J, SP-H4). The plain form stays only where it is the lesson: a kill under Never.
    const native = nativeCase || (event === 'node-drained' && job);
    const sideImage = software(side).image;
    const appImage = app.image;
    // The event's container carries what the event needs: a liveness probe to fail, a memory limit to go over.
    const probe: Record<string, string> = { vector: '{httpGet: {path: /health, port: 8686}}', 'fluent-bit': '{httpGet: {path: /api/v1/health, port: 2020}}', envoy: '{httpGet: {path: /ready, port: 9901}}' };
    const needs = (name: string) => event === 'liveness-fails' ? [`    livenessProbe: ${probe[name] ?? `{httpGet: {path: ${houseApp(name).live}, port: ${houseApp(name).port}}}`}`]
      : event === 'oom-killed' ? ['    resources: {limits: {memory: 256Mi}}'] : [];
    const sideLines = [`  - name: ${side}`, `    image: ${sideImage}`, ...(c === side ? needs(side) : [])];
    const yaml = [
      `# the pod's spec${job ? `, from the Job's template` : owner === 'deployment' ? `, from the Deployment's template` : ''}`,
      ...(job ? [`restartPolicy: ${policy}`] : []),
      ...(native ? ['initContainers:', ...sideLines, '    restartPolicy: Always'] : []),
      'containers:', `  - name: ${app.name}`, `    image: ${appImage}`, ...(c === app.name ? needs(app.name) : []),
      ...(native ? [] : sideLines),
    ];
    const kindText = native ? `${side} is a native sidecar (in initContainers, restartPolicy: Always)` : `${side} is a second entry in containers, not a native sidecar`;
    return {
      template: this.id,
      prompt: `${code(app.name)} and ${code(side)} run in ${OWNER_TEXT[owner]}, as the spec shows. Then ${EVENT_TEXT[event](c, owner)}. What starts afresh?`,
      code: { language: 'yaml', text: yaml.join('\n') },
      options: [
        { label: `Only ${c}, restarted in place by the kubelet`, correct: scope === 'that-container', why: scope === 'nothing' ? (killed ? `restartPolicy: Never: the kubelet leaves ${c}, a regular container, stopped.` : 'The drain deletes the pod; nothing is restarted in place.') : 'The pod itself is replaced, with every container in it.' },
        { label: 'Both: a new pod replaces this one', correct: scope === 'whole-pod', why: scope === 'nothing' ? (killed ? `${other} still runs, so the pod is not finished and no new pod is made.` : 'A bare Pod has no controller, so nothing creates a new pod.') : `${other} keeps running; only ${c}'s container is restarted.` },
        { label: 'Nothing restarts', correct: scope === 'nothing', why: scope === 'whole-pod' ? 'The pod is replaced.' : event === 'image-patched' ? `The kubelet restarts ${c}'s container with the new image.` : native ? `${c} is a native sidecar: it is restarted whatever the pod's restartPolicy, even Never.` : `restartPolicy: ${policy} restarts a container that was killed.` },
        { label: 'Both containers restart in place, in the same pod', correct: false, why: 'A container restart never takes the pod\'s other containers with it.' },
      ],
      answerKey: { 'that-container': 'Only that container, in place', 'whole-pod': 'The whole pod is replaced', nothing: 'Nothing restarts' }[answer]!,
      rules: nativeCase ? ['sidecars/always-restarted', 'phase/decided-when-all-stopped'] : [EVENT_RULE[event], killed ? ({ Always: 'phase/always-restarts', OnFailure: 'phase/onfailure-restarts', Never: 'phase/decided-when-all-stopped' } as const)[policy] : 'design/shared-fate'],
      because: [{ text: {
        'that-container': event === 'image-patched'
          ? `A pod's image may change in place; the kubelet restarts just that container.${owner === 'deployment' ? ' The ReplicaSet leaves a running pod\'s spec alone: only the pods it creates later get the template\'s image.' : ''}`
          : nativeCase ? `${kindText}: the kubelet restarts it whatever the pod's restartPolicy, even Never; ${other} and the pod carry on.`
          : `A killed container is restarted under restartPolicy: ${policy}, alone; ${other} and the pod carry on.`,
        'whole-pod': event === 'node-drained' ? `The pod is evicted and its ${job ? 'Job' : 'Deployment'} creates a new one, both containers together.` : 'A changed pod template makes the Deployment replace the pod, both containers together.',
        nothing: killed ? `${kindText}. Under restartPolicy: Never the kubelet leaves ${c} stopped, and ${other} keeps the pod running, so no new pod comes yet.${job ? ` That is also why a Job's helper belongs in initContainers with restartPolicy: Always: as a regular container ${side} never exits, so the Job can never complete.` : ''}` : 'The drain deletes the pod, and only a controller would create a replacement: a bare Pod has none, so both containers are gone for good.',
      }[answer]! }],
      docUrl: event === 'node-drained' && job ? 'https://kubernetes.io/docs/concepts/workloads/controllers/job/#handling-pod-and-container-failures' : event === 'node-drained' ? 'https://kubernetes.io/docs/tasks/administer-cluster/safely-drain-node/#use-kubectl-drain-to-remove-a-node-from-service' : answer === 'whole-pod' || event === 'image-patched' ? `${PODS}#pod-update-and-replacement` : killed ? 'https://kubernetes.io/docs/concepts/workloads/pods/container-restarts/#pod-level-container-restart-policy' : `${PODS}#working-with-pods`,
    };
  },
};

// The shared ConfigMap is the lure: any number of pods mount one ConfigMap, so it ties nothing (two rules meet).
// Several stories, so that a class meets the rule and not one remembered sentence.
const ANYWHERE_STORIES: readonly ((app: string) => [string, string])[] = [
  (app) => ['pricing-api', `${code(app)} calls ${code('pricing-api')} through its Service, and both mount the ${code('prices')} ConfigMap; a few milliseconds of network latency between them are fine.`],
  (app) => ['fx-rates', `Both ${code(app)} and ${code('fx-rates')} read their currency list from files of the ${code('currencies')} ConfigMap, and ${code(app)} asks ${code('fx-rates')} for a rate at http://fx-rates:8080 about once a second.`],
  (app) => ['tax-rules', `${code('tax-rules')} answers ${code(app)}'s gRPC calls through the Service ${code('tax-rules')}; each mounts the ${code('tax-tables')} ConfigMap at /etc/tax. Each call may take a few milliseconds longer across nodes; that is fine.`],
  (app) => ['feature-flags', `${code(app)} polls ${code('feature-flags')} through its Service every 10 seconds; both read the flag defaults from the ${code('flag-defaults')} ConfigMap, mounted as files. ${code('feature-flags')} runs 2 replicas, ${code(app)} between 3 and 30.`],
];

/** Sharing a node is not sharing a fate: pod affinity places pods together and lets them scale apart. */
const colocate: SingleTemplate = {
  id: 'same-pod/colocate-without-fate',
  answers: ['pod-affinity', 'one-pod', 'anywhere'],
  make(rng, answer) {
    const app = apiSide(rng);
    const [b, situation] = ({
      'pod-affinity': ['model-cache', `${code(app)} reads a 40 GiB model from the node's local SSD, where ${code('model-cache')} keeps it; ${code('model-cache')} runs on 3 nodes, ${code(app)} on 2 to 20 replicas.`],
      'one-pod': ['envoy', `${code(app)} sends every call to ${code('envoy')} on localhost:10000; each ${code(app)} replica needs its own proxy, and a proxy on the same node would be close enough for latency.`],
      anywhere: rng.pick(ANYWHERE_STORIES)(app.name),
    } as const)[answer as 'one-pod']! as [string, string];
    return {
      template: this.id,
      prompt: `${situation} How do you run ${code(b)} relative to ${code(app)}?`,
      options: [
        { label: `${b} in ${app.name}'s pod, as a second container`, correct: answer === 'one-pod', why: answer === 'pod-affinity' ? `One pod would tie ${b}'s replica count to ${app.name}'s.` : 'Any number of pods can mount one ConfigMap, so it ties nothing; the rest is a Service call.' },
        { label: `${b} in ${app.name}'s pod, as an init container that exits first`, correct: false, why: `A plain init container must exit before ${app.name} starts, so ${b} would be gone while it runs.` },
        { label: `${b} in its own pods, with podAffinity from ${app.name}'s pods`, correct: answer === 'pod-affinity', why: answer === 'one-pod' ? 'Same node is not the same network namespace: localhost never reaches another pod.' : 'Nothing needs them on one node.' },
        { label: `${b} in its own pods, with no placement rule`, correct: answer === 'anywhere', why: answer === 'pod-affinity' ? `${app.name} must land where ${b}'s data is.` : 'They must share localhost, which only one pod gives.' },
      ],
      answerKey: { 'pod-affinity': 'Own pods with podAffinity', 'one-pod': 'A second container in the pod', anywhere: 'Own pods, no placement rule' }[answer]!,
      rules: answer === 'pod-affinity' ? ['design/co-locate-affinity', 'design/scales-as-unit'] : answer === 'one-pod' ? ['sharing/network-namespace', 'design/scales-as-unit'] : ['design/network-only', 'design/co-locate-affinity'],
      because: [{ text: {
        'pod-affinity': 'They must share a node but scale apart: podAffinity puts them together without tying their replica counts.',
        'one-pod': 'They share localhost and scale as a pair: that is one pod. podAffinity would only share a node, and each pod has its own loopback.',
        anywhere: `A ConfigMap is an object of its own that any pod of the namespace may name and mount, unlike an emptyDir, which belongs to one pod; and a Service name reaches ${b}'s pods from any node. Nothing ties them, so the scheduler may place each anywhere, and ${b} keeps its own replica count.`,
      }[answer]! }],
      docUrl: answer === 'one-pod' ? `${PODS}#pod-networking` : answer === 'anywhere' ? 'https://kubernetes.io/docs/concepts/configuration/configmap/#configmaps-and-pods' : 'https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#inter-pod-affinity-and-anti-affinity',
    };
  },
};

/** Triggering a reload: a signal needs a shared PID namespace, a localhost endpoint one pod, a Service none. */
const reloadAccess: SingleTemplate = {
  id: 'same-pod/reload-access',
  answers: ['spn', 'localhost', 'service'],
  make(rng, answer) {
    // Several real stories per answer, so a class learns the rule, not one sentence (review J: the nginx SIGHUP story).
    const [a, how, user] = rng.pick(({
      spn: [
        ['nginx', '`nginx` rereads its configuration only when its master process gets SIGHUP.', 'root'],
        ['postgres', '`postgres` rereads postgresql.conf when its postmaster process gets SIGHUP, which is what pg_ctl reload sends.', 'UID 999'],
        ['haproxy', '`haproxy` runs in master-worker mode and reloads its configuration when its master process gets SIGUSR2.', 'the image\'s haproxy user'],
      ],
      localhost: [
        ['prometheus', '`prometheus` (started with --web.enable-lifecycle) reloads on POST /-/reload, and it listens only on 127.0.0.1:9090.', ''],
        ['alertmanager', '`alertmanager` reloads on POST /-/reload, and it is started to listen only on 127.0.0.1:9093.', ''],
      ],
      // Each gateway is one pod: a Service hands a request to one of its pods, so with replicas a POST would reload only one (review J, SP-H3).
      service: [
        ['gateway', `\`gateway\` reloads on POST /admin/reload with a token; \`config-watcher\` manages ${rng.int(12, 40)} such gateways, each a single pod (replicas: 1) behind its own Service.`, ''],
      ],
    } as const)[answer as 'spn']) as readonly [string, string, string];
    const many = /manages (\d+)/.exec(how)?.[1] ?? '30';
    return {
      template: this.id,
      prompt: `${how} ${code('config-watcher')} must trigger the reload when a ConfigMap changes. How do you run it, with no more access than it needs?`,
      options: [
        { label: `In ${a}'s pod, with shareProcessNamespace: true`, correct: answer === 'spn', why: answer === 'localhost' ? 'An HTTP call on localhost needs no shared processes.' : 'A Service call needs neither a shared pod nor shared processes.' },
        { label: `In ${a}'s pod; localhost is enough`, correct: answer === 'localhost', why: answer === 'spn' ? 'A signal needs the process to be visible, and PIDs are not shared by default.' : `One watcher for ${many} gateways cannot sit in each of their pods.` },
        { label: `In its own pod, calling ${a}'s Service`, correct: answer === 'service', why: answer === 'spn' ? 'A signal cannot cross pods.' : `${a} listens only on its pod's loopback.` },
        { label: 'In its own pod, with shareProcessNamespace: true', correct: false, why: 'shareProcessNamespace shares processes inside one pod only; it never reaches another pod.' },
      ],
      answerKey: { spn: 'One pod with shareProcessNamespace', localhost: 'One pod, localhost', service: 'Own pod, through a Service' }[answer]!,
      rules: answer === 'spn' ? ['sharing/pid-namespace', 'sharing/signal-permission'] : answer === 'localhost' ? ['sharing/network-namespace', 'sharing/pid-namespace'] : ['design/network-only', 'design/one-copy-per-replica'],
      because: [{ text: {
        spn: `A signal needs the target process in sight: one pod, and shareProcessNamespace: true, since PIDs are not shared by default. The watcher must also run as ${a}'s user (${user}) or hold CAP_KILL, or the kernel refuses the signal.`,
        localhost: 'The endpoint listens on the pod\'s loopback: one pod is needed, shared processes are not.',
        service: `An HTTP endpoint with a token works across pods, so one watcher in its own pod serves all ${many}. Each Service has one pod behind it, so the POST reaches that gateway; with more replicas it would reach only one of them.`,
      }[answer]! }],
      docUrl: answer === 'spn' ? 'https://kubernetes.io/docs/tasks/configure-pod-container/share-process-namespace/#understanding-process-namespace-sharing' : answer === 'localhost' ? `${PODS}#pod-networking` : 'https://kubernetes.io/docs/concepts/services-networking/service/#services-in-kubernetes',
    };
  },
};

type LogAnswer = 'daemonset' | 'sidecar' | 'native-sidecar';
const DAEMONSET = 'A DaemonSet: one agent per node, reading the node\'s container logs';
const PLAIN_SIDECAR = (pod: string) => `A sidecar in ${pod} pod, sharing its log directory through an emptyDir`;
const STDOUT_SIDECAR = 'A sidecar in every app\'s pod, reading the app\'s stdout';
const OWN_FS = 'A sidecar in the app\'s pod, reading /var/log/app in its own filesystem';
const NATIVE = 'A native sidecar in the Job\'s pod, sharing its log directory through an emptyDir';
const COLLECTOR = 'Its own Deployment, behind a Service';

/**
 * Logs: where the lines are decides the agent (stdout is on the node, files stay in the container), and a second rule
 * decides its form: a sidecar sees the files only through a shared volume, and beside a Job it must be a native
 * sidecar or the Job never completes; for stdout, a node agent needs no change to anyone's pod.
 */
const loggingArchitecture: SingleTemplate = {
  id: 'same-pod/logging-architecture',
  answers: ['daemonset', 'sidecar', 'native-sidecar'] satisfies LogAnswer[],
  make(rng, answer) {
    const a = answer as LogAnswer;
    const n = rng.int(30, 80);
    const job = rng.pick(['nightly-export', 'send-invoices', 'reindex-catalog']);
    const need = {
      daemonset: rng.pick([
        `The ${n} teams' apps all log to stdout, and their lines must reach OpenSearch without any team changing its pod specs.`,
        `All ${n} apps in the cluster log to stdout, Jobs whose pods finish in seconds among them, and every line must reach Loki with no change to those pods.`,
      ]),
      sidecar: rng.pick([
        'One legacy app, run by a Deployment, writes its logs only to files under /var/log/app inside its container, never to stdout.',
        'A vendor\'s app, run by a Deployment, can only log to rotating files under /var/log/app in its container; its stdout stays empty.',
      ]),
      'native-sidecar': `The ${code(job)} Job's container writes its log only to files under /var/log/app, never to stdout, and the Job must complete once its work is done.`,
    }[a];
    const filesStay = 'A node agent reads only stdout and stderr; files inside a container never reach the node\'s log directory.';
    const elsewhere = 'A Deployment elsewhere reads neither the node\'s log files nor a pod\'s.';
    const options: DraftOption[] = a === 'native-sidecar' ? [
      { label: DAEMONSET, correct: false, why: filesStay },
      { label: PLAIN_SIDECAR('the Job\'s'), correct: false, why: 'A regular container that keeps running holds the Job\'s pod: the Job never completes.' },
      { label: NATIVE, correct: true, why: '' },
      { label: COLLECTOR, correct: false, why: elsewhere },
    ] : [
      { label: DAEMONSET, correct: a === 'daemonset', why: filesStay },
      { label: PLAIN_SIDECAR('the app\'s'), correct: a === 'sidecar', why: 'The apps write no files: their stdout is on the node already, and a sidecar would change every team\'s pod.' },
      a === 'sidecar'
        ? { label: OWN_FS, correct: false, why: 'Each container has its own filesystem: the app\'s /var/log/app is not in the sidecar\'s unless both mount one volume there.' }
        : { label: STDOUT_SIDECAR, correct: false, why: 'A container cannot read another container\'s stdout; the node\'s agent reads it from the node.' },
      { label: COLLECTOR, correct: false, why: elsewhere },
    ];
    return {
      template: this.id,
      prompt: `${need} Where does the log shipper you add run?`,
      options,
      answerKey: { daemonset: 'DaemonSet node agent', sidecar: 'Sidecar sharing an emptyDir', 'native-sidecar': 'Native sidecar sharing an emptyDir' }[a],
      rules: a === 'daemonset' ? ['design/node-agent', 'design/sidecar-for-files'] : a === 'sidecar' ? ['design/sidecar-for-files', 'sharing/volumes-where-mounted'] : ['design/sidecar-for-files', 'design/native-sidecar'],
      because: [{ text: {
        daemonset: 'The kubelet keeps every container\'s stdout on its node: one agent per node reads them all, and no pod spec changes.',
        sidecar: 'Files inside a container never reach the node\'s agent; a sidecar reads them when both containers mount one emptyDir at the log directory.',
        'native-sidecar': 'The files need a sidecar sharing an emptyDir; beside a Job it must be a native one (in initContainers, restartPolicy: Always), which is stopped once the Job\'s container exits, so the Job completes.',
      }[a] }],
      docUrl: a === 'daemonset' ? 'https://kubernetes.io/docs/concepts/cluster-administration/logging/#using-a-node-logging-agent' : a === 'sidecar' ? 'https://kubernetes.io/docs/concepts/cluster-administration/logging/#sidecar-container-with-logging-agent' : `${PODS}sidecar-containers/#jobs-with-sidecar-containers`,
    };
  },
};

export const hardTemplates: readonly SingleTemplate[] = [
  mixedNeeds, splitReplacement, jobHelper, drainBudget, whatRestarts, colocate, reloadAccess, loggingArchitecture,
];

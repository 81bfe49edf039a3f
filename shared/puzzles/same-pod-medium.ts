// Medium same-pod templates: one rule the player must find in a situation, a spec or a table (which fact decides,
// what an address implies, how a pod is placed, what an update or a drain does to its containers).
import type { DesignReason } from '../model/pod-design.ts';
import { nodesFitting } from '../model/pod-fate.ts';
import type { Rng } from '../random.ts';
import { apiSide, code, type Pair } from './same-pod-pairs.ts';
import { pairsFor } from './same-pod-easy.ts';
import { BECAUSE, REASON_DOC, REASON_LABEL, REASON_RULE, REASONS, verdictOptions } from './same-pod-words.ts';
import type { DraftOption, SingleTemplate } from './single-draft.ts';

const PODS = 'https://kubernetes.io/docs/concepts/workloads/pods/';
const table = (p: Pair) => ({ columns: ['Container', 'Image'], rows: [[p.a.name, p.a.image], [p.b.name, p.b.image]] });
import { version as tag } from './house.ts';
import { houseApp } from '../model/software.ts';

// Facts that do not bear on sharing a pod, organisational and technical alike, so the herring is not always the
// organisational sentence.
const HERRINGS = [
  'The same team is on call for both.', 'Both went through the same security review.', 'Their code lives in one repository.',
  'Both images are built on the same distroless base.', 'Each has its own liveness probe.', 'Both request 100m of CPU.',
  'Both images are pinned by digest.', 'Both were upgraded to a new minor version last month.',
];

/** The verdict again, but the need has to be found in a situation, next to a fact that does not matter. */
const verdictSituation: SingleTemplate = {
  id: 'same-pod/verdict-situation',
  answers: REASONS,
  make(rng, answer) {
    const reason = answer as DesignReason;
    const p = rng.pick(pairsFor(reason))(rng);
    return {
      template: this.id,
      prompt: `${p.situation} ${rng.pick(HERRINGS)} One pod or separate pods for ${code(p.a)} and ${code(p.b)}, and why?`,
      table: table(p),
      options: verdictOptions(rng, p.needs, null),
      answerKey: REASON_LABEL[reason],
      rules: [REASON_RULE[reason]],
      because: [{ text: `${BECAUSE[reason]} The other fact does not bear on sharing a pod.` }],
      docUrl: REASON_DOC[reason],
    };
  },
};

/** Each reason as a fact about the pair, all of one form and about one length, so no option stands out by its shape. */
function crux(p: Pair, reason: DesignReason): string {
  const [a, b] = [p.a.name, p.b.name];
  switch (reason) {
    case 'shares-localhost': return `${a} and ${b} talk over localhost`;
    case 'shares-volume': return `${a} and ${b} read and write the same files`;
    case 'shares-ipc': return `${a} and ${b} exchange data in shared memory`;
    case 'scales-independently': return `${a} and ${b} must scale to different counts`;
    case 'serves-many': return `${a} and ${b} are many to one: one ${b} serves all`;
    case 'separate-lifecycle': return `${a} and ${b} run or ship on different schedules`;
    case 'network-only': return `${a} and ${b} are linked only by a Service call`;
  }
}
const TOGETHER_REASONS: readonly DesignReason[] = ['shares-localhost', 'shares-volume', 'shares-ipc'];
/**
 * Wrong facts for a pair: reasons the story does not support, drawn so that no option is the odd one out.
 * Left out, because a reader could call them true of the pair: files beside shared memory (a Unix socket or
 * /dev/shm is a file too), and for a coupled pair a different release schedule (a sidecar image is upgraded on its
 * own) or a Service (nothing forbids one). An apart pair already talks through a Service and may ship on its own,
 * so its wrong facts are the couplings it lacks.
 */
function wrongFacts(rng: Rng, reason: DesignReason): DesignReason[] {
  const near = (r: DesignReason) => (reason === 'shares-ipc' && r === 'shares-volume') || (reason === 'shares-volume' && r === 'shares-ipc');
  if (!TOGETHER_REASONS.includes(reason)) return [...TOGETHER_REASONS];
  return [rng.pick(TOGETHER_REASONS.filter((r) => r !== reason && !near(r))), 'scales-independently', 'serves-many'];
}
const WRONG_WHY: Record<DesignReason, string> = {
  'shares-localhost': 'Nothing here says they reach each other on localhost.',
  'shares-volume': 'Nothing here says they share files.',
  'shares-ipc': 'Nothing here says they share memory.',
  'scales-independently': 'Each one works for its own partner instance, so they scale as a pair.',
  'serves-many': 'Each instance needs its own; nothing here must be shared by every replica.',
  'separate-lifecycle': 'Nothing here says they run on different schedules.',
  'network-only': 'They are tied more closely than a Service call.',
};

/** Which of four facts decides the design? The others are true but beside the point. */
const decidingFact: SingleTemplate = {
  id: 'same-pod/deciding-fact',
  answers: REASONS,
  make(rng, answer) {
    const reason = answer as DesignReason;
    const p = rng.pick(pairsFor(reason))(rng);
    const [a, b] = [p.a.name, p.b.name];
    const wrong = wrongFacts(rng, reason);
    return {
      template: this.id,
      prompt: `${p.situation} Which fact decides whether ${code(p.a)} and ${code(p.b)} belong in one pod?`,
      table: table(p),
      options: [
        { label: crux(p, reason), correct: true, why: '' },
        ...wrong.map((r) => ({ label: crux(p, r), correct: false, why: WRONG_WHY[r] })),
      ],
      answerKey: crux({ ...p, a: { name: '<a>', image: '' }, b: { name: '<b>', image: '' } }, reason),
      rules: [REASON_RULE[reason]],
      because: [{ text: `${REASON_LABEL[reason]}. ${BECAUSE[reason]}` }],
      docUrl: REASON_DOC[reason],
    };
  },
};

/** A Deployment holding two containers: is that a sidecar in the wrong place, or a mistake, and which? */
const yamlReview: SingleTemplate = {
  id: 'same-pod/yaml-review',
  answers: ['copies', 'restart-loop', 'scale-coupled', 'native-sidecar'],
  make(rng, answer) {
    const app = apiSide(rng);
    const n = answer === 'restart-loop' ? 1 : rng.int(3, 6);
    const second = {
      copies: { name: 'session-store', image: 'redis:7.2', port: 6379, args: '' },
      'restart-loop': { name: 'migrate', image: app.image, port: 0, args: '' },
      'scale-coupled': { name: 'worker', image: `ghcr.io/acme/queue-worker:${tag(rng)}`, port: 0, args: '' },
      'native-sidecar': { name: 'cloud-sql-proxy', image: 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0', port: 5432, args: `["acme-prod:europe-west1:${app.name}-db"]` },
    }[answer]!;
    // The proxy case states the two facts a regular container gets wrong: no wait at start, no order at shutdown.
    const role = {
      copies: `${app.name} keeps user sessions in ${second.name}, and every replica must see every session.`,
      'restart-loop': `migrate runs the database migrations and exits.`,
      'scale-coupled': `worker consumes a queue; an autoscaler adds replicas when the queue grows.`,
      'native-sidecar': `${app.name} reaches its Cloud SQL database through cloud-sql-proxy on 127.0.0.1:5432. ${app.name} connects as soon as it starts, exits if that fails, and still writes to the database while it drains on shutdown.`,
    }[answer]!;
    const lines = [
      'kind: Deployment', `metadata: {name: ${app.name}}`, 'spec:', `  replicas: ${n}`, `  selector: {matchLabels: {app: ${app.name}}}`,
      '  template:', `    metadata: {labels: {app: ${app.name}}}`, '    spec:', '      containers:',
      `      - name: ${app.name}`, `        image: ${app.image}`, `        ports: [{containerPort: ${houseApp(app.name).port}}]`,
      `      - name: ${second.name}`, `        image: ${second.image}`,
      ...(second.args ? [`        args: ${second.args}`] : []),
      ...(second.port ? [`        ports: [{containerPort: ${second.port}}]`] : []),
    ];
    const options: Record<string, DraftOption> = {
      copies: { label: `Run one ${second.name}, in its own Deployment behind a Service`, correct: answer === 'copies', why: answer === 'native-sidecar' ? 'One proxy per replica on localhost is the right shape; what is wrong is when it starts and stops.' : `${second.name} serves only its own pod; one shared instance would not do its job.` },
      'restart-loop': { label: `Move ${second.name} to initContainers, as a regular init container`, correct: answer === 'restart-loop', why: `${second.name} must keep running beside ${app.name}, not finish before it.` },
      // Worded for every case, so it is a lure the sessions and migrate stories can hold too (not 'scaled on the queue').
      'scale-coupled': { label: `Give ${second.name} its own Deployment, with its own autoscaler`, correct: answer === 'scale-coupled', why: answer === 'copies' ? `Autoscaled copies of ${second.name} would each hold part of the sessions, and a replica would miss what another stored.` : answer === 'restart-loop' ? `${second.name} runs once and exits; in a Deployment of its own it would be restarted for ever there too.` : `${second.name} serves its own pod on localhost.` },
      'native-sidecar': { label: `Make ${second.name} a native sidecar: in initContainers, with restartPolicy: Always`, correct: answer === 'native-sidecar', why: answer === 'restart-loop' ? 'A native sidecar is restarted whenever it exits: migrate would run again and again.' : `As a sidecar ${second.name} would still be one copy inside each pod.` },
      nothing: { label: 'Nothing: leave it as it is', correct: false, why: answer === 'native-sidecar' ? `As a regular container ${second.name} starts beside ${app.name} with nothing to wait for, and both get SIGTERM at the same moment on shutdown.` : `${second.name} cannot stay in this pod as it is.` },
    };
    const shown = answer === 'native-sidecar' ? ['copies', 'restart-loop', 'native-sidecar', 'nothing']
      : ['copies', 'restart-loop', 'scale-coupled', rng.pick(['native-sidecar', 'nothing'])];
    const because = {
      copies: `A container inside each replica gives each of the ${n} pods its own ${second.name}, splitting the sessions; one shared instance fixes it.`,
      'restart-loop': 'restartPolicy is Always in a Deployment: a container that exits is started again, forever. Run-once work belongs in an init container or a Job.',
      'scale-coupled': 'A pod is the unit of scaling: scaling on the queue would add whole pods, each with both containers.',
      'native-sidecar': `One proxy per replica on localhost is right, but in containers it gets no order: ${app.name} may connect before the proxy listens, and on shutdown both stop at once. A native sidecar is started before ${app.name} starts (with a startupProbe, once it is ready) and is stopped only after ${app.name} has exited.`,
    }[answer]!;
    const rules = ({ copies: ['design/one-copy-per-replica'], 'restart-loop': ['design/init-before'], 'scale-coupled': ['design/scales-as-unit'], 'native-sidecar': ['sidecars/start-gate', 'sidecars/termination-order'] } as const)[answer as 'copies'];
    return {
      template: this.id,
      prompt: `${role} A reviewer looks at this Deployment. What should they ask for?`,
      code: { language: 'yaml', text: lines.join('\n') },
      options: shown.map((k) => options[k]!),
      answerKey: { copies: 'One shared instance behind a Service', 'restart-loop': 'Make it an init container', 'scale-coupled': 'Its own Deployment and autoscaler', 'native-sidecar': 'Make it a native sidecar' }[answer]!,
      rules: [...rules],
      because: [{ text: because }],
      docUrl: answer === 'restart-loop' ? 'https://kubernetes.io/docs/concepts/workloads/pods/container-restarts/#pod-level-container-restart-policy'
        : answer === 'native-sidecar' ? 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#sidecar-containers-and-pod-lifecycle'
        : REASON_DOC[answer === 'copies' ? 'serves-many' : 'scales-independently'],
    };
  },
};

// Each address with four placements of one shape, all about that address: a test-wise player cannot drop the
// wrong ones for naming a mechanism the address plainly does not use (review F, item 08).
type Address = 'localhost' | 'socket' | 'memory' | 'service';
const ADDRESS: Record<Address, { reason: DesignReason; options: (a: string, b: string) => [string, string][] }> = {
  localhost: { reason: 'shares-localhost', options: (a) => [
    [`In ${a}'s pod: 127.0.0.1 is that pod's own loopback`, ''],
    [`In ${a}'s pod, and only with hostNetwork: true`, 'Containers of one pod share its loopback without hostNetwork.'],
    [`In any pod on ${a}'s node: 127.0.0.1 is the node's loopback`, 'Each pod has its own network namespace and its own loopback.'],
    ['In any pod that declares containerPort 5432', 'containerPort is informational: it publishes nothing on another pod\'s loopback.'],
  ] },
  socket: { reason: 'shares-volume', options: (a) => [
    [`In ${a}'s pod, both mounting the emptyDir that holds the socket`, ''],
    [`In ${a}'s pod, with no volume: a pod's containers share one filesystem`, 'Each container has its own root filesystem; only volumes they both mount are shared.'],
    [`In any pod on ${a}'s node: /var/run is the node's directory`, '/var/run is in the container\'s own filesystem, not the node\'s.'],
    ['In any pod: the Service forwards the socket path to it', 'A Service forwards TCP and UDP ports, never a Unix socket file.'],
  ] },
  memory: { reason: 'shares-ipc', options: (a) => [
    [`In ${a}'s pod: shared memory stays inside one IPC namespace`, ''],
    [`In ${a}'s pod, and only with shareProcessNamespace: true`, 'A pod\'s containers share the IPC namespace by default; shareProcessNamespace shares processes.'],
    [`In any pod on ${a}'s node: shared memory is the node's RAM`, 'Each pod has its own IPC namespace, so its shared memory objects are its own.'],
    [`In any pod of ${a}'s namespace: they share one IPC namespace`, 'A Kubernetes namespace is not a Linux IPC namespace; each pod has its own.'],
  ] },
  service: { reason: 'network-only', options: (a) => [
    ['In its own pods, on any node: the Service routes to them from anywhere', ''],
    [`In ${a}'s pod: a pooler must share the app's loopback to pool`, 'A pooler pools the connections it receives, over any network.'],
    [`In any pod on ${a}'s node: a Service routes only to local pods`, 'Only internalTrafficPolicy: Local does that; by default a Service reaches pods on every node.'],
    [`In pods of ${a}'s namespace only: names do not cross namespaces`, 'pgbouncer.data.svc names its namespace, so it resolves from every namespace.'],
  ] },
};

/** The configured address decides where the other side may run. */
const addressDecides: SingleTemplate = {
  id: 'same-pod/address-decides',
  answers: Object.keys(ADDRESS),
  make(rng, answer) {
    const a = apiSide(rng);
    const [b, how] = ({
      // pgbouncer listens on 6432 by default (its socket is .s.PGSQL.6432); the Cloud SQL Auth Proxy on 5432.
      localhost: rng.pick([['pgbouncer', 'DATABASE_URL=postgres://127.0.0.1:6432/app'], ['cloud-sql-proxy', 'DATABASE_URL=postgres://127.0.0.1:5432/app']]),
      socket: ['pgbouncer', 'DATABASE_URL=postgres:///app?host=/var/run/pgbouncer&port=6432 (a Unix socket)'],
      memory: ['frame-cache', 'SHM_NAME=/frames: it opens that POSIX shared memory object with shm_open'],
      service: ['pgbouncer', 'DATABASE_URL=postgres://pgbouncer.data.svc:6432/app'],
    } as const)[answer as 'localhost']! as [string, string];
    const reason = ADDRESS[answer as Address].reason;
    const opts = ADDRESS[answer as Address].options(a.name, b);
    return {
      template: this.id,
      prompt: `${code(a)} is configured with ${how}, served by ${code(b)}. Where may ${code(b)} run?`,
      options: opts.map(([label, why], i) => ({ label, correct: i === 0, why })),
      answerKey: opts[0]![0].replace(a.name, '<app>'),
      rules: [answer === 'service' ? 'design/service-dns' : REASON_RULE[reason]],
      because: [{ text: answer === 'service' ? 'A Service name works from every pod on every node, so pgbouncer can run in its own pods anywhere.' : BECAUSE[reason] }],
      docUrl: answer === 'service' ? 'https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#namespaces-of-services' : REASON_DOC[reason],
    };
  },
};

/** A pod asks one node for the sum of its containers' requests. */
const schedulingSum: SingleTemplate = {
  id: 'same-pod/scheduling-sum',
  answers: ['pending', 'one-node', 'each-own-node'],
  make(rng, answer) {
    const a = apiSide(rng);
    const b = { name: rng.pick(['search-indexer', 'ml-scorer', 'image-resizer', 'pdf-renderer', 'geo-coder']) };
    // Requests and every node vary, and the roles land on shuffled names: the whole table must be read (review L2b).
    const reqA = { cpu: rng.pick([1250, 1500, 2000, 2500]), memory: rng.pick([512, 1024, 1536]) };
    const reqB = { cpu: rng.pick([250, 500, 750]), memory: rng.pick([2048, 3072, 4096].filter((m) => m >= reqA.memory + 1536)) };
    const sum = { cpu: reqA.cpu + reqB.cpu, memory: reqA.memory + reqB.memory };
    const [nA, nB, nC] = rng.shuffle(['node-a', 'node-b', 'node-c']) as [string, string, string];
    // nA fits only a (memory short of b), nB fits only b (CPU short of a); nC decides the case.
    const third = answer === 'one-node' ? { cpu: sum.cpu + rng.pick([250, 500]), memory: sum.memory + rng.pick([512, 1024]) }
      : answer === 'each-own-node' ? { cpu: reqA.cpu - 250, memory: reqB.memory - 512 }
      : rng.pick([{ cpu: sum.cpu + 500, memory: sum.memory - 512 }, { cpu: sum.cpu - 250, memory: sum.memory + 1024 }]);
    const nodes = [
      { name: nA, cpu: reqA.cpu + rng.pick([250, 500, 1000]), memory: reqA.memory + rng.pick([256, 512]) },
      { name: nB, cpu: reqB.cpu + rng.pick([100, 250]), memory: reqB.memory + rng.pick([256, 512, 1024]) },
      { name: nC, ...third },
    ].sort((x, y) => x.name.localeCompare(y.name));
    const together = answer !== 'each-own-node';
    const fits = nodesFitting([reqA, reqB], nodes);
    const layout = together ? `${code(a)} and ${code(b.name)} are two containers of one pod.` : `${code(a)} and ${code(b.name)} run in two separate pods.`;
    const gib = (mi: number): string => `${mi / 1024} GiB`;
    const options: DraftOption[] = [
      { label: 'Pending: no node has room for both containers at once', correct: answer === 'pending', why: together ? `${nC} has room for the sum of both requests.` : 'Separate pods each need room only for their own container.' },
      { label: `Both containers on ${nC}`, correct: answer === 'one-node', why: together ? `${nC} has no room for the sum of both requests.` : 'Separate pods are placed one by one, each where it fits.' },
      { label: `${a.name} on ${nA}, ${b.name} on ${nB}`, correct: answer === 'each-own-node', why: 'Containers of one pod always share a node.' },
      { label: `${a.name} on ${nC}, ${b.name} on ${nB}`, correct: false, why: together ? 'One pod never spans two nodes.' : `${a.name} needs ${reqA.cpu}m CPU, and ${nC} has ${third.cpu}m free.` },
    ];
    return {
      template: this.id,
      prompt: `${layout} ${a.name} requests ${reqA.cpu}m CPU and ${gib(reqA.memory)}; ${b.name} requests ${reqB.cpu}m CPU and ${gib(reqB.memory)}. The nodes have this much free. Where do they run?`,
      table: { columns: ['Node', 'Free CPU', 'Free memory'], rows: nodes.map((n) => [n.name, `${n.cpu}m`, gib(n.memory)]) },
      options,
      answerKey: { pending: 'Pending: no node fits the sum', 'one-node': 'On the one node that fits the sum', 'each-own-node': 'Each pod on a node that fits it' }[answer]!,
      rules: ['design/scheduled-as-unit'],
      because: [{ text: together ? `A pod goes to one node with room for the sum, ${sum.cpu}m CPU and ${gib(sum.memory)}: ${fits.length ? `only ${fits[0]} has it` : 'no node has it'}.` : `Separate pods are placed one by one: ${a.name} fits only ${nA}, ${b.name} only ${nB}.` }],
      docUrl: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#how-pods-with-resource-requests-are-scheduled',
    };
  },
};

/** One port space per pod: two containers wanting the same port cannot share one. */
const onePortSpace: SingleTemplate = {
  id: 'same-pod/one-port-space',
  answers: ['clash', 'both-run-localhost', 'both-run-own-ip'],
  make(rng, answer) {
    const [a, b] = rng.sample(['orders-api', 'billing', 'inventory', 'ledger', 'pricing'], 2) as [string, string];
    const pb = answer === 'both-run-localhost' ? 8081 : 8080;
    const layout = answer === 'both-run-own-ip' ? 'run in two separate pods' : 'run as two containers of one pod';
    return {
      template: this.id,
      prompt: `${code(a)} listens on 8080 and ${code(b)} on ${pb}; they ${layout}. What happens when they start?`,
      options: [
        { label: 'One of them fails to bind its port: address already in use', correct: answer === 'clash', why: answer === 'both-run-own-ip' ? 'Each pod has its own IP and port space.' : 'Their ports differ.' },
        { label: `Both run, and ${b} reaches ${a} at localhost:8080`, correct: answer === 'both-run-localhost', why: answer === 'clash' ? 'Only one of them can hold 8080 in the pod\'s one port space.' : 'In separate pods, localhost is each pod\'s own.' },
        { label: 'Both run, each on 8080 of its own pod IP', correct: answer === 'both-run-own-ip', why: 'They share one pod, so one IP and one port space.' },
        { label: 'Kubernetes gives the second one another port, so both run', correct: false, why: 'Kubernetes never remaps a container\'s port.' },
      ],
      answerKey: { clash: 'Address already in use', 'both-run-localhost': 'Both run, reachable on localhost', 'both-run-own-ip': 'Both run, each on its own pod IP' }[answer]!,
      rules: answer === 'both-run-own-ip' ? ['sharing/port-space', 'design/network-only'] : ['sharing/port-space'],
      because: [{ text: answer === 'both-run-own-ip' ? 'Each pod has its own IP and port space, so both can use 8080.' : answer === 'clash' ? 'A pod has one IP and one port space: whichever binds 8080 second fails.' : 'Their ports differ, and one pod shares one network namespace, so localhost reaches both.' }],
      docUrl: `${PODS}#pod-networking`,
    };
  },
};

/** A new image for one container: what else starts again? */
const rolloutEffect: SingleTemplate = {
  id: 'same-pod/rollout-effect',
  answers: ['pod-replaced', 'container-only', 'untouched'],
  make(rng, answer) {
    const app = apiSide(rng);
    const side = rng.pick([{ name: 'envoy', from: 'v1.30.4', to: 'v1.31.0', image: 'envoyproxy/envoy' }, { name: 'fluent-bit', from: '3.0', to: '3.1', image: 'fluent/fluent-bit' }]);
    const layout = {
      'pod-replaced': `${code(app)} and ${code(side.name)} are containers of one pod in a Deployment. You change ${side.name}'s image in the Deployment`,
      'container-only': `${code(app)} and ${code(side.name)} are containers of a bare Pod, made by no controller. You patch the Pod, changing ${side.name}'s image`,
      untouched: `${code(side.name)} runs in its own Deployment, apart from ${code(app)}. You change ${side.name}'s image in its Deployment`,
    }[answer]!;
    return {
      template: this.id,
      prompt: `${layout} from ${side.image}:${side.from} to :${side.to}. What happens to ${code(app)}?`,
      options: [
        { label: `It is replaced too: new pods start with both containers`, correct: answer === 'pod-replaced', why: answer === 'container-only' ? 'No controller replaces a bare Pod; the kubelet updates it in place.' : `${app.name} is not in that Deployment's pods.` },
        { label: `It keeps running: only ${side.name}'s container restarts, in place`, correct: answer === 'container-only', why: answer === 'untouched' ? `${side.name} is not in ${app.name}'s pod at all.` : 'A Deployment never patches a running pod: it replaces it.' },
        { label: 'It keeps running: it is not in the pods that change', correct: answer === 'untouched', why: `${app.name} shares the pod that changes.` },
        { label: 'It restarts in place, after the new image is pulled', correct: false, why: 'Nothing changed in its own container spec.' },
      ],
      answerKey: { 'pod-replaced': 'Replaced with the pod', 'container-only': 'Keeps running; one container restarts', untouched: 'Untouched' }[answer]!,
      rules: answer === 'container-only' ? ['design/image-in-place'] : answer === 'pod-replaced' ? ['design/pod-replaced-whole'] : ['design/shared-fate'],
      because: [{ text: {
        'pod-replaced': 'A changed pod template makes the Deployment replace its pods, every container with them.',
        'container-only': 'A Pod\'s image can be changed in place; the kubelet restarts just that container.',
        untouched: 'Only the pods of the changed Deployment are replaced.',
      }[answer]! }],
      docUrl: `${PODS}#pod-update-and-replacement`,
    };
  },
};

/** A node is drained: who moves with whom? */
const drainEffect: SingleTemplate = {
  id: 'same-pod/drain-effect',
  answers: ['moves-together', 'evicted-separately', 'unaffected'],
  make(rng, answer) {
    const app = apiSide(rng);
    const b = rng.pick(['redis', 'memcached', 'envoy']);
    const suffix = (): string => Array.from({ length: 5 }, () => rng.pick([...'bcdfghjklmnpqrstvwxz2456789'])).join('');
    const rows = answer === 'moves-together'
      ? [[`${app.name}-${suffix()}`, 'node-1', `${app.name}, ${b}`]]
      : [[`${app.name}-${suffix()}`, 'node-1', app.name], [`${b}-${suffix()}`, answer === 'unaffected' ? 'node-2' : 'node-1', b]];
    return {
      template: this.id,
      prompt: `${rows.length === 1 ? 'The pod is made by a Deployment' : 'Both are made by Deployments'}. You run kubectl drain node-1. What happens to ${code(b)}?`,
      table: { columns: ['Pod', 'Node', 'Containers'], rows },
      options: [
        { label: `Evicted with ${app.name}; both start again in one new pod`, correct: answer === 'moves-together', why: `${b} is in a pod of its own.` },
        { label: 'Evicted too; its new pod is placed on its own, maybe elsewhere', correct: answer === 'evicted-separately', why: answer === 'unaffected' ? `${b}'s pod is not on node-1.` : `${b} is a container of ${app.name}'s pod: they move as one.` },
        { label: `It keeps running where it is`, correct: answer === 'unaffected', why: `${b}'s pod runs on node-1, which is being drained.` },
        { label: `It stays on node-1 while ${app.name} moves`, correct: false, why: 'A drained node keeps no evictable pods, and a pod\'s containers never split.' },
      ],
      answerKey: { 'moves-together': 'Moves with the pod', 'evicted-separately': 'Evicted, rescheduled on its own', unaffected: 'Keeps running' }[answer]!,
      rules: ['design/shared-fate'],
      because: [{ text: {
        'moves-together': 'Containers of one pod are evicted and scheduled as one unit.',
        'evicted-separately': `${b} has its own pod on node-1: it is evicted too, but scheduled on its own, not necessarily next to ${app.name}.`,
        unaffected: `${b}'s pod runs on node-2; draining node-1 evicts only the pods there.`,
      }[answer]! }],
      docUrl: answer === 'moves-together' ? `${PODS}#how-pods-manage-multiple-containers` : 'https://kubernetes.io/docs/tasks/administer-cluster/safely-drain-node/#use-kubectl-drain-to-remove-a-node-from-service',
    };
  },
};

export const mediumTemplates: readonly SingleTemplate[] = [
  verdictSituation, decidingFact, yamlReview, addressDecides, schedulingSum, onePortSpace, rolloutEffect, drainEffect,
];


// Easy same-pod templates: one rule, stated in the prompt (the pair's need is said plainly).
import { podDesign, type DesignReason } from '../model/pod-design.ts';
import type { RuleId } from '../model/rules/index.ts';
import { createRng, type Rng } from '../random.ts';
import { APART, TOGETHER, apiSide, code, type Pair, type PairMaker } from './same-pod-pairs.ts';
import { BECAUSE, FOLKLORE, REASON_DOC, REASON_LABEL, REASON_RULE, REASONS, folkloreFor, verdictOptions, type Folklore } from './same-pod-words.ts';
import type { DraftOption, SingleTemplate } from './single-draft.ts';

const table = (p: Pair) => ({ columns: ['Container', 'Image'], rows: [[p.a.name, p.a.image], [p.b.name, p.b.image]] });

/** Pair makers whose verdict is decided by this reason (a pair's needs do not depend on the draw). */
export function pairsFor(reason: DesignReason): PairMaker[] {
  const probe = createRng('same-pod:probe');
  return Object.values({ ...TOGETHER, ...APART }).filter((m) => podDesign(m(probe).needs).reason === reason);
}

const verdictStated: SingleTemplate = {
  id: 'same-pod/verdict-stated',
  answers: REASONS,
  make(rng, answer) {
    const reason = answer as DesignReason;
    const p = rng.pick(pairsFor(reason))(rng);
    return {
      template: this.id,
      prompt: `${p.stated} Should ${code(p.a)} and ${code(p.b)} run in one pod or in separate pods, and why?`,
      table: table(p),
      options: verdictOptions(rng, p.needs, null),
      answerKey: REASON_LABEL[reason],
      rules: [REASON_RULE[reason]],
      because: [{ text: BECAUSE[reason] }],
      docUrl: REASON_DOC[reason],
    };
  },
};

const SPLIT_BREAKS: Record<string, { reasons: DesignReason[]; label: string; wrong: string }> = {
  localhost: { reasons: ['shares-localhost'], label: 'They no longer share localhost', wrong: 'They never relied on localhost.' },
  files: { reasons: ['shares-volume'], label: 'They can no longer use the same emptyDir', wrong: 'They share no files.' },
  memory: { reasons: ['shares-ipc'], label: 'Their shared memory no longer connects them', wrong: 'They use no shared memory.' },
  nothing: { reasons: ['network-only'], label: 'Nothing: they already talk through a Service', wrong: 'They rely on more than a Service.' },
};

const splitBreaks: SingleTemplate = {
  id: 'same-pod/split-breaks',
  answers: Object.keys(SPLIT_BREAKS),
  make(rng, answer) {
    const reason = SPLIT_BREAKS[answer]!.reasons[0]!;
    const p = rng.pick(pairsFor(reason))(rng);
    return {
      template: this.id,
      prompt: `${code(p.a)} and ${code(p.b)} run in one pod today. ${p.stated} You move ${code(p.b)} into a pod of its own. What stops working?`,
      table: table(p),
      options: Object.entries(SPLIT_BREAKS).map(([k, v]) => ({ label: v.label, correct: k === answer, why: v.wrong })),
      answerKey: SPLIT_BREAKS[answer]!.label,
      rules: [REASON_RULE[reason]],
      because: [{ text: reason === 'network-only' ? 'A Service reaches a pod wherever it runs, so splitting them breaks nothing.' : `${BECAUSE[reason]} In separate pods that is gone.` }],
      docUrl: REASON_DOC[reason],
    };
  },
};

const COUPLINGS: readonly DesignReason[] = ['shares-localhost', 'shares-volume', 'shares-ipc'];
const SHORT: Record<DesignReason, string> = {
  'shares-localhost': 'They must reach each other on localhost', 'shares-volume': 'They share files through an emptyDir',
  'shares-ipc': 'They exchange data through shared memory', 'scales-independently': 'Each must scale to its own replica count',
  'serves-many': 'One instance must serve every replica', 'separate-lifecycle': 'Each is released or run on its own',
  'network-only': 'They only talk through a Service',
};

/** Which need keeps this pair together? One of the three things a pod shares. */
const whyTogether: SingleTemplate = {
  id: 'same-pod/why-together',
  answers: COUPLINGS,
  make(rng, answer) {
    const reason = answer as DesignReason;
    const p = rng.pick(pairsFor(reason))(rng);
    const folk = folkloreFor(rng, true, true);
    return {
      template: this.id,
      prompt: `${p.stated} They run in one pod. Which need keeps them there?`,
      table: table(p),
      options: [
        ...COUPLINGS.map((r) => ({ label: SHORT[r], correct: r === reason, why: `That is not how these two work together.` })),
        { label: FOLKLORE[folk].label.replace(/^One pod: /, '').replace(/^./, (c) => c.toUpperCase()), correct: false, why: FOLKLORE[folk].rebuttal },
      ],
      answerKey: SHORT[reason],
      rules: [REASON_RULE[reason]],
      because: [{ text: BECAUSE[reason] }],
      docUrl: REASON_DOC[reason],
    };
  },
};

const SPLITS: readonly DesignReason[] = ['scales-independently', 'serves-many', 'separate-lifecycle'];

/** Which need keeps this pair apart? */
const whyApart: SingleTemplate = {
  id: 'same-pod/why-apart',
  answers: SPLITS,
  make(rng, answer) {
    const reason = answer as DesignReason;
    const p = rng.pick(pairsFor(reason))(rng);
    // Many-to-one and scaling apart overlap (ten copies against one store do scale to their own counts, and three
    // database pods serve every web copy), so neither is offered beside the other: a second misconception stands in.
    const splits = SPLITS.filter((r) => r === reason || reason === 'separate-lifecycle' || r === 'separate-lifecycle');
    const apartFolklore = (Object.keys(FOLKLORE) as Folklore[]).filter((f) => !FOLKLORE[f].together);
    const folks = rng.sample(apartFolklore, 4 - splits.length);
    return {
      template: this.id,
      prompt: `${p.stated} They run in separate pods. Which need makes that necessary?`,
      table: table(p),
      options: [
        ...splits.map((r) => ({ label: SHORT[r], correct: r === reason, why: 'Nothing in the prompt asks for that.' })),
        ...folks.map((folk) => ({ label: FOLKLORE[folk].label.replace(/^Separate pods: /, '').replace(/^./, (c) => c.toUpperCase()), correct: false, why: FOLKLORE[folk].rebuttal })),
      ],
      answerKey: SHORT[reason],
      rules: [REASON_RULE[reason]],
      because: [{ text: BECAUSE[reason] }],
      docUrl: REASON_DOC[reason],
    };
  },
};

const gistOf = (rng: Rng, m: PairMaker): Pair => m(rng);

/** Which of four pairs belongs in one pod? The classic yeses against the classic nos. */
const pickTogether: SingleTemplate = {
  id: 'same-pod/pick-together',
  answers: Object.keys(TOGETHER),
  make(rng, answer) {
    const right = gistOf(rng, TOGETHER[answer]!);
    const wrong = rng.sample(Object.values(APART), 3).map((m) => gistOf(rng, m));
    const reason = podDesign(right.needs).reason;
    return {
      template: this.id,
      prompt: 'Which pair of containers belongs in one pod?',
      options: [
        { label: capital(right.gist), correct: true, why: '' },
        ...wrong.map((w) => ({ label: capital(w.gist), correct: false, why: `${capital(w.gist)}: ${BECAUSE[podDesign(w.needs).reason].charAt(0).toLowerCase()}${BECAUSE[podDesign(w.needs).reason].slice(1)}` })),
      ],
      answerKey: right.pattern,
      rules: [REASON_RULE[reason]],
      because: [{ text: `${capital(right.gist)}: ${BECAUSE[reason].charAt(0).toLowerCase()}${BECAUSE[reason].slice(1)}` }],
      docUrl: REASON_DOC[reason],
    };
  },
};

/** Which of four pairs must run in separate pods? */
const pickApart: SingleTemplate = {
  id: 'same-pod/pick-apart',
  answers: Object.keys(APART),
  make(rng, answer) {
    const right = gistOf(rng, APART[answer]!);
    const wrong = rng.sample(Object.values(TOGETHER), 3).map((m) => gistOf(rng, m));
    const reason = podDesign(right.needs).reason;
    return {
      template: this.id,
      prompt: 'Which pair of containers should run in separate pods?',
      options: [
        { label: capital(right.gist), correct: true, why: '' },
        ...wrong.map((w) => ({ label: capital(w.gist), correct: false, why: `${capital(w.gist)} belong together. ${BECAUSE[podDesign(w.needs).reason]}` })),
      ],
      answerKey: right.pattern,
      rules: [REASON_RULE[reason]],
      because: [{ text: `${capital(right.gist)}: ${BECAUSE[reason].charAt(0).toLowerCase()}${BECAUSE[reason].slice(1)}` }],
      docUrl: REASON_DOC[reason],
    };
  },
};

// The descriptions say how each helper works, never the need's own words, so the key is not the one option that
// repeats the prompt (review H 4: "Git repository" → "keeps a Git checkout").
const HELPERS: Record<string, { does: string; need: (app: string) => string; reason: DesignReason }> = {
  envoy: { does: 'a proxy the app\'s calls pass through', need: (a) => `${a} must get mutual TLS and retries on every outbound call, with no change to its code.`, reason: 'shares-localhost' },
  'fluent-bit': { does: 'tails files and forwards the lines', need: (a) => `${a} writes its logs only to files under /var/log/app, and they must reach OpenSearch.`, reason: 'shares-volume' },
  'cloud-sql-proxy': { does: 'a local tunnel to a managed database', need: (a) => `${a} must reach its managed Postgres on Google Cloud, signing in with its IAM service account rather than a password.`, reason: 'shares-localhost' },
  'git-sync': { does: 'pulls a repository into a volume, over and over', need: (a) => `${a} must serve the docs site as it is on the main branch, at most a minute after each push.`, reason: 'shares-volume' },
  'vault-agent': { does: 'writes secrets to files and renews them', need: (a) => `${a} needs its database credentials as a file, issued by the platform team's secrets server and renewed before they expire.`, reason: 'shares-volume' },
  'nginx-prometheus-exporter': { does: 'reads a status page, serves it as metrics', need: () => 'Prometheus must scrape this nginx\'s connection and request counts, which nginx shows only on its stub_status page.', reason: 'shares-localhost' },
};
const helperLabel = (k: string): string => `${k} (${HELPERS[k]!.does})`;

/** Which helper goes into the app's pod for this need? */
const helperForNeed: SingleTemplate = {
  id: 'same-pod/helper-for-need',
  answers: Object.keys(HELPERS),
  make(rng, answer) {
    const app = answer === 'nginx-prometheus-exporter' || answer === 'git-sync' ? 'nginx' : apiSide(rng).name;
    const h = HELPERS[answer]!;
    const others = rng.sample(Object.keys(HELPERS).filter((k) => k !== answer), 3);
    const how = h.reason === 'shares-localhost' ? 'on localhost' : 'through a shared emptyDir';
    return {
      template: this.id,
      prompt: `${h.need(code(app))} Which container do you add to ${code(app)}'s pod?`,
      options: [answer, ...others].map((k) => ({ label: helperLabel(k), correct: k === answer, why: `${k} ${HELPERS[k]!.does}, which is not this need.` })),
      answerKey: answer,
      rules: [REASON_RULE[h.reason]],
      because: [{ text: `${answer} ${h.does}, working with ${app} ${how}; one per instance, so it shares the pod.` }],
      docUrl: REASON_DOC[h.reason],
    };
  },
};

/** Which address does one container use to reach another, given where they run? */
const addressToUse: SingleTemplate = {
  id: 'same-pod/address-to-use',
  answers: ['localhost', 'service', 'service-namespace'],
  make(rng, answer) {
    const a = apiSide(rng);
    const b = rng.pick([{ name: 'web' }, { name: 'worker' }, { name: 'gateway' }]).name;
    const svc = a.name;
    const [nsA, nsB] = answer === 'service-namespace' ? rng.sample(['shop', 'payments', 'platform', 'data'], 2) as [string, string] : ['shop', 'shop'];
    const layout = answer === 'localhost'
      ? `${code(b)} and ${code(a)} are containers of one pod; no Service selects it.`
      : `${code(b)} runs in namespace ${nsB}; ${code(a)} runs in its own pods in namespace ${nsA}, behind a Service named ${svc}.`;
    const podIp: DraftOption = { label: `${a.name}'s pod IP, from kubectl get pod -o wide`, correct: false, why: 'A pod IP changes whenever the pod is replaced; only the Service name stays.' };
    const nodeIp: DraftOption = { label: 'The node\'s IP, port 8080', correct: false, why: 'Nothing publishes port 8080 on the node.' };
    const local: DraftOption = { label: 'localhost:8080', correct: answer === 'localhost', why: `${b} and ${a.name} are in different pods, and each pod has its own localhost.` };
    const bare: DraftOption = { label: `http://${svc}:8080`, correct: answer === 'service', why: answer === 'localhost' ? 'No Service selects that pod.' : `A bare Service name resolves in ${b}'s own namespace, ${nsB}.` };
    const qualified: DraftOption = { label: `http://${svc}.${nsA}:8080`, correct: answer === 'service-namespace', why: 'No Service selects that pod.' };
    const container: DraftOption = { label: `http://${a.name}-container:8080`, correct: false, why: 'Container names are not DNS names.' };
    const options = answer === 'localhost' ? [local, bare, nodeIp, container] : answer === 'service' ? [local, bare, podIp, container] : [local, bare, qualified, podIp];
    const rules: RuleId[] = answer === 'localhost' ? ['sharing/network-namespace'] : ['design/service-dns'];
    const because = answer === 'localhost' ? 'Containers of one pod share its network namespace: localhost reaches the other container.'
      : answer === 'service' ? `From the same namespace the Service's bare name, ${svc}, resolves to it.` : `From another namespace the name needs the namespace: ${svc}.${nsA}.`;
    return {
      template: this.id,
      prompt: `${layout} ${code(a)} listens on 8080${answer === 'localhost' ? '' : ', and the Service exposes port 8080'}. Which address does ${code(b)} use to reach it?`,
      options,
      answerKey: { localhost: 'localhost:<port>', service: 'http://<service>:<port>', 'service-namespace': 'http://<service>.<namespace>:<port>' }[answer]!,
      rules,
      because: [{ text: because }],
      docUrl: answer === 'localhost' ? 'https://kubernetes.io/docs/concepts/workloads/pods/#pod-networking' : 'https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#namespaces-of-services',
    };
  },
};

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const easyTemplates: readonly SingleTemplate[] = [
  verdictStated, splitBreaks, whyTogether, whyApart, pickTogether, pickApart, helperForNeed, addressToUse,
];

// probe-choice, easy, about the checks themselves: how one check counts, which documented endpoint a probe should
// call, and which mechanism suits an app. One rule each, stated or plain to see.
import type { Rng } from '../random.ts';
import { checkOutcome, type CheckResponse } from '../model/probe-checks.ts';
import type { ProbeHandler } from '../model/probes.ts';
import { appName, documentedEndpoints, httpHandler, probeStores, withEndpoints, type ProbeApp } from './probe-apps.ts';
import { docs, pickFrom, unexpected, type ChoiceTemplate } from './probe-choice-kit.ts';
import { appContainer, responseText } from './probe-choice-scenes.ts';
import { podYaml } from './probe-yaml.ts';

function checkCase(rng: Rng, answer: 'check-passes' | 'check-fails' | 'check-times-out', kind: 'livenessProbe' | 'readinessProbe', timeout: number) {
  const late = (t: number): number => t + rng.pick([0.5, 1.5, 2.5]);
  // An answer in time is often slower than the 1 s default, so the spec's timeoutSeconds decides, not a guess.
  const slowButInTime = [1.2, 1.5, 1.8, 2.5, 3.5].filter((x) => x < timeout);
  const inTime = slowButInTime.length > 0 && rng.chance(0.7) ? rng.pick(slowButInTime) : rng.pick([0.1, 0.2, 0.4]);
  const fast = inTime;
  const cases: { handler: (a: ProbeApp) => ProbeHandler; apps: ProbeApp[]; response: CheckResponse }[] = [];
  const http = withEndpoints('live', 'ready');
  const exec = probeStores.filter((s) => s.execCheck);
  const grpc = probeStores.filter((s) => s.grpcHealthPort);
  const tcp = probeStores.filter((s) => !s.execCheck && !s.grpcHealthPort);
  const httpCase = (status: number, after: number) => ({ handler: (a: ProbeApp) => httpHandler(kind === 'readinessProbe' ? a.ready! : a.live!), apps: http, response: { kind: 'http' as const, status, afterSeconds: after } });
  const execCase = (exitCode: number, after: number) => ({ handler: (a: ProbeApp) => ({ type: 'exec' as const, command: a.execCheck! }), apps: exec, response: { kind: 'exec' as const, exitCode, afterSeconds: after } });
  const grpcCase = (status: 'SERVING' | 'NOT_SERVING', after: number) => ({ handler: (a: ProbeApp) => ({ type: 'grpc' as const, port: a.grpcHealthPort! }), apps: grpc, response: { kind: 'grpc' as const, status, afterSeconds: after } });
  const tcpCase = (accepts: boolean) => ({ handler: (a: ProbeApp) => ({ type: 'tcpSocket' as const, port: a.servePort }), apps: [...tcp, ...exec], response: { kind: 'tcp' as const, accepts } });
  if (answer === 'check-passes') cases.push(httpCase(rng.pick([200, 204]), fast), execCase(0, fast), grpcCase('SERVING', fast), tcpCase(true));
  if (answer === 'check-fails') cases.push(httpCase(rng.pick([404, 500, 503]), fast), execCase(1, fast), grpcCase('NOT_SERVING', fast), tcpCase(false));
  if (answer === 'check-times-out') cases.push(httpCase(200, late(timeout)), execCase(0, late(timeout)), grpcCase('SERVING', late(timeout)));
  return rng.pick(cases);
}

const checkOutcomeTemplate: ChoiceTemplate = {
  id: 'probe-choice/check-outcome',
  options: ['check-passes', 'check-fails', 'check-times-out', 'check-unknown'],
  answers: ['check-passes', 'check-fails', 'check-times-out'],
  build(rng, answer) {
    if (answer !== 'check-passes' && answer !== 'check-fails' && answer !== 'check-times-out') return unexpected(this.id, answer);
    const kind = rng.pick(['livenessProbe', 'readinessProbe'] as const);
    const timeoutSeconds = rng.int(1, 4);
    const c = checkCase(rng, answer, kind, timeoutSeconds);
    const app = rng.pick(c.apps);
    const spec = { handler: c.handler(app), timeoutSeconds, periodSeconds: 10 };
    const outcome = checkOutcome(spec.handler.type, spec, c.response);
    const expected = { 'check-passes': 'pass', 'check-fails': 'fail', 'check-times-out': 'timeout' }[answer];
    if (outcome !== expected) throw new Error(`model says ${outcome}, drawn ${answer}`);
    const took = responseSeconds(c.response);
    const slowInTime = answer !== 'check-times-out' && took > 1;
    const why = answer === 'check-times-out'
      ? `The answer came after ${took} s, past timeoutSeconds (${timeoutSeconds}): a check with no answer in time counts as a failure, whatever it would have said.`
      : `${slowInTime ? `${took} s is within timeoutSeconds (${timeoutSeconds}), so the answer counts. ` : ''}${mechanismWhy(c.response, answer === 'check-passes')}`;
    return {
      prompt: `The kubelet runs the check below on ${appName(app)}: ${responseText(c.response, spec.handler)}. How does this check count?`,
      yaml: podYaml({ containers: [appContainer(app, { [kind]: spec })] }),
      lines: [{ text: why, tags: answer === 'check-times-out' ? [`${kind}.timeoutSeconds`] : slowInTime ? [`${kind}.handler`, `${kind}.timeoutSeconds`] : [`${kind}.handler`] }],
      whyNot: {
        'check-unknown': 'Unknown is only for a check the kubelet could not run at all.',
        ...(answer !== 'check-times-out' ? {
          'check-times-out': took === 0 ? 'The port answered at once, well within timeoutSeconds.'
            : slowInTime ? `${took} s is within timeoutSeconds, ${timeoutSeconds} s here; the 1 s default does not apply.` : `The answer came after ${took} s, within timeoutSeconds.`,
        } : {}),
      },
      rules: [answer === 'check-times-out' ? 'probes/timeout-fails' : 'probes/check-mechanisms'],
      docUrl: answer === 'check-times-out' ? docs.configure : docs.mechanisms,
    };
  },
};

const responseSeconds = (r: CheckResponse): number => (r.kind === 'tcp' ? 0 : r.afterSeconds);

function mechanismWhy(r: CheckResponse, passes: boolean): string {
  switch (r.kind) {
    case 'http':
      return `An httpGet check passes on a status from 200 to 399 in time; ${r.status} is ${passes ? 'inside' : 'outside'} that range.`;
    case 'exec':
      return `An exec check passes only when the command exits with code 0; here it exited with ${r.exitCode}.`;
    case 'grpc':
      return `A grpc check passes only on the status SERVING; here the health service said ${r.status}.`;
    case 'tcp':
      return `A tcpSocket check passes when the port accepts the connection and fails when it is refused.`;
  }
}

/** Metrics endpoints the catalogue's software serves: answered with 200 whatever the health of the app. */
const metricsEndpoints: readonly { what: string; path: string; port: number }[] = [
  { what: 'The Linkerd proxy', path: '/metrics', port: 4191 },
  { what: 'The Istio proxy', path: '/stats/prometheus', port: 15020 },
  { what: 'Envoy', path: '/stats/prometheus', port: 9901 },
];

const vendorEndpoint: ChoiceTemplate = {
  id: 'probe-choice/vendor-endpoint',
  options: ['startupProbe', 'livenessProbe', 'readinessProbe', 'no-probe-metrics'],
  answers: ['startupProbe', 'livenessProbe', 'readinessProbe', 'no-probe-metrics'],
  build(rng, answer) {
    if (answer === 'no-probe-metrics') {
      const m = rng.pick(metricsEndpoints);
      return {
        prompt: `${m.what} serves ${m.path} on port ${m.port}, which exposes Prometheus metrics: request counts, latencies, memory use. Which probe should call it?`,
        yaml: null,
        lines: [{ text: 'It reports numbers for a scraper, not health: it answers 200 whether the proxy works or not, so a probe would learn nothing from it.' }],
        whyNot: { livenessProbe: 'A metrics page answers 200 even when the proxy is broken, so the check would always pass.', readinessProbe: 'A metrics page answers 200 even when the proxy cannot route, so the check would always pass.' },
        rules: ['probes/check-mechanisms'],
        docUrl: docs.mechanisms,
      };
    }
    const key = answer === 'startupProbe' ? 'started' : answer === 'livenessProbe' ? 'live' : answer === 'readinessProbe' ? 'ready' : null;
    if (key === null) return unexpected(this.id, answer);
    const app = rng.pick(documentedEndpoints.filter((a) => a[key] !== undefined));
    const e = app[key]!;
    const lines = {
      started: 'It says whether the app has finished starting: the startupProbe’s question, and liveness waits until it passes.',
      live: 'It fails only when the process itself is broken, which a restart fixes: that is a livenessProbe’s job.',
      ready: 'It says whether the app can serve right now: a readinessProbe keeps traffic away meanwhile, without a restart.',
    };
    return {
      prompt: `${/^an? /.test(app.what) ? `The ${app.name} service, ${app.what},` : app.what} serves ${e.path} on port ${e.port}, which ${e.means}. Which probe should call it?`,
      yaml: null,
      lines: [{ text: lines[key] }],
      whyNot: {
        livenessProbe: key === 'ready' ? `On a livenessProbe it would restart the app whenever ${app.dependency} is unavailable.` : 'A livenessProbe runs from the start and could kill a slow boot.',
        'no-probe-metrics': 'It is the vendor’s health endpoint, made for probes.',
      },
      rules: [key === 'started' ? 'probes/startup-gates' : key === 'live' ? 'probes/liveness-restarts' : 'probes/readiness-endpoints'],
      docUrl: key === 'started' ? docs.whenStartup : key === 'live' ? docs.whenLiveness : docs.whenReadiness,
    };
  },
};

const handlerForApp: ChoiceTemplate = {
  id: 'probe-choice/handler-for-app',
  options: ['httpGet', 'grpc', 'exec', 'tcpSocket'],
  answers: ['httpGet', 'grpc', 'exec', 'tcpSocket'],
  build(rng, answer) {
    const facts: Record<string, () => { app: ProbeApp; text: string; why: string }> = {
      httpGet: () => {
        const app = rng.pick(withEndpoints('live'));
        return { app, text: `It serves HTTP on port ${app.live!.port}, where ${app.live!.path} ${app.live!.means}.`, why: 'The app has an HTTP health path made for this: an httpGet check reads its status code.' };
      },
      grpc: () => {
        const app = pickFrom(rng, probeStores.filter((s) => s.grpcHealthPort), 'gRPC app');
        return { app, text: `It serves only gRPC on port ${app.grpcHealthPort}, no HTTP, and implements the standard gRPC health checking service there; its image is distroless.`, why: 'A grpc check calls the standard gRPC health service and passes on SERVING; there is no HTTP to check.' };
      },
      exec: () => {
        const app = pickFrom(rng, probeStores.filter((s) => s.execCheck), 'exec app');
        return { app, text: `It speaks its own protocol on port ${app.servePort}, and its image ships \`${app.execCheck!.join(' ')}\`, which exits 0 only when the server answers.`, why: `An exec check runs \`${app.execCheck!.join(' ')}\` in the container: it asks the server itself, where a tcpSocket check only sees the port open.` };
      },
      tcpSocket: () => {
        const app = pickFrom(rng, probeStores.filter((s) => !s.execCheck && !s.grpcHealthPort), 'TCP app');
        return { app, text: `It speaks only its own text protocol on port ${app.servePort}; it has no HTTP or gRPC endpoint, and its image ships no client tool.`, why: 'With no HTTP, no gRPC and no tool to run, the one check left is a tcpSocket check: the port accepts connections.' };
      },
    };
    const make = facts[answer];
    if (!make) return unexpected(this.id, answer);
    const f = make();
    const noTool = answer === 'grpc' || answer === 'tcpSocket';
    return {
      prompt: `Which check suits a livenessProbe for ${appName(f.app)} (${f.app.image})? ${f.text}`,
      yaml: null,
      lines: [{ text: f.why }],
      whyNot: {
        httpGet: 'It serves no HTTP health path, so an httpGet check would always fail.',
        tcpSocket: 'A tcpSocket check only sees the port accept a connection, not whether the app answers.',
        grpc: 'It serves no gRPC health service.',
        exec: noTool ? 'Its image ships no check tool to run.' : 'The app already offers a check made for probes; no command needs to run inside it.',
      },
      rules: ['probes/check-mechanisms'],
      docUrl: docs.mechanisms,
    };
  },
};


export const easyCheckTemplates: readonly ChoiceTemplate[] = [checkOutcomeTemplate, vendorEndpoint, handlerForApp];

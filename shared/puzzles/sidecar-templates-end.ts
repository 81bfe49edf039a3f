// Easy and medium sidecar-lifecycle questions about running and ending: a Job whose main container finishes, a helper
// that exits, and the shutdown order. A helper may be a native sidecar or, the old way, a second app container: the
// YAML shows which, and the model (podEnds, podPhase, terminationStages) decides what follows.
import { podEnds, terminationStages } from '../model/sidecars.ts';
import { podPhase } from '../model/pod-phase.ts';
import { containerShouldRestart } from '../model/restart-policy.ts';
import type { ContainerSnapshot, RestartPolicy } from '../model/pod-types.ts';
import { ruleInfo, type RuleId } from '../model/rules/index.ts';
import { software } from '../model/software.ts';
import type { Rng } from '../random.ts';
import { code, helpers, inits, jobSteps, meshFirstNote, podYaml, service, type Box } from './sidecar-cast.ts';
import { checked, optionsOf, type Ask, type Template } from './sidecar-ask.ts';

/** The line that says why the mesh proxy is the first sidecar, when it is and others follow. */
export const withMeshNote = (yaml: string): string[] => { const note = meshFirstNote(yaml); return note ? [`${note}.`] : []; };

const doc = (rules: readonly RuleId[]): string => ruleInfo(rules[rules.length - 1]!).docUrl;
const failure = (rng: Rng): number => rng.pick([1, 2, 137]);

/** The phase once nothing runs or will restart: podIsTerminal, a native sidecar stopped with 143 by the kubelet. */
function endPhase(policy: RestartPolicy, regulars: ContainerSnapshot[], native: Box | null): string {
  const sidecars: ContainerSnapshot[] = native ? [{ name: native.name, restartPolicy: 'Always', state: 'terminated', exitCode: 143 }] : [];
  return podPhase({ restartPolicy: policy, podIsTerminal: true, initContainers: sidecars, containers: regulars });
}

// ── A Job's main container exits ───────────────────────────────────────────────────────────────

const JOB_LABELS = {
  succeeded: (n: { M: string; H: string }) => `The pod ends Succeeded; the kubelet stops ${n.H}`,
  failed: (n: { M: string; H: string }) => `The pod ends Failed; the kubelet stops ${n.H}`,
  'main-restarts': (n: { M: string; H: string }) => `${n.M} is restarted; ${n.H} keeps running`,
  'runs-on': (n: { M: string; H: string }) => `The pod stays Running while ${n.H} runs: the Job never completes`,
};

export const jobEnd: Template = {
  id: 'job-end', levels: ['easy', 'medium'],
  keys: (level) => (level === 'easy' ? ['succeeded', 'failed', 'runs-on'] : ['succeeded', 'failed', 'runs-on', 'main-restarts']),
  make(rng, level, key): Ask {
    const [main] = jobSteps(rng, 1);
    const legacy = key === 'runs-on' || (key === 'main-restarts' && rng.chance(0.5));
    const helper: Box = { ...helpers(rng, 1)[0]!, place: legacy ? 'containers' : 'sidecar' };
    const policy: RestartPolicy = key === 'failed' ? 'Never' : key === 'main-restarts' ? 'OnFailure' : rng.pick(['Never', 'OnFailure']);
    const exit = key === 'failed' || key === 'main-restarts' || (key === 'runs-on' && policy === 'Never' && rng.chance(0.4)) ? failure(rng) : 0;
    const mainNow: ContainerSnapshot = { name: main!.name, state: 'terminated', exitCode: exit };
    const regulars = legacy ? [mainNow, { name: helper.name, state: 'running' as const }] : [mainNow];
    const got = !podEnds(regulars, policy)
      ? (containerShouldRestart(mainNow, policy, exit) ? 'main-restarts' : 'runs-on')
      : endPhase(policy, regulars, legacy ? null : helper) === 'Succeeded' ? 'succeeded' : 'failed';
    checked(key, got, 'job-end');
    const M = code(main!.name);
    const H = code(helper.name);
    const { options, answerKey } = optionsOf(JOB_LABELS, { M, H }, { M: '<main>', H: '<helper>' }, key);
    const why = {
      succeeded: `No regular container runs or will restart, so the kubelet ends the pod and stops the native sidecar ${H} instead of restarting it. ${M} exited 0: Succeeded.`,
      failed: `No regular container runs or will restart (restartPolicy Never), so the kubelet ends the pod and stops ${H}. ${M} exited ${exit}: Failed; the sidecar's own exit code is ignored.`,
      'main-restarts': `Under restartPolicy OnFailure, exit code ${exit} means ${M} runs again, so the pod is not over and ${H} keeps running beside it.`,
      'runs-on': `${H} is listed in containers, not as a native sidecar: to the kubelet it is an app container, and the pod is over only once it exits too. As a native sidecar it would be stopped.`,
    }[key]!;
    const rules: RuleId[] = key === 'runs-on' ? ['sidecars/legacy-sidecar'] : key === 'failed' ? ['sidecars/exit-ignored', 'sidecars/job-completes'] : ['sidecars/job-completes'];
    return {
      format: 'single', template: 'sidecar-lifecycle/job-end', key, options, answerKey, rules, why: [why], docUrl: doc(rules),
      prompt: `This is a Job's pod. ${M} exits with code ${exit} while ${H} is still running. What happens next?`,
      yaml: podYaml(policy, helper.place === 'sidecar' ? [helper, main!] : [main!, helper]),
    };
  },
};

// ── A helper exits ─────────────────────────────────────────────────────────────────────────────

const EXIT_LABELS = {
  'restarted-running': (n: { H: string }) => `The kubelet restarts ${n.H}; the pod stays Running`,
  // "Right after" and "now": under Never a helper's failed exit decides the pod's end, but only once the main
  // container is done too, so "ends Failed" alone would be true of a pod that is still Running.
  'stopped-running': (n: { H: string }) => `${n.H} stays stopped; the pod is still Running`,
  'stopped-succeeded': (n: { H: string }) => `${n.H} stays stopped; the pod is Succeeded now`,
  'stopped-failed': (n: { H: string }) => `${n.H} stays stopped; the pod is Failed now`,
};

export const helperExits: Template = {
  id: 'helper-exits', levels: ['easy', 'medium'],
  keys: (level) => (level === 'easy' ? ['restarted-running', 'stopped-running', 'stopped-succeeded'] : Object.keys(EXIT_LABELS)),
  make(rng, _level, key): Ask {
    const [main] = jobSteps(rng, 1);
    const native = key === 'restarted-running' && rng.chance(0.7);
    const helper: Box = { ...helpers(rng, 1)[0]!, place: native ? 'sidecar' : 'containers' };
    const policy: RestartPolicy = key === 'stopped-failed' ? 'Never' : key === 'restarted-running' && !native ? 'OnFailure' : rng.pick(['Never', 'OnFailure']);
    const mainDone = key === 'stopped-succeeded' || key === 'stopped-failed';
    const exit = key === 'stopped-succeeded' || (key === 'stopped-running' && policy === 'OnFailure') ? 0 : failure(rng);
    const mainNow: ContainerSnapshot = mainDone ? { name: main!.name, state: 'terminated', exitCode: 0 } : { name: main!.name, state: 'running' };
    const helperNow: ContainerSnapshot = { name: helper.name, state: 'terminated', exitCode: exit };
    let got: string;
    if (native) got = podEnds([mainNow], policy) ? 'stopped-running' : 'restarted-running';
    else if (containerShouldRestart(helperNow, policy, exit)) got = 'restarted-running';
    else if (!mainDone) got = 'stopped-running';
    else got = podPhase({ restartPolicy: policy, initContainers: [], containers: [mainNow, helperNow] }) === 'Succeeded' ? 'stopped-succeeded' : 'stopped-failed';
    checked(key, got, 'helper-exits');
    const H = code(helper.name);
    const M = code(main!.name);
    const { options, answerKey } = optionsOf(EXIT_LABELS, { H }, { H: '<helper>' }, key);
    const placed = `${H} is listed in containers, so restartPolicy ${policy} applies to it as to any app container`;
    const why = native
      ? `${H} is a native sidecar: the kubelet restarts it whenever it exits, whatever the pod's restartPolicy (${policy}), as long as the pod is not ending.`
      : key === 'restarted-running' ? `${placed}: exit ${exit} is restarted.`
        : key === 'stopped-running' ? `${placed}: exit ${exit} is not restarted. ${M} still runs, so the pod stays Running${exit !== 0 ? `; once ${M} exits it will end Failed, since ${H} exited ${exit}` : ''}.`
          : `${placed}: exit ${exit} is not restarted. Nothing runs or will restart any more, so the pod ends ${key === 'stopped-succeeded' ? 'Succeeded: every container exited 0' : `Failed: ${H} exited ${exit}`}.`;
    const rules: RuleId[] = native ? ['sidecars/always-restarted'] : ['sidecars/legacy-sidecar'];
    return {
      format: 'single', template: 'sidecar-lifecycle/helper-exits', key, options, answerKey, rules, why: [why],
      docUrl: native ? doc(rules) : 'https://kubernetes.io/docs/concepts/workloads/pods/container-restarts/#pod-level-container-restart-policy',
      prompt: `A Job's pod: ${M} ${mainDone ? 'has already exited with code 0' : 'is running'}. Now ${H} ${exit === 137 ? 'is OOM-killed (exit code 137)' : `exits with code ${exit}${exit === 0 ? ' (it was told to quit)' : ' (it crashed)'}`}. What happens, and what phase is the pod in right after?`,
      yaml: podYaml(policy, native ? [helper, main!] : [main!, helper]),
    };
  },
};

// ── Shutdown order ─────────────────────────────────────────────────────────────────────────────

function shutdownCast(rng: Rng, apps: number, sidecars: number, legacy: boolean): { init: Box[]; containers: Box[] } {
  const side = helpers(rng, sidecars + (legacy ? 1 : 0));
  const inHelpers = side.slice(0, sidecars);
  const init = rng.shuffle([...inHelpers, ...(rng.chance(0.5) ? inits(rng, 1) : [])]);
  // A second app container is the classic one: nginx in front of the service, never a second service.
  const mains = [service(rng), ...(apps > 1 ? [{ name: 'nginx', image: software('nginx').image, place: 'containers' as const }] : [])];
  const containers = [...mains, ...(legacy ? [{ ...side[sidecars]!, place: 'containers' as const }] : [])];
  return { init, containers };
}

const stagesOf = (init: readonly Box[], containers: readonly Box[]): string[][] =>
  terminationStages(init.map((b) => (b.place === 'sidecar' ? { name: b.name, restartPolicy: 'Always' as const } : { name: b.name })), containers.map((b) => b.name));

function stopNotes(init: readonly Box[], containers: readonly Box[], stages: string[][]): string[] {
  const legacy = containers.filter((b) => b.place === 'containers' && b.id !== undefined);
  const first = `${stages[0]!.map(code).join(' and ')} ${stages[0]!.length > 1 ? 'get' : 'gets'} SIGTERM first${legacy.length ? `; ${code(legacy[0]!.name)} is in containers, so it goes with them` : ''}`;
  return [first, ...stages.slice(1).map((stage, i) => i === 0
    ? `${code(stage[0]!)} waits until every app container has exited: it is the last sidecar listed`
    : `${code(stage[0]!)} waits for ${code(stages[i]![0]!)}, listed after it: sidecars stop in reverse order`)];
}

export const stopOrder: Template = {
  id: 'stop-order', levels: ['easy', 'medium'],
  keys: () => [''],
  make(rng, level): Ask {
    const { init, containers } = shutdownCast(rng, level === 'easy' ? 1 : rng.int(1, 2), 2, level === 'medium' && rng.chance(0.4));
    const stages = stagesOf(init, containers);
    const legacy = containers.some((b) => b.id !== undefined);
    const rules: RuleId[] = legacy ? ['sidecars/termination-order', 'sidecars/legacy-sidecar'] : ['sidecars/termination-order'];
    const running = stages.flat();
    return {
      format: 'order', template: 'sidecar-lifecycle/stop-order', rules, docUrl: doc(['sidecars/termination-order']),
      prompt: 'The pod is deleted. Put its running containers in the order they get SIGTERM, first to last (containers signalled together may go in either order).',
      yaml: podYaml(null, [...init, ...containers]),
      stages, labels: Object.fromEntries(running.map((n) => [n, n])), stageNotes: stopNotes(init, containers, stages),
      why: ['App containers get SIGTERM first; each sidecar waits until all of them have exited, then the sidecars stop in reverse spec order.', ...withMeshNote(podYaml(null, [...init, ...containers]))],
    };
  },
};

// ── When does X get SIGTERM? ───────────────────────────────────────────────────────────────────

const SIGTERM_LABELS = {
  'at-once': () => 'Right away, together with the app containers',
  'after-apps': () => 'Once every app container has exited',
  'after-later': (n: { Y: string }) => `Once ${n.Y} has exited`,
  grace: () => 'Only when the grace period has run out',
};

export const sigtermWhen: Template = {
  id: 'sigterm-when', levels: ['easy', 'medium'],
  keys: () => ['at-once', 'after-apps', 'after-later'],
  make(rng, level, key): Ask {
    const { init, containers } = shutdownCast(rng, level === 'easy' ? 1 : rng.int(1, 2), level === 'easy' ? 2 : 3, key === 'at-once' && (level === 'medium' || rng.chance(0.5)));
    const stages = stagesOf(init, containers);
    const sidecarOrder = init.filter((b) => b.place === 'sidecar').map((b) => b.name);
    const target = key === 'at-once' ? rng.pick(stages[0]!) : key === 'after-apps' ? sidecarOrder.at(-1)! : rng.pick(sidecarOrder.slice(0, -1));
    const at = stages.findIndex((s) => s.includes(target));
    const got = at === 0 ? 'at-once' : at === 1 ? 'after-apps' : 'after-later';
    checked(key, got, 'sigterm-when');
    const later = sidecarOrder[sidecarOrder.indexOf(target) + 1];
    const Y = code(later ?? sidecarOrder.find((n) => n !== target) ?? sidecarOrder[0]!);
    const X = code(target);
    const { options, answerKey } = optionsOf(SIGTERM_LABELS, { Y }, { Y: '<sidecar>' }, key);
    const legacy = containers.find((b) => b.name === target && b.id !== undefined);
    const why = {
      'at-once': legacy
        ? `${X} is listed in containers, not as a native sidecar: it is an app container to the kubelet and gets SIGTERM at once, with the others.`
        : `${X} is an app container: app containers get SIGTERM as soon as the pod is deleted (after their own preStop hooks, if any).`,
      'after-apps': `${X} is the last sidecar listed: sidecars wait until every app container has exited, and stop in reverse order, so it goes first of them.`,
      'after-later': `Sidecars stop in reverse spec order, once the app containers are gone: ${X} waits until ${Y}, listed after it, has exited.`,
    }[key]!;
    const rules: RuleId[] = legacy ? ['sidecars/termination-order', 'sidecars/legacy-sidecar'] : ['sidecars/termination-order'];
    return {
      format: 'single', template: 'sidecar-lifecycle/sigterm-when', key, options, answerKey, rules, why: [why], docUrl: doc(['sidecars/termination-order']),
      prompt: `The pod is deleted. When does ${X} get SIGTERM?`,
      yaml: podYaml(null, [...init, ...containers]),
    };
  },
};

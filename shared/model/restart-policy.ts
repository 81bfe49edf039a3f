import type { ContainerSnapshot, RestartPolicy } from './pod-types.ts';

/** The policy that governs a container: its own (ContainerRestartRules, beta since 1.35), else the pod's. */
export function effectiveRestartPolicy(container: ContainerSnapshot, podPolicy: RestartPolicy): RestartPolicy {
  return container.restartPolicy ?? podPolicy;
}

/** podutil.ContainerShouldRestart: would the kubelet restart this container after it exited with this code? */
export function containerShouldRestart(
  container: ContainerSnapshot,
  podPolicy: RestartPolicy,
  exitCode: number,
): boolean {
  switch (effectiveRestartPolicy(container, podPolicy)) {
    case 'Always':
      return true;
    case 'OnFailure':
      return exitCode !== 0;
    case 'Never':
      return false;
  }
}

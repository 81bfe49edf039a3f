// Rules of init containers: docs/rules/init.md explains each one in our words, with the upstream code and docs.
import { defineArea } from './rule.ts';

const DOC = 'https://kubernetes.io/docs/concepts/workloads/pods/init-containers/';

export const initRules = defineArea('init', {
  'one-at-a-time': {
    title: 'Init containers run one at a time, in spec order; each must exit 0 before the next starts',
    anchor: 'one-at-a-time', docUrl: `${DOC}#understanding-init-containers`,
  },
  'before-app-containers': {
    title: 'App containers start only once every init container has completed',
    anchor: 'before-app-containers', docUrl: `${DOC}#detailed-behavior`,
  },
  'volume-handoff': {
    title: 'An init container hands files to the app only through a volume both of them mount',
    anchor: 'volume-handoff', docUrl: `${DOC}#differences-from-sidecar-containers`,
  },
  'failure-retried': {
    title: 'A failed init container is restarted alone, with back-off, unless restartPolicy is Never',
    anchor: 'failure-retried', docUrl: `${DOC}#detailed-behavior`,
  },
  'failure-never-fails-pod': {
    title: 'With restartPolicy Never, a failed init container fails the whole pod',
    anchor: 'failure-never-fails-pod', docUrl: `${DOC}#understanding-init-containers`,
  },
  'not-rerun': {
    title: 'Finished init containers do not run again when an app container restarts, only when the sandbox is recreated',
    anchor: 'not-rerun', docUrl: `${DOC}#pod-restart-reasons`,
  },
});

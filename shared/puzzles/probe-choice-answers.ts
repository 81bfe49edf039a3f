// Every answer a probe-choice puzzle can offer, as the player reads it: no instance names, so the label is also the
// puzzle's answerKey. Templates offer four of these; the pod or the scenario decides which one is right.

export const choiceLabels = {
  // which probe
  startupProbe: 'startupProbe',
  livenessProbe: 'livenessProbe',
  readinessProbe: 'readinessProbe',
  'no-probe-exit': 'No probe: the kubelet restarts a process that exits',
  'no-probe-metrics': 'None: it is not a health check',
  // what the kubelet does
  'restarts-container': 'The kubelet restarts the container',
  'leaves-endpoints': 'The pod leaves the Service endpoints; nothing restarts',
  'nothing-unprobed': 'Nothing: no probe calls that path',
  'restarts-pod': 'The kubelet deletes the pod and creates a new one',
  'out-and-restart': 'It leaves the endpoints, and the container restarts',
  // which probes fail on one path: named by the probes, since a liveness restart also takes the pod out of the
  // endpoints while the container is down, so "leaves the endpoints and restarts" alone would fit two answers
  'liveness-fails': 'Only liveness fails: the kubelet restarts the container',
  'readiness-fails': 'Only readiness fails: it leaves the endpoints, no restart',
  'both-fail': 'Both probes fail: it leaves the endpoints and restarts',
  'nothing-yet': 'Nothing yet: too few failures in a row',
  'killed-stays-stopped': 'The kubelet kills the container and leaves it stopped',
  'nothing-startup-done': 'Nothing: the startupProbe stopped after its first pass',
  'stays-stopped': 'Nothing: the restart policy leaves it stopped',
  'nothing-looks-healthy': 'Nothing: without probes it still counts as healthy',
  // traffic right after start
  'traffic-at-once': 'Yes: with no readinessProbe it is ready once running',
  'after-readiness-pass': 'No: not until its readinessProbe passes',
  'after-startup-pass': 'No: not until its startupProbe passes',
  'liveness-success': 'Yes: liveness starts as Success, so it is ready',
  'after-startup-then-readiness': 'No: not until its startupProbe and readinessProbe pass',
  // one check
  'check-passes': 'It passes',
  'check-fails': 'It fails: an answer in time, but a failing one',
  'check-times-out': 'It fails: no answer within timeoutSeconds',
  'check-unknown': 'Unknown: the kubelet takes no action',
  // mechanisms
  httpGet: 'httpGet',
  grpc: 'grpc',
  exec: 'exec',
  tcpSocket: 'tcpSocket',
  // which acts first
  'out-then-restart': 'It leaves the endpoints, then the container restarts',
  'restart-first': 'The container restarts before readiness reacts',
  'restart-keeps-traffic': 'The container restarts; the pod never leaves the endpoints',
  // validation
  accepted: 'The API server accepts it as written',
  'reject-success-threshold': 'Rejected: successThreshold must be 1 here',
  'reject-readiness-grace': 'Rejected: readiness cannot set a grace period',
  'reject-below-minimum': 'Rejected: a field is below its minimum',
  // first boot
  boots: 'It boots; the probes give it enough time',
  'liveness-kills-boot': 'The livenessProbe kills it before it has booted',
  'startup-kills-boot': 'The startupProbe gives up and kills it mid-boot',
  'readiness-kills-boot': 'The readinessProbe kills it before it has booted',
  // hard: design fixes and outcomes
  'move-check-to-readiness': 'Move the dependency check from liveness to readiness',
  'nothing-to-change': 'Nothing: replicas leave the endpoints, none restarts',
  'add-readiness-deps': 'Add a readinessProbe that runs the dependency check',
  'add-deps-to-liveness': 'Add the dependency check to the livenessProbe',
  'add-startup': 'Add a startupProbe with a budget for the boot',
  'raise-startup-threshold': 'Raise the startupProbe’s failureThreshold',
  'nothing-boot-covered': 'Nothing: these probes already fit the boot',
  'replace-delay': 'Replace the long initialDelaySeconds with a startupProbe',
  'add-liveness': 'Add a livenessProbe: readiness never restarts anything',
  'tcp-to-http': 'Check over HTTP: an open port passes a tcpSocket check',
  'exec-file': 'Check the app itself: a file written at start proves nothing',
  'shorter-tcp-timeout': 'Give the tcpSocket check a shorter timeoutSeconds',
  'longer-exec-timeout': 'Give the file check a longer timeoutSeconds',
  'lower-readiness-threshold': 'Lower the readinessProbe’s failureThreshold',
  'out-and-back': 'It leaves the endpoints and returns after; nothing restarts',
  'liveness-kills-rebuild': 'The livenessProbe kills it in the middle of the task',
  'serves-503': 'It keeps getting traffic and answers 503',
  'restart-once': 'It restarts once, then carries on',
  'nothing-visible': 'Nothing: it recovers before either probe acts',
  'out-briefly': 'It leaves the endpoints for a while; nothing restarts',
  'nothing-within-timeout': 'Nothing: every answer comes within timeoutSeconds',
  'timeouts-below-threshold': 'Checks time out, but too few in a row to act',
  'restarts-under-load': 'The livenessProbe restarts it in the middle of the peak',
  'in-endpoints': 'Running and in the endpoints; nothing has happened',
  'app-restarts': 'The app container restarts; the proxy keeps running',
  'proxy-restarts': 'The proxy restarts; the app container keeps running',
  'pod-out-no-restart': 'The whole pod leaves the endpoints; nothing restarts',
} as const;

export type ChoiceId = keyof typeof choiceLabels;

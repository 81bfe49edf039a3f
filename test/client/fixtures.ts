// Hand-made puzzle views, one per format, so widget tests need no puzzle kind.
import type { MultiView, NumberView, OrderView, SingleView } from '../../shared/puzzles/kind.ts';

export const singleView: SingleView = {
  kind: 'fixture-single',
  format: 'single',
  prompt: 'Which phase does the pod report?',
  options: [
    { id: 'p', label: 'Pending' },
    { id: 'r', label: 'Running' },
    { id: 's', label: 'Succeeded' },
    { id: 'f', label: 'Failed' },
  ],
};

export const multiView: MultiView = {
  kind: 'fixture-multi',
  format: 'multi',
  prompt: 'Which namespaces do the containers share?',
  options: [
    { id: 'net', label: 'Network' },
    { id: 'ipc', label: 'IPC' },
    { id: 'pid', label: 'PID' },
  ],
};

export const orderView: OrderView = {
  kind: 'fixture-order',
  format: 'order',
  prompt: 'In which order do these containers start?',
  items: [
    { id: 'app', label: 'app' },
    { id: 'migrate', label: 'migrate' },
    { id: 'wait-db', label: 'wait-db' },
  ],
};

export const numberView: NumberView = {
  kind: 'fixture-number',
  format: 'number',
  prompt: 'When is the first liveness probe?',
  unit: 'seconds',
  code: { language: 'yaml', text: 'livenessProbe:\n  initialDelaySeconds: 15' },
  table: { columns: ['NAME', 'READY', 'STATUS'], rows: [['web', '0/1', 'Running']] },
};

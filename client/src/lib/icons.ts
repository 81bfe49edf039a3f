// Inline SVG icons (24×24, drawn with currentColor), so they render the same on every machine: font glyphs such as
// 🔒 or ⠿ show as empty boxes where no font has them (a plain Debian machine has only DejaVu).

/** Each icon is a list of SVG elements: [tag, attributes]. Strokes unless the attributes say `fill`. */
type Shape = readonly [tag: 'path' | 'circle' | 'rect' | 'polyline' | 'polygon' | 'line', attrs: Record<string, string | number>];

export const icons = {
  check: [['polyline', { points: '4,12.5 9.5,18 20,6.5' }]],
  cross: [['line', { x1: 6, y1: 6, x2: 18, y2: 18 }], ['line', { x1: 18, y1: 6, x2: 6, y2: 18 }]],
  partial: [['circle', { cx: 12, cy: 12, r: 8 }], ['path', { d: 'M12 4a8 8 0 0 1 0 16z', fill: 'currentColor' }]],
  dash: [['line', { x1: 6, y1: 12, x2: 18, y2: 12 }]],
  up: [['polygon', { points: '12,5 20,18 4,18', fill: 'currentColor' }]],
  down: [['polygon', { points: '12,19 4,6 20,6', fill: 'currentColor' }]],
  star: [['polygon', { points: '12,3 14.6,9 21,9.3 16,13.4 17.7,20 12,16.4 6.3,20 8,13.4 3,9.3 9.4,9', fill: 'currentColor' }]],
  same: [['line', { x1: 5, y1: 9, x2: 19, y2: 9 }], ['line', { x1: 5, y1: 15, x2: 19, y2: 15 }]],
  grip: [
    ['circle', { cx: 9, cy: 6, r: 1.6, fill: 'currentColor' }], ['circle', { cx: 15, cy: 6, r: 1.6, fill: 'currentColor' }],
    ['circle', { cx: 9, cy: 12, r: 1.6, fill: 'currentColor' }], ['circle', { cx: 15, cy: 12, r: 1.6, fill: 'currentColor' }],
    ['circle', { cx: 9, cy: 18, r: 1.6, fill: 'currentColor' }], ['circle', { cx: 15, cy: 18, r: 1.6, fill: 'currentColor' }],
  ],
  lock: [['rect', { x: 5, y: 11, width: 14, height: 9, rx: 2 }], ['path', { d: 'M8 11V8a4 4 0 0 1 8 0v3' }]],
  unlock: [['rect', { x: 5, y: 11, width: 14, height: 9, rx: 2 }], ['path', { d: 'M8 11V8a4 4 0 0 1 7.5-2' }]],
  box: [['rect', { x: 4, y: 4, width: 16, height: 16, rx: 3 }]],
  boxChecked: [['rect', { x: 4, y: 4, width: 16, height: 16, rx: 3 }], ['polyline', { points: '8,12.5 11,15.5 16.5,9' }]],
  external: [['path', { d: 'M14 4h6v6' }], ['line', { x1: 20, y1: 4, x2: 11, y2: 13 }], ['path', { d: 'M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5' }]],
  back: [['line', { x1: 20, y1: 12, x2: 5, y2: 12 }], ['polyline', { points: '11,6 5,12 11,18' }]],
  next: [['line', { x1: 4, y1: 12, x2: 19, y2: 12 }], ['polyline', { points: '13,6 19,12 13,18' }]],
  pause: [['rect', { x: 6, y: 5, width: 4, height: 14, rx: 1, fill: 'currentColor' }], ['rect', { x: 14, y: 5, width: 4, height: 14, rx: 1, fill: 'currentColor' }]],
  play: [['polygon', { points: '7,4.5 19.5,12 7,19.5', fill: 'currentColor' }]],
  sound: [
    ['polygon', { points: '4,9 8,9 13,5 13,19 8,15 4,15', fill: 'currentColor' }],
    ['path', { d: 'M16 9a4 4 0 0 1 0 6' }], ['path', { d: 'M18.5 6.5a7.5 7.5 0 0 1 0 11' }],
  ],
  muted: [
    ['polygon', { points: '4,9 8,9 13,5 13,19 8,15 4,15', fill: 'currentColor' }],
    ['line', { x1: 16, y1: 9, x2: 22, y2: 15 }], ['line', { x1: 22, y1: 9, x2: 16, y2: 15 }],
  ],
  users: [['circle', { cx: 9, cy: 8, r: 3.5 }], ['path', { d: 'M2.5 20a6.5 6.5 0 0 1 13 0' }], ['path', { d: 'M16 4.6a3.5 3.5 0 0 1 0 6.8M18 14a6.5 6.5 0 0 1 3.5 6' }]],
  restart: [['path', { d: 'M19 12a7 7 0 1 1-2.05-4.95' }], ['polyline', { points: '19,4 19,8 15,8' }]],
  start: [['circle', { cx: 12, cy: 12, r: 7, fill: 'currentColor' }]],
  stop: [['rect', { x: 6, y: 6, width: 12, height: 12, rx: 1.5, fill: 'currentColor' }]],
  wait: [['circle', { cx: 12, cy: 12, r: 8 }], ['polyline', { points: '12,7 12,12 15.5,14' }]],
  ready: [['circle', { cx: 12, cy: 12, r: 9, fill: 'currentColor' }], ['polyline', { points: '7.5,12.5 10.5,15.5 16.5,9', stroke: 'var(--icon-knockout, #0b1220)' }]],
  remove: [['line', { x1: 7, y1: 7, x2: 17, y2: 17 }], ['line', { x1: 17, y1: 7, x2: 7, y2: 17 }]],
} as const satisfies Record<string, readonly Shape[]>;

export type IconName = keyof typeof icons;

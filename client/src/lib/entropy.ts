// The browser's entropy for solo practice. shared/ takes seeds as strings; here they come from crypto.getRandomValues.
import type { Entropy } from './practice.ts';

function randomUint32(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
}

export const browserEntropy: Entropy = {
  random: () => randomUint32() / 2 ** 32,
  newSeed: () => [randomUint32(), randomUint32()].map((n) => n.toString(36)).join('-'),
};

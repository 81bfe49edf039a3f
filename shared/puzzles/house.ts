// Our fictional company's own services, as the catalogue lists them (shared/model/software.ts): a container named
// after the app, running its image at a drawn version.
import { houseApp, houseImage, houseRuntime } from '../model/software.ts';
import type { Rng } from '../random.ts';

export interface HouseSide { name: string; image: string; port: number; shell: boolean; base: string }

export const version = (rng: Rng): string => `${rng.int(1, 4)}.${rng.int(0, 12)}.${rng.int(0, 9)}`;

export function house(rng: Rng, name: string): HouseSide {
  const app = houseApp(name);
  return { name, image: houseImage(app, version(rng)), port: app.port, shell: houseRuntime(app).shell, base: app.base };
}

// A QR code of the join URL, made here in the browser (no outside service), as one SVG path of dark modules.
// The qrcode package is imported on demand, so only the host's bundle carries it.

export interface ModuleGrid {
  size: number;
  get(row: number, col: number): number | boolean;
}

export interface QrShape {
  /** Modules per side, quiet zone included. */
  size: number;
  path: string;
}

/** The quiet zone the QR standard asks for, in modules. */
export const quietZone = 4;

export function qrPath(grid: ModuleGrid): QrShape {
  const parts: string[] = [];
  for (let row = 0; row < grid.size; row++) {
    for (let col = 0; col < grid.size; col++) {
      if (grid.get(row, col)) parts.push(`M${col + quietZone} ${row + quietZone}h1v1h-1z`);
    }
  }
  return { size: grid.size + 2 * quietZone, path: parts.join('') };
}

export async function qrFor(text: string): Promise<QrShape> {
  const { create } = await import('qrcode');
  return qrPath(create(text, { errorCorrectionLevel: 'M' }).modules);
}

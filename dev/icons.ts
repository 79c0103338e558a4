import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { projectRoot } from './projectRoot';

/**
 * Draws Kanalkoll's Teams icons (`npm run icons`): a speech bubble with a check mark, a channel
 * that is checked. The colour icon is 192×192 on the accent colour; the outline icon is 32×32,
 * white on transparent, as Teams requires.
 */
type Rgba = readonly [number, number, number, number];
const accent: Rgba = [0x0b, 0x4f, 0x8a, 255];
const white: Rgba = [255, 255, 255, 255];
const clear: Rgba = [0, 0, 0, 0];

/** Shape tests in unit coordinates (0..1): is this point inside the bubble, or on the check mark? */
function inBubble(x: number, y: number): boolean {
  const [left, top, right, bottom, r] = [0.16, 0.18, 0.84, 0.7, 0.12];
  const cx = Math.min(Math.max(x, left + r), right - r);
  const cy = Math.min(Math.max(y, top + r), bottom - r);
  const inBody = (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  // The tail: a triangle below the bubble's left side.
  const inTail = y >= bottom - 0.01 && y <= 0.86 && x >= 0.28 && x <= 0.28 + (0.86 - y) * 1.1 && x <= 0.46;
  return inBody || inTail;
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

const onCheck = (x: number, y: number, width: number) =>
  Math.min(distanceToSegment(x, y, 0.33, 0.45, 0.45, 0.57), distanceToSegment(x, y, 0.45, 0.57, 0.67, 0.33)) <= width;

/** Renders with 4×4 supersampling so the edges are smooth. */
function draw(size: number, pixel: (x: number, y: number) => Rgba): PNG {
  const png = new PNG({ width: size, height: size });
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = pixel((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          // Premultiply so transparent samples do not darken the edges.
          for (let i = 0; i < 3; i++) sum[i]! += (c[i]! * c[3]) / 255;
          sum[3]! += c[3];
        }
      }
      const n = samples * samples;
      const alpha = sum[3]! / n;
      const at = (py * size + px) * 4;
      for (let i = 0; i < 3; i++) png.data[at + i] = alpha > 0 ? Math.round((sum[i]! / n) * (255 / alpha)) : 0;
      png.data[at + 3] = Math.round(alpha);
    }
  }
  return png;
}

export const colorIcon = () => draw(192, (x, y) => (inBubble(x, y) ? (onCheck(x, y, 0.045) ? accent : white) : accent));
export const outlineIcon = () =>
  draw(32, (x, y) => {
    if (onCheck(x, y, 0.065)) return white;
    // The bubble's rim: inside the bubble, but not inside it shrunk by the rim's width.
    const rim = 0.08;
    const inner = inBubble(x - rim, y) && inBubble(x + rim, y) && inBubble(x, y - rim) && inBubble(x, y + rim);
    return inBubble(x, y) && !inner ? white : clear;
  });

if (require.main === module) {
  const dir = path.join(projectRoot(), 'manifest');
  writeFileSync(path.join(dir, 'color.png'), PNG.sync.write(colorIcon()));
  writeFileSync(path.join(dir, 'outline.png'), PNG.sync.write(outlineIcon()));
  console.log(`Drew ${dir}/color.png (192×192) and outline.png (32×32).`);
}

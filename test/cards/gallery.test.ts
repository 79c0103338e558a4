import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { cardSamples, renderGallery } from '../../dev/gallery';

/** Share of pixels dark enough to be text, a border or a button; a blank picture has none. */
function inkShare(png: PNG): number {
  let ink = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const luminance = 0.2126 * png.data[i]! + 0.7152 * png.data[i + 1]! + 0.0722 * png.data[i + 2]!;
    if (luminance < 160) ink++;
  }
  return ink / (png.width * png.height);
}

describe('the card gallery (npm run cards:gallery)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kanalkoll-gallery-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('draws every card template with its sample data, Teams-wide, with no warning from the renderer', async () => {
    const names = cardSamples().map((sample) => sample.name);
    writeFileSync(path.join(dir, 'aRemovedCard.png'), '');

    const files = await renderGallery(dir);

    expect(files.map((file) => path.basename(file, '.png'))).toEqual(names);
    const pictures = files.map((file) => {
      const png = PNG.sync.read(readFileSync(file));
      return { card: path.basename(file, '.png'), width: png.width, height: png.height, ink: inkShare(png) };
    });
    const implausible = pictures.filter(({ width, height, ink }) => width < 480 || width > 1100 || height < 100 || ink < 0.01);
    expect(implausible).toEqual([]);
    const readme = readFileSync(path.join(dir, 'README.md'), 'utf8');
    for (const name of names) expect(readme).toContain(`![${name}](${name}.png)`);
    // Every card is drawn at a phone's width too, with nothing cut off (the drawing fails otherwise).
    for (const name of names) expect([name, PNG.sync.read(readFileSync(path.join(dir, `${name}.phone.png`))).width <= 360]).toEqual([name, true]);
    // Teams' charts are drawn from their data (pictures), not replaced by their fallbacks.
    expect(inkShare(PNG.sync.read(readFileSync(path.join(dir, 'overviewFigures.png'))))).toBeGreaterThan(0.02);
    expect(existsSync(path.join(dir, 'aRemovedCard.png'))).toBe(false);
  });

  it('fails, naming the card, when something on it is cut off at a phone\'s 360 px', async () => {
    const wide = {
      name: 'wide',
      card: { type: 'AdaptiveCard' as const, version: '1.5', body: [{ type: 'ColumnSet', columns: [{ type: 'Column', width: '500px', items: [{ type: 'TextBlock', text: 'En lång rad som inte får plats' }] }] }] },
    };

    await expect(renderGallery(path.join(dir, 'wide'), [wide])).rejects.toThrow(/wide: cut off at 360 px/);
  });

  it('fails, naming the card, when the renderer warns about a card', async () => {
    const broken = { name: 'broken', card: { type: 'AdaptiveCard' as const, version: '1.5', body: [{ type: 'TextBlok', text: 'x' }] } };

    await expect(renderGallery(path.join(dir, 'broken'), [broken])).rejects.toThrow(/^The Adaptive Cards renderer warned about 1 card\(s\):\n {2}broken: /);
  });
});

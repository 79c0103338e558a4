import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { colorIcon, outlineIcon } from '../dev/icons';
import { buildAppPackage, filledManifest, manifestProblems } from '../dev/package';

const settings = {
  botId: '11111111-2222-4333-8444-555555555555',
  teamsAppId: '99999999-2222-4333-8444-555555555555',
  publicBaseUrl: 'https://kanalkoll.example.org',
};

describe('the Teams app package', () => {
  it('has a manifest and an English localisation that are valid against their schemas (offline)', async () => {
    expect(await manifestProblems(filledManifest(settings))).toEqual([]);
  });

  it('the schema check finds what is wrong in a broken manifest', async () => {
    const broken = { ...filledManifest(settings), accentColor: 'blue', bots: [{ scopes: ['everywhere'] }] };

    expect((await manifestProblems(broken as never)).length).toBeGreaterThan(0);
  });

  it('fills in the bot id, the app id and the domain, and carries both icons at their sizes', async () => {
    const zip = await JSZip.loadAsync(await buildAppPackage(settings));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    const icon = async (name: string) => PNG.sync.read(await zip.file(name)!.async('nodebuffer'));

    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'en-us.json', 'manifest.json', 'outline.png']);
    expect(manifest).toMatchObject({ id: settings.teamsAppId, validDomains: ['kanalkoll.example.org'], bots: [{ botId: settings.botId, supportsFiles: true }] });
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(JSON.stringify(manifest)).not.toContain('${{');
    const [color, outline] = [await icon('color.png'), await icon('outline.png')];
    expect([color.width, color.height, outline.width, outline.height]).toEqual([192, 192, 32, 32]);
  });

  it('has an outline icon that is white on transparent, as Teams requires', () => {
    const outline = PNG.sync.read(readFileSync(path.resolve(__dirname, '../manifest/outline.png')));
    const pixels = Array.from({ length: outline.width * outline.height }, (_, i) => outline.data.subarray(i * 4, i * 4 + 4));

    expect(pixels.some((p) => p[3] === 0)).toBe(true);
    expect(pixels.filter((p) => p[3]! > 0).every((p) => p[0] === 255 && p[1] === 255 && p[2] === 255)).toBe(true);
  });

  it('has icons that are what `npm run icons` draws', () => {
    const committed = (name: string) => readFileSync(path.resolve(__dirname, '../manifest', name));

    expect(PNG.sync.write(colorIcon()).equals(committed('color.png'))).toBe(true);
    expect(PNG.sync.write(outlineIcon()).equals(committed('outline.png'))).toBe(true);
  });
});

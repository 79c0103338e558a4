import { build } from 'esbuild';
import JSZip from 'jszip';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { functionEntryFiles } from './functionHost';
import { projectRoot } from './projectRoot';

/**
 * `npm run build:deploy`: the function app as Azure runs it, in deploy/. All function files are
 * bundled with their dependencies into one file (deploy/dist/main.js), so a cold start reads one
 * file instead of thousands in node_modules; `@azure/functions-core` stays external, as the host
 * provides it. deploy/ also gets host.json and a package.json whose `main` is that file, and is
 * zipped as kanalkoll.zip for a zip deployment. The files PDFs need at run time go next to the bundle:
 * the fonts (bot/flows/shared/pdf.ts) and pdfkit's colour profile for PDF/A (pdfkit reads it from
 * `<its dir>/data`).
 */
const root = projectRoot();
const out = path.join(root, 'deploy');

/**
 * Bundles function files with their dependencies into one CommonJS file, as Azure runs it;
 * `@azure/functions-core` stays external, as the host provides it.
 */
export async function bundleFunctions(entries: readonly string[], outfile: string): Promise<void> {
  await build({
    stdin: {
      contents: entries.map((file) => `require(${JSON.stringify(file)});`).join('\n'),
      resolveDir: root,
      sourcefile: 'main.js',
      loader: 'js',
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    external: ['@azure/functions-core'],
    // ES modules in the Azure SDK (storage's CRC64) read import.meta.url, which CommonJS lacks: give it this file's URL.
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__importMetaUrl' },
    sourcemap: 'linked',
    legalComments: 'linked',
    logLevel: 'warning',
  });
}

/** The files PDFs read at run time, as paths relative to the bundle's directory (deploy/dist). */
const pdfAssets = (): { from: string; to: string }[] => [
  ...['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((font) => ({ from: require.resolve(`dejavu-fonts-ttf/ttf/${font}`), to: `fonts/${font}` })),
  { from: path.join(path.dirname(require.resolve('pdfkit')), 'data', 'sRGB_IEC61966_2_1.icc'), to: 'data/sRGB_IEC61966_2_1.icc' },
];

/** Copies what PDFs need next to a bundle in `dir`; returns the paths copied, relative to `dir`. */
export function copyPdfAssets(dir: string): string[] {
  return pdfAssets().map((asset) => {
    mkdirSync(path.dirname(path.join(dir, asset.to)), { recursive: true });
    copyFileSync(asset.from, path.join(dir, asset.to));
    return asset.to;
  });
}

export async function bundle(): Promise<string> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(path.join(out, 'dist'), { recursive: true });
  await bundleFunctions(functionEntryFiles(root, { source: true }), path.join(out, 'dist', 'main.js'));
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  writeFileSync(
    path.join(out, 'package.json'),
    `${JSON.stringify({ name: pkg.name, version: pkg.version, private: true, main: 'dist/main.js', engines: pkg.engines }, null, 2)}\n`,
  );
  copyFileSync(path.join(root, 'host.json'), path.join(out, 'host.json'));
  const assets = copyPdfAssets(path.join(out, 'dist')).map((file) => `dist/${file}`);
  const zip = new JSZip();
  for (const file of ['package.json', 'host.json', 'dist/main.js', 'dist/main.js.map', 'dist/main.js.LEGAL.txt', ...assets]) {
    zip.file(file, readFileSync(path.join(out, file)));
  }
  const zipPath = path.join(root, 'kanalkoll.zip');
  writeFileSync(zipPath, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return zipPath;
}

if (require.main === module) {
  bundle()
    .then((zip) => console.log(`Bundled the function app into deploy/ and ${path.relative(process.cwd(), zip)}.`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}

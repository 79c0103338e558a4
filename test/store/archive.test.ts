import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../bot/config';
import { RecordDiffers } from '../../bot/errors';
import { ArchiveStore, archiveContainer } from '../../bot/store/archive';
import { Blobs } from '../../bot/store/blobs';

const pdf = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`, 'latin1');

/** R4: the archive holds public records: a name written once is never written over, on Azurite as in Azure. */
describe('the archive container is written once (R4)', () => {
  const blobs = new Blobs(loadConfig().storage);
  const archive = new ArchiveStore(blobs);
  const stored = async (name: string) => {
    const blob = blobs.existing(archiveContainer).getBlockBlobClient(name);
    return { bytes: await blob.downloadToBuffer(), etag: (await blob.getProperties()).etag };
  };

  it('R4: a closed account\'s record written again with the same bytes is there already: no error, and the blobs are not written again', async () => {
    const id = randomUUID();
    const files = { pdf: pdf('akt'), json: Buffer.from('{"schemaVersion":1}\n') };
    await archive.putRecord(id, files);
    const before = [await stored(`akt_${id}.json`), await stored(`akt_${id}.pdf`)];

    await archive.putRecord(id, files);

    expect([await stored(`akt_${id}.json`), await stored(`akt_${id}.pdf`)]).toEqual(before);
  });

  it('R4: a record written again with other bytes leaves the archived one as it is, and says which files differ', async () => {
    const id = randomUUID();
    await archive.putRecord(id, { pdf: pdf('första'), json: Buffer.from('{"first":true}\n') });
    const before = [await stored(`akt_${id}.json`), await stored(`akt_${id}.pdf`)];

    const again = archive.putRecord(id, { pdf: pdf('första'), json: Buffer.from('{"first":false}\n') });

    await expect(again).rejects.toThrow(RecordDiffers);
    await expect(again).rejects.toMatchObject({ code: 'record_differs', names: [`akt_${id}.json`] });
    expect([await stored(`akt_${id}.json`), await stored(`akt_${id}.pdf`)]).toEqual(before);
  });

  it('R4: a record whose first try stopped after the JSON gets its PDF from the next try', async () => {
    const id = randomUUID();
    const files = { pdf: pdf('akt'), json: Buffer.from('{"schemaVersion":1}\n') };
    // What a first try that stopped between its two uploads left.
    await (await blobs.container(archiveContainer)).getBlockBlobClient(`akt_${id}.json`).uploadData(files.json);

    await archive.putRecord(id, files);

    expect(await archive.record(id)).toEqual(files);
  });

  it('R15: a snapshot\'s name written again with other bytes is refused, and the first snapshot stays', async () => {
    const name = `${randomUUID()}_2027-H1_${randomUUID()}.pdf`;
    const metadata = { assignmentId: 'a', period: '2027-H1', uploader: 'elin', fileName: 'startsida.pdf', sha256: '0' };
    await archive.put(name, pdf('startsidan'), metadata);

    await expect(archive.put(name, pdf('en annan sida'), metadata)).rejects.toMatchObject({ code: 'record_differs', names: [name] });

    expect(await archive.get(name)).toEqual(pdf('startsidan'));
  });
});

import { createHash, randomUUID } from 'node:crypto';
import { evolve, type Assignment } from '../../bot/domain/assignment';
import { ArchiveStore } from '../../bot/store/archive';
import { Blobs } from '../../bot/store/blobs';
import { AssignmentStore } from '../../bot/store/assignments';
import { users } from '../../dev/roles';
import { accountPlan, eventsTo } from '../support/seed';
import { startFileServer, type FileServer } from '../support/fileServer';
import { startTeams, type TeamsWorld } from '../support/teams';
import { textOf, type TeamsClient } from '../support/teamsClient';

let assignments: AssignmentStore;
let archive: ArchiveStore;
const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 'a'), Buffer.from('\n%%EOF\n')]);

describe('R15: the half-year snapshot uploaded as a PDF in the chat', () => {
  let world: TeamsWorld;
  let elin: TeamsClient;
  let files: FileServer;

  beforeAll(async () => {
    files = await startFileServer();
    world = await startTeams(['employee', 'commschief'], { KANALKOLL_ARCHIVE_AAD_OBJECT_ID: users.commschief.aadObjectId, KANALKOLL_ARCHIVE_MAX_BYTES: '10000' });
    assignments = new AssignmentStore(world.tables);
    archive = new ArchiveStore(new Blobs(world.storage));
    elin = world.client('employee');
  });
  afterAll(async () => {
    await world.close();
    await files.close();
  });

  /** An account of Elin's approved in May 2026: its snapshot for the first half of 2026 is due. */
  async function accountWithArchiveDue(): Promise<string> {
    const id = randomUUID();
    const state = eventsTo(id, accountPlan({ platform: 'Facebook', accountName: `Arkiv ${id.slice(0, 6)}` }), 'active', '2026-05-04T09:00:00+02:00').reduce<Assignment | undefined>(evolve, undefined) as Assignment;
    await assignments.create(state);
    return id;
  }
  const serve = (bytes: Buffer) => files.serve(bytes);

  it('refuses a file that is not a PDF, or is too large, and stores nothing', async () => {
    const id = await accountWithArchiveDue();
    const before = (await assignments.get(id))!.value.revision;
    expect(textOf(await elin.sendFile('startsida.docx', serve(Buffer.from('PK\u0003\u0004 a word file')), 'docx'))).toContain('Det är inte en PDF-fil.');
    expect(textOf(await elin.sendFile('startsida.pdf', serve(Buffer.from('not really a pdf')), 'pdf'))).toContain('Det är inte en PDF-fil.');
    expect(textOf(await elin.sendFile('stor.pdf', serve(Buffer.concat([pdf, Buffer.alloc(20_000)])), 'pdf'))).toContain('Filen är för stor.');
    expect((await assignments.get(id))!.value.revision).toBe(before);
    // Archived another way, so the next test's upload is the only one waiting.
    const task = { assignmentId: id, duty: 'archive', period: '2026-H1', level: '0', due: '2026-07-01', at: '2026-07-01T06:00:00.000Z' };
    expect(textOf(await elin.invoke('duty.archived', { ...task, reference_0: 'KA 2026/99' }))).toContain('är gjord');
  });

  it('stores the PDF with account, half-year, uploader and checksum, ends the duty and hands it to the archive', async () => {
    const id = await accountWithArchiveDue();
    const card = await elin.sendFile('startsida.pdf', serve(pdf), 'pdf');
    expect(textOf(card)).toContain('är arkiverad för första halvåret 2026');
    const state = (await assignments.get(id))!.value as Extract<Assignment, { status: 'active' }>;
    const evidence = state.dutyLog?.evidence?.['archive|2026-H1'];
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    expect(evidence).toMatchObject({ kind: 'snapshot', fileName: 'startsida.pdf', size: pdf.length, sha256 });
    const blobName = evidence?.kind === 'snapshot' ? evidence.blobName : '';
    expect(await archive.metadata(blobName)).toEqual({ assignmentId: id, period: '2026-H1', uploader: users.employee.aadObjectId, fileName: 'startsida.pdf', sha256 });
    expect((await archive.get(blobName))?.equals(pdf)).toBe(true);

    // The archive's card opens the PDF by a link made when pressed: signed, good for 15 minutes, never public.
    const toArchive = world.connector.cardsTo('personal-commschief').map((c) => JSON.stringify(c)).filter((c) => c.includes(sha256));
    expect(toArchive).toHaveLength(1);
    expect(toArchive[0]).toContain(`"verb":"record.snapshot","data":{"name":"${blobName}","opens":"below"}`);
    const opened = JSON.stringify(await world.client('commschief').invoke('record.snapshot', { name: blobName }));
    const link = /"url":"([^"]+)"/.exec(opened)?.[1] ?? '';
    const signed = new URL(link);
    expect([signed.searchParams.get('sp'), signed.searchParams.has('sig')]).toEqual(['r', true]);
    expect(Date.parse(signed.searchParams.get('se') ?? '') - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    const served = await fetch(link);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await served.arrayBuffer()).equals(pdf)).toBe(true);
    // Without the signature, nothing.
    expect((await fetch(link.split('?')[0]!)).ok).toBe(false);
    expect(textOf(await world.client('commschief').invoke('record.snapshot', { name: 'guess_2026-H1_00000000-0000-0000-0000-000000000000.pdf' }))).toContain('Jag hittar inte');
    // "mina konton" shows the last snapshot.
    expect(textOf(await elin.say('mina konton'))).toContain('Senast arkiverad');
  });
});

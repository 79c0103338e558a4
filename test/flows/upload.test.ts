import { createHash, randomUUID } from 'node:crypto';
import { evolve, type Assignment } from '../../bot/domain/assignment';
import { ArchiveStore } from '../../bot/store/archive';
import { Blobs } from '../../bot/store/blobs';
import { AssignmentStore } from '../../bot/store/assignments';
import { users } from '../../dev/roles';
import { accountPlan, eventsTo } from '../support/seed';
import { startFileServer, type FileServer } from '../support/fileServer';
import { isPublicAddress } from '../../bot/flows/duties/download';
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
    world = await startTeams(['employee', 'commschief'], {
      KANALKOLL_ARCHIVE_AAD_OBJECT_ID: users.commschief.aadObjectId,
      KANALKOLL_ARCHIVE_MAX_BYTES: '10000',
      // The stand-in for SharePoint; and a file host whose name resolves to this machine.
      KANALKOLL_TEST_FILE_ORIGIN: files.origin,
      KANALKOLL_FILE_HOSTS: 'localhost',
    });
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

  it('takes a file only from Teams\' file hosts: another host, a redirect or a host inside the network gets one answer that tells nothing, and the other host is never asked', async () => {
    const id = await accountWithArchiveDue();
    const before = (await assignments.get(id))!.value.revision;
    const elsewhere = await startFileServer();
    try {
      const asked = files.requests();
      // Another host (here on this machine), with a PDF or with something else: the same answer.
      const offHost = await elin.sendFile('startsida.pdf', elsewhere.serve(pdf), 'pdf');
      const offHostSecret = await elin.sendFile('startsida.pdf', elsewhere.serve(Buffer.from('hemligt')), 'pdf');
      // The file host answers with a redirect: it is not followed.
      const redirected = await elin.sendFile('startsida.pdf', files.redirect(elsewhere.serve(pdf)), 'pdf');
      // https on a file host whose name resolves to this machine (KANALKOLL_FILE_HOSTS=localhost here): refused before connecting.
      const loopback = await elin.sendFile('startsida.pdf', 'https://localhost/startsida.pdf', 'pdf');

      expect(textOf(offHost)).toContain('Jag tar bara emot filer som du bifogar här i chatten.');
      for (const card of [offHostSecret, redirected, loopback]) expect(card).toEqual(offHost);
      expect(elsewhere.requests()).toBe(0);
      expect(files.requests() - asked).toBe(1);
      expect((await assignments.get(id))!.value.revision).toBe(before);
    } finally {
      await elsewhere.close();
    }
  });
});

describe('the addresses a file is never downloaded from', () => {
  it.each([
    ['127.0.0.1', false], ['10.1.2.3', false], ['172.20.0.1', false], ['192.168.1.1', false], ['169.254.169.254', false], ['100.64.0.1', false], ['0.0.0.0', false],
    ['::1', false], ['::', false], ['fe80::1', false], ['fd00::1', false], ['::ffff:127.0.0.1', false], ['::ffff:10.0.0.1', false],
    ['::7f00:1', false], ['13.107.136.10', true], ['::ffff:13.107.136.10', true], ['2603:1063::1', true],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

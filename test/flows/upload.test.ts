import { createHash, randomUUID } from 'node:crypto';
import { evolve, type Assignment } from '../../bot/domain/assignment';
import { ArchiveStore } from '../../bot/store/archive';
import { Blobs } from '../../bot/store/blobs';
import { AssignmentStore } from '../../bot/store/assignments';
import { users } from '../../dev/roles';
import { accountPlan, eventsTo } from '../support/seed';
import { startFileServer, type FileServer } from '../support/fileServer';
import { isPublicAddress } from '../../bot/flows/duties/download';
import { teamsBytes, teamsCardLimit } from '../support/cardSizes';
import { startTeams, type TeamsWorld } from '../support/teams';
import { actionsOf, inputsOf, textOf, type Card, type TeamsClient } from '../support/teamsClient';

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

  /** Elin's accounts of earlier tests, closed before a test that needs her to have one account only. */
  const opened: string[] = [];
  async function closeEarlierAccounts(): Promise<void> {
    for (const id of opened.splice(0)) {
      const closed = await elin.invoke('account.closeConfirm', { assignmentId: id, finalReference: 'KA 2026/1', closedOnPlatform: 'true', followersPointedToWebsite: 'true' });
      expect(textOf(closed)).toContain('är stängt');
    }
  }
  /** An account of Elin's approved in May 2026: its snapshot for the first half of 2026 is due. */
  async function accountWithArchiveDue(approved = '2026-05-04T09:00:00+02:00'): Promise<string> {
    const id = randomUUID();
    const state = eventsTo(id, accountPlan({ platform: 'Facebook', accountName: `Arkiv ${id.slice(0, 6)}` }), 'active', approved).reduce<Assignment | undefined>(evolve, undefined) as Assignment;
    await assignments.create(state);
    opened.push(id);
    return id;
  }
  /** Her only account, with its snapshot due. */
  async function onlyAccountWithArchiveDue(): Promise<string> {
    await closeEarlierAccounts();
    return accountWithArchiveDue();
  }
  const serve = (bytes: Buffer) => files.serve(bytes);

  it('R15: refuses a file that is not a PDF, or is too large, and stores nothing; the archive\'s reference typed is where the receipt says the snapshot is', async () => {
    const id = await onlyAccountWithArchiveDue();
    const before = (await assignments.get(id))!.value.revision;
    expect(textOf(await elin.sendFile('startsida.docx', serve(Buffer.from('PK\u0003\u0004 a word file')), 'docx'))).toContain('Det är inte en PDF-fil.');
    expect(textOf(await elin.sendFile('startsida.pdf', serve(Buffer.from('not really a pdf')), 'pdf'))).toContain('Det är inte en PDF-fil.');
    expect(textOf(await elin.sendFile('stor.pdf', serve(Buffer.concat([pdf, Buffer.alloc(20_000)])), 'pdf'))).toContain('Filen är för stor.');
    expect((await assignments.get(id))!.value.revision).toBe(before);
    // Sent to the archive directly: the receipt says where it is, by the archive's own reference.
    const task = { assignmentId: id, duty: 'archive', period: '2026-H1', level: '0', due: '2026-07-01', at: '2026-07-01T06:00:00.000Z' };
    const done = textOf(await elin.invoke('duty.archived', { ...task, reference_0: 'KA 2026/99' }));
    expect(done).toContain('är gjord');
    expect(done).toContain('Arkiveringen (första halvåret 2026) är gjord');
    expect(done).toContain('Startsidan finns i kommunarkivet med referensen KA 2026/99.');
  });

  it('R15: stores the PDF with account, half-year, uploader and checksum, ends the duty and hands it to the archive, and says so only when Teams took it', async () => {
    const id = await onlyAccountWithArchiveDue();
    const card = await elin.sendFile('startsida.pdf', serve(pdf), 'pdf');
    expect(textOf(card)).toContain('är sparad för första halvåret 2026');
    expect(textOf(card)).toContain('Den finns i Kanalkoll och har skickats till kommunarkivet.');
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
    const id = await onlyAccountWithArchiveDue();
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

  /** The accounts and half-years the card offers, in its order. */
  const choicesOf = (card: Card): string[] => {
    const set = (card.body as { id?: string; choices?: { value: string }[] }[]).find((element) => element.id === 'target');
    return (set?.choices ?? []).map((c) => c.value);
  };
  const archivedBy = async (id: string) => ((await assignments.get(id))!.value as Extract<Assignment, { status: 'active' }>).dutyLog?.evidence ?? {};

  it('R15: an owner of two accounts chooses which account and half-year the PDF is for: it waits, and is booked to that one on the press, and only then', async () => {
    await closeEarlierAccounts();
    const [first, second] = [await accountWithArchiveDue(), await accountWithArchiveDue()] as [string, string];
    const toArchiveBefore = world.connector.cardsTo('personal-commschief').length;

    const asked = await elin.sendFile('startsida.pdf', serve(pdf), 'pdf');

    expect(textOf(asked)).toContain('Vilket konto är PDF-filen för?');
    // Every half-year waiting on either account, the oldest first, then each one's running half-year; the earliest is chosen.
    const choices = choicesOf(asked);
    expect(choices.slice(0, 2).sort()).toEqual([`${first}|2026-H1`, `${second}|2026-H1`].sort());
    expect(inputsOf(asked).target).toBe(choices[0]);
    // The card carries the file's key, never the file; nothing is booked or archived yet.
    const key = String(actionsOf(asked).find((a) => a.verb === 'duty.upload')?.data.file);
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(asked)).not.toContain(pdf.toString('latin1').slice(0, 40));
    expect([await archivedBy(first), await archivedBy(second)]).toEqual([{}, {}]);
    expect(world.connector.cardsTo('personal-commschief')).toHaveLength(toArchiveBefore);

    // A half-year not offered is asked again; someone else cannot book Elin's file, nor Elin a file not held for her.
    const notOffered = await elin.press(asked, 'Spara för det kontot', { target: `${second}|2030-H1` });
    expect(textOf(notOffered)).toContain('Välj ett konto och ett halvår i listan.');
    expect(textOf(await world.client('commschief').invoke('duty.upload', { file: key, target: `${second}|2026-H1` }))).toContain('Det här kan bara den som ansvarar för kontot göra.');
    expect(textOf(await elin.invoke('duty.upload', { file: randomUUID(), target: `${second}|2026-H1` }))).toContain('Jag hittar inte filen längre.');
    expect([await archivedBy(first), await archivedBy(second)]).toEqual([{}, {}]);

    const booked = await elin.press(asked, 'Spara för det kontot', { target: `${second}|2026-H1` });

    expect(textOf(booked)).toContain(`Startsidan för Arkiv ${second.slice(0, 6)} (Facebook) är sparad för första halvåret 2026.`);
    expect(textOf(booked)).toContain('Den finns i Kanalkoll och har skickats till kommunarkivet.');
    expect(textOf(booked)).toContain('Du har 1 arkivering kvar.');
    expect(await archivedBy(first)).toEqual({});
    const evidence = (await archivedBy(second))['archive|2026-H1'];
    expect(evidence).toMatchObject({ kind: 'snapshot', fileName: 'startsida.pdf', sha256: createHash('sha256').update(pdf).digest('hex') });
    const blobName = evidence?.kind === 'snapshot' ? evidence.blobName : '';
    expect(await archive.metadata(blobName)).toMatchObject({ assignmentId: second, period: '2026-H1', uploader: users.employee.aadObjectId });
    expect(world.connector.cardsTo('personal-commschief').slice(toArchiveBefore).map((c) => JSON.stringify(c)).filter((c) => c.includes(blobName))).toHaveLength(1);
    // The file is booked once: pressed again, it is no longer held.
    expect(textOf(await elin.press(asked, 'Spara för det kontot', { target: `${first}|2026-H1` }))).toContain('Jag hittar inte filen längre.');
    expect(await archivedBy(first)).toEqual({});
  });

  it('R15: with nothing due, an owner of several accounts still sends this half-year\'s snapshot, for the account they choose', async () => {
    await closeEarlierAccounts();
    // Approved in November 2026: no half-year has turned since.
    const [, second] = [await accountWithArchiveDue('2026-11-02T09:00:00+01:00'), await accountWithArchiveDue('2026-11-02T09:00:00+01:00')] as [string, string];

    const asked = await elin.sendFile('startsida.pdf', serve(pdf), 'pdf');
    const chosen = choicesOf(asked).find((c) => c.startsWith(second))!;
    expect(chosen).toBeDefined();
    const booked = await elin.press(asked, 'Spara för det kontot', { target: chosen });

    expect(textOf(booked)).toContain(`Startsidan för Arkiv ${second.slice(0, 6)} (Facebook) är sparad för`);
    expect(Object.keys(await archivedBy(second))).toEqual([`archive|${chosen.split('|')[1]}`]);
  });

  it('R15: the card asking which account stays under Teams\' 40 KB for an owner of 40 accounts with the longest names', async () => {
    await closeEarlierAccounts();
    for (let i = 0; i < 40; i++) {
      const id = randomUUID();
      const name = `${i} ${'Fritidsgårdarna i Botkyrka och Tumba '.repeat(3)}`.slice(0, 100);
      await assignments.create(eventsTo(id, accountPlan({ platform: 'Facebook', accountName: name }), 'active', '2026-05-04T09:00:00+02:00').reduce<Assignment | undefined>(evolve, undefined) as Assignment);
      opened.push(id);
    }

    const asked = await elin.sendFile('startsida.pdf', serve(pdf), 'pdf');

    expect(choicesOf(asked)).toHaveLength(30);
    expect(textOf(asked)).toContain('Här visas de 30 första.');
    expect(teamsBytes(asked)).toBeLessThanOrEqual(teamsCardLimit);
  });
});

describe('R15: the receipt without an archive recipient', () => {
  let world: TeamsWorld;
  let files: FileServer;

  beforeAll(async () => {
    files = await startFileServer();
    world = await startTeams(['employee', 'commschief'], { KANALKOLL_TEST_FILE_ORIGIN: files.origin });
  });
  afterAll(async () => {
    await world.close();
    await files.close();
  });

  it('R15: with no archive recipient set, the receipt says the snapshot is kept in Kanalkoll, never that the municipal archive has it', async () => {
    const id = randomUUID();
    const state = eventsTo(id, accountPlan({ platform: 'Instagram', accountName: 'Utan arkiv' }), 'active', '2026-05-04T09:00:00+02:00').reduce<Assignment | undefined>(evolve, undefined) as Assignment;
    await new AssignmentStore(world.tables).create(state);
    const sentBefore = world.connector.sent().length;

    const card = textOf(await world.client('employee').sendFile('startsida.pdf', files.serve(pdf), 'pdf'));

    expect(card).toContain('Startsidan för Utan arkiv (Instagram) är sparad för första halvåret 2026.');
    expect(card).toContain('Den finns i Kanalkoll. Kommunarkivet har inte fått den: ingen mottagare på kommunarkivet är inställd i Kanalkoll.');
    expect(card).not.toContain('Kommunarkivet har fått den');
    // Nothing went to anyone but Elin.
    expect(world.connector.sent().slice(sentBefore).map((a) => (a.conversation as { id?: string }).id)).toEqual(['personal-employee']);
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

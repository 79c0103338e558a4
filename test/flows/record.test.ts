import { QueueClient } from '@azure/storage-queue';
import type { AssignmentRecord } from '../../bot/domain/record';
import { recordSections } from '../../bot/flows/records/document';
import { texts } from '../../bot/i18n';
import { ArchiveStore, archiveContainer } from '../../bot/store/archive';
import { assignmentPartition, outboxRow } from '../../bot/store/assignmentLayout';
import { AssignmentStore } from '../../bot/store/assignments';
import { AuditRecords } from '../../bot/store/auditRecords';
import { Outbox } from '../../bot/store/outbox';
import { SealedAudit } from '../../bot/store/sealedAudit';
import { Blobs } from '../../bot/store/blobs';
import { toColumns } from '../../bot/store/repository';
import { users } from '../../dev/roles';
import { pdfText } from '../support/pdfText';
import { sendPlan } from '../support/samplePlan';
import { startFileServer, type FileServer } from '../support/fileServer';
import { startTeams, type TeamsWorld } from '../support/teams';
import { actionsOf, linksOf, textOf, type Card } from '../support/teamsClient';

const snapshot = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3000, 'a'), Buffer.from('\n%%EOF\n')]);

/** R4: an assignment's record (akt): everything Kanalkoll holds about it, for the registrar and the archive; and the audit that cannot be altered. */
describe('the assignment record and the write-once audit (R4)', () => {
  let world: TeamsWorld;
  let files: FileServer;
  let url: string;
  let id: string;
  const sections = Object.values(texts('sv').records.sections);

  const latestCard = (conversationId: string) => world.connector.cardsTo(conversationId).filter((c) => textOf(c).includes(id)).at(-1)!;

  beforeAll(async () => {
    files = await startFileServer();
    url = files.serve(snapshot);
    world = await startTeams(['employee', 'chief', 'communicator', 'commschief', 'colleague'], { KANALKOLL_REGISTRAR_AAD_OBJECT_ID: users.colleague.aadObjectId, KANALKOLL_TEST_FILE_ORIGIN: files.origin });
    const elin = world.client('employee');
    // Version 1, changes asked for, version 2, approved by all three: decisions with comments.
    const sent = await sendPlan(elin, 'account');
    id = String(actionsOf(sent).find((a) => a.data.assignmentId)?.data.assignmentId);
    await world.client('chief').press(latestCard('personal-chief'), 'Be om ändringar', { comment: 'Lägg till ett mål om svarstid.' });
    let card = await elin.press(world.connector.cardsTo('personal-employee').filter((c) => textOf(c).includes('vill att du ändrar')).at(-1)!, 'Ändra ansökan');
    card = await elin.invoke('plan.open', { ...actionsOf(card).find((a) => a.verb === 'plan.open' && a.data.to === 'purpose')!.data });
    card = await elin.press(card, 'Fortsätt', { goal2: 'Svar inom 24 timmar' });
    await elin.press(card, 'Skicka till din chef');
    await world.client('chief').press(latestCard('personal-chief'), 'Godkänn');
    await world.client('communicator').press(latestCard('personal-communicator'), 'Godkänn');
    await world.client('commschief').press(latestCard('personal-commschief'), 'Godkänn', { comment: 'Lycka till!' });
    // A removal recorded, a snapshot sent in the chat, and criticism reported to the account.
    const form = await elin.say('borttaget inlägg');
    await elin.press(form, 'Spara', { assignmentId: id, removedOn: new Date().toISOString().slice(0, 10), ground: 'advertising', what: 'Reklam för ett spel' });
    await elin.sendFile('startsida.pdf', url, 'pdf');
    const report = await elin.press(await elin.say('rapportera'), 'Rapportera kritik');
    await elin.press(report, 'Skicka', { accountId: id, receivedOn: new Date().toISOString().slice(0, 10), link: 'https://www.instagram.com/p/kritik1', text: 'Bussen till fritidsgården går inte på kvällen.', nature: 'factual' });
  });
  afterAll(async () => {
    await world.close();
    await files.close();
  });

  it('R4: "Hämta akten" shows on the register card only to those who may read the record (here the colleague is the registrar); the owner is not among them', async () => {
    const fetchButton = (card: Card) => actionsOf(card).filter((a) => a.verb === 'record.get').map((a) => a.data.assignmentId);
    for (const role of ['chief', 'communicator', 'commschief', 'colleague'] as const) {
      expect([role, fetchButton(await world.client(role).say('registret'))]).toEqual([role, [id]]);
    }
    expect(fetchButton(await world.client('employee').say('registret'))).toEqual([]);
    const refused = await world.client('employee').invoke('record.get', { assignmentId: id });
    expect(textOf(refused)).toContain('Bara kommunikationschefen, registratorn, kontots chef och förvaltningens kommunikatör kan hämta akten.');
    expect(linksOf(refused)).toEqual([]);
  });

  it('R4: the record holds every plan version, every decision with who, when and comment, the removal, the snapshot with its checksum and the criticism; as PDF and JSON', async () => {
    const card = await world.client('communicator').invoke('record.get', { assignmentId: id });
    expect(textOf(card)).toContain('Akten för Fritidsgårdarna i Botkyrka');
    expect(textOf(card)).toContain('Länkarna gäller i 15 minuter.');
    expect(Buffer.byteLength(JSON.stringify(card), 'utf16le')).toBeLessThan(40 * 1024);
    const [pdfLink, jsonLink] = linksOf(card);
    const record = (await (await fetch(jsonLink!)).json()) as AssignmentRecord;
    const audit = await new AuditRecords(world.tables).history(id);
    expect(record.decisions).toEqual(audit);
    expect(audit.map((e) => e.type)).toEqual(expect.arrayContaining(['PlanStarted', 'PlanSubmitted', 'ChangesRequested', 'PlanApproved', 'RemovalRecorded', 'DutyCompleted']));
    expect(record.planVersions.map((v) => v.version)).toEqual([1, 2]);
    expect(record.decisions.find((e) => e.type === 'ChangesRequested')).toMatchObject({ actorName: users.chief.name, role: 'chief', comment: 'Lägg till ett mål om svarstid.' });
    expect(record.removals).toEqual([expect.objectContaining({ ground: 'advertising', what: 'Reklam för ett spel', recordedBy: users.employee.name })]);
    expect(record.snapshots).toEqual([expect.objectContaining({ kind: 'snapshot', fileName: 'startsida.pdf', size: snapshot.length })]);
    expect(record.reports).toEqual([expect.objectContaining({ link: 'https://www.instagram.com/p/kritik1', excerpt: 'Bussen till fritidsgården går inte på kvällen.' })]);

    const pdf = Buffer.from(await (await fetch(pdfLink!)).arrayBuffer());
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(pdf.toString('latin1')).toContain('pdfaid:part');
    const { text: printed, title } = pdfText(pdf);
    // Lines wrap where the page ends them.
    const text = printed.replace(/\s+/g, ' ');
    expect(title).toBe('Akt: Fritidsgårdarna i Botkyrka');
    for (const section of sections) expect(text).toContain(section);
    expect(recordSections).toHaveLength(sections.length);
    for (const line of ['Version 1, skickad', 'Version 2, skickad', `${users.chief.name} (närmaste chef) bad om ändringar ”Lägg till ett mål om svarstid.”`, `${users.commschief.name} (kommunikationschef) godkände ”Lycka till!”`, 'Reklam för ett spel', record.snapshots[0]!.kind === 'snapshot' ? record.snapshots[0]!.sha256 : '', 'Bussen till fritidsgården går inte på kvällen.']) {
      expect(text).toContain(line);
    }
    // Without the signature, the link gives nothing.
    expect((await fetch(pdfLink!.split('?')[0]!)).ok).toBe(false);
  });

  it('R4: every decision is also in the write-once audit blob, once each, however often its effect runs', async () => {
    const trail = new SealedAudit(new Blobs(world.storage));
    const audit = await new AuditRecords(world.tables).history(id);
    expect(await trail.read(id)).toEqual(audit);
    // An effect run again (a retry) appends nothing.
    await trail.append(id, audit);
    expect(await trail.read(id)).toHaveLength(audit.length);
  });

  it('R4, R15: when the account closes, its record goes to the archive container with it', async () => {
    const elin = world.client('employee');
    const checklist = await elin.invoke('account.close', { assignmentId: id });
    await elin.press(checklist, 'Stäng kontot', { closedOnPlatform: 'true', followersPointedToWebsite: 'true' });
    expect((await new AssignmentStore(world.tables).get(id))?.value.status).toBe('closed');
    const archived = await new ArchiveStore(new Blobs(world.storage)).record(id);
    const record = JSON.parse(archived!.json.toString('utf8')) as AssignmentRecord;
    expect(record.assignment).toMatchObject({ status: 'closed', finalSnapshot: { kind: 'uploaded' } });
    expect(record.decisions.at(-1)).toMatchObject({ type: 'AccountClosed', actorName: users.employee.name });
    expect(pdfText(archived!.pdf).text).toContain('Läge: Stängd');
  });

  /** The archived record's files as stored: bytes and ETag (a write changes the ETag, even of the same bytes). */
  const archived = async () => {
    const container = new Blobs(world.storage).existing(archiveContainer);
    return Promise.all(['json', 'pdf'].map(async (ext) => {
      const blob = container.getBlockBlobClient(`akt_${id}.${ext}`);
      return { bytes: await blob.downloadToBuffer(), etag: (await blob.getProperties()).etag };
    }));
  };
  /**
   * The closing's `archiveRecord` effect carried out again, by the effects queue's function, as after a
   * crash between its upload and the removal of its outbox row: the row is back and the queue told.
   */
  const archiveAgain = async () => {
    const { revision } = (await new AssignmentStore(world.tables).get(id))!.value;
    await world.tables.client('assignments').createEntity({ partitionKey: assignmentPartition(id), rowKey: outboxRow(revision, 99), ...toColumns({ kind: 'archiveRecord' }) });
    await new QueueClient(world.storage, 'effects').sendMessage(Buffer.from(JSON.stringify({ assignmentId: id })).toString('base64'));
    await world.settle();
  };
  const errorsLogged = () => jest.spyOn(console, 'error').mockImplementation(() => undefined);

  it('R4: the closed account\'s record is written once: its effect carried out again makes the same record, finds it there, and writes nothing', async () => {
    const before = await archived();
    const logged = errorsLogged();

    await archiveAgain();

    expect(await archived()).toEqual(before);
    expect(logged).not.toHaveBeenCalled();
    expect(await new AuditRecords(world.tables).history(`archive_${id}`)).toEqual([]);
    logged.mockRestore();
  });

  it('R4: a later record that differs (a hold placed after closing) is not written over the archived one: that is an error, logged and audited in the sealed audit', async () => {
    const held = await world.client('commschief').invoke('record.hold', { assignmentId: id, hold: 'on' });
    expect(textOf(held)).toContain('Rensningen är stoppad för Fritidsgårdarna i Botkyrka (Instagram).');
    const before = await archived();
    const logged = errorsLogged();

    await archiveAgain();

    expect(await archived()).toEqual(before);
    expect(logged.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ level: 'error', event: 'archived_record_differs', assignmentId: id, names: `akt_${id}.json akt_${id}.pdf` }),
    ]);
    const audited = await new AuditRecords(world.tables).history(`archive_${id}`);
    expect(audited).toEqual([expect.objectContaining({ type: 'ArchivedRecordKept', role: 'archive', actorName: 'Kanalkoll', comment: expect.stringContaining(`akt_${id}.json, akt_${id}.pdf: kept as archived`) })]);
    expect(await new SealedAudit(new Blobs(world.storage)).read(`archive_${id}`)).toEqual(audited);
    // The effect is done: no retry can change a record written once, so none is left waiting.
    expect(await new Outbox(world.tables).pending(id)).toEqual([]);
    logged.mockRestore();
  });
});

import { randomUUID } from 'node:crypto';
import { AssignmentStore } from '../../bot/store/assignments';
import { RegisterStore } from '../../bot/store/register';
import { accountPlan, seed } from '../support/seed';
import { startFileServer, type FileServer } from '../support/fileServer';
import { startTeams, type TeamsWorld } from '../support/teams';
import { textOf } from '../support/teamsClient';

const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 'a'), Buffer.from('\n%%EOF\n')]);

/** R15: an account closes only with its last snapshot in: the PDF sent in the chat, or the archive's reference. */
describe('the last snapshot when an account closes (R15)', () => {
  let world: TeamsWorld;
  let files: FileServer;
  let url: string;
  const account = randomUUID();

  beforeAll(async () => {
    files = await startFileServer();
    url = files.serve(pdf);
    world = await startTeams(['employee'], { KANALKOLL_TEST_FILE_ORIGIN: files.origin }, async (tables) => {
      await seed({ assignments: new AssignmentStore(tables), register: new RegisterStore(tables) }, account, accountPlan({ platform: 'Instagram', accountName: 'Sista bilden' }), 'active');
    });
  });
  afterAll(async () => {
    await world.close();
    await files.close();
  });

  it('R15: the PDF sent in the chat when nothing is due is this half-year\'s snapshot, and the account then closes on it without a reference', async () => {
    const elin = world.client('employee');
    const before = await elin.invoke('account.close', { assignmentId: account });
    // Nothing in yet: the card asks for the archive's reference.
    expect(JSON.stringify(before)).toContain('"id":"finalReference"');

    const received = await elin.sendFile('startsida.pdf', url, 'pdf');
    expect(textOf(received)).toContain('Sista bilden (Instagram)');

    const checklist = await elin.invoke('account.close', { assignmentId: account });
    expect(textOf(checklist)).toContain('Den sista bilden finns: PDF-filen för');
    expect(JSON.stringify(checklist)).not.toContain('"id":"finalReference"');
    const closed = await elin.press(checklist, 'Stäng kontot', { closedOnPlatform: 'true', followersPointedToWebsite: 'true' });
    expect(textOf(closed)).toContain('Sista bilden (Instagram) är stängt.');
    expect((await new AssignmentStore(world.tables).get(account))?.value).toMatchObject({ status: 'closed' });
  });
});

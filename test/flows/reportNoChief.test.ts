import { odata } from '@azure/data-tables';
import { randomUUID } from 'node:crypto';
import { DirectoryStore } from '../../bot/store/directory';
import type { Tables } from '../../bot/store/tables';
import { asGraphUsers, startGraph, type GraphStandIn } from '../../dev/graph';
import { directory, users } from '../../dev/roles';
import { pdfText } from '../support/pdfText';
import { startTeams, type TeamsWorld } from '../support/teams';
import { textOf, type TeamsClient } from '../support/teamsClient';

/** Nora, the colleague, with no manager in the directory. */
const withoutChief = async (tables: Tables) => {
  const nora = directory.people.find((p) => p.aadObjectId === users.colleague.aadObjectId)!;
  await new DirectoryStore(tables).putPeople([{ aadObjectId: nora.aadObjectId, name: nora.name, email: nora.email, departmentId: nora.departmentId, title: nora.title }]);
};

const bullying = async (nora: TeamsClient, what: string) => {
  const form = await nora.press(await nora.say('rapportera'), 'Rapportera mobbning');
  return { form, receipt: await nora.press(form, 'Skicka', { affected: 'colleague', where: 'Facebook', what }) };
};

const stored = async (tables: Tables, what: string) => {
  const found: unknown[] = [];
  for await (const e of tables.client('reports').listEntities<{ json: string }>({ queryOptions: { filter: odata`PartitionKey eq ${'report'}` } })) if (e.json.includes(what)) found.push(e);
  return found;
};

/** R21: a report of bullying from someone without a manager reaches someone, and the reporter is told who. */
describe('bullying reported by someone without a manager (R21)', () => {
  describe('without an HR mailbox: the communications chief', () => {
    let world: TeamsWorld;
    beforeAll(async () => {
      world = await startTeams(['colleague', 'commschief', 'chief'], {}, withoutChief);
    });
    afterAll(() => world.close());

    it('R21: bullying reported by someone without a manager goes to the communications chief, and the reporter is told who got it', async () => {
      const what = `En kollega hängs ut ${randomUUID().slice(0, 6)}`;
      const { form, receipt } = await bullying(world.client('colleague'), what);
      expect(textOf(form)).toContain('Du har ingen chef i kommunens personalkatalog, så rapporten går till kommunikationschefen.');
      expect(textOf(receipt)).toContain(`Du har ingen chef i kommunens personalkatalog, så rapporten har gått till kommunikationschefen ${users.commschief.name}.`);
      const [card] = world.connector.cardsTo('personal-commschief').filter((c) => textOf(c).includes(what));
      expect(textOf(card!)).toContain(`${users.colleague.name} har ingen chef i kommunens personalkatalog, så rapporten kom till dig.`);
      expect(textOf(card!)).toContain('polisen');
      expect(world.connector.cardsTo('personal-chief').filter((c) => textOf(c).includes(what))).toEqual([]);
      expect(await stored(world.tables, what)).toHaveLength(1);
    });
  });

  describe('with an HR mailbox: HR, by mail', () => {
    let world: TeamsWorld;
    let graph: GraphStandIn;
    beforeAll(async () => {
      graph = await startGraph(asGraphUsers(directory));
      world = await startTeams(['colleague', 'commschief'], { KANALKOLL_GRAPH_URL: graph.url, KANALKOLL_HR_MAILBOX: 'hr@botkyrka.se' }, withoutChief);
    });
    afterAll(async () => {
      await world.close();
      await graph.close();
    });

    it('R21: with KANALKOLL_HR_MAILBOX, bullying reported by someone without a manager goes to HR\'s mailbox as a PDF, and the reporter is told so', async () => {
      const what = `En elev hotas ${randomUUID().slice(0, 6)}`;
      const { form, receipt } = await bullying(world.client('colleague'), what);
      expect(textOf(form)).toContain('så rapporten går till HR.');
      expect(textOf(receipt)).toContain('Du har ingen chef i kommunens personalkatalog, så rapporten har gått till HR, till brevlådan hr@botkyrka.se.');
      const mail = graph.mail.filter((m) => m.message.subject === 'Rapport om nätmobbning eller brott').at(-1)!;
      expect(mail.from).toBe('hr@botkyrka.se');
      expect(mail.message.toRecipients).toEqual([{ emailAddress: { address: 'hr@botkyrka.se' } }]);
      expect(mail.message.body.content).toContain(`${users.colleague.name} har ingen chef i kommunens personalkatalog`);
      const { text } = pdfText(Buffer.from(mail.message.attachments![0]!.contentBytes, 'base64'));
      expect(text).toContain(what);
      // Only HR: nothing in Teams.
      expect(world.connector.cardsTo('personal-commschief').filter((c) => textOf(c).includes(what))).toEqual([]);
    });
  });
});

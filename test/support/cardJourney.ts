import type { TestConnector } from './connector';
import { sendPlan } from './samplePlan';
import { actionsOf, textOf, type Card, type TeamsClient } from './teamsClient';

export interface JourneyClients {
  readonly elin: TeamsClient;
  readonly karim: TeamsClient;
  readonly sara: TeamsClient;
  readonly johan: TeamsClient;
}

/**
 * A walk through (nearly) every card Kanalkoll answers with or sends: a plan sent and approved at
 * every step, its history, the owner's cards, the register, "förvaltningar", help, reports, removals
 * and the unit overview. For measuring cards (test/e2e/organisationSize, the bench's organisation
 * part); the cards that a check looks into are returned.
 */
export async function everyCardJourney({ elin, karim, sara, johan }: JourneyClients, connector: TestConnector): Promise<{ accounts: Card; departments: Card; unit: Card }> {
  const idOf = (card: Card) => String(actionsOf(card).find((a) => a.data.assignmentId)?.data.assignmentId);
  // The approver's card about the plan, once it has come (from the effects queue, on a dev host).
  const toDecide = async (conversationId: string, id: string) =>
    (await connector.cardArriving(conversationId, (c) => textOf(c).includes(id) && actionsOf(c).some((a) => a.title === 'Godkänn'))).card;

  // R1: filling in together: Elin asks Karim, who opens her draft and changes a step (she is told what).
  const start = await elin.say('ny ansökan');
  const draftId = String(actionsOf(start).find((a) => a.verb === 'plan.save')?.data.draftId);
  await elin.invoke('plan.askChief', actionsOf(start).find((a) => a.verb === 'plan.save')!.data);
  const asked = await connector.cardArriving('personal-chief', (c) => textOf(c).includes(draftId) && actionsOf(c).some((a) => a.verb === 'plan.together'));
  const together = await karim.press(asked.card, 'Öppna ansökan');
  const purposeStep = await karim.invoke('plan.open', actionsOf(together).find((a) => a.data.to === 'purpose')!.data);
  await karim.press(purposeStep, 'Spara', { purpose: 'Berätta om kvällens aktiviteter.' });

  // A plan sent; Karim corrects it before approving (R1): his review, a step, the corrected plan approved as version 2.
  const id = idOf(await sendPlan(elin, 'account'));
  const correcting = await karim.press(await toDecide('personal-chief', id), 'Rätta aktivitetsplanen');
  const correctStep = await karim.invoke('plan.open', actionsOf(correcting).find((a) => a.data.to === 'purpose')!.data);
  await karim.press(await karim.press(correctStep, 'Fortsätt', { goal1: '400 följare inom ett år' }), 'Godkänn med rättelser');
  await sara.press(await toDecide('personal-communicator', id), 'Godkänn');
  await johan.press(await toDecide('personal-commschief', id), 'Godkänn');
  await elin.invoke('plan.history', { assignmentId: id });
  await elin.say('mina ansökningar');
  const accounts = await elin.say('mina konton');
  await elin.invoke('account.admins', { assignmentId: id });
  await elin.invoke('account.owner', { assignmentId: id });
  await elin.say('jag är borta');
  await elin.say('registret');
  const departments = await johan.say('förvaltningar');
  await karim.invoke('approval.refresh', { assignmentId: id });
  // The policy's finer rules: the help menu and an answer, the criticism form (every department to
  // choose) and the form for a message an account received, recording a removal, and the unit
  // overview (the communications chief picks among every department).
  await elin.say('vad gäller?');
  await elin.say('hur länge ska vi spara inlägg?');
  await elin.invoke('report.form', { kind: 'criticism' });
  await elin.invoke('report.form', { kind: 'message' });
  await elin.say('borttaget inlägg');
  const unit = await johan.say('vad skrivs om min enhet?');
  await karim.say('vad skrivs om min enhet?');
  return { accounts, departments, unit };
}

import { DateTime } from 'luxon';
import { dutyBundleCard } from '../../cards';
import type { ActivityPlan } from '../../bot/domain/activityPlan';
import { evolve, type Assignment, type Event } from '../../bot/domain/assignment';
import { zone } from '../../bot/domain/calendar';
import { defaultDutySettings, nudgesBetween, stillOpen, type Nudge } from '../../bot/domain/duties';
import { bundlesOf, leadOf, sectionsOf, sectionsPerCard } from '../../bot/domain/nudgeBundles';
import { texts } from '../../bot/i18n';
import { stillStands } from '../../bot/flows/duties/card';
import { nudgeSection } from '../../bot/flows/duties/view';
import { users } from '../../dev/roles';
import { accountPlan, eventsTo } from '../support/seed';

type AccountPlan = Extract<ActivityPlan, { kind: 'account' }>;
const elin = { aadObjectId: users.employee.aadObjectId, name: users.employee.name };
const at = (iso: string) => DateTime.fromISO(iso, { zone });
const account = (id: string, after: Event[] = [], plan: ActivityPlan = accountPlan({ platform: 'Instagram', accountName: id })): Assignment =>
  [...eventsTo(id, plan, 'active', '2026-11-02T09:00:00.000Z'), ...after].reduce<Assignment | undefined>(evolve, undefined) as Assignment;
/** What a sweep on 1 March 2027 finds for an account nobody has looked after since November. */
const dueBy = (state: Assignment, to = '2027-03-01T08:05') => nudgesBetween(state, at('2026-11-01'), at(to));
/** What the policy makes the card's largest text: a long account name on every section. */
const teamsBytes = (card: unknown) => JSON.stringify(card).length * 2;

describe('one card per person per sweep (Everyday use 8)', () => {
  it('R15: after a long gap the archive notice and its reminder are one section, drawn from the reminder', () => {
    const owner = dueBy(account('a1')).filter((n) => n.audience === 'owner');
    const sections = sectionsOf(owner.map((nudge) => ({ nudge, role: 'owner' as const })));
    const archive = sections.filter((s) => s[0]!.nudge.duty === 'archive');
    expect(archive).toHaveLength(1);
    expect(archive[0]!.map((i) => i.nudge.level)).toEqual([0, 1]);
    expect(leadOf(archive[0]!).nudge.level).toBe(1);
    // One section per duty: the communicator's login, the archive and the activity check (this account has its two admins).
    expect(sections.map((s) => leadOf(s).nudge.duty)).toEqual(['login', 'activity', 'archive']);
  });

  it('R11, R15: the escalations of one account are one section for the chief, since each lists everything overdue', () => {
    const escalations = dueBy(account('a1')).filter((n) => n.audience === 'escalation');
    expect(escalations.map((n) => n.duty).sort()).toEqual(['activity', 'archive', 'login']);
    expect(sectionsOf(escalations.map((nudge) => ({ nudge, role: 'escalation' as const })))).toHaveLength(1);
    // An owner who left is a section of its own: it says something else than a list.
    const left: Nudge = { ...escalations[0]!, duty: 'ownerLeft', period: '2027-02-01' };
    expect(sectionsOf([...escalations, left].map((nudge) => ({ nudge, role: 'escalation' as const })))).toHaveLength(2);
  });

  it('a communicator with more accounts than fit on a card gets a card per eight; nobody gets a list twice', () => {
    const states = Array.from({ length: 12 }, (_, i) => account(`k${i}`));
    const people = new Map([
      [users.chief.aadObjectId, 'escalation' as const],
      [users.communicator.aadObjectId, 'escalation' as const],
    ]);
    const addressed = states.flatMap((s) => dueBy(s).filter((n) => n.audience === 'escalation').map((nudge) => ({ nudge, people })));
    const bundles = bundlesOf(addressed);
    expect(bundles.map((b) => [b.person, new Set(b.nudges.map((n) => n.assignmentId)).size])).toEqual([
      [users.chief.aadObjectId, sectionsPerCard],
      [users.chief.aadObjectId, 12 - sectionsPerCard],
      [users.communicator.aadObjectId, sectionsPerCard],
      [users.communicator.aadObjectId, 12 - sectionsPerCard],
    ]);
    const pairs = bundles.flatMap((b) => b.nudges.map((n) => `${b.person}|${n.assignmentId}|${n.duty}|${n.level}`));
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(pairs).toHaveLength(addressed.length * 2);
  });

  it('the largest card, eight of the largest sections (every owner duty, long names, each as if just refused), stays under the 40 KB Teams takes (UTF-16)', () => {
    const long = 'Botkyrka kommuns kultur- och fritidsförvaltnings ungdomsverksamhet i Alby, Fittja och Hallunda';
    const thin = (id: string) => {
      const plan = accountPlan({ platform: 'Instagram', accountName: `${long} ${id}` }) as AccountPlan;
      return account(id, [], { ...plan, channel: { ...plan.channel, endDate: '2027-02-15' }, administration: { ...plan.administration, admins: [elin.aadObjectId] } });
    };
    const states = Array.from({ length: 6 }, (_, i) => thin(`konto-${i}`));
    const items = states.flatMap((s) => dueBy(s, '2027-11-10T08:05').filter((n) => n.audience === 'owner').map((nudge) => ({ nudge, role: 'owner' as const })));
    const all = sectionsOf(items).map((section, index) => {
      const { nudge, role } = leadOf(section);
      const state = states.find((s) => s.id === nudge.assignmentId)!;
      // As if every section had just been pressed and refused: a notice and a field error each (only one can be, at a time).
      const shown = { notice: texts('sv').duties.tasks.lostRace, style: 'attention' as const, fieldError: texts('sv').duties.tasks.referenceRequired, fieldValue: 'x'.repeat(200), dateError: texts('sv').duties.tasks.badPause(120) };
      const view = { nudge, state, role, names: { owner: elin.name, admins: `${elin.name}, ${users.communicator.name}` }, overdue: [], locale: 'sv' as const, settings: defaultDutySettings, section: index, escalatesAt: '2027-12-01T07:00:00.000Z', shown };
      const drawn = nudgeSection(view);
      // A button that opens another card carries the mark that opens it below (flows/duties/card.ts).
      return { ...drawn, actions: drawn.actions.map((a) => ({ ...a, data: { ...a.data, opens: 'below' } })) };
    });
    const sections = [...all].sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length).slice(0, sectionsPerCard);
    expect(sections).toHaveLength(sectionsPerCard);
    const card = dutyBundleCard({ heading: texts('sv').duties.heading, title: texts('sv').duties.bundleTitle(sections.length), sections });
    console.log(`largest nudge card: ${sections.length} sections, ${teamsBytes(card)} bytes (UTF-16)`);
    expect(teamsBytes(card)).toBeLessThan(40 * 1024);
  });
});

describe('cards follow the duty (Everyday use 9)', () => {
  const sent = (state: Assignment, duty: Nudge['duty']) => dueBy(state).find((n) => n.duty === duty && n.audience === 'owner')!;

  it('R10: the admin nudge ends when the account has two admins besides the communicator', () => {
    const plan = accountPlan({ platform: 'Instagram', accountName: 'gles' }) as AccountPlan;
    const thin = account('a1', [], { ...plan, administration: { ...plan.administration, admins: [elin.aadObjectId] } });
    const nudge = sent(thin, 'admins');
    expect(stillOpen(thin, nudge)).toBe(true);
    const fixed = evolve(thin, { type: 'AdministrationChanged', by: elin, at: '2027-03-01T09:00:00.000Z', administration: plan.administration }) as Assignment;
    expect(stillOpen(fixed, nudge)).toBe(false);
  });

  it('R10, R15: a snooze, or a change that still leaves too few admins, does not end what the card asks', () => {
    const state = account('a1');
    const archive = dueBy(state).find((n) => n.duty === 'archive' && n.level === 0)!;
    const snoozed = evolve(state, { type: 'DutySnoozed', by: elin, at: '2027-01-04T09:00:00.000Z', duty: 'archive', period: archive.period, until: '2027-01-11T09:00:00.000Z' }) as Assignment;
    expect(stillOpen(snoozed, archive)).toBe(true);
    const plan = accountPlan({ platform: 'Instagram', accountName: 'gles' }) as AccountPlan;
    const thin = account('a2', [], { ...plan, administration: { ...plan.administration, admins: [elin.aadObjectId] } });
    const admins = sent(thin, 'admins');
    const stillThin = evolve(thin, { type: 'AdministrationChanged', by: elin, at: '2027-03-01T09:00:00.000Z', administration: { ...plan.administration, admins: [elin.aadObjectId], loginStorage: 'Skåpet' } }) as Assignment;
    expect(stillOpen(stillThin, admins)).toBe(true);
  });

  it('R1: a card stands only for whom it is still for: a plan assigned to another approver ends the first one\'s reminder', () => {
    const waiting = eventsTo('w1', accountPlan({ platform: 'X', accountName: 'w' }), 'awaiting_chief').reduce<Assignment | undefined>(evolve, undefined) as Assignment;
    const reminder = dueBy(waiting).find((n) => n.duty === 'approval' && n.audience === 'approver')!;
    const approvers = { chief: users.chief.aadObjectId, communicator: users.communicator.aadObjectId, commsChief: users.commschief.aadObjectId };
    const item = { nudge: reminder, role: 'approver' as const };
    expect(stillStands({ state: waiting, approvers, facts: {} }, item, users.chief.aadObjectId, defaultDutySettings)).toBe(true);
    const assigned = evolve(waiting, { type: 'ApproverAssigned', by: { aadObjectId: users.communicator.aadObjectId, name: users.communicator.name }, at: '2026-11-05T09:00:00.000Z', person: { aadObjectId: users.admin.aadObjectId, name: users.admin.name } }) as Assignment;
    expect(stillStands({ state: assigned, approvers, facts: {} }, item, users.chief.aadObjectId, defaultDutySettings)).toBe(false);
  });

  it('R11: the activity check ends when the owner confirms, and when they pause it', () => {
    const state = account('a1');
    const nudge = sent(state, 'activity');
    expect(stillOpen(state, nudge)).toBe(true);
    expect(stillOpen(evolve(state, { type: 'ActivityPaused', by: elin, at: '2027-03-01T09:00:00.000Z', until: '2027-05-01' }) as Assignment, nudge)).toBe(false);
    expect(stillOpen(evolve(state, { type: 'DutyCompleted', by: elin, at: '2027-03-01T09:00:00.000Z', duty: 'activity', period: nudge.period, evidence: { kind: 'confirmed' } } as Event) as Assignment, nudge)).toBe(false);
  });

  it('R1, R11: what a card says will happen comes from the settings', () => {
    const state = account('a1');
    const activity = sent(state, 'activity');
    const settings = { ...defaultDutySettings, inactiveDays: 45, approvalReminderWorkingDays: 3 };
    const view = { state, names: { owner: elin.name, approver: users.chief.name }, overdue: [], locale: 'sv' as const, settings, section: 0 };
    expect(JSON.stringify(nudgeSection({ ...view, nudge: activity, role: 'owner' }))).toContain('Är det 45 dagar sedan eller mer');
    const waiting = eventsTo('w1', accountPlan({ platform: 'X', accountName: 'w' }), 'awaiting_chief').reduce<Assignment | undefined>(evolve, undefined) as Assignment;
    const reminder = dueBy(waiting).find((n) => n.duty === 'approval')!;
    expect(JSON.stringify(nudgeSection({ ...view, state: waiting, nudge: reminder, role: 'approver' }))).toContain('väntar på dig sedan 3 arbetsdagar');
  });

  it('R1: the approval reminder ends when the chief decides', () => {
    const waiting = eventsTo('w1', accountPlan({ platform: 'X', accountName: 'w' }), 'awaiting_chief').reduce<Assignment | undefined>(evolve, undefined) as Assignment;
    const reminder = dueBy(waiting).find((n) => n.duty === 'approval')!;
    expect(stillOpen(waiting, reminder)).toBe(true);
    const approved = eventsTo('w1', accountPlan({ platform: 'X', accountName: 'w' }), 'awaiting_communicator').reduce<Assignment | undefined>(evolve, undefined) as Assignment;
    expect(stillOpen(approved, reminder)).toBe(false);
  });
});

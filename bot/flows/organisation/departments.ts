import { chiefInput, checkOrganisation, communicatorInput, organisationEvents } from '../../domain/organisation';
import type { Department } from '../../domain/directory';
import type { Reach } from '../../store/conversations';
import { texts } from '../../i18n';
import type { FlowDeps } from '../deps';
import { departmentsCardFor, organisationOf, type DepartmentsShown } from '../shared/departmentsCard';
import { followDirectory } from './followDirectory';
import { localeOfPerson } from '../messenger';
import { shownAgain, type CardHandler, type CardTurn } from '../turn';
import { cardInput } from '../commands/press';
import { z } from 'zod';

export type OrganisationDeps = Pick<FlowDeps, 'directory' | 'assignments' | 'run' | 'clock' | 'log'>;

export function organisationHandlers(deps: OrganisationDeps): Record<'show' | 'save', CardHandler> {
  const show = (turn: CardTurn, shown?: DepartmentsShown) => departmentsCardFor(deps, turn.locale, turn.user.aadObjectId, shown);
  return {
    show: (turn) => show(turn),
    // Every "förvaltningar" card has the communications chief's picker: without it, it is not one.
    save: cardInput({
      surface: 'organisation',
      input: z.record(z.string(), z.unknown()).refine((sent) => chiefInput in sent),
      fallback: (turn, refusal) => show(turn, { notice: refusal.text, noticeStyle: 'attention' }),
      answer: async (turn, sent) => {
        const t = texts(turn.locale);
        // A save that stopped half-way is finished first: this one is compared with what it stored.
        await deps.directory.finishSaving();
        const [departments, chief] = await Promise.all([deps.directory.allDepartments(), deps.directory.communicationsChief()]);
        // Authorised from what is stored: whoever the directory names as communications chief now.
        if (turn.user.aadObjectId !== chief) return show(turn, { notice: t.organisation.onlyChief, noticeStyle: 'attention' });
        const ids = [chiefInput, ...departments.map((d) => communicatorInput(d.id))].map((field) => sent[field]).filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
        const people = await deps.directory.peopleById(ids);
        const stored = organisationOf(departments, chief);
        const checked = checkOrganisation(sent, departments, people, stored);
        if (!checked.ok) {
          const errors = Object.fromEntries(checked.errors.map((e) => [e.field, t.fieldErrors[e.code]]));
          const values = Object.fromEntries(Object.entries(sent).filter(([, v]) => typeof v === 'string').map(([k, v]) => [k, shownAgain(v, 100)]));
          return show(turn, { notice: t.plan.notices.fix, noticeStyle: 'attention', values, errors });
        }
        const events = organisationEvents(stored, checked.value, turn.user, deps.clock().toISOString(), people);
        await deps.directory.saveOrganisation(checked.value, events);
        // Plans that waited for a communicator (or had another) go to the one named now.
        if (events.length > 0) await followDirectory({ ...deps, reach: turn.reach });
        return show(turn, { notice: events.length > 0 ? t.organisation.saved(events.length) : t.organisation.unchanged });
      },
    }),
  };
}

/** After a sync that found departments Kanalkoll did not know: the communications chief gets the card to name their communicators. */
export async function tellAboutNewDepartments(
  deps: Pick<FlowDeps, 'directory' | 'conversations' | 'messenger' | 'forcedLocale' | 'log'>,
  reach: Reach,
  added: readonly Department[],
): Promise<void> {
  const chief = await deps.directory.communicationsChief();
  if (added.length === 0 || !chief) return;
  const locale = await localeOfPerson(deps, reach.tenantId, chief);
  const names = added.map((d) => d.name).join(', ');
  const card = await departmentsCardFor(deps, locale, chief, { notice: texts(locale).organisation.newDepartments(names), noticeStyle: 'warning' });
  const delivery = await deps.messenger.sendCard(reach, chief, card);
  if (!delivery.ok) deps.log.warn('new_departments_not_told', { departments: names, reason: delivery.reason });
}

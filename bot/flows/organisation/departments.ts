import { departmentsCard, type AdaptiveCard } from '../../../cards';
import type { Department } from '../../domain/directory';
import { chiefInput, checkOrganisation, communicatorInput, mailboxInput, organisationEvents, type Organisation } from '../../domain/organisation';
import type { Locale } from '../../domain/locale';
import type { Reach } from '../../store/conversations';
import { texts } from '../../i18n';
import type { FlowDeps } from '../deps';
import { followDirectory } from '../directory/follow';
import { localeOfPerson } from '../messenger';
import { cardFields, type CardHandler, type CardTurn } from '../turn';

export type OrganisationDeps = Pick<FlowDeps, 'directory' | 'assignments' | 'run' | 'clock' | 'log'>;

interface Shown {
  readonly notice?: string;
  readonly noticeStyle?: 'good' | 'attention' | 'warning';
  /** What the card sent, when it is shown again to fix; else what is stored. */
  readonly values?: Readonly<Record<string, string>>;
  readonly errors?: Readonly<Record<string, string>>;
}

const organisationOf = (departments: readonly Department[], chief: string | undefined): Organisation => ({
  communicators: Object.fromEntries(departments.map((d) => [d.id, d.communicatorAadObjectId])),
  mailboxes: Object.fromEntries(departments.map((d) => [d.id, d.mailbox ?? ''])),
  communicationsChiefAadObjectId: chief ?? '',
});

/**
 * "Förvaltningar" (R1, R2): the departments Entra ID names, each with its communicator, and the
 * communications chief, kept by the communications chief in Teams. Only the communications chief as
 * stored may see the pickers and save; a department without a communicator is marked, and plans from
 * it wait for one.
 */
export async function departmentsCardFor(deps: Pick<OrganisationDeps, 'directory'>, locale: Locale, viewer: string, shown: Shown = {}): Promise<AdaptiveCard> {
  const t = texts(locale).organisation;
  const [departments, chief] = await Promise.all([deps.directory.allDepartments(), deps.directory.communicationsChief()]);
  const editable = viewer === chief;
  const stored = organisationOf(departments, chief);
  const valueOf = (input: string, storedValue: string) => shown.values?.[input] ?? storedValue;
  const ids = [valueOf(chiefInput, stored.communicationsChiefAadObjectId), ...departments.map((d) => valueOf(communicatorInput(d.id), d.communicatorAadObjectId))];
  const people = editable ? await deps.directory.peopleById(ids.filter(Boolean)) : new Map();
  const picked = (id: string) => (id ? [{ title: people.get(id)?.name ?? id, value: id }] : []);
  const without = departments.filter((d) => !d.communicatorAadObjectId).map((d) => d.name);
  const chiefValue = valueOf(chiefInput, stored.communicationsChiefAadObjectId);
  return departmentsCard({
    title: t.title,
    intro: editable ? t.intro : t.onlyChief,
    ...(shown.notice ? { notice: shown.notice, noticeStyle: shown.noticeStyle ?? 'good' } : editable && without.length > 0 ? { notice: t.without(without.join(', ')), noticeStyle: 'warning' } : {}),
    editable,
    chief: { label: t.chief, hint: texts(locale).fieldErrors.required, value: chiefValue, picked: picked(chiefValue), ...(shown.errors?.[chiefInput] ? { error: shown.errors[chiefInput] } : {}) },
    departmentsTitle: t.departments,
    departments: departments.map((d) => {
      const input = communicatorInput(d.id);
      const value = valueOf(input, d.communicatorAadObjectId);
      const box = mailboxInput(d.id);
      return {
        input,
        name: d.name,
        value,
        picked: picked(value),
        ...(shown.errors?.[input] ? { error: shown.errors[input] } : {}),
        mailbox: { input: box, label: t.mailbox, value: valueOf(box, d.mailbox ?? ''), ...(shown.errors?.[box] ? { error: shown.errors[box] } : {}) },
      };
    }),
    actions: editable ? [{ title: t.save, verb: 'org.save' }] : [],
  });
}

export function organisationHandlers(deps: OrganisationDeps): Record<'show' | 'save', CardHandler> {
  const show = (turn: CardTurn, shown?: Shown) => departmentsCardFor(deps, turn.locale, turn.user.aadObjectId, shown);
  return {
    show: (turn) => show(turn),
    save: async (turn) => {
      const t = texts(turn.locale);
      const [departments, chief] = await Promise.all([deps.directory.allDepartments(), deps.directory.communicationsChief()]);
      // Authorised from what is stored: whoever the directory names as communications chief now.
      if (turn.user.aadObjectId !== chief) return show(turn, { notice: t.organisation.onlyChief, noticeStyle: 'attention' });
      const sent = cardFields.parse(turn.data);
      // Every "förvaltningar" card has the communications chief's picker: without it, it is not one.
      if (!(chiefInput in sent)) return show(turn, { notice: t.organisation.unreadable, noticeStyle: 'attention' });
      const ids = [chiefInput, ...departments.map((d) => communicatorInput(d.id))].map((field) => sent[field]).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
      const people = await deps.directory.peopleById(ids.map((id) => id.trim()));
      const stored = organisationOf(departments, chief);
      const checked = checkOrganisation(sent, departments, people, stored);
      if (!checked.ok) {
        const values = Object.fromEntries(Object.entries(sent).filter((e): e is [string, string] => typeof e[1] === 'string').map(([k, v]) => [k, v.slice(0, 100)]));
        const errors = Object.fromEntries(checked.errors.map((e) => [e.field, t.fieldErrors[e.code]]));
        return show(turn, { notice: t.plan.notices.fix, noticeStyle: 'attention', values, errors });
      }
      const events = organisationEvents(stored, checked.value, turn.user, deps.clock().toISOString(), people);
      await deps.directory.saveOrganisation(checked.value, events);
      // Plans that waited for a communicator (or had another) go to the one named now.
      if (events.length > 0) await followDirectory({ ...deps, reach: turn.reach }, []);
      return show(turn, { notice: events.length > 0 ? t.organisation.saved(events.length) : t.organisation.unchanged });
    },
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

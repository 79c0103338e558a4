import { departmentsCard, type AdaptiveCard } from '../../../cards';
import type { Department } from '../../domain/directory';
import type { Locale } from '../../domain/locale';
import { chiefInput, communicatorInput, mailboxInput, type Organisation } from '../../domain/organisation';
import { texts } from '../../i18n';
import type { FlowDeps } from '../deps';

export interface DepartmentsShown {
  readonly notice?: string;
  readonly noticeStyle?: 'good' | 'attention' | 'warning';
  /** What the card sent, when it is shown again to fix; else what is stored. */
  readonly values?: Readonly<Record<string, string>>;
  readonly errors?: Readonly<Record<string, string>>;
}

export const organisationOf = (departments: readonly Department[], chief: string | undefined): Organisation => ({
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

export async function departmentsCardFor(deps: Pick<FlowDeps, 'directory'>, locale: Locale, viewer: string, shown: DepartmentsShown = {}): Promise<AdaptiveCard> {
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

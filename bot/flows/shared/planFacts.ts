import type { Choice } from '../../../cards';
import { administrators, type PlanKind, type StepName } from '../../domain/activityPlan';
import type { Assignment } from '../../domain/assignment';
import { texts } from '../../i18n';
import { nameIn, type PlanView } from './planView';

/**
 * One step's answers as facts, in the card's language; people by name (a plan from before the people
 * pickers kept names). A monitoring assignment's purpose is labelled as monitoring (R2), wherever it is shown.
 */
export function planFacts(view: PlanView, kind: PlanKind, step: StepName, answers: object, communicator: string | undefined): Choice[] {
  const t = texts(view.locale).plan;
  const a = answers as Record<string, unknown>;
  const name = (aad: unknown) => nameIn(view, String(aad));
  switch (step) {
    case 'who': {
      const department = (id: unknown) => view.departments.find((d) => d.id === id)?.name ?? String(id);
      return [
        { title: t.who.kind, value: a.kind === 'account' ? t.who.kindAccount : t.who.kindMonitoring },
        { title: t.who.department, value: department(a.departmentId) },
        // R1: another department than the directory's, which the chief confirms.
        ...(typeof a.directoryDepartmentId === 'string' ? [{ title: t.who.inDirectory, value: department(a.directoryDepartmentId) }] : []),
        { title: t.who.chief, value: typeof a.chiefAadObjectId === 'string' ? name(a.chiefAadObjectId) : t.who.noChief },
      ];
    }
    case 'channel':
      return [
        { title: t.channel.platform, value: String(a.platform) },
        { title: t.channel.accountName, value: String(a.accountName) },
        { title: t.channel.accountUrl, value: String(a.accountUrl) },
        { title: t.channel.startDate, value: String(a.startDate) },
        { title: t.channel.endDate, value: typeof a.endDate === 'string' ? a.endDate : t.review.ongoing },
      ];
    case 'purpose':
      return Object.keys(a).map((field) => ({
        title: field === 'goals' ? t.purpose.goal(1) : field === 'purpose' && kind === 'monitoring' ? t.purpose.monitoringFact : (t.purpose as Record<string, unknown>)[field] as string,
        value: Array.isArray(a[field]) ? (a[field] as string[]).join('; ') : String(a[field]),
      }));
    case 'administration':
      return [
        { title: t.review.administrators, value: administrators(a.admins as string[], communicator).map(name).join(', ') },
        { title: t.administration.loginStorage, value: String(a.loginStorage) },
        { title: t.administration.substitute, value: name(a.substitute) },
      ];
    case 'commitments': {
      const answered = Object.values(a);
      return [{ title: t.review.confirmedTitle, value: t.review.confirmed(answered.filter((v) => v === true).length, answered.length) }];
    }
    default: {
      const exhaustive: never = step;
      return exhaustive;
    }
  }
}

/** The communicator of the department the plan names, if any. */
export function communicatorOf(view: PlanView, assignment: Assignment): string | undefined {
  const departmentId = (assignment.draft.who as { departmentId?: unknown } | undefined)?.departmentId;
  return view.departments.find((d) => d.id === departmentId)?.communicatorAadObjectId;
}

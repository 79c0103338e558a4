import { accountAdminsCard, type AdaptiveCard } from '../../../cards';
import { accountName } from '../../domain/account';
import { peopleNamed, validateStep } from '../../domain/activityPlan';
import type { Assignment } from '../../domain/assignment';
import { texts } from '../../i18n';
import { answersFromCard, cardValues, listInputs, pickedPeople, sentValues } from '../shared/planForm';
import { planChoices } from '../shared/planChoices';
import { loadView } from '../shared/planView';
import { nameIn, type PlanView } from '../shared/planView';
import type { Made } from '../commands/press';
import type { CardHandler, CardTurn } from '../turn';
import { accountVerb, type AccountDeps } from './access';

function adminsCard(turn: CardTurn, view: PlanView, a: Assignment, values: Record<string, string>, errors: Record<string, string> = {}, notice?: string): AdaptiveCard {
  const t = texts(turn.locale);
  const labels = t.plan.administration;
  return accountAdminsCard({
    title: t.account.adminsTitle(accountName(a)),
    intro: t.account.adminsIntro,
    notice,
    noticeStyle: 'attention',
    assignmentId: a.id,
    t: { ...Object.fromEntries(Array.from({ length: listInputs }, (_, i) => [`admin${i + 1}`, labels.admin(i + 1)])), loginStorage: labels.loginStorage, substitute: labels.substitute },
    v: values,
    p: pickedPeople('administration', values, (id) => nameIn(view, id)),
    e: errors,
    hints: { required: t.fieldErrors.required },
    save: t.account.save,
    back: t.account.back,
  });
}

/** "Ändra administration" (R10, R14): the owner keeps the admins, where the login is kept and the substitute up to date. */
export function administrationHandlers(deps: AccountDeps): Record<'admins' | 'adminsSave', CardHandler> {
  return {
    admins: accountVerb(deps, {
      who: 'owner',
      form: async ({ turn, stored: { value: a } }) => {
        const view = await loadView(deps, turn.locale, { assignments: [a] });
        return adminsCard(turn, view, a, cardValues('administration', a.plan?.kind === 'account' ? a.plan.administration : {}));
      },
    }),

    adminsSave: accountVerb(deps, {
      who: 'owner',
      command: async ({ turn, stored: { value: a }, meta }): Promise<Made> => {
        const answers = answersFromCard('administration', turn.data);
        const view = await loadView(deps, turn.locale, { assignments: [a], people: peopleNamed(answers) });
        const result = validateStep('account', 'administration', answers, planChoices(view, a));
        if (!result.ok) {
          const t = texts(turn.locale);
          // A refused password is not shown again: the card stays in the chat history.
          const values = sentValues('administration', turn.data);
          for (const e of result.errors) if (e.code === 'credential') values[e.field] = '';
          const errors = Object.fromEntries(result.errors.map((e) => [e.field, t.fieldErrors[e.code]]));
          return { show: adminsCard(turn, view, a, values, errors, t.plan.notices.fix) };
        }
        const administration = result.value as Extract<Assignment['plan'], { kind: 'account' }>['administration'];
        return { type: 'ChangeAdministration', meta, administration };
      },
      done: ({ turn }) => texts(turn.locale).account.savedNotice,
    }),
  };
}

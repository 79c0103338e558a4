import { DateTime } from 'luxon';
import { z } from 'zod';
import { accountAdminsCard, accountCloseCard, accountListCard, accountOwnerCard, type AdaptiveCard, type NoticeStyle } from '../../../cards';
import { mayClose } from '../../domain/account';
import { administrators, validateStep } from '../../domain/activityPlan';
import { cardId } from '../../domain/fields';
import type { Assignment, Command } from '../../domain/assignment';
import { texts } from '../../i18n';
import type { Stored } from '../../store/repository';
import { approversFor } from '../approval/approvers';
import { periodLabel } from '../duties/view';
import type { FlowDeps } from '../deps';
import type { CardHandler, CardTurn } from '../turn';
import { answersFromCard, cardValues, listInputs, sentValues } from '../plan/form';
import type { PlanDeps } from '../plan/session';
import { loadView } from '../plan/session';
import { planChoices } from '../plan/choices';

const onAccount = z.object({ assignmentId: cardId });
const ticked = z.union([z.literal('true'), z.literal(true)]);
/** The closing checklist: every box ticked (R11, R15). */
const checklistData = z.object({ finalSnapshotArchived: ticked, closedOnPlatform: ticked, followersPointedToWebsite: ticked });
const date = (iso: string) => DateTime.fromISO(iso).setZone('Europe/Stockholm').toISODate() ?? iso;
const nameOf = (a: Assignment) => (a.plan?.kind === 'account' ? `${a.plan.channel.accountName} (${a.plan.channel.platform})` : '');

/** R15: the latest half-year archived, and how (the PDF's name, or the archive's reference). */
function lastSnapshot(a: Assignment, t: ReturnType<typeof texts>): { title: string; value: string }[] {
  const evidence = a.status === 'active' || a.status === 'closed' ? (a as Extract<Assignment, { status: 'active' }>).dutyLog?.evidence ?? {} : {};
  const latest = Object.entries(evidence)
    .filter(([key]) => key.startsWith('archive|'))
    .sort(([x], [y]) => y.localeCompare(x))[0];
  if (!latest) return [];
  const [key, proof] = latest;
  const period = periodLabel(t, key.slice('archive|'.length));
  const how = proof.kind === 'snapshot' ? proof.fileName : proof.kind === 'sentToArchive' ? t.account.facts.archiveReference(proof.reference) : '';
  return [{ title: t.account.facts.lastSnapshot, value: `${period}: ${how}` }];
}

/** An owner's accounts after approval: "mina konton", changing who runs one, and closing one (R10, R11, R14). */
export function accountHandlers(
  deps: PlanDeps & Pick<FlowDeps, 'run'>,
): Record<'mine' | 'unreadable' | 'admins' | 'adminsSave' | 'owner' | 'ownerSave' | 'close' | 'closeConfirm', CardHandler> {
  /** The owner's accounts, with what just happened (`good`) or why it did not (`warning`, `attention`). */
  const mine = async (turn: CardTurn, shown: { notice?: string; style?: NoticeStyle } = {}): Promise<AdaptiveCard> => {
    const t = texts(turn.locale);
    const view = await loadView(deps, turn.locale);
    // Only what the user owns now: an account handed over stays in the earlier owner's history only.
    const owned = (await deps.assignments.listFor(turn.user.aadObjectId)).filter(
      (a) => (a.status === 'active' || a.status === 'closed') && a.applicant.aadObjectId === turn.user.aadObjectId,
    );
    return accountListCard({
      title: t.account.mineTitle,
      empty: t.account.empty,
      notice: shown.notice,
      noticeStyle: shown.style ?? 'good',
      accounts: owned.map((a) => {
        const plan = a.plan!;
        const communicator = view.people.find((p) => p.aadObjectId === view.departments.find((d) => d.id === plan.who.departmentId)?.communicatorAadObjectId)?.name;
        const facts =
          plan.kind === 'account'
            ? [
                { title: t.account.facts.admins, value: administrators(plan.administration.admins, communicator).join(', ') },
                { title: t.account.facts.substitute, value: plan.administration.substitute },
                { title: t.account.facts.loginStorage, value: plan.administration.loginStorage },
                ...lastSnapshot(a, t),
              ]
            : [];
        const active = a.status === 'active';
        return {
          id: a.id,
          name: plan.kind === 'account' ? nameOf(a) : t.account.monitoring,
          status: a.status === 'closed' ? t.account.closed(date(a.closedAt)) : a.status === 'active' ? t.account.active(date(a.activatedAt)) : '',
          active: active && plan.kind === 'account',
          facts,
          dutiesTitle: t.account.dutiesTitle,
          duties: active && plan.kind === 'account' ? t.approval.toApplicant.duties.map((text) => ({ text })) : [],
          changeLabel: t.account.change,
          ownerLabel: t.account.owner,
          closeLabel: t.account.close,
        };
      }),
    });
  };

  /** The stored assignment named by the card, if the user may act on it as `who` says. */
  async function load(turn: CardTurn, who: 'owner' | 'closer'): Promise<{ refused: AdaptiveCard } | { stored: Stored<Assignment>; communicator?: string }> {
    const t = texts(turn.locale).account;
    const parsed = onAccount.safeParse(turn.data);
    if (!parsed.success) return { refused: await mine(turn, { notice: t.unreadable, style: 'attention' }) };
    const stored = await deps.assignments.get(parsed.data.assignmentId);
    if (!stored?.value.plan) return { refused: await mine(turn, { notice: t.notFound, style: 'attention' }) };
    const { communicator } = await approversFor(deps.directory, stored.value);
    const allowed = who === 'owner' ? stored.value.applicant.aadObjectId === turn.user.aadObjectId : mayClose(stored.value, turn.user.aadObjectId, communicator);
    if (!allowed) return { refused: await mine(turn, { notice: who === 'owner' ? t.notOwner : t.notAllowed, style: 'warning' }) };
    if (stored.value.status !== 'active') return { refused: await mine(turn, { notice: t.notActive, style: 'warning' }) };
    return { stored, communicator };
  }

  async function run(turn: CardTurn, command: Command, stored: Stored<Assignment>, done: string, onRefused: () => Promise<AdaptiveCard>): Promise<AdaptiveCard> {
    const t = texts(turn.locale).account;
    const result = await deps.run(command, { id: stored.value.id, loaded: stored, reach: turn.reach });
    if (result.ok) return mine(turn, { notice: done });
    if (result.reason === 'conflict') return mine(turn, { notice: t.lostRace, style: 'warning' });
    return result.reason === 'notAllowed' ? mine(turn, { notice: t.notAllowed, style: 'warning' }) : onRefused();
  }

  const adminsCard = (turn: CardTurn, a: Assignment, values: Record<string, string>, errors: Record<string, string> = {}, notice?: string) => {
    const t = texts(turn.locale);
    const labels = t.plan.administration;
    return accountAdminsCard({
      title: t.account.adminsTitle(nameOf(a)),
      intro: t.account.adminsIntro,
      notice,
      noticeStyle: 'attention',
      assignmentId: a.id,
      t: { ...Object.fromEntries(Array.from({ length: listInputs }, (_, i) => [`admin${i + 1}`, labels.admin(i + 1)])), loginStorage: labels.loginStorage, substitute: labels.substitute },
      v: values,
      e: errors,
      hints: { required: t.fieldErrors.required },
      save: t.account.save,
      back: t.account.back,
    });
  };

  return {
    mine: (turn) => mine(turn),

    /** For a card about an account that could not be read: the accounts, saying so. */
    unreadable: (turn) => mine(turn, { notice: texts(turn.locale).account.unreadable, style: 'attention' }),

    admins: async (turn) => {
      const loaded = await load(turn, 'owner');
      if ('refused' in loaded) return loaded.refused;
      const a = loaded.stored.value;
      return adminsCard(turn, a, cardValues('administration', a.plan?.kind === 'account' ? a.plan.administration : {}));
    },

    adminsSave: async (turn) => {
      const loaded = await load(turn, 'owner');
      if ('refused' in loaded) return loaded.refused;
      const a = loaded.stored.value;
      const view = await loadView(deps, turn.locale);
      const result = validateStep('account', 'administration', answersFromCard('administration', turn.data), planChoices(view, a.applicant.aadObjectId));
      if (!result.ok) {
        const t = texts(turn.locale);
        const values = sentValues('administration', turn.data);
        for (const e of result.errors) if (e.code === 'credential') values[e.field] = '';
        const errors = Object.fromEntries(result.errors.map((e) => [e.field, t.fieldErrors[e.code]]));
        return adminsCard(turn, a, values, errors, t.plan.notices.fix);
      }
      const command: Command = {
        type: 'ChangeAdministration',
        meta: { actor: turn.user, now: deps.clock().toISOString() },
        administration: result.value as Extract<Assignment['plan'], { kind: 'account' }>['administration'],
      };
      return run(turn, command, loaded.stored, texts(turn.locale).account.savedNotice, () => mine(turn));
    },

    owner: async (turn) => {
      const loaded = await load(turn, 'owner');
      if ('refused' in loaded) return loaded.refused;
      return ownerCard(turn, loaded.stored.value);
    },

    ownerSave: async (turn) => {
      const loaded = await load(turn, 'owner');
      if ('refused' in loaded) return loaded.refused;
      const a = loaded.stored.value;
      const t = texts(turn.locale);
      if (a.status === 'active' && a.pendingOwner) return mine(turn, { notice: t.account.ownerPending, style: 'warning' });
      const chosen = z.object({ newOwner: cardId }).safeParse(turn.data);
      const person = chosen.success ? await deps.directory.person(chosen.data.newOwner) : undefined;
      if (!person || person.aadObjectId === a.applicant.aadObjectId) return ownerCard(turn, a, t.fieldErrors.unknownChoice);
      const command: Command = {
        type: 'ProposeOwner',
        meta: { actor: turn.user, now: deps.clock().toISOString() },
        newOwner: { aadObjectId: person.aadObjectId, name: person.name },
      };
      const chief = (await deps.directory.person(a.plan?.who.chiefAadObjectId ?? ''))?.name ?? t.plan.who.chief;
      return run(turn, command, loaded.stored, t.account.ownerSent(chief), () => mine(turn));
    },

    close: async (turn) => {
      const loaded = await load(turn, 'closer');
      if ('refused' in loaded) return loaded.refused;
      return closeCard(turn, loaded.stored.value);
    },

    closeConfirm: async (turn) => {
      const loaded = await load(turn, 'closer');
      if ('refused' in loaded) return loaded.refused;
      const a = loaded.stored.value;
      if (!checklistData.safeParse(turn.data).success) return closeCard(turn, a, texts(turn.locale).account.checklistMissing);
      const command: Command = {
        type: 'CloseAccount',
        meta: { actor: turn.user, now: deps.clock().toISOString(), communicator: loaded.communicator },
        checklist: { finalSnapshotArchived: true, closedOnPlatform: true, followersPointedToWebsite: true },
      };
      return run(turn, command, loaded.stored, texts(turn.locale).account.closedNotice(nameOf(a)), () => Promise.resolve(closeCard(turn, a)));
    },
  };

  async function ownerCard(turn: CardTurn, a: Assignment, notice?: string): Promise<AdaptiveCard> {
    const t = texts(turn.locale);
    const people = (await deps.directory.everyone()).filter((p) => p.aadObjectId !== a.applicant.aadObjectId);
    return accountOwnerCard({
      title: t.account.ownerTitle(nameOf(a)),
      intro: t.account.ownerIntro,
      notice,
      label: t.account.ownerLabel,
      hint: t.fieldErrors.unknownChoice,
      people: people.map((p) => ({ title: `${p.name}, ${p.title}`, value: p.aadObjectId })),
      send: t.account.ownerSend,
      back: t.account.back,
      assignmentId: a.id,
    });
  }

  function closeCard(turn: CardTurn, a: Assignment, notice?: string): AdaptiveCard {
    const t = texts(turn.locale).account;
    return accountCloseCard({
      title: t.closeTitle(nameOf(a) || t.monitoring),
      intro: t.closeIntro,
      notice,
      noticeStyle: 'attention',
      assignmentId: a.id,
      t: t.checklist,
      confirm: t.closeConfirm,
      back: t.back,
    });
  }
}

import { DateTime } from 'luxon';
import { z } from 'zod';
import { overdueCard, overviewCard, type AdaptiveCard } from '../../../cards';
import { routedDepartment } from '../../domain/approval';
import { localDate, longDate, zone } from '../../domain/calendar';
import { dutyKinds } from '../../domain/duties';
import { newestFirst, type OverdueItem } from '../../domain/overview';
import { texts } from '../../i18n';
import type { FigureStore } from '../../store/figures';
import { cardInput, cardVerb, type Answered } from '../commands/press';
import type { RefusalShown } from '../commands/refusals';
import type { FlowDeps } from '../deps';
import { figuresData, readFigures } from '../shared/figuresView';
import { overseen, type Oversight } from '../shared/overseen';
import type { CardHandler, CardTurn } from '../turn';

export type OverviewDeps = Pick<FlowDeps, 'directory' | 'clock' | 'assignments' | 'run'> & { readonly figures: Pick<FigureStore, 'weeks' | 'totals' | 'overdue'> };

/** Overdue duties shown on a page of "Visa försenade". */
const pageSize = 8;

const departmentId = z.string().max(200).optional();
const showInput = z.object({ departmentId });
const listInput = z.object({ departmentId, page: z.coerce.number().int().min(0).max(1000).default(0) });
const remindInput = z.object({ assignmentId: z.string().min(1).max(200), duty: z.enum(dutyKinds), period: z.string().min(1).max(100), departmentId, page: z.coerce.number().int().min(0).max(1000).default(0) });

/** The departments shown: the one chosen on the card if the viewer oversees it (never because the card says so), else all they oversee. */
const chosen = (oversights: readonly Oversight[], asked: string | undefined) => {
  const one = oversights.find((o) => o.department.id === asked);
  return one ? [one] : oversights;
};

/**
 * R16: "Översikt": the figures of the departments someone oversees, in charts (the communications
 * chief every department, with a department picker; a communicator theirs; a chief their unit), read
 * from the counted rows; "Visa försenade" (paged, newest first) and "Påminn nu" from there.
 */
export function overviewHandlers(deps: OverviewDeps): Record<'show' | 'overdue' | 'remind', CardHandler> {
  const titleOf = (turn: CardTurn, all: readonly Oversight[], shown: readonly Oversight[]) =>
    shown.length === 1 ? shown[0]!.department.name : all.some((o) => o.as === 'commschief') ? texts(turn.locale).overview.everything : shown.map((o) => o.department.name).join(', ');
  const picker = (turn: CardTurn, all: readonly Oversight[], shown: readonly Oversight[]) => {
    const t = texts(turn.locale).overview;
    return all.length > 1
      ? { departments: [{ title: t.all, value: 'all' }, ...all.map((o) => ({ title: o.department.name, value: o.department.id }))], departmentId: shown.length === 1 ? shown[0]!.department.id : 'all', departmentLabel: t.department, show: t.show }
      : { departmentId: shown[0]?.department.id ?? '' };
  };

  const show = async (turn: CardTurn, asked: string | undefined, notice?: string): Promise<AdaptiveCard> => {
    const t = texts(turn.locale).overview;
    const { departments: all } = await overseen(deps.directory, turn.user.aadObjectId);
    if (all.length === 0) return overviewCard({ heading: t.heading, title: t.heading, notice: t.notAllowed, departmentId: '', showOverdue: t.showOverdue });
    const shown = chosen(all, asked);
    // The communications chief's view of every department reads the municipality's rows, not each department's.
    const everything = shown.length === all.length && all.some((o) => o.as === 'commschief');
    const read = await readFigures(deps.figures, shown.map((o) => o.department), DateTime.fromJSDate(deps.clock()), everything);
    return overviewCard({
      heading: t.heading,
      title: titleOf(turn, all, shown),
      counted: read.countedAt ? t.counted(`${longDate(read.countedAt, turn.locale)} ${DateTime.fromISO(read.countedAt, { zone }).toFormat('HH.mm')}`) : t.notCounted,
      ...(notice ? { notice } : {}),
      ...picker(turn, all, shown),
      showOverdue: t.showOverdue,
      charts: figuresData(turn.locale, read),
    });
  };

  /** One page of the overdue duties of the departments shown, newest first: a page of each department's rows. */
  const overdue = async (
    turn: CardTurn,
    asked: string | undefined,
    page: number,
    notice?: { text: string; style: RefusalShown['style'] },
    /** The departments the person oversees, where the turn has read them already. */
    read?: readonly Oversight[],
  ): Promise<AdaptiveCard> => {
    const t = texts(turn.locale);
    const o = t.overview.overdue;
    const all = read ?? (await overseen(deps.directory, turn.user.aadObjectId)).departments;
    const shown = chosen(all, asked);
    const found = await Promise.all(shown.map(async (s) => (await deps.figures.overdue(s.department.id, (page + 1) * pageSize + 1)).map((item) => ({ item, as: s.as }))));
    const sorted = found.flat().sort((x, y) => newestFirst(x.item, y.item));
    const onPage = sorted.slice(page * pageSize, (page + 1) * pageSize);
    const today = localDate(deps.clock().toISOString());
    const daysLate = (item: OverdueItem) => Math.max(0, Math.round(DateTime.fromISO(today).diff(DateTime.fromISO(item.due), 'days').days));
    // Whoever may read the record (R4): the communications chief and the communicator always; a chief only as the owner's manager now.
    const mayRead = async (item: OverdueItem, as: Oversight['as']) => as !== 'chief' || (await deps.directory.person(item.ownerAadObjectId))?.chiefAadObjectId === turn.user.aadObjectId;
    return overdueCard({
      heading: t.overview.heading,
      title: `${o.title}: ${all.length === 0 ? t.overview.heading : titleOf(turn, all, shown)}`,
      intro: all.length === 0 ? t.overview.notAllowed : page > 0 ? `${o.intro} ${o.page(page + 1)}` : o.intro,
      ...(notice ? { notice: notice.text, noticeStyle: notice.style } : {}),
      departmentId: shown.length === 1 ? shown[0]!.department.id : '',
      page,
      more: sorted.length > (page + 1) * pageSize,
      items: await Promise.all(
        onPage.map(async ({ item, as }) => ({
          assignmentId: item.assignmentId,
          duty: item.duty,
          period: item.period,
          account: item.account,
          line: o.line(t.duties.digest.kinds[item.duty], item.owner, daysLate(item)),
          ...(item.escalated ? { escalated: o.escalated } : {}),
          mayRead: await mayRead(item, as),
        })),
      ),
      none: o.none,
      remind: o.remind,
      record: o.record,
      previous: o.previous,
      next: o.next,
      back: o.back,
    });
  };

  const unreadable = (turn: CardTurn, refusal: RefusalShown) => show(turn, undefined, refusal.text);
  return {
    show: cardInput({ surface: 'overview', input: showInput, answer: (turn, input) => show(turn, input.departmentId), fallback: unreadable }),
    overdue: cardInput({ surface: 'overview', input: listInput, answer: (turn, input) => overdue(turn, input.departmentId, input.page), fallback: unreadable }),
    // "Påminn nu": a command on the assignment (audited; once a day per duty, decided by the domain).
    // The context: every department the person oversees (the list is drawn from it again), and the owner's among them.
    remind: cardVerb<z.infer<typeof remindInput>, { all: readonly Oversight[]; theirs: Oversight | undefined }>(deps, {
      surface: 'overview',
      input: remindInput,
      assignmentId: (input) => input.assignmentId,
      load: async ({ stored, turn }) => {
        const all = (await overseen(deps.directory, turn.user.aadObjectId)).departments;
        return { all, theirs: all.find((o) => o.department.id === routedDepartment(stored.value)) };
      },
      authorise: ({ context }) => (context.theirs ? undefined : { reason: 'notAllowed' }),
      command: ({ input, meta, context }) => ({ type: 'RemindOwner', meta: { ...meta, ...(context.theirs ? { overseer: context.theirs.as } : {}) }, duty: input.duty, period: input.period }),
      answer: ({ turn, input, stored, context }, answered: Answered) =>
        overdue(turn, input.departmentId, input.page, answered.ok ? { text: texts(turn.locale).overview.reminded(stored.value.applicant.name), style: 'good' } : answered.refusal, context.all),
      fallback: (turn, refusal, input) => overdue(turn, input?.departmentId, input?.page ?? 0, refusal),
    }),
  };
}


import type { Choice } from './plan';
import template from './duty.json';
import bundle from './dutyBundle.json';
import evaluation from './dutyEvaluation.json';
import absence from './absence.json';
import digest from './digest.json';
import { withFigures, type FiguresCardData } from './overview';
import { expand } from './template';
import type { Verb } from './verbs';

/** A nudge about a duty (DESIGN.md, "Duties and nudges"): what is due, and what is overdue for an escalation. */
export interface DutyCardData {
  readonly heading: string;
  readonly title: string;
  readonly paragraphs: readonly { readonly text: string }[];
  readonly facts: readonly Choice[];
  readonly itemsTitle: string;
  readonly items: readonly { readonly text: string }[];
  readonly actions: readonly { readonly title: string; readonly verb: Verb; readonly data: Readonly<Record<string, string>> }[];
  /** Links that open outside Teams (the archived PDF). */
  readonly links?: readonly { readonly title: string; readonly url: string }[];
  /** What happened when a task on the card was done, or what to fix. */
  readonly notice?: string;
  readonly noticeStyle?: 'good' | 'attention' | 'default';
  /** A line to fill in (the archive's reference), with what was typed and any error. */
  readonly field?: { readonly id: string; readonly label: string; readonly value: string; readonly error?: string };
  /** One to choose (which account and half-year a PDF sent in the chat is for, R15), with the one chosen. */
  readonly choice?: { readonly id: string; readonly label: string; readonly hint: string; readonly value: string; readonly choices: readonly Choice[] };
  /** Dates to pick (the day of the latest post, pause until), each with what was picked and any error. */
  readonly dates?: readonly { readonly id: string; readonly label: string; readonly value: string; readonly error?: string }[];
}

export const dutyCard = (data: DutyCardData) => expand(template, { links: [], ...data });

/**
 * One person's nudges of one sweep as one card: a section per thing to do, each with its own
 * buttons; a single section is drawn as the nudge card itself.
 */
export function dutyBundleCard(data: { readonly heading: string; readonly title: string; readonly sections: readonly Omit<DutyCardData, 'heading'>[] }) {
  const [only, ...more] = data.sections;
  return only && more.length === 0 ? dutyCard({ ...only, heading: data.heading }) : expand(bundle, data);
}

/**
 * The evaluation report as a form (R6): per goal of the plan whether it was met and the figure reached
 * (required where the goal names one), figures of the period, the 48 hours, what to change, and what
 * the owner decides (the choices the period allows).
 */
export interface DutyEvaluationCardData {
  readonly heading: string;
  readonly title: string;
  readonly intro: string;
  readonly notice?: string;
  readonly goals: readonly {
    readonly id: string;
    readonly label: string;
    readonly value: string;
    readonly figureId: string;
    readonly figureLabel: string;
    readonly figure: string;
    readonly figureRequired: boolean;
  }[];
  readonly decisions: readonly Choice[];
  readonly t: Readonly<Record<'yes' | 'partly' | 'no' | 'followers' | 'posts' | 'answered' | 'always' | 'mostly' | 'seldom' | 'incidents' | 'change' | 'decision' | 'send', string>>;
  readonly v: Readonly<Record<'followers' | 'posts' | 'answeredWithin48h' | 'incidents' | 'change' | 'decision', string>>;
  readonly hints: { readonly required: string; readonly number: string };
  readonly task: Readonly<Record<string, string>>;
}

export const dutyEvaluationCard = (data: DutyEvaluationCardData) => expand(evaluation, data);

/** "Jag är borta" (R14): the dates away and who watches the accounts meanwhile. */
export interface AbsenceCardData {
  readonly title: string;
  /** Absent when the notice says it all. */
  readonly intro?: string;
  readonly notice?: string;
  readonly noticeStyle?: 'good' | 'attention';
  readonly form: boolean;
  readonly accounts: readonly Choice[];
  readonly t: { readonly from: string; readonly to: string; readonly substitute: string };
  readonly v: { readonly from: string; readonly to: string; readonly substitute: string };
  /** The substitute chosen, as the people picker's one choice (it shows a chosen person only so): never a list. */
  readonly picked: readonly Choice[];
  readonly hints: { readonly date: string };
  readonly actions: readonly { readonly title: string; readonly verb: Verb; readonly data: Readonly<Record<string, string>> }[];
}

export const absenceCard = (data: AbsenceCardData) => expand(absence, data);

/** The weekly digest (R16): figures, and a line per item that opens it. */
export interface DigestCardData {
  readonly heading: string;
  readonly title: string;
  readonly figures: readonly Choice[];
  readonly linesTitle: string;
  readonly lines: readonly { readonly assignmentId: string; readonly text: string }[];
  readonly allGood: string;
  readonly open: string;
  /** R16: the overview's figures with their 12-week trend, as charts. */
  readonly charts?: FiguresCardData;
}

export const digestCard = (data: DigestCardData) => withFigures(expand(digest, data), data.charts);

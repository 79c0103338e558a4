import type { Choice } from './plan';
import reportBullying from './reportBullying.json';
import reportCriticism from './reportCriticism.json';
import reportMessage from './reportMessage.json';
import reportMenu from './reportMenu.json';
import reportNegative from './reportNegative.json';
import reportSummary from './reportSummary.json';
import reportsAbout from './reportsAbout.json';
import { expand } from './template';

/** "Rapportera": what can be reported, each with a short explanation. */
export interface ReportMenuCardData {
  readonly title: string;
  readonly intro: string;
  /** Why the menu is shown instead of what was asked for. */
  readonly notice?: string;
  readonly kinds: readonly { readonly kind: string; readonly title: string; readonly text: string; readonly button: string }[];
}

/** A report form: labels (t), values (v), server errors (e), and the choices of its lists. */
export interface ReportFormCardData {
  readonly kind: 'criticism' | 'message' | 'bullying' | 'negative';
  readonly title: string;
  readonly intro: string;
  readonly notice?: string;
  readonly hint: string;
  readonly t: Readonly<Record<string, string>>;
  readonly v: Readonly<Record<string, string>>;
  readonly e: Readonly<Record<string, string>>;
  readonly choices: Readonly<Record<string, readonly Choice[]>>;
  readonly send: string;
  readonly back: string;
}

/** A filed report: the receipt for the reporter, and the card its recipients get. */
export interface ReportSummaryCardData {
  readonly title: string;
  readonly notice?: string;
  readonly noticeStyle?: 'good' | 'attention';
  readonly paragraphs: readonly { readonly text: string }[];
  readonly facts: readonly Choice[];
  /** R13: the registrar's field for the diary number, with what was typed and any error. */
  readonly number?: { readonly label: string; readonly value: string; readonly hint: string; readonly error?: string; readonly button: string; readonly reportId: string };
}

/** R16: what has been reported about a department, for its chiefs and communicator. */
export interface ReportsAboutCardData {
  readonly title: string;
  readonly intro?: string;
  readonly notice?: string;
  readonly items: readonly { readonly heading: string; readonly excerpt: string; readonly link: string; readonly open: string }[];
  readonly report: string;
  /** For one who may see several departments (a communicator of more than one, the communications chief): which one. */
  readonly departments?: readonly Choice[];
  readonly departmentId?: string;
  readonly departmentLabel?: string;
  readonly show?: string;
}

const forms = { criticism: reportCriticism, message: reportMessage, bullying: reportBullying, negative: reportNegative };

export const reportMenuCard = (data: ReportMenuCardData) => expand(reportMenu, data);
export const reportFormCard = (data: ReportFormCardData) => expand(forms[data.kind], data);
export const reportSummaryCard = (data: ReportSummaryCardData) => expand(reportSummary, data);
export const reportsAboutCard = (data: ReportsAboutCardData) => expand(reportsAbout, data);

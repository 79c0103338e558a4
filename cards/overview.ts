import overdue from './overdue.json';
import overview from './overview.json';
import overviewFigures from './overviewFigures.json';
import { expand, type AdaptiveCard } from './template';
import type { Choice } from './plan';

/**
 * R16: the overview's figures as Teams' own charts (`Chart.*`), each with a sentence saying what it
 * shows and a fallback (a fact set) for a client that does not draw charts. Counts only: never who
 * reported something.
 */
export interface FiguresCardData {
  readonly accounts: { readonly title: string; readonly sentence: string; readonly inUse: string; readonly closed: string; readonly rows: readonly { readonly name: string; readonly active: number; readonly closed: number; readonly value: string }[] };
  readonly duties: { readonly title: string; readonly sentence: string; readonly slices: readonly { readonly legend: string; readonly value: number; readonly color: string; readonly text: string }[] };
  readonly trend: {
    readonly title: string;
    readonly sentence: string;
    readonly legend: string;
    readonly week: string;
    readonly count: string;
    readonly points: readonly { readonly label: string; readonly overdue: number; readonly criticism: number; readonly negative: number; readonly text: string; readonly reportsText: string }[];
  };
  readonly evaluations: { readonly title: string; readonly sentence: string; readonly done: number; readonly due: number; readonly left: number; readonly doneLegend: string; readonly leftLegend: string; readonly text: string };
  readonly reports: { readonly title: string; readonly sentence: string; readonly criticism: string; readonly negative: string };
}

export interface OverviewCardData {
  readonly heading: string;
  readonly title: string;
  readonly counted?: string;
  readonly notice?: string;
  /** For one who oversees several departments: which to show ("" for all of them). */
  readonly departments?: readonly Choice[];
  readonly departmentId: string;
  readonly departmentLabel?: string;
  readonly show?: string;
  readonly showOverdue: string;
  readonly charts?: FiguresCardData;
}

export interface OverdueCardData {
  readonly heading: string;
  readonly title: string;
  readonly intro: string;
  readonly notice?: string;
  readonly noticeStyle?: 'good' | 'warning' | 'attention' | 'emphasis';
  readonly departmentId: string;
  readonly page: number;
  readonly more: boolean;
  readonly items: readonly { readonly assignmentId: string; readonly duty: string; readonly period: string; readonly account: string; readonly line: string; readonly escalated?: string; readonly mayRead: boolean }[];
  readonly none: string;
  readonly remind: string;
  readonly record: string;
  readonly previous: string;
  readonly next: string;
  readonly back: string;
}

/** The charts alone, to go on a card (the overview, the weekly digest). */
export const figuresBody = (figures: FiguresCardData): readonly unknown[] => (expand(overviewFigures, figures).body as unknown[]) ?? [];

/** A card with the figures' charts after its own body. */
export const withFigures = (card: AdaptiveCard, figures: FiguresCardData | undefined): AdaptiveCard =>
  figures ? { ...card, body: [...((card.body as unknown[]) ?? []), ...figuresBody(figures)] } : card;

export const overviewCard = (data: OverviewCardData): AdaptiveCard => withFigures(expand(overview, data), data.charts);
export const overdueCard = (data: OverdueCardData): AdaptiveCard => expand(overdue, data);

import type { Texts } from '../../i18n';

/** A duty's period in words: "andra halvåret 2026", or the date it is due. */
export function periodLabel(t: Texts, period: string): string {
  const half = /^(\d{4})-H([12])$/.exec(period);
  return half ? t.duties.halfYear(half[2] === '1' ? 1 : 2, Number(half[1])) : period.replace(/^end-/, '');
}

import { calendarDay, cardId, isCalendarDate, wholeNumber } from '../../bot/domain/fields';

describe('what a card carries back besides what people typed', () => {
  it('R4: a version or a figure is a whole number as JSON or as the digits an input sends, nothing that merely converts to one', () => {
    const version = wholeNumber(1_000);
    expect([3, '3', '0', 1_000].map((v) => version.safeParse(v).data)).toEqual([3, 3, 0, 1_000]);
    for (const forged of [true, false, null, [1], ['1'], {}, '', ' 1', '0x1', '1e1', '1.5', 1.5, -1, '-1', 'NaN', 1_001, '١']) {
      expect([forged, version.safeParse(forged).success]).toEqual([forged, false]);
    }
  });

  it('R4: an id is a GUID, so a changed card never reaches storage with something else', () => {
    expect(cardId.safeParse('f0000000-0000-4000-8000-000000000001').success).toBe(true);
    for (const forged of ['', 'a1', 'x\uD800y', "x' or RowKey ne '", '../../etc/passwd', `f0000000-0000-4000-8000-000000000001${'x'.repeat(10)}`, 5]) {
      expect([forged, cardId.safeParse(forged).success]).toEqual([forged, false]);
    }
  });

  it('R14: a date is a day of the calendar written YYYY-MM-DD', () => {
    expect(['2027-02-28', '2028-02-29'].map(isCalendarDate)).toEqual([true, true]);
    expect(['2027-02-29', '2027-02-30', '2027-13-01', '2027-1-1', '01/01/2027', '2027-01-01T00:00'].map(isCalendarDate)).toEqual([false, false, false, false, false, false]);
    expect(calendarDay.safeParse(20270101).success).toBe(false);
  });
});

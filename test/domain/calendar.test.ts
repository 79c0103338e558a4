import { DateTime } from 'luxon';
import { addWorkingDays, daysOff, easterSunday, isWorkingDay, nextOfficeMoment, zone } from '../../bot/domain/calendar';

const at = (iso: string) => DateTime.fromISO(iso, { zone });
const off = (year: number) => [...daysOff(year)].map(([date, name]) => `${date} ${name}`);

describe('the Swedish working calendar (Europe/Stockholm)', () => {
  it.each([
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    [2031, '2031-04-13'],
    [2032, '2032-03-28'],
    [2033, '2033-04-17'],
    [2034, '2034-04-09'],
    [2035, '2035-03-25'],
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSunday(year).toISODate()).toBe(date);
  });

  it.each([
    [2026, '2026-06-19', '2026-10-31'],
    [2027, '2027-06-25', '2027-11-06'],
    [2028, '2028-06-23', '2028-11-04'],
    [2029, '2029-06-22', '2029-11-03'],
    [2030, '2030-06-21', '2030-11-02'],
    [2031, '2031-06-20', '2031-11-01'],
    [2032, '2032-06-25', '2032-11-06'],
    [2033, '2033-06-24', '2033-11-05'],
    [2034, '2034-06-23', '2034-11-04'],
    [2035, '2035-06-22', '2035-11-03'],
  ])('%i: midsummer eve %s and All Saints\' Day %s are days off', (year, eve, allSaints) => {
    expect(off(year)).toEqual(expect.arrayContaining([`${eve} Midsommarafton`, `${allSaints} Alla helgons dag`]));
    expect(isWorkingDay(at(`${eve}T10:00`))).toBe(false);
  });

  it('knows all the days off of a year, eves included', () => {
    expect(off(2027)).toEqual([
      '2027-01-01 Nyårsdagen',
      '2027-01-06 Trettondedag jul',
      '2027-03-26 Långfredagen',
      '2027-03-28 Påskdagen',
      '2027-03-29 Annandag påsk',
      '2027-05-01 Första maj',
      '2027-05-06 Kristi himmelsfärdsdag',
      '2027-05-16 Pingstdagen',
      '2027-06-06 Sveriges nationaldag',
      '2027-06-25 Midsommarafton',
      '2027-06-26 Midsommardagen',
      '2027-11-06 Alla helgons dag',
      '2027-12-24 Julafton',
      '2027-12-25 Juldagen',
      '2027-12-26 Annandag jul',
      '2027-12-31 Nyårsafton',
    ]);
  });

  it('finds the next office moment: weekends, holidays, evenings and the spring DST change', () => {
    // Thursday before Easter 2027, after office hours → the next working day is Tuesday after Easter;
    // the clocks went forward on Sunday, so 08:00 local is 06:00 UTC.
    const next = nextOfficeMoment(at('2027-03-25T17:30'));
    expect(next.toISO()).toBe('2027-03-30T08:00:00.000+02:00');
    expect(next.toUTC().toISO()).toBe('2027-03-30T06:00:00.000Z');
    expect(nextOfficeMoment(at('2027-01-04T07:15')).toISO()).toBe('2027-01-04T08:00:00.000+01:00');
    expect(nextOfficeMoment(at('2027-01-04T11:00')).toISO()).toBe('2027-01-04T11:00:00.000+01:00');
    expect(nextOfficeMoment(at('2026-12-23T16:59')).toISO()).toBe('2026-12-23T16:59:00.000+01:00');
    expect(nextOfficeMoment(at('2026-12-23T17:00')).toISO()).toBe('2026-12-28T08:00:00.000+01:00');
    expect(nextOfficeMoment(at('2027-10-30T12:00')).toISO()).toBe('2027-11-01T08:00:00.000+01:00'); // autumn DST weekend
  });

  it('R1: counts working days past weekends and holidays', () => {
    expect(addWorkingDays(at('2027-03-25T10:00'), 2).toISODate()).toBe('2027-03-31');
    expect(addWorkingDays(at('2026-12-22T10:00'), 5).toISODate()).toBe('2027-01-04');
    expect(addWorkingDays(at('2027-01-07T10:00'), 2).toISODate()).toBe('2027-01-11');
  });
});

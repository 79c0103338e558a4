import { localeOf } from '../../bot/domain/locale';

describe('locale (R9: the bot writes to people in their language)', () => {
  it.each([
    ['sv-SE', 'sv'],
    [undefined, 'sv'],
    ['fi-FI', 'sv'],
    ['en-US', 'en'],
    ['EN-gb', 'en'],
  ])('%s → %s', (teams, expected) => {
    expect(localeOf(teams)).toBe(expected);
  });
});

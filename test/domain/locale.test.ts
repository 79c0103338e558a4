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

  it('follows the configured language whatever the client says (the Playground always says en-US)', () => {
    expect(localeOf('en-US', 'sv')).toBe('sv');
    expect(localeOf('sv-SE', 'en')).toBe('en');
  });
});

import { texts } from '../../bot/i18n';

const leaves = (value: unknown, path = ''): [string, unknown][] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k))
    : [[path, value]];

describe('texts (R9: klarspråk, short, in Swedish and English)', () => {
  it('every Swedish text has an English one, and none is empty', () => {
    const sv = leaves(texts('sv'));
    const en = leaves(texts('en'));

    expect(en.map(([path]) => path)).toEqual(sv.map(([path]) => path));
    for (const [path, value] of [...sv, ...en]) {
      expect([path, typeof value === 'function' || (typeof value === 'string' && value.trim().length > 0)]).toEqual([path, true]);
    }
  });

  it('R9: field messages are short, one or two sentences', () => {
    for (const message of [...Object.values(texts('sv').fieldErrors), ...Object.values(texts('en').fieldErrors)]) {
      expect(message.length).toBeLessThanOrEqual(70);
    }
  });
});

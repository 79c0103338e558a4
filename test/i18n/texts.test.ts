import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { texts } from '../../bot/i18n';
import type { Locale } from '../../bot/domain/locale';
import { glossary } from '../../bot/i18n/glossary';

const leaves = (value: unknown, path = ''): [string, unknown][] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k))
    : [[path, value]];

/** Every Swedish text as it reads: strings as they are, functions called with a name, a number or a date. */
const swedishTexts = () => textsOf('sv');

/** Every text of a language as it reads: strings as they are, functions called with a name or a number. */
function textsOf(locale: Locale): [string, string][] {
  return leaves(texts(locale)).flatMap(([path, value]): [string, string][] => {
    if (typeof value === 'string') return [[path, value]];
    if (typeof value !== 'function') return [];
    const fn = value as (...args: unknown[]) => unknown;
    return ['Klas Berg', 3].flatMap((arg): [string, string][] => {
      try {
        const out = fn(...Array.from({ length: Math.max(fn.length, 1) }, () => arg));
        return typeof out === 'string' ? [[path, out]] : [];
      } catch {
        return [];
      }
    });
  });
}

/** The texts written into the card templates themselves (not their sample data): anything not bound from data. */
function cardTemplateTexts(): [string, string][] {
  const dir = path.join(__dirname, '..', '..', 'cards');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json') && !file.endsWith('.sample.json'))
    .flatMap((file) =>
      leaves(JSON.parse(readFileSync(path.join(dir, file), 'utf8')))
        .filter(([key, value]) => typeof value === 'string' && /(^|\.)(text|title|label|placeholder|errorMessage|altText|fallbackText|speak)$/.test(key))
        .map(([key, value]): [string, string] => [`${file}: ${key}`, String(value).replace(/\$\{[^}]*\}/g, '')]),
    );
}

/** Words from the IT department and the code, which staff need not know (R9): say "kommunens personalkatalog", "fil", "kontrollsumma". */
const itWords = /Entra|JSON|SHA-?\d|(?<![\p{L}])(I[dD]|GUID|Azure|Graph)(?![\p{L}])/u;

describe('texts (R9: klarspråk, short, in Swedish and English)', () => {
  it('R9: no word from the IT department or the code in what staff read, in either language or on a card: no "Entra ID", "JSON", "SHA-256" or "Id"', () => {
    const read = [...textsOf('sv'), ...textsOf('en'), ...cardTemplateTexts()];
    expect(read.length).toBeGreaterThan(900);
    expect(read.filter(([, text]) => itWords.test(text))).toEqual([]);
  });

  it('R9: the plain-words check catches what it forbids', () => {
    for (const text of ['Kontrollsumma (SHA-256)', 'Hämta som JSON', 'Id', 'Din chef i Entra ID', 'no personal ID numbers']) expect(itWords.test(text)).toBe(true);
    for (const text of ['Kontrollsumma', 'Hämta som fil', 'kommunens personalkatalog', 'Idrott och fritid', 'Ideas', 'Graphic profile']) expect(itWords.test(text)).toBe(false);
  });

  it('R9: the Swedish texts say "du", never "ni" or "er"', () => {
    const plural = swedishTexts().filter(([, text]) => /(?<![\p{L}])(ni|er|era|ert|Ni|Er)(?![\p{L}])/u.test(text));
    expect(plural).toEqual([]);
  });

  it('R9: one word for one thing: no Swedish text uses a synonym the glossary forbids', () => {
    const found = swedishTexts().flatMap(([path, text]) =>
      glossary.flatMap((entry) =>
        entry.never.filter((word) => new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'iu').test(text)).map((word) => `${path}: "${word}" (say "${entry.word}")`),
      ),
    );
    expect(found).toEqual([]);
  });

  it('R9: the glossary catches what it forbids (a text with "ägaren" fails)', () => {
    const owner = glossary.find((entry) => entry.word === 'ansvarig')!;
    expect(owner.never.some((word) => new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'iu').test('Kontot har en ny ägare.'))).toBe(true);
  });

  it('R9: Swedish quotation marks (”…”), and never a name from the code (such as an event\'s, "DutyCompleted")', () => {
    const texts = swedishTexts();
    expect(texts.filter(([, text]) => text.includes('"'))).toEqual([]);
    expect(texts.filter(([, text]) => /\b[A-Z][a-z]+[A-Z][A-Za-z]*\b/.test(text))).toEqual([]);
  });

  it('R15: the registrar diarieför, the municipal archive archives: no text has the archive register anything', () => {
    const sv = swedishTexts().filter(([, text]) => /kommunarkiv/i.test(text) && /diarief/i.test(text));
    const en = leaves(texts('en')).flatMap(([path, value]) => {
      const text = typeof value === 'function' ? String((value as (...a: unknown[]) => unknown)('Klas Berg', 'Klas Berg')) : String(value);
      return /municipal archive/i.test(text) && /\bregist(er|ered|ration)\b/i.test(text) ? [[path, text]] : [];
    });
    expect([...sv, ...en]).toEqual([]);
  });

  it('R12: the legal promise names everything the policy names: terms, the source, copyright and trademarks, written consent, secrecy, and asking the chief', () => {
    const promise = texts('sv').plan.commitments.followsLegalTerms;
    for (const words of ['villkor', 'länkar till källan', 'upphovsrätt', 'varumärken', 'skriftligt samtycke', 'sekretess', 'frågar jag min chef']) expect(promise).toContain(words);
  });

  it('R8: the profile offers both of the policy\'s wordings and the contact centre, as the policy says: where possible', () => {
    const profile = texts('sv').plan.commitments.followsGraphicProfile;
    for (const words of ['officiellt konto för Botkyrka kommun', 'verksamheten är en del av Botkyrka kommun', '08-530 610 00', 'Om det går', 'logotyp']) expect(profile).toContain(words);
  });

  it('R14: the help on removing posts names every ground the policy lists, and the law it rests on', () => {
    const help = texts('sv').help.topics.moderation.answer;
    for (const ground of ['personangrepp', 'obscena ord', 'hets mot folkgrupp', 'intrång i upphovsrätt', 'våldsskildringar', 'pornografi', 'kommersiell reklam', 'lagen (1998:112) om ansvar för elektroniska anslagstavlor']) {
      expect(help).toContain(ground);
    }
  });

  it('R9: a name in the genitive: Klas ansökan, Elin Eks ansökan', () => {
    const t = texts('sv');
    expect(t.duties.approval.longWait('Klas', 'Karim Berg', 5)).toContain('Klas ansökan');
    expect(t.duties.approval.longWait('Elin Ek', 'Karim Berg', 5)).toContain('Elin Eks ansökan');
  });


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

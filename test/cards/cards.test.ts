import { isVerb, type AdaptiveCard } from '../../cards';
import { expand } from '../../cards/template';
import { welcome } from '../../bot/flows/welcome';
import { cardSamples, withoutPeoplePickers } from '../../dev/gallery';

// The browser bundle is the one that loads in Node (see README, "Known facts").
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js');

const samples = cardSamples();

/** Every problem the Adaptive Cards SDK reports when it parses and validates the card. */
function sdkProblems(card: AdaptiveCard): string[] {
  const context = new AC.SerializationContext();
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  const validation = parsed.validateProperties();
  for (let i = 0; i < validation.validationEvents.length; i++) problems.push(validation.validationEvents[i].message);
  return withoutPeoplePickers(problems, card);
}

function actionsOf(node: unknown): { type: string; verb?: unknown }[] {
  if (Array.isArray(node)) return node.flatMap(actionsOf);
  if (typeof node !== 'object' || node === null) return [];
  const here = (node as { type?: unknown }).type;
  const own = typeof here === 'string' && here.startsWith('Action.') ? [node as { type: string; verb?: unknown }] : [];
  return [...own, ...Object.values(node).flatMap(actionsOf)];
}

function checkCard(card: AdaptiveCard) {
  expect(card.type).toBe('AdaptiveCard');
  expect(card.version).toBe('1.5');
  expect(sdkProblems(card)).toEqual([]);
  expect(JSON.stringify(card)).not.toMatch(/\$\{/); // nothing left unbound
  for (const action of actionsOf(card)) {
    // Universal Actions only: no Action.Submit; ShowCard and OpenUrl do not reach the bot.
    expect(['Action.Execute', 'Action.ShowCard', 'Action.OpenUrl']).toContain(action.type);
    if (action.type === 'Action.Execute') expect(isVerb(action.verb)).toBe(true);
  }
  expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(40 * 1024); // Teams' message limit
}

describe('the card check itself', () => {
  it('reports what the SDK finds wrong in a broken card', () => {
    const broken: AdaptiveCard = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlok', text: 'x' }, { type: 'Input.Text' }] };

    expect(sdkProblems(broken).length).toBeGreaterThan(0);
  });
});

describe('card templates', () => {
  it('has at least the welcome card', () => {
    expect(samples.map((s) => s.name)).toContain('welcome');
  });

  it.each(samples.map((s) => [s.name, s.card] as const))('%s, expanded with its sample data, is a valid Adaptive Card 1.5 with known verbs', (_name, card) => {
    checkCard(card);
  });
});

describe('card texts are plain text (issue 34)', () => {
  it('markdown people write shows as written in texts and facts, and inputs and text runs keep it unchanged', () => {
    const written = '**fet** [länk](https://evil.example) _kursiv_ ~struken~ `kod` <https://evil.example> a\\b';
    const template = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: 'Syfte: ${written}' },
        { type: 'FactSet', facts: [{ title: '${written}', value: '${written}' }] },
        { type: 'Input.Text', id: 'purpose', value: '${written}' },
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: '${written}' }] },
      ],
    };
    const card = expand(template, { written }) as unknown as { body: Record<string, unknown>[] };
    const escaped = '\\*\\*fet\\*\\* \\[länk\\](https://evil.example) \\_kursiv\\_ \\~struken\\~ \\`kod\\` \\<https://evil.example\\> a\\\\b';

    expect(card.body[0]!.text).toBe(`Syfte: ${escaped}`);
    expect(card.body[1]!.facts).toEqual([{ title: escaped, value: escaped }]);
    expect(card.body[2]!.value).toBe(written);
    expect(card.body[3]!.inlines).toEqual([{ type: 'TextRun', text: written }]);
    checkCard(card as unknown as AdaptiveCard);
  });
});

describe('welcome card (R9: short, clear, "du")', () => {
  it.each(['sv', 'en'] as const)('is valid in %s, with and without a notice', (locale) => {
    checkCard(welcome(locale, 'Elin Ek'));
    checkCard(welcome(locale, undefined, 'unknownAction'));
  });

  it('greets by first name and leaves the notice out when there is none', () => {
    const card = JSON.stringify(welcome('sv', 'Elin Ek'));

    expect(card).toContain('Hej Elin! Jag är Kanalkoll.');
    expect(card).not.toContain('känner jag inte igen');
  });
});

describe('Teams people pickers', () => {
  const picker = (extra: object) => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Input.ChoiceSet', id: 'who', choices: [], ...extra }] }) as unknown as AdaptiveCard;

  it('a ChoiceSet Teams fills from Graph (Data.Query) needs no static choices; any other empty ChoiceSet is still refused', () => {
    expect(sdkProblems(picker({ 'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' } }))).toEqual([]);
    expect(sdkProblems(picker({}))).toEqual(['An Input.ChoiceSet must have at least one choice defined.']);
  });

  it('no card template lists people: people fields are pickers (Teams takes 40 KB; Botkyrka has ~6,000 staff)', () => {
    for (const { name, card } of samples) expect([name, JSON.stringify(card).includes('"people"')]).toEqual([name, false]);
  });
});

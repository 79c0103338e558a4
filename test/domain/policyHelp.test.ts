import { PolicyHelpSearch, sources, topics, type Topic } from '../../bot/domain/policyHelp';
import { asked, elsewhere } from '../../bot/domain/policyQuestions';
import { texts } from '../../bot/i18n';

const answers = [texts('sv').help.topics, texts('en').help.topics];
const folds = 5;
const inFold = (fold: number) => (_: unknown, i: number) => i % folds === fold;
const notInFold = (fold: number) => (_: unknown, i: number) => i % folds !== fold;

/**
 * Each question answered by a search built without it (5-fold cross-validation): the share right is what
 * a new question can expect, not a search reciting what it was given.
 */
function crossValidated(): { right: number; unrelatedAnswered: number; misses: string[] } {
  let right = 0;
  let unrelatedAnswered = 0;
  const misses: string[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const search = new PolicyHelpSearch(answers, asked.filter(notInFold(fold)), elsewhere.filter(notInFold(fold)));
    for (const [question, topic] of asked.filter(inFold(fold))) {
      const found = search.topicOf(question);
      if (found === topic) right++;
      else misses.push(`${question} → ${found ?? 'menu'} (right: ${topic})`);
    }
    unrelatedAnswered += elsewhere.filter(inFold(fold)).filter((question) => search.topicOf(question) !== undefined).length;
  }
  return { right: right / asked.length, unrelatedAnswered: unrelatedAnswered / elsewhere.length, misses };
}

describe('policy help: which topic a question is about', () => {
  const search = new PolicyHelpSearch(answers, asked, elsewhere);
  const result = crossValidated();

  it('has at least 150 labelled questions in Swedish and English, every topic asked about', () => {
    expect(asked.length).toBeGreaterThanOrEqual(150);
    expect(asked.filter(([q]) => /\b(the|what|how|can|is)\b/i.test(q)).length).toBeGreaterThanOrEqual(50);
    expect(new Set(asked.map(([, topic]) => topic))).toEqual(new Set(topics));
  });

  it('R1–R23: answers at least 90 % of questions it was not built with with the right section first', () => {
    console.log(`policy help, cross-validated: ${(result.right * 100).toFixed(1)} % right first; ${(result.unrelatedAnswered * 100).toFixed(1)} % of unrelated questions answered\n${result.misses.join('\n')}`);
    expect(result.right).toBeGreaterThanOrEqual(0.9);
  });

  it('leaves at least 85 % of questions about other things to the menu', () => {
    expect(result.unrelatedAnswered).toBeLessThanOrEqual(0.15);
  });

  it.each([
    ['hur länge ska vi spara inlägg?', 'archiving'],
    ['måste jag svara på kommentarer på helgen?', 'duties'],
    ['kan jag använda mitt privata konto i jobbet?', 'assignment'],
  ] as [string, Topic][])('the issue\'s own examples: "%s" → %s', (question, topic) => {
    expect(search.topicOf(question)).toBe(topic);
  });

  it('a question in new words meets a topic through synonyms, stems and compounds', () => {
    // None of these is in the labelled set.
    expect(search.topicOf('var lägger vi inloggningsuppgifterna till snapchatkontot?')).toBe('administration');
    expect(search.topicOf('Får vi lägga upp skolfotona från lucia?')).toBe('legal');
    expect(search.topicOf('who removes the spam comments when I am on holiday?')).toBe('moderation');
  });

  it.each(['Vad blir det för lunch i dag?', 'När kommer lönen?', 'hur byter jag lösenord till datorn?', 'What is the weather like tomorrow?', 'tjena', 'Skriv en dikt om hösten'])(
    '"%s" gets the menu, not a guess',
    (question) => {
      expect(search.topicOf(question)).toBeUndefined();
    },
  );

  // What the seed says, rule by rule, asked in everyday words: the answer found says the same.
  it.each([
    ['R17', 'jag sitter i fullmäktige, får jag dela kommunens sida på min blogg?', 'politicians', ['länka till kommunens webbplats', 'åsikterna är dina eller ditt partis']],
    ['R18', 'får jag tipsa en journalist om hur det är på mitt jobb?', 'freedom', ['fritt säga vad du tycker', 'tystnadsplikt', 'meddelarfrihet', 'vård, socialtjänst, förskola och skola']],
    ['R19', 'ska jag säga att jag jobbar i kommunen när jag skriver om skolan privat?', 'openness', ['vem du är', 'som privatperson']],
    ['R20', 'får jag skriva på facebook att min chef är inkompetent?', 'attacks', ['lojaliteten mot din arbetsgivare', 'Tänk efter']],
    ['R21', 'en elev blir hotad i en snapgrupp, vad gör jag?', 'bullying', ['säg till din chef', 'polisen']],
    ['R22', 'det sprids en elak artikel om vår skola, vem ska jag säga till?', 'forwardCriticism', ['närmaste chef', 'kommunikationschefen']],
    ['R23', 'är det ok att scrolla insta på arbetstid?', 'workTime', ['så länge det inte påverkar ditt arbete negativt']],
  ] as [string, string, Topic, string[]][])('%s: "%s" is answered with what the policy says', (_rule, question, topic, says) => {
    expect(search.topicOf(question)).toBe(topic);
    for (const words of says) expect(texts('sv').help.topics[topic].answer).toContain(words);
  });

  it('a message far longer than a question, or one endless word, is answered (with the menu) without stalling', () => {
    expect(search.topicOf('a'.repeat(20_000))).toBeUndefined();
    expect(search.topicOf(`${'lösenord '.repeat(3_000)}?`)).toBe('administration');
  });

  it('R3, R4, R5, R16, R17–R23: every rule it explains has a topic citing a section of the policy', () => {
    const covered = new Set(topics.flatMap((t) => sources[t].rules));
    for (let n = 1; n <= 23; n++) expect(covered).toContain(`R${n}`);
  });
});

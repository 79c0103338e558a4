import { languageOf as languageShown, PolicyHelpSearch, sectionsOf, sources, topics, type Topic } from '../../bot/domain/policyHelp';
import { asked, elsewhere } from '../../bot/domain/policyQuestions';
import { policySections } from '../../bot/domain/policySections';
import { texts } from '../../bot/i18n';
import { blind } from './data/policyHelpBlind';
import { blindBySeparateWriter } from './data/policyHelpBlindSeparate';
import { blindThird, unrelatedThird } from './data/policyHelpBlind3';
import { blindFourth, unrelatedFourth } from './data/policyHelpBlind4';
import { blindFifth, unrelatedFifth } from './data/policyHelpBlind5';

const answers = [texts('sv').help.topics, texts('en').help.topics];
const folds = 5;
const inFold = (fold: number) => (_: unknown, i: number) => i % folds === fold;
const notInFold = (fold: number) => (_: unknown, i: number) => i % folds !== fold;

type Language = 'sv' | 'en';
/**
 * The language a labelled question is written in: the search's own reading, Swedish where none shows
 * (checked by hand against all of them when this was written).
 */
const languageOf = (question: string): Language => languageShown(question) ?? 'sv';

interface Score {
  right: number;
  asked: number;
}
const share = ({ right, asked }: Score): number => right / asked;
const percent = (score: Score): string => `${(share(score) * 100).toFixed(1)} % of ${score.asked}`;

/**
 * Each question answered by a search built without it (5-fold cross-validation): the share right is what
 * a new question can expect, not a search reciting what it was given. The word lists and synonyms are
 * the same in every fold, and were written with the misses in view: this share is the search's best
 * case. The held-out set below is the honest one.
 */
function crossValidated(): { byLanguage: Record<Language, Score>; unrelatedAnswered: number; misses: string[] } {
  const byLanguage: Record<Language, Score> = { sv: { right: 0, asked: 0 }, en: { right: 0, asked: 0 } };
  let unrelatedAnswered = 0;
  const misses: string[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const search = new PolicyHelpSearch(answers, asked.filter(notInFold(fold)), elsewhere.filter(notInFold(fold)));
    for (const [question, topic] of asked.filter(inFold(fold))) {
      const score = byLanguage[languageOf(question)];
      const found = search.topicOf(question);
      score.asked++;
      if (found === topic) score.right++;
      else misses.push(`${question} → ${found ?? 'menu'} (right: ${topic})`);
    }
    unrelatedAnswered += elsewhere.filter(inFold(fold)).filter((question) => search.topicOf(question) !== undefined).length;
  }
  return { byLanguage, unrelatedAnswered: unrelatedAnswered / elsewhere.length, misses };
}

/** The held-out questions (never in the search's data), answered by the search as it ships. */
function heldOut(search: PolicyHelpSearch): { byLanguage: Record<Language, Score>; all: Score; misses: string[] } {
  const byLanguage: Record<Language, Score> = { sv: { right: 0, asked: 0 }, en: { right: 0, asked: 0 } };
  const misses: string[] = [];
  for (const [language, question, section, topic] of blind) {
    const found = search.topicOf(question);
    byLanguage[language].asked++;
    if (found === topic) byLanguage[language].right++;
    else misses.push(`${question} → ${found ?? 'menu'} (right: ${topic}, "${section}")`);
  }
  const all = { right: byLanguage.sv.right + byLanguage.en.right, asked: blind.length };
  return { byLanguage, all, misses };
}

/**
 * The sections that had a topic when the separate writer's set was first scored (2026-12-06); the rest
 * (who the policy is for, the summary, what social media are, why, what an assignment is, developing
 * the communication) got theirs after, and are scored apart as well, so neither hides the other.
 */
const coveredFirst = new Set<string>(
  topics.filter((t) => !['about', 'socialMedia', 'why', 'improve'].includes(t)).map((t) => sources[t].heading),
);

/**
 * The second held-out set, by a writer who read only the policy: right when the answer found cites the
 * section the writer named (a topic cites only sections its answer says all of: `sources`). Questions
 * about a section no topic cites are counted apart.
 */
function bySeparateWriter(search: PolicyHelpSearch): { covered: Record<Language, Score>; first: Record<Language, Score>; uncovered: Score; misses: string[] } {
  const headings = new Set<string>(topics.flatMap(sectionsOf));
  const covered: Record<Language, Score> = { sv: { right: 0, asked: 0 }, en: { right: 0, asked: 0 } };
  const first: Record<Language, Score> = { sv: { right: 0, asked: 0 }, en: { right: 0, asked: 0 } };
  const uncovered: Score = { right: 0, asked: 0 };
  const misses: string[] = [];
  for (const [language, question, section] of blindBySeparateWriter) {
    const found = search.topicOf(question);
    const right = found !== undefined && (sectionsOf(found) as readonly string[]).includes(section);
    for (const score of headings.has(section) ? [covered[language], ...(coveredFirst.has(section) ? [first[language]] : [])] : [uncovered]) {
      score.asked++;
      if (right) score.right++;
    }
    if (!right) misses.push(`${question} → ${found ?? 'menu'} (right: "${section}")`);
  }
  return { covered, first, uncovered, misses };
}

/**
 * The third and fourth held-out sets, each by a writer given only the policy and the topics' brief
 * (test/domain/data/policyHelpWritersBrief.md), and scored once when added: right when the topic found is the
 * writer's, and the share of its questions about other things that get an answer rather than the menu. A
 * question that is word for word among the labelled (or unrelated) questions the search is built from is
 * left out: the search has seen it. Their misses are not printed, so that they are not tuned on.
 */
const labelledQuestions = new Set(asked.map(([question]) => question.toLowerCase()));
const unrelatedQuestions = new Set(elsewhere.map((question) => question.toLowerCase()));
type BlindSet = readonly (readonly [language: Language, question: string, topic: Topic])[];
type BlindUnrelated = readonly (readonly [language: Language, question: string])[];
const unseen = <T extends readonly [Language, string, ...unknown[]]>(questions: readonly T[], alsoAmong?: Set<string>): T[] =>
  questions.filter(([, question]) => !labelledQuestions.has(question.toLowerCase()) && !alsoAmong?.has(question.toLowerCase()));
const third = unseen(blindThird);
const unrelatedOfThird = unseen(unrelatedThird, unrelatedQuestions);
const fourth = unseen(blindFourth);
const unrelatedOfFourth = unseen(unrelatedFourth, unrelatedQuestions);
const fifth = unseen(blindFifth);
const unrelatedOfFifth = unseen(unrelatedFifth, unrelatedQuestions);

/**
 * A blind writer's questions, right when the writer's topic is found (`byLanguage`), or is found or offered
 * beside it ("Menade du …?": `offered`); and of theirs about other things, those answered (as `right`).
 */
function byBlindWriter(
  search: PolicyHelpSearch,
  questions: BlindSet,
  unrelated: BlindUnrelated,
): { byLanguage: Record<Language, Score>; offered: Score; unrelatedAnswered: Score } {
  const byLanguage: Record<Language, Score> = { sv: { right: 0, asked: 0 }, en: { right: 0, asked: 0 } };
  const offered: Score = { right: 0, asked: questions.length };
  for (const [language, question, topic] of questions) {
    const found = search.answer(question);
    byLanguage[language].asked++;
    if (found?.topic === topic) byLanguage[language].right++;
    if (found?.topic === topic || found?.also.includes(topic)) offered.right++;
  }
  return { byLanguage, offered, unrelatedAnswered: { right: unrelated.filter(([, question]) => search.topicOf(question) !== undefined).length, asked: unrelated.length } };
}

describe('policy help: which topic a question is about', () => {
  const search = new PolicyHelpSearch(answers, asked, elsewhere);
  const result = crossValidated();
  const held = heldOut(search);
  const separate = bySeparateWriter(search);
  const byThird = byBlindWriter(search, third, unrelatedOfThird);
  const byFourth = byBlindWriter(search, fourth, unrelatedOfFourth);
  const byFifth = byBlindWriter(search, fifth, unrelatedOfFifth);
  const all = { right: result.byLanguage.sv.right + result.byLanguage.en.right, asked: asked.length };

  beforeAll(() => {
    console.log(
      [
        `policy help, cross-validated: ${percent(all)} right first; Swedish ${percent(result.byLanguage.sv)}, English ${percent(result.byLanguage.en)} (goal ≥ 95 % in each); ` +
          `${(result.unrelatedAnswered * 100).toFixed(1)} % of ${elsewhere.length} unrelated questions answered (goal ≤ 10 %)`,
        `policy help, held out: ${percent(held.all)} right first; Swedish ${percent(held.byLanguage.sv)}, English ${percent(held.byLanguage.en)} (goal ≥ 90 %)`,
        `policy help, held out by a separate writer who read only the policy: ${percent(separate.covered.sv)} Swedish, ${percent(separate.covered.en)} English of the questions whose section has a topic (goal ≥ 90 %); ` +
          `of those whose section had one first, ${percent(separate.first.sv)} Swedish, ${percent(separate.first.en)} English; ${separate.uncovered.asked} about sections with no topic`,
        `policy help, held out by a third writer given only the policy and test/domain/data/policyHelpWritersBrief.md: Swedish ${percent(byThird.byLanguage.sv)}, English ${percent(byThird.byLanguage.en)} right first (goal ≥ 90 %); ` +
          `${percent(byThird.unrelatedAnswered)} questions about other things answered (goal ≤ 10 %); ` +
          `left out as word for word among the search's own: ${blindThird.length - third.length} and ${unrelatedThird.length - unrelatedOfThird.length}`,
        `policy help, held out by a fourth writer given the same: Swedish ${percent(byFourth.byLanguage.sv)}, English ${percent(byFourth.byLanguage.en)} right first (goal ≥ 90 %); ` +
          `${percent(byFourth.unrelatedAnswered)} questions about other things answered (goal ≤ 10 %); ` +
          `left out as word for word among the search's own: ${blindFourth.length - fourth.length} and ${unrelatedFourth.length - unrelatedOfFourth.length}`,
        `policy help, held out by a fifth and sixth writer given the same: Swedish ${percent(byFifth.byLanguage.sv)}, English ${percent(byFifth.byLanguage.en)} right first (goal ≥ 90 %); ` +
          `right first or offered beside it: ${percent(byFifth.offered)}; ` +
          `${percent(byFifth.unrelatedAnswered)} questions about other things answered (goal ≤ 10 %); ` +
          `left out as word for word among the search's own: ${blindFifth.length - fifth.length} and ${unrelatedFifth.length - unrelatedOfFifth.length}`,
        'missed, by the separate writer:',
        ...separate.misses,
        'missed, cross-validated:',
        ...result.misses,
        'missed, held out:',
        ...held.misses,
      ].join('\n'),
    );
  });

  it('has at least 150 labelled questions in Swedish and English, every topic asked about', () => {
    expect(asked.length).toBeGreaterThanOrEqual(150);
    expect(asked.filter(([q]) => /\b(the|what|how|can|is)\b/i.test(q)).length).toBeGreaterThanOrEqual(50);
    expect(new Set(asked.map(([, topic]) => topic))).toEqual(new Set(topics));
  });

  it('has at least 150 labelled questions in each language', () => {
    expect(result.byLanguage.sv.asked).toBeGreaterThanOrEqual(150);
    expect(result.byLanguage.en.asked).toBeGreaterThanOrEqual(150);
  });

  // The goal is 95 % in each language (issue 31). What is reached is asserted, so that a change that
  // loses ground fails; raise these as the search gets better, never lower them to make a change pass.
  // 2026-12-06: 93.0 % and 91.4 % (from 92.3 % and 90.1 %), after English contractions, fillers, "council" as the
  // municipality's name and "how long since" phrases. Then a fourth labelled set (405 questions by a writer who saw
  // only the policy and the topics' brief) made the measure harder, not the search worse: 88.7 % and 79.7 % with it,
  // 88.7 % and 82.3 % after the changes chosen by cross-validation on it (an English question read in English, the
  // rest of working life coming close sends to the menu, compounds and neuter endings); the lines moved to those.
  // A fifth and a sixth set (422 more, written the same way) with the search unchanged: 88.9 % and 84.9 %.
  // Why this share cannot be raised by the word lists: they are the same in every fold, so a word added for a
  // question this measure misses is in the index that answers it. Tried (2026-12-06): words for the misses of
  // this measure lifted it to 94.1 % and 92.4 %, and left unchanged the score of the fourth held-out set, written
  // blind and scored before and after (55/60 and 53/60 both times); those words were taken out again.
  // Then a question whose nearest labelled one is about something else goes to the menu (for the goal below): 87.9 %
  // and 83.95 %, a point given for six fewer unrelated questions answered; the lines moved to that.
  it('R17–R23: answers questions it was not built with, cross-validated, with the right section first: at least 87 % in Swedish and 83 % in English', () => {
    expect(share(result.byLanguage.sv)).toBeGreaterThanOrEqual(0.87);
    expect(share(result.byLanguage.en)).toBeGreaterThanOrEqual(0.83);
  });

  // The goal is 90 % (issue 31). 2026-12-06: 9.1 % of 110 answered; the fifth and sixth sets' writers added 73
  // questions about other things, half of them close to the policy's words (a private account's password, an app),
  // with the search unchanged: 14.8 % of 183; since a question whose nearest labelled one is about something else
  // goes to the menu (the rest of working life is too varied for one document): 8.7 %.
  it('leaves at least 90 % of questions about other things to the menu', () => {
    expect(result.unrelatedAnswered).toBeLessThanOrEqual(0.1);
  });

  // The goal is 90 % in each language; what is reached is asserted (2026-12-06: 28/30 Swedish, 29/30 English).
  it('R17–R23: answers the held-out questions, written blind, with the right section first: at least 93 % in Swedish and 96 % in English', () => {
    expect(blind.length).toBeGreaterThanOrEqual(60);
    expect(held.byLanguage.en.asked).toBeGreaterThanOrEqual(30);
    expect(share(held.byLanguage.sv)).toBeGreaterThanOrEqual(0.93);
    expect(share(held.byLanguage.en)).toBeGreaterThanOrEqual(0.96);
  });

  // The goal is 90 % (issue 31); what is reached is asserted (2026-12-06: 23/24 Swedish, 20/24 English at first;
  // 22/24 and 21/24 since the changes chosen by cross-validation above, 53/60 in all as before: one Swedish
  // question went from right to wrong and one English from wrong to right. Which ones was not looked at,
  // so that this set is not tuned on; 23/24 and 23/24 after the changes chosen by cross-validation on the fourth labelled set).
  it('R17–R23: answers the held-out questions of a separate writer, who read only the policy, with the right section first: at least 95 % in Swedish and 95 % in English of those whose section had a topic first', () => {
    expect(blindBySeparateWriter.length).toBe(60);
    expect(share(separate.first.sv)).toBeGreaterThanOrEqual(0.95);
    expect(share(separate.first.en)).toBeGreaterThanOrEqual(0.95);
  });

  // Every section the separate writer asked about has a topic (issue 31); what is reached is asserted (2026-12-06: 28/30 Swedish,
  // 25/30 English; after the changes above: 27/30 and 26/30; after those chosen on the fourth labelled set: 28/30 and 28/30).
  it('R17–R23: every section the separate writer asked about has a topic that cites it, and at least 93 % in Swedish and 93 % in English of all their questions are answered with it first', () => {
    expect(separate.uncovered.asked).toBe(0);
    expect(share(separate.covered.sv)).toBeGreaterThanOrEqual(0.93);
    expect(share(separate.covered.en)).toBeGreaterThanOrEqual(0.93);
  });

  // The goal is 90 % in each language and at most 10 % of the questions about other things answered (issue 31); what is
  // reached is asserted. Scored once, after the last change to the search (2026-12-06): 31/32 Swedish, 29/32 English,
  // 0 of 18 answered (with the 2 and 2 questions left out that are among the search's own: 32/33, 30/33, 0 of 20).
  it('R17–R23: answers the held-out questions of a third writer, given only the policy and the topics\' brief, with the writer\'s topic first: at least 96 % in Swedish and 90 % in English, and leaves every question about other things to the menu', () => {
    expect(third.length).toBeGreaterThanOrEqual(60);
    expect(byThird.byLanguage.sv.asked).toBeGreaterThanOrEqual(30);
    expect(byThird.byLanguage.en.asked).toBeGreaterThanOrEqual(30);
    expect(share(byThird.byLanguage.sv)).toBeGreaterThanOrEqual(0.96);
    expect(share(byThird.byLanguage.en)).toBeGreaterThanOrEqual(0.9);
    expect(byThird.unrelatedAnswered.right).toBe(0);
  });

  // The goal is 90 % in each language and at most 10 % of the questions about other things answered (issue 31); what is
  // reached is asserted. Scored 2026-12-06: before and after words were added for the cross-validation's misses, 55/60
  // Swedish, 53/60 English, 4 of 23 answered both times (the words were taken out again); with the fifth and sixth
  // labelled sets, 55/60, 54/60, 1 of 23.
  it('R17–R23: answers the held-out questions of a fourth writer, given only the policy and the topics\' brief, with the writer\'s topic first: at least 91 % in Swedish and 90 % in English, and answers at most 1 of the questions about other things', () => {
    expect(fourth.length).toBeGreaterThanOrEqual(120);
    expect(share(byFourth.byLanguage.sv)).toBeGreaterThanOrEqual(0.91);
    expect(share(byFourth.byLanguage.en)).toBeGreaterThanOrEqual(0.9);
    expect(byFourth.unrelatedAnswered.right).toBeLessThanOrEqual(1);
  });

  // The largest held-out set, 432 questions and 78 about other things, and so the truest measure of a new
  // question. Scored 2026-12-06 when added: 81.0 % Swedish, 83.8 % English, 24.4 % of the questions about other
  // things answered; with the topics an answer offers beside it ("Menade du …?", added after), 91.0 % first or
  // offered. Scored once more after the nearest labelled question decides about other things (chosen by
  // cross-validation alone): 80.6 %, 82.4 %, 90.0 %, and 15.4 % answered (12 of 78, from 19). Neither goal is
  // reached; what is reached is asserted.
  it('R17–R23: answers the held-out questions of a fifth and a sixth writer with the writer\'s topic first: at least 80 % in Swedish and 82 % in English, first or offered 90 %, and answers at most 16 % of the questions about other things', () => {
    expect(fifth.length).toBeGreaterThanOrEqual(400);
    expect(share(byFifth.offered)).toBeGreaterThanOrEqual(0.9);
    expect(share(byFifth.byLanguage.sv)).toBeGreaterThanOrEqual(0.8);
    expect(share(byFifth.byLanguage.en)).toBeGreaterThanOrEqual(0.82);
    expect(share(byFifth.unrelatedAnswered)).toBeLessThanOrEqual(0.16);
  });

  it('no held-out question is among the labelled questions the search is built from', () => {
    expect(blind.filter(([, question]) => labelledQuestions.has(question.toLowerCase()))).toEqual([]);
    expect(blindBySeparateWriter.filter(([, question]) => labelledQuestions.has(question.toLowerCase()))).toEqual([]);
    // The third writer wrote 2 questions that are word for word among the labelled ones, and 2 among the
    // unrelated ones: they are left out of its score (`third`, `unrelatedOfThird`); no more may be.
    expect(blindThird.length - third.length).toBe(2);
    expect(unrelatedThird.length - unrelatedOfThird.length).toBe(2);
    // The fourth's and the fifth's questions about other things: 1 and 2 are among the search's own.
    expect([blindFourth.length - fourth.length, unrelatedFourth.length - unrelatedOfFourth.length]).toEqual([0, 1]);
    expect([blindFifth.length - fifth.length, unrelatedFifth.length - unrelatedOfFifth.length]).toEqual([0, 2]);
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

  // R11: an account not updated for a while, in everyday words ("how long since", English contractions); neither is in the labelled set.
  it.each([
    ['vi har inte lagt ut något på vår sida på ett år', 'passive'],
    ["the youth centre's page hasn't posted for weeks", 'passive'],
  ] as [string, Topic][])('R11: "%s" → %s', (question, topic) => {
    expect(search.topicOf(question)).toBe(topic);
  });

  it.each(['Vad blir det för lunch i dag?', 'När kommer lönen?', 'hur byter jag lösenord till datorn?', 'What is the weather like tomorrow?', 'tjena', 'Skriv en dikt om hösten', 'när stänger receptionen i kommunhuset?'])(
    '"%s" gets the menu, not a guess',
    (question) => {
      expect(search.topicOf(question)).toBeUndefined();
    },
  );

  // What the seed says, rule by rule, asked in everyday words: the answer found says the same.
  it.each([
    ['R17', 'jag sitter i fullmäktige, får jag dela kommunens sida på min blogg?', 'politicians', ['länka till kommunens webbplats', 'åsikterna är dina eller ditt partis']],
    ['R18', 'får jag tipsa en journalist om hur det är på mitt jobb?', 'freedom', ['fritt säga vad du tycker', 'tystnadsplikt', 'meddelarfrihet', 'vård, socialtjänst, förskola och skola']],
    ['R19', 'ska jag säga att jag jobbar i kommunen när jag skriver om skolan privat?', 'openness', ['vem du är', 'som privatperson', 'såvida du inte har fått ett specifikt uppdrag']],
    ['R20', 'får jag skriva på facebook att min chef är inkompetent?', 'attacks', ['lojaliteten mot din arbetsgivare', 'Tänk efter', 'personangrepp, osaklig kritik och oanständigheter']],
    ['R21', 'en elev blir hotad i en snapgrupp, vad gör jag?', 'bullying', ['säg till din chef', 'polisen']],
    ['R22', 'det sprids en elak artikel om vår skola, vem ska jag säga till?', 'forwardCriticism', ['närmaste chef', 'kommunikationschefen']],
    ['R23', 'är det ok att scrolla insta på arbetstid?', 'workTime', ['så länge det inte påverkar ditt arbete negativt']],
  ] as [string, string, Topic, string[]][])('%s: "%s" is answered with what the policy says', (_rule, question, topic, says) => {
    expect(search.topicOf(question)).toBe(topic);
    for (const words of says) expect(texts('sv').help.topics[topic].answer).toContain(words);
  });

  // The same in English: each answer says all its section says.
  it.each([
    ['R19', 'openness', ['who you are', 'as a private person', 'unless you have been given a specific assignment']],
    ['R20', 'attacks', ['the loyalty you owe your employer', 'personal attacks, unfair criticism and indecency']],
    ['R22', 'forwardCriticism', ['line manager', 'head of communications', 'negative for the municipality']],
  ] as [string, Topic, string[]][])('%s: the English answer on %s says what the policy says', (_rule, topic, says) => {
    for (const words of says) expect(texts('en').help.topics[topic].answer).toContain(words);
  });

  // The sections that are not rules (who the policy is for, the summary, what social media are, why,
  // what an assignment is, developing the communication): a question about them meets the topic that says them.
  it.each([
    ['sv', 'jag jobbar i hemtjänsten, gäller policyn mig?', 'about', ['Policyn gäller dig som jobbar i Botkyrka kommun', 'stöd och råd', 'ser positivt på', 'privat är du med som dig själv', 'förankrat hos kommunikationschefen']],
    ['en', 'does the policy apply to me? I work in home care', 'about', ['for you who work for Botkyrka municipality', 'support and advice', 'positive about you taking part', 'privately you take part as yourself', 'anchored with the head of communications']],
    ['sv', 'vad räknas som sociala medier?', 'socialMedia', ['bygger på samtal', 'användarna själva skapar innehållet', 'Wikipedia', 'forum, bloggar']],
    ['en', 'what counts as social media?', 'socialMedia', ['built on conversation', 'the users themselves create the content', 'Wikipedia', 'Forums, blogs']],
    ['sv', 'varför ska kommunen vara på sociala medier?', 'why', ['Folk pratar redan om Botkyrka', 'bättre service', 'på deras villkor', 'snabbt och billigt', 'förbättra bilden av Botkyrka']],
    ['en', 'why is the council on social media?', 'why', ['People already talk about Botkyrka', 'serve residents better', 'on their terms', 'quickly and cheaply', 'improve the picture of Botkyrka']],
    ['sv', 'vad räknas som ett uppdrag i jobbet?', 'assignment', ['i din yrkesroll', 'blogga om ett arbetsuppdrag', 'elever och föräldrar', 'fler regler']],
    ['en', 'what counts as an assignment at work?', 'assignment', ['in your professional role', 'blogging about a work task', 'pupils and parents', 'More rules']],
    ['sv', 'hur kan jag bli bättre på att blogga för skolan?', 'improve', ['böcker och råd på nätet', 'blogga, twittra']],
    ['en', 'how can I get better at tweeting?', 'improve', ['books and advice online', 'blogging, tweeting']],
  ] as ['sv' | 'en', string, Topic, string[]][])('R17–R23 (%s): "%s" is answered by %s, which says what its sections say', (language, question, topic, says) => {
    expect(search.topicOf(question)).toBe(topic);
    for (const words of says) expect(texts(language).help.topics[topic].answer).toContain(words);
  });

  it('R17–R23: every section of the policy is cited by a topic, and the new answers cite theirs', () => {
    const cited = new Set<string>(topics.flatMap(sectionsOf));
    expect(Object.keys(policySections).filter((heading) => !cited.has(heading))).toEqual([]);
    expect(sectionsOf('about')).toEqual(['Vem vänder sig policyn till?', 'Sammanfattning']);
    expect(sectionsOf('assignment')).toContain('Delta i sociala medier som ett uppdrag i arbetet');
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

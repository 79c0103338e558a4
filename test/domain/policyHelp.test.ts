import { sources, topicOf, topics, type Topic } from '../../bot/domain/policyHelp';

const questions: [string, Topic][] = [
  ['Får jag skriva om min arbetsplats på Facebook?', 'openness'],
  ['Måste jag säga att jag jobbar i kommunen när jag skriver privat?', 'openness'],
  ['Can I post about my workplace on Instagram?', 'openness'],
  ['Meddelarfrihet', 'freedom'],
  ['Får jag tipsa en journalist om något som händer på jobbet?', 'freedom'],
  ['Does freedom of speech apply to me as a municipal employee?', 'freedom'],
  ['Gäller tystnadsplikt på sociala medier?', 'freedom'],
  ['Jag är politiker, får jag länka till kommunens sida?', 'politicians'],
  ['Jag sitter i en nämnd och bloggar för mitt parti', 'politicians'],
  ['I am a politician, can I share the council website?', 'politicians'],
  ['Får jag fota barnen på förskolan och lägga ut?', 'legal'],
  ['Kan vi visa bilder på eleverna utan samtycke?', 'legal'],
  ['Can I post photos of children from the school trip?', 'legal'],
  ['Får jag använda någon annans film? Upphovsrätt?', 'legal'],
  ['Någon hänger ut en elev i en gruppchatt', 'bullying'],
  ['En kollega blir mobbad på nätet, vad gör jag?', 'bullying'],
  ['A pupil is being bullied on TikTok', 'bullying'],
  ['Någon har hotat en brukare i en kommentar', 'bullying'],
  ['Kritik på vår sida, måste den diarieföras?', 'registration'],
  ['Ska klagomål som kommer in via Facebook registreras?', 'registration'],
  ['Is a complaint on our page a public record?', 'registration'],
  ['Får jag vara på sociala medier på jobbet?', 'workTime'],
  ['Can I use Twitter during work?', 'workTime'],
  ['Är det ok att scrolla Instagram på arbetstid?', 'workTime'],
  ['Det sprids en negativ artikel om vår skola', 'forwardCriticism'],
  ['Någon skriver dåligt om kommunen i en tidning', 'forwardCriticism'],
  ['There is bad press about our unit going viral', 'forwardCriticism'],
  ['Får jag kritisera min chef på Facebook?', 'attacks'],
  ['Can I complain about a colleague online?', 'attacks'],
  ['Hur startar jag ett officiellt konto för vår fritidsgård?', 'assignment'],
  ['Jag vill ha ett uppdrag att blogga i tjänsten', 'assignment'],
  ['How do I set up an account for my unit?', 'assignment'],
  ['Hur snabbt måste vi ta bort olämpliga kommentarer?', 'moderation'],
  ['Vem sköter kontot när jag har semester?', 'moderation'],
  ['Who moderates the page when I am away on holiday?', 'moderation'],
  ['Hur arkiverar jag kontot? Skärmdump som pdf?', 'archiving'],
  ['Do I need to archive a screenshot every half-year?', 'archiving'],
  ['Hur ofta ska vi utvärdera kontot?', 'evaluation'],
  ['Måste vi ha mätbara mål?', 'evaluation'],
  ['Ska vi ha kommunens logotyp som profilbild?', 'graphicProfile'],
  ['What should our profile picture and username be?', 'graphicProfile'],
  ['Var ska lösenordet till kontot finnas?', 'administration'],
  ['Who should have the login for our page?', 'administration'],
  ['Vi använder inte kontot längre, ska det stängas?', 'passive'],
  ['Our account is inactive, should we close the account?', 'passive'],
  ['Måste vi länka till botkyrka.se i inläggen?', 'website'],
  ['Hur ska jag skriva? Klarspråk?', 'plainLanguage'],
  ['What tone should we use when we write?', 'plainLanguage'],
];

const unrelated = [
  'Vad blir det för lunch i dag?',
  'Hur bokar jag ett mötesrum?',
  'När kommer lönen?',
  'Vad är klockan?',
  'What is the weather like tomorrow?',
  'Kan du räkna ut 12 gånger 7?',
  'Vem vann matchen igår?',
  'How do I get to the town hall by bus?',
  'Skriv en dikt om hösten',
  'Hej hopp',
];

describe('policy help: which topic a question is about', () => {
  it('has at least 40 real-sounding questions in Swedish and English to prove it', () => {
    expect(questions.length).toBeGreaterThanOrEqual(40);
  });

  it.each(questions)('%s → %s', (question, topic) => {
    expect(topicOf(question)).toBe(topic);
  });

  it.each(unrelated)('"%s" gets the menu, not a guess', (question) => {
    expect(topicOf(question)).toBeUndefined();
  });

  it('R17, R18, R19, R20, R21, R22, R23: every rule it explains has a topic with its policy heading', () => {
    const covered = new Set(topics.flatMap((t) => sources[t].rules));
    for (const rule of ['R5', 'R6', 'R7', 'R8', 'R9', 'R10', 'R11', 'R12', 'R13', 'R14', 'R15', 'R17', 'R18', 'R19', 'R20', 'R21', 'R22', 'R23']) {
      expect(covered).toContain(rule);
    }
  });
});

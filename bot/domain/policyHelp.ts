/**
 * Policy help: the topics people ask about, each tied to its rules and the heading of the policy
 * section it comes from, and a small matcher from everyday questions (Swedish or English) to a
 * topic. A question it cannot place gets the topic menu, never a guess.
 */
export const topics = [
  'assignment',
  'workTime',
  'openness',
  'freedom',
  'politicians',
  'attacks',
  'bullying',
  'forwardCriticism',
  'registration',
  'moderation',
  'legal',
  'archiving',
  'evaluation',
  'graphicProfile',
  'administration',
  'passive',
  'website',
  'plainLanguage',
] as const;
export type Topic = (typeof topics)[number];

/** Where each answer comes from: the policy's rule ids and its section heading (in Swedish, as published). */
export const sources: Record<Topic, { readonly rules: readonly string[]; readonly heading: string }> = {
  assignment: { rules: ['R1', 'R2', 'R5'], heading: 'Få ett tydligt uppdrag' },
  workTime: { rules: ['R23'], heading: 'Regler för dig som fått ett uppdrag i tjänsten' },
  openness: { rules: ['R19'], heading: 'Var gärna öppen med vem du är' },
  freedom: { rules: ['R18'], heading: 'Du har både yttrandefrihet och meddelarfrihet' },
  politicians: { rules: ['R17'], heading: 'Politiska bloggar eller hemsidor' },
  attacks: { rules: ['R20'], heading: 'Se upp med personangrepp, osaklig kritik och oanständigheter' },
  bullying: { rules: ['R21'], heading: 'Uppmärksamma nätmobbning och andra brott' },
  forwardCriticism: { rules: ['R22', 'R16'], heading: 'Vidarebefordra kritik' },
  registration: { rules: ['R13'], heading: 'Diarieför' },
  moderation: { rules: ['R14'], heading: 'Gallra olämpliga inlägg' },
  legal: { rules: ['R12'], heading: 'Följ juridiska villkor och lagarna' },
  archiving: { rules: ['R15'], heading: 'Dokumentera' },
  evaluation: { rules: ['R6'], heading: 'Planera och utvärdera din kommunikation' },
  graphicProfile: { rules: ['R8'], heading: 'Botkyrkas grafiska profil i sociala medier' },
  administration: { rules: ['R10'], heading: 'Administrera konto' },
  passive: { rules: ['R11'], heading: 'Stäng passiva konton' },
  website: { rules: ['R7', 'R3'], heading: 'Använd sociala medier som komplement till www.botkyrka.se' },
  plainLanguage: { rules: ['R9'], heading: 'Skriv klarspråk och hitta tonen' },
};

/**
 * Word beginnings that point to a topic, in Swedish and English. A phrase ("min arbetsplats")
 * counts double: it says more than a single word.
 */
const cues: Record<Topic, readonly string[]> = {
  assignment: ['uppdrag', 'starta ett konto', 'starta konto', 'skaffa konto', 'officiellt konto', 'ansök', 'godkänn', 'assignment', 'official account', 'start an account', 'open an account', 'set up an account', 'apply'],
  workTime: ['arbetstid', 'på jobbet', 'under jobbet', 'på arbetet', 'work time', 'working hours', 'at work', 'during work'],
  openness: ['min arbetsplats', 'mitt jobb', 'om jobbet', 'privatperson', 'privat', 'vem jag är', 'anonym', 'my workplace', 'my job', 'private person', 'privately', 'anonymous'],
  freedom: ['meddelarfrihet', 'yttrandefrihet', 'tystnadsplikt', 'sekretess', 'journalist', 'en journalist', 'tipsa', 'tipsa media', 'kontakta media', 'whistleblow', 'freedom of speech', 'freedom of expression', 'confidential', 'secrecy', 'press'],
  politicians: ['politiker', 'jag är politiker', 'i am a politician', 'politisk', 'parti', 'fullmäktige', 'nämnd', 'förtroendevald', 'politician', 'political', 'party', 'councillor', 'elected'],
  attacks: ['personangrepp', 'kritisera', 'klaga på', 'svordom', 'oanständig', 'lojalitet', 'insult', 'criticise', 'criticize', 'complain about', 'loyalty', 'swear'],
  bullying: ['mobb', 'nätmobb', 'hänger ut', 'hängs ut', 'trakasser', 'hot', 'brott', 'brukare', 'polis', 'kränk', 'bully', 'bullied', 'harass', 'threat', 'crime', 'police', 'shamed'],
  forwardCriticism: ['negativ', 'dåligt om', 'sprids', 'artikel', 'tidning', 'skriver om kommunen', 'negative', 'bad press', 'article', 'newspaper', 'going viral', 'spreading'],
  registration: ['diarieför', 'registrera', 'allmän handling', 'allmänna handlingar', 'kritik på vår sida', 'klagomål', 'public record', 'register a', 'registration', 'complaint', 'criticism on our page'],
  moderation: ['ta bort', 'radera', 'moderer', 'olämplig', 'kommentar', 'ersättare', 'semester', 'borta', '48 timmar', 'remove', 'delete', 'moderat', 'inappropriate', 'comment', 'substitute', 'holiday', 'away'],
  legal: ['fota', 'foto', 'bild', 'filma', 'barn', 'elev', 'samtycke', 'gdpr', 'personuppgift', 'upphovsrätt', 'citera', 'photo', 'picture', 'film', 'children', 'pupils', 'consent', 'copyright', 'quote'],
  archiving: ['arkiv', 'skärmdump', 'pdf', 'halvår', 'spara kontot', 'archive', 'screenshot', 'snapshot', 'half-year', 'half year'],
  evaluation: ['utvärder', 'mätbar', 'mål', 'följare', 'rapport', 'evaluat', 'measurable', 'goals', 'followers', 'report on'],
  graphicProfile: ['logotyp', 'logga', 'grafisk profil', 'profilbild', 'avsändare', 'användarnamn', 'kontaktcenter', 'logo', 'branding', 'profile picture', 'username', 'sender'],
  administration: ['lösenord', 'inloggning', 'logga in', 'administratör', 'admin', 'password', 'login', 'log in', 'administrator'],
  passive: ['stänga', 'stäng', 'passiv', 'inaktiv', 'läggas ner', 'lägga ner', 'avsluta kontot', 'close the account', 'close an account', 'inactive', 'passive', 'shut down'],
  website: ['webbplats', 'hemsida', 'botkyrka.se', 'länka', 'länk', 'website', 'web site', 'homepage', 'link'],
  plainLanguage: ['klarspråk', 'skriva enkelt', 'tonen', 'tilltal', 'plain language', 'tone', 'how to write', 'hur ska jag skriva'],
};

/** Lower case, one space between words, punctuation gone; å, ä and ö kept (they carry meaning). */
export const normalise = (text: string): string =>
  ` ${text.toLowerCase().replace(/[^\p{L}\p{N}.]+/gu, ' ').replace(/\s+/g, ' ').trim()} `;

/** How strongly the question points to each topic. */
export function scores(question: string): Map<Topic, number> {
  const text = normalise(question);
  const result = new Map<Topic, number>();
  for (const topic of topics) {
    const score = cues[topic].filter((cue) => text.includes(` ${cue}`)).reduce((sum, cue) => sum + (cue.includes(' ') ? 2 : 1), 0);
    if (score > 0) result.set(topic, score);
  }
  return result;
}

/** The topic a question is about, if one stands out; undefined sends the asker to the menu. */
export function topicOf(question: string): Topic | undefined {
  const ranked = [...scores(question)].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best) return undefined;
  return second && second[1] === best[1] ? undefined : best[0];
}

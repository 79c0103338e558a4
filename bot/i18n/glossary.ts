/**
 * The words Kanalkoll uses for its things in Swedish (R9: one word for one thing, the same in every
 * text), what each means, and the synonyms it never uses for it. `test/i18n/texts.test.ts` fails on a
 * forbidden synonym anywhere in the Swedish texts. Add a word here before a text starts using a new one.
 */
export interface GlossaryEntry {
  /** The word, in its basic form. */
  readonly word: string;
  /** What it means in Kanalkoll (in English, for developers). */
  readonly means: string;
  /** Words that would mean the same in a text, and must not be used (whole words, any case). */
  readonly never: readonly string[];
}

export const glossary: readonly GlossaryEntry[] = [
  { word: 'ansökan', means: 'what the applicant sends for approval (the activity plan as sent)', never: ['ansökningen', 'begäran', 'förfrågan', 'förfrågningen'] },
  { word: 'aktivitetsplan', means: 'the content of an application: bilaga 1 of the policy', never: ['planen', 'verksamhetsplan', 'kommunikationsplanen'] },
  { word: 'uppdrag', means: 'what the chief gives: the right and duty to use social media in the job', never: ['mandat', 'tilldelning', 'behörighet'] },
  { word: 'konto', means: 'an official social media account of the municipality', never: ['kanalen', 'kanalens', 'kontoägare'] },
  { word: 'ansvarig', means: 'the person responsible for an account or a monitoring assignment (the owner in code)', never: ['ägare', 'ägaren', 'ägarens', 'ägarna', 'äger', 'innehavare', 'innehavaren'] },
  { word: 'administratör', means: 'a person who can administer an account besides the responsible person', never: ['admin', 'admins', 'moderator', 'moderatorn'] },
  { word: 'ersättare', means: 'the person who looks after an account while the responsible person is away', never: ['vikarie', 'vikarien', 'ställföreträdare', 'backup'] },
  { word: 'närmaste chef', means: 'the applicant\'s manager in Entra ID, who gives the assignment', never: ['närmsta', 'linjechef', 'överordnad', 'chefen ovanför'] },
  { word: 'förvaltningens kommunikatör', means: 'the communicator of the department the account belongs to', never: ['förvaltningskommunikatör', 'förvaltningskommunikatören', 'kommunikationsansvarig'] },
  { word: 'kommunikationschef', means: 'the municipality\'s head of communications', never: ['kommunikationsdirektör', 'komchef', 'kommunikationschefen för kommunen'] },
  { word: 'registrator', means: 'the registrar who registers criticism in the diarium', never: ['registrar', 'diarieförare'] },
  { word: 'godkänna', means: 'an approver\'s yes to an application', never: ['bevilja', 'beviljar', 'beviljad', 'attestera', 'attesterar'] },
  { word: 'stänga', means: 'ending an account (or a monitoring assignment: avsluta)', never: ['avveckla', 'avvecklar', 'lägga ned'] },
];

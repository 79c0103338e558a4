import type { FieldErrorCode } from '../domain/activityPlan';

/** Swedish, the default. Klarspråk (R9): short, clear, and "du". */
export const sv = {
  welcome: {
    greeting: (name: string | undefined) => (name ? `Hej ${name}! Jag är Kanalkoll.` : 'Hej! Jag är Kanalkoll.'),
    intro: 'Jag hjälper dig att följa kommunens policy för sociala medier.',
    points: [
      'Ansök om att driva ett officiellt konto, eller om att bevaka sociala medier i jobbet.',
      'Se hur det går med dina ansökningar.',
      'Hitta kommunens officiella konton i registret.',
      'Få svar på vad policyn säger.',
      'Rapportera kritik, nätmobbning eller negativa inlägg.',
    ],
    actions: {
      newPlan: 'Ny ansökan',
      myPlans: 'Mina ansökningar',
      register: 'Registret',
      policyHelp: 'Policyhjälp',
      report: 'Rapportera',
    },
    footer: 'Skriv "hjälp" när du vill se det här igen.',
    comingSoon: 'Den delen är inte klar än. Den kommer snart.',
    unknownAction: 'Den knappen känner jag inte igen. Välj något här nedanför.',
  },
  errors: {
    apology: 'Något gick fel hos mig. Försök igen om en stund.',
  },
  /** What to fix in a plan field, shown next to the field. */
  fieldErrors: {
    required: 'Fyll i det här.',
    tooLong: 'Det här är för långt. Korta ner texten.',
    notHttps: 'Skriv hela adressen, som börjar med https://',
    unknownChoice: 'Välj något i listan.',
    invalidDate: 'Skriv datumet som ÅÅÅÅ-MM-DD.',
    endBeforeStart: 'Slutdatumet måste komma efter startdatumet.',
    tooFewAdmins: 'Skriv minst två personer som kan administrera kontot.',
    credential: 'Skriv var inloggningen finns, inte själva lösenordet.',
    mustConfirm: 'Du behöver bekräfta det här för att gå vidare.',
    notYourself: 'Välj din närmaste chef, inte dig själv.',
  } satisfies Record<FieldErrorCode, string>,
};

/** The shape every language fills in; TypeScript checks that none is missing. */
export type Texts = typeof sv;

import type { Texts } from './sv';

/** English, for Teams clients set to English. */
export const en: Texts = {
  welcome: {
    greeting: (name) => (name ? `Hi ${name}! I am Kanalkoll.` : 'Hi! I am Kanalkoll.'),
    intro: 'I help you follow the municipality\'s social media policy.',
    points: [
      'Apply to run an official account, or to monitor social media in your job.',
      'See how your applications are doing.',
      'Find the municipality\'s official accounts in the register.',
      'Get answers about what the policy says.',
      'Report criticism, cyberbullying or negative posts.',
    ],
    actions: {
      newPlan: 'New application',
      myPlans: 'My applications',
      register: 'Register',
      policyHelp: 'Policy help',
      report: 'Report',
    },
    footer: 'Write "help" whenever you want to see this again.',
    comingSoon: 'That part is not ready yet. It is coming soon.',
    unknownAction: 'I do not recognise that button. Choose something below.',
  },
  errors: {
    apology: 'Something went wrong on my side. Please try again in a moment.',
  },
  fieldErrors: {
    required: 'Please fill this in.',
    tooLong: 'This is too long. Please shorten it.',
    notHttps: 'Write the whole address, starting with https://',
    unknownChoice: 'Choose something from the list.',
    invalidDate: 'Write the date as YYYY-MM-DD.',
    endBeforeStart: 'The end date must come after the start date.',
    tooFewAdmins: 'Name at least two people who can administer the account.',
    credential: 'Write where the login is kept, not the password itself.',
    mustConfirm: 'You need to confirm this to go on.',
    notYourself: 'Choose your line manager, not yourself.',
  },
};

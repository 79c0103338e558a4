export type { AdaptiveCard } from './template';
export { isVerb, verbs, type Verb } from './verbs';
export { welcomeCard, type WelcomeCardData } from './welcome';

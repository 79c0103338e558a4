import { users } from '../../dev/roles';
import type { Card, TeamsClient } from './teamsClient';

/** Answers of a sample account plan, as card inputs; the domain tests share `channel`. */
export const channel = {
  platform: 'Instagram',
  accountName: 'Fritidsgårdarna i Botkyrka',
  accountUrl: 'https://www.instagram.com/fritidbotkyrka',
  startDate: '2026-11-02',
};
export const purpose = {
  purpose: 'Berätta om kvällens aktiviteter på fritidsgårdarna.',
  audience: 'Unga 13–17 år i Botkyrka',
  goal1: '200 följare inom ett halvår',
  complement: 'Programmet finns på botkyrka.se.',
  sourceUrl: 'https://www.botkyrka.se/fritidsgardar',
};
/** Every commitment confirmed, as the domain stores it (R5, R8, R12, R14). */
export const confirmedCommitments = {
  knowsMedium: true, hasTime: true, knowsGuidelines: true,
  linksToSource: true,
  communicatorHasLogin: true,
  answersWithin48h: true,
  removesPostsWithin48h: true,
  publishesModerationNotice: true,
  followsGraphicProfile: true,
  followsLegalTerms: true,
} as const;
/** As the people pickers send them: Entra ID object ids. */
export const administration = { admin1: users.employee.aadObjectId, admin2: users.admin.aadObjectId, loginStorage: 'Kommunens lösenordshanterare', substitute: users.admin.aadObjectId };
export const commitments = {
  knowsMedium: 'true', hasTime: 'true', knowsGuidelines: 'true',
  linksToSource: 'true',
  communicatorHasLogin: 'true',
  answersWithin48h: 'true',
  removesPostsWithin48h: 'true',
  publishesModerationNotice: 'true',
  followsGraphicProfile: 'true',
  followsLegalTerms: 'true',
};

/** The applicant fills in a whole plan and sends it; the card they got back. */
export async function sendPlan(applicant: TeamsClient, kind: 'account' | 'monitoring'): Promise<Card> {
  let card = await applicant.say('ny ansökan');
  card = await applicant.press(card, 'Fortsätt', { kind, chiefAadObjectId: users.chief.aadObjectId });
  const steps: Record<string, string>[] =
    kind === 'account'
      ? [channel, purpose, administration, commitments]
      : [{ purpose: 'Följa vad som skrivs om fritidsgårdarna.' }, { knowsMedium: 'true', hasTime: 'true', knowsGuidelines: 'true', followsLegalTerms: 'true' }];
  for (const answers of steps) card = await applicant.press(card, 'Fortsätt', answers);
  return applicant.press(card, 'Skicka till din chef');
}

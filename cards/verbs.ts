/**
 * Every Action.Execute verb a card can send. Cards name them, the bot routes on them;
 * keeping them in one list lets the routing table be checked for completeness.
 */
export const verbs = [
  'plan.start',
  'plan.save',
  'plan.back',
  'plan.open',
  'plan.submit',
  'plan.cancel',
  'plan.resume',
  'plan.mine',
  'plan.history',
  'approval.approve',
  'approval.requestChanges',
  'approval.reject',
  'approval.refresh',
  'approval.assign',
  'approval.withdraw',
  'approval.appoint',
  'org.departments',
  'org.save',
  'register.show',
  'account.mine',
  'account.admins',
  'account.adminsSave',
  'account.owner',
  'account.ownerSave',
  'account.close',
  'account.closeConfirm',
  'help.topics',
  'help.topic',
  'report.menu',
  'report.form',
  'report.send',
  'duty.archived',
  'duty.active',
  'duty.loginShared',
  'duty.pause',
  'duty.snooze',
  'duty.evaluation',
  'duty.evaluationSend',
  'absence.form',
  'absence.save',
] as const;
export type Verb = (typeof verbs)[number];

export const isVerb = (value: unknown): value is Verb => verbs.some((v) => v === value);

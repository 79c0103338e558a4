import { describeCrashes } from '../support/commandCrash';

// R4: an active account's commands, each crashed after every write of its press and of its queue run
// (test/support/commandCrash.ts). The approval path's commands are in commandCrash.approval.test.ts.
describeCrashes(['close', 'duty done', 'absence', 'administration changed', 'activity paused', 'plan change approved']);

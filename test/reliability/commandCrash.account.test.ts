import { describeCrashes } from '../support/commandCrash';

// R4: an active account's commands, each crashed after every write of its press and of its queue run
// (test/support/commandCrash.ts). The approval path's commands are in commandCrash.decisions.test.ts.
describeCrashes(['close', 'owner change (approved by the chief)', 'duty done', 'absence']);

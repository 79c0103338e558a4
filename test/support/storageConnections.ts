import http from 'node:http';

/**
 * At most 32 connections from one HTTP agent to one host in the tests' processes. The Azure SDKs
 * give every storage client an agent without a limit; against Azure's storage that is fine, but the
 * tests' Azurite runs in the same process, and a burst such as the directory sync's thousands of
 * writes at once opens thousands of sockets before Azurite can accept one: its listen backlog
 * overflows, the kernel drops the connections, and each waits out TCP's retransmission backoff
 * (1, 3, 7, 15… s) with the CPU idle. That wait was nearly all of the 6,000-person sync's minutes,
 * and grew with the machine's load. With a limit, the requests queue in the agent instead.
 * Node's agents read the default when they are made (undocumented in its types): this runs before
 * each test file, so every agent the app's code makes has it.
 */
(http.Agent as unknown as { defaultMaxSockets: number }).defaultMaxSockets = 32;

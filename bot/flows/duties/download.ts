import { lookup, type LookupAddress } from 'node:dns';
import { get as httpGet, type IncomingMessage, type RequestOptions } from 'node:http';
import { get as httpsGet } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import type { FileHosts } from '../../config';

/**
 * Downloading a file someone attached in the chat. Teams gives the bot a download URL, but the URL
 * comes in the activity, so whoever sends the activity chooses it: only https on the tenant's file
 * hosts is fetched, never a redirect, and never from an address inside a network (this machine, the
 * private ranges, link-local, where the cloud's metadata service answers).
 */
export type Downloaded = { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly reason: 'refused' | 'tooLarge' | 'failed' };

const notPublic = new BlockList();
const ipv4: readonly (readonly [string, number])[] = [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24],
  ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
];
// An IPv4-mapped address (::ffff:10.0.0.1) is checked against the IPv4 ranges by BlockList itself;
// ::/96 holds the unspecified address, loopback and the old IPv4-compatible addresses.
const ipv6: readonly (readonly [string, number])[] = [
  ['::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8],
];
for (const [network, prefix] of ipv4) notPublic.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of ipv6) notPublic.addSubnet(network, prefix, 'ipv6');

/** Whether `address` (an IP address) is on the internet: not loopback, private, link-local, shared or reserved. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  return family !== 0 && !notPublic.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** https on the default port, a host name (no IP address, no user name) that is one of `hosts` or under one. */
function onFileHost(url: URL, hosts: readonly string[]): boolean {
  const host = url.hostname.toLowerCase();
  if (url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '' || isIP(host.replace(/^\[|\]$/g, '')) !== 0) return false;
  return hosts.some((h) => host === h || host.endsWith(`.${h}`));
}

class RefusedAddress extends Error {}

/**
 * The name is resolved when the connection is made and every address checked then: the address
 * connected to is the one checked, so a name that resolves differently a moment later gains nothing.
 */
const publicOnly: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { family: options.family, hints: options.hints, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '');
    if (addresses.length === 0 || addresses.some((a) => !isPublicAddress(a.address))) return callback(new RefusedAddress(hostname), '');
    if (options.all) return callback(null, addresses);
    return callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

function get(url: URL, options: RequestOptions): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    (url.protocol === 'https:' ? httpsGet : httpGet)(url, options, resolve).on('error', reject);
  });
}

/** Downloads at most `maxBytes` from `address` if it is on a file host; a redirect is not followed. */
export async function download(address: string, allowed: FileHosts, maxBytes: number): Promise<Downloaded> {
  if (!URL.canParse(address)) return { ok: false, reason: 'refused' };
  const url = new URL(address);
  // The HTTP tests' stand-in on loopback, allowed by a setting a bot with an identity refuses (config.ts).
  const standIn = allowed.testOrigin !== undefined && url.origin === allowed.testOrigin;
  if (!standIn && !onFileHost(url, allowed.hosts)) return { ok: false, reason: 'refused' };
  let response: IncomingMessage;
  try {
    response = await get(url, { signal: AbortSignal.timeout(30_000), ...(standIn ? {} : { lookup: publicOnly }) });
  } catch (error) {
    return { ok: false, reason: error instanceof RefusedAddress ? 'refused' : 'failed' };
  }
  const status = response.statusCode ?? 0;
  if (status !== 200 || Number(response.headers['content-length'] ?? 0) > maxBytes) {
    response.destroy();
    // What the host answered stays here: a redirect is refused like a host that is not a file host.
    return { ok: false, reason: status >= 300 && status < 400 ? 'refused' : status === 200 ? 'tooLarge' : 'failed' };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) return { ok: false, reason: 'tooLarge' };
      chunks.push(chunk as Buffer);
    }
  } catch {
    // The connection broke, or the time ran out, while reading.
    return { ok: false, reason: 'failed' };
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}

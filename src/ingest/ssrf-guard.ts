// Private-address guard for user-supplied URLs. The check runs on the *resolved* address inside the
// socket's DNS lookup (see guardedLookup), so a hostname cannot resolve to a public address when
// checked and a private one when connected (no DNS-rebinding gap). Literal-IP hosts never reach a
// lookup, so fetch.ts checks them with checkAddress() before connecting.
import dns from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import ipaddr from 'ipaddr.js';
import { AddressRefusedError } from '../fetch/errors.ts';

type Addr = ipaddr.IPv4 | ipaddr.IPv6;

export interface AddressPolicy {
  /** null when the address may be contacted, else the reason it is refused (one line). */
  checkAddress(ip: string, hostname?: string): string | null;
  /** Hostnames listed in the allowlist skip the address check entirely. */
  hostAllowed(hostname: string): boolean;
}

const DESCRIPTIONS: Record<string, string> = {
  private: 'a private address',
  loopback: 'a loopback address',
  linkLocal: 'a link-local address',
  uniqueLocal: 'a unique-local address',
  unspecified: 'an unspecified address',
  multicast: 'a multicast address',
  broadcast: 'a broadcast address',
  carrierGradeNat: 'a carrier-grade NAT address',
};

const METADATA = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200']);

function normalise(ip: string): Addr | null {
  const bare = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return null;
  const a = ipaddr.parse(bare);
  // ::ffff:10.0.0.1 is 10.0.0.1 on the wire.
  if (a.kind() === 'ipv6' && (a as ipaddr.IPv6).isIPv4MappedAddress()) return (a as ipaddr.IPv6).toIPv4Address();
  return a;
}

/**
 * allowlist entries: hostnames ("feeds.local"), IPs ("127.0.0.1", "::1") or CIDRs ("10.1.0.0/16").
 * Only globally routable unicast addresses pass without an allowlist entry.
 */
export function createAddressPolicy(allowlist: readonly string[]): AddressPolicy {
  const hosts = new Set<string>();
  const cidrs: [Addr, number][] = [];
  for (const raw of allowlist) {
    const entry = raw.trim().toLowerCase().replace(/^\[|\]$/g, '');
    if (!entry) continue;
    if (entry.includes('/') && ipaddr.isValidCIDR(entry)) cidrs.push(ipaddr.parseCIDR(entry));
    else if (normalise(entry)) {
      const a = normalise(entry)!;
      cidrs.push([a, a.kind() === 'ipv4' ? 32 : 128]);
    } else hosts.add(entry.replace(/\.$/, ''));
  }
  const inAllowlist = (a: Addr) => cidrs.some(([net, bits]) => net.kind() === a.kind() && a.match(net, bits));
  return {
    hostAllowed: (hostname) => hosts.has(hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '')),
    checkAddress(ip, hostname) {
      const a = normalise(ip);
      const subject = hostname && hostname !== ip ? `${hostname} resolves to ${ip}, which is` : `${ip} is`;
      if (!a) return `refused: ${subject} not a valid address`;
      if (inAllowlist(a)) return null;
      const text = a.toString();
      if (METADATA.has(text)) return `refused: ${subject} a cloud metadata address`;
      const range = a.range();
      if (range === 'unicast') return null;
      return `refused: ${subject} ${DESCRIPTIONS[range] ?? `a reserved address (${range})`}`;
    },
  };
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A drop-in for dns.lookup, used as the socket's `lookup` option: resolves every address of the
 * host and refuses the connection when any of them is refused by the policy.
 */
export function guardedLookup(policy: AddressPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const list = addresses as LookupAddress[];
      if (!policy.hostAllowed(hostname)) {
        for (const a of list) {
          const reason = policy.checkAddress(a.address, hostname);
          if (reason) return callback(new AddressRefusedError(reason), []);
        }
      }
      if (options.all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}

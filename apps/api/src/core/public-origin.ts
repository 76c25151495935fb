import type { Request } from 'express';
import { type AppConfig, publicUrlOf } from '../config/app-config';

/** A Host header that can be part of a URL (name or IPv4/IPv6 literal, optional port). */
const HOST = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;

/**
 * Where people reach Madang, for absolute links (canonical, `hreflang`, Open Graph, sitemap): PUBLIC_URL,
 * else the origin the request came to (behind TRUST_PROXY_HOPS proxies, the forwarded protocol and host).
 * Null when neither is usable — a Host header that cannot be part of a URL is never echoed into a link.
 */
export function publicOriginOf(req: Request, config: Pick<AppConfig, 'PUBLIC_URL'>): string | null {
  const configured = publicUrlOf(config);
  if (configured) return configured;
  const host = req.host;
  return host && HOST.test(host) ? `${req.protocol}://${host}` : null;
}

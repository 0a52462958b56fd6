/** robots.txt, made at build time so the sitemap's address follows SITE_URL like every other absolute URL. */
import type { APIRoute } from 'astro';
import { urls } from '../lib/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(urls.sitemap(), site).href}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/**
 * `npm run dev`: Astro's dev server, started afresh whenever something it reads only once per start
 * changes, and an error page in its place while it cannot start.
 *
 * Why a fresh process: the annotation plugins and their registry are made when astro.config.mjs is
 * loaded, and the articles are rendered into the content store by the article loader. Astro's own
 * in-place restart keeps the old content layer (its watcher no longer syncs), so an edited data file,
 * article, schema or plugin would not show on the next reload. A new `astro dev` reads everything
 * again; the content store's digests (src/model/inputs.ts) still spare it the articles that did not
 * change. Pages, components, layouts, styles and the browser code are left to Vite, which reloads them
 * in place.
 *
 * While the server cannot start (a data file the registry refuses, an article with an unknown tag),
 * the port answers every request with the error as Astro printed it (the file, the line and the fix)
 * and a page that reloads itself once the file is saved and the server is back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, watch } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, relative, sep } from 'node:path';

const root = process.cwd();
const args = process.argv.slice(2);
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const port = Number(option('--port') ?? 4321);
const host = option('--host') ?? 'localhost';

/** Served by Vite, which reloads what changed: no restart needed. */
const HOT = ['src/pages/', 'src/components/', 'src/layouts/', 'src/styles/', 'src/client/', 'src/search/browser/'];
/** Files at the top level the server reads once per start. */
const TOP = new Set(['astro.config.mjs', 'package-lock.json', 'tsconfig.json']);
/** How long the files must be still before the server starts again (an editor's save can be several writes). */
const SETTLE_MS = 200;
/** How long a server has to stop before it is killed. */
const STOP_MS = 5_000;
/** How much of the server's output the error page shows. */
const ERROR_LINES = 80;

function option(name: string): string | undefined {
  const at = args.indexOf(name);
  if (at !== -1) return args[at + 1];
  return args.find((arg) => arg.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** Whether an edit to `path` (relative to the project, with forward slashes) needs a fresh server. */
export function needsRestart(path: string): boolean {
  const name = path.split('/').at(-1) ?? '';
  if (name.startsWith('.') || name.endsWith('~') || name.endsWith('.swp')) return false; // editors' scratch files
  if (TOP.has(path)) return true;
  if (path.startsWith('content/')) return true;
  return path.startsWith('src/') && !HOT.some((folder) => path.startsWith(folder));
}

let server: ChildProcess | undefined;
let errorPage: Server | undefined;
/** Set when the running server is being stopped to start a fresh one. */
let restarting = false;
let shuttingDown = false;
let output: string[] = [];

function remember(chunk: Buffer): void {
  // eslint-disable-next-line no-control-regex -- the terminal's colour codes are stripped from what the page shows
  const text = chunk.toString('utf8').replace(/\u001b\[[0-9;]*m/g, '');
  output = [...output, ...text.split('\n')].slice(-ERROR_LINES);
}

function start(): void {
  output = [];
  // Vitest and some shells set NODE_ENV; the dev server is always a development build.
  const child = spawn(process.execPath, [astro, 'dev', ...args], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that stopping it stops every process it started.
    detached: true,
  });
  child.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    remember(chunk);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    remember(chunk);
  });
  child.on('exit', (code, signal) => {
    if (server !== child) return;
    server = undefined;
    if (shuttingDown) return;
    if (restarting) {
      restarting = false;
      start();
      return;
    }
    showError(code === null ? `stopped by ${signal}` : `exit code ${code}`);
  });
  server = child;
}

function stop(child: ChildProcess): void {
  const group = -child.pid!;
  try {
    process.kill(group, 'SIGTERM');
  } catch {
    return; // already gone
  }
  const timer = setTimeout(() => {
    try {
      process.kill(group, 'SIGKILL');
    } catch {
      // gone in the meantime
    }
  }, STOP_MS);
  child.once('exit', () => clearTimeout(timer));
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function errorHtml(how: string, token: string): string {
  const text = output.join('\n').trim() || '(the server printed nothing)';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>The dev server could not start · Summit Desk</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}pre{white-space:pre-wrap;background:#fdf2f2;border-left:4px solid #b42318;padding:1rem;overflow-wrap:anywhere}</style></head>
<body>
<h1>The dev server could not start</h1>
<p>Astro stopped (${escape(how)}) with the error below: it names the file, the line and what to change.
Fix it and save: the server starts again and this page reloads itself.</p>
<pre>${escape(text)}</pre>
<script>
setInterval(async () => {
  try {
    const response = await fetch(location.href, { cache: 'no-store' });
    if (response.headers.get('x-dev-error') !== '${token}') location.reload();
  } catch {
    // the server is starting again: try once more
  }
}, 1000);
</script>
</body>
</html>
`;
}

function showError(how: string): void {
  // The page reloads itself when the port answers with anything but this error: a server, or another error.
  const token = String(Date.now());
  const html = errorHtml(how, token);
  process.stderr.write(`\nThe dev server could not start (${how}). http://${host}:${port}/ shows the error until a file is saved.\n`);
  errorPage = createServer((_request, response) => {
    response.writeHead(500, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-dev-error': token });
    response.end(html);
  });
  errorPage.on('error', (error) => process.stderr.write(`The error page cannot listen on ${host}:${port}: ${error.message}\n`));
  errorPage.listen(port, host);
}

let timer: NodeJS.Timeout | undefined;
const changed = new Set<string>();

function restart(): void {
  const paths = [...changed].sort();
  changed.clear();
  process.stdout.write(`\n${paths.join(', ')} changed: starting the dev server again.\n`);
  if (errorPage) {
    const page = errorPage;
    errorPage = undefined;
    page.closeAllConnections();
    page.close(() => start());
  } else if (server) {
    restarting = true;
    stop(server);
  } else start();
}

function onChange(path: string): void {
  if (shuttingDown || !needsRestart(path)) return;
  changed.add(path);
  clearTimeout(timer);
  timer = setTimeout(restart, SETTLE_MS);
}

function watchFolder(folder: string): void {
  if (!existsSync(join(root, folder))) return;
  watch(join(root, folder), { recursive: true }, (_event, name) => {
    if (name) onChange(`${folder}/${name.split(sep).join('/')}`);
  });
}

if (import.meta.main) {
  if (!existsSync(astro)) throw new Error(`Astro is not installed in ${root}: run npm install first.`);
  watchFolder('content');
  watchFolder('src');
  watch(root, (_event, name) => {
    if (name) onChange(relative(root, join(root, name)));
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      shuttingDown = true;
      if (server) stop(server);
      errorPage?.close();
      process.exit(0);
    });
  }
  start();
}

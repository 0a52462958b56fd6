/**
 * `npm run dev` stays true (issue 23): on a copy of the project, the dev server (src/cli/dev.ts) shows a
 * data file edited twice and an article edited once on the next request, shows an error page naming the
 * file, the line and the fix while an article cannot be read, and recovers once it is fixed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeFixture, type Fixture } from '../support/fixture.ts';
import { freePort } from '../support/server.ts';

const PERSON = 'content/people.yaml';
const ARTICLE = 'content/articles/trump-kim-fourth-meeting.mdx';
/** Long enough for a fresh dev server to start on a loaded two-core machine; each wait ends as soon as the page shows. */
const WAIT_MS = 90_000;

let fixture: Fixture;
let dev: ChildProcess;
let base: string;
let output = '';

/** Asks for `path` until `accept` takes the answer (the server restarts after an edit); fails with the last answer. */
async function until(path: string, accept: (status: number, body: string) => boolean): Promise<string> {
  const deadline = Date.now() + WAIT_MS;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${base}${path}`, { cache: 'no-store' });
      const body = await response.text();
      if (accept(response.status, body)) return body;
      last = `${response.status}: ${body.slice(0, 500)}`;
    } catch (error) {
      last = String(error); // the server is (re)starting
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${path} never showed what was expected. Last answer: ${last}\nServer output:\n${output.slice(-3000)}`);
}

beforeAll(async () => {
  fixture = makeFixture('dev');
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // As from a terminal: Astro's dev server leaves its page handler out when it sees Vitest's VITEST variables.
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
  Object.assign(env, { ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' });
  dev = spawn(process.execPath, [join(fixture.root, 'src/cli/dev.ts'), '--port', String(port), '--host', '127.0.0.1'], {
    cwd: fixture.root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  dev.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  await until('/people/donald-trump/', (status) => status === 200);
}, WAIT_MS + 30_000);

afterAll(async () => {
  if (dev && dev.exitCode === null) {
    const exited = new Promise((resolve) => dev.once('exit', resolve));
    dev.kill('SIGTERM');
    await exited;
  }
  fixture?.remove();
});

test(
  'shows each edit to a data file and to an article on the next request, and an error page until the article is fixed',
  { timeout: 6 * WAIT_MS },
  async () => {
    const role = /^ {2}role: US president$/m;
    expect(fixture.read(PERSON)).toMatch(role);

    fixture.write(PERSON, fixture.read(PERSON).replace(role, '  role: US president (first edit)'));
    await until('/people/donald-trump/', (status, body) => status === 200 && body.includes('US president (first edit)'));

    fixture.replace(PERSON, 'US president (first edit)', 'US president (second edit)');
    const second = await until('/people/donald-trump/', (status, body) => status === 200 && body.includes('US president (second edit)'));
    expect(second).not.toContain('first edit');

    const dek = /^dek: (.+)\.$/m.exec(fixture.read(ARTICLE))!;
    fixture.replace(ARTICLE, dek[0], `dek: ${dek[1]}, as edited.`);
    await until('/articles/trump-kim-fourth-meeting/', (status, body) => status === 200 && body.includes(', as edited.'));

    // An unknown tag: the page names the file and line and what to use instead, whatever path is asked for.
    const article = fixture.read(ARTICLE);
    fixture.write(ARTICLE, `${article}\n<Quotation>A tag no annotation knows</Quotation>\n`);
    const line = article.split('\n').length + 1;
    const error = await until('/articles/trump-kim-fourth-meeting/', (status) => status === 500);
    expect(error).toContain(`${ARTICLE}:${line}`);
    expect(error).toMatch(/Unknown annotation &lt;Quotation&gt;: use one of Mention, Quote/);
    expect(await until('/people/', (status) => status === 500)).toContain(`${ARTICLE}:${line}`);

    fixture.write(ARTICLE, article);
    const recovered = await until('/articles/trump-kim-fourth-meeting/', (status) => status === 200);
    expect(recovered).toContain(', as edited.');
    expect(recovered).not.toContain('A tag no annotation knows');
    expect(dev.exitCode).toBeNull();
  },
);

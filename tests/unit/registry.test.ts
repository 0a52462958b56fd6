import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRegistry, loadRegistry, knownIds, mentionTargets } from '../../src/model/registry.ts';
import { DATA_COLLECTIONS, KINDS, MENTION_KINDS } from '../../src/model/kinds.ts';

const hongMin = { id: 'hong-min', name: 'Hong Min', kind: 'person', role: 'Senior researcher' } as const;

describe('createRegistry', () => {
  const registry = createRegistry(
    {
      people: [hongMin],
      organisations: [{ id: 'kinu', name: 'KINU' }],
      events: [{ id: 'trump-letter-declined', name: 'Letter declined', kind: 'context', start: '2025-10', summary: 'A letter.' }],
    },
    (id) => (id === 'src' ? 'Text.' : undefined),
  );

  it('keys each collection by id, and leaves collections not given empty', () => {
    expect(registry.people.get('hong-min')).toEqual(hongMin);
    expect(registry.places.size).toBe(0);
    expect(registry.notes.size).toBe(0);
  });

  it('parses records with the collections’ schemas (defaults filled in)', () => {
    // `participants` defaults to [] in the event schema: the record is the parsed one, not the input.
    expect(registry.events.get('trump-letter-declined')?.participants).toEqual([]);
  });

  it('refuses a record its schema refuses, with the schema’s message', () => {
    expect(() => createRegistry({ people: [{ ...hongMin, kind: 'robot' as 'person' }] }, () => undefined)).toThrow(/people\[0\]: `kind`: .*person.*office/);
  });

  it('has a collection for every kind of mention, and checks each kind against it', () => {
    expect(MENTION_KINDS.length).toBeGreaterThan(0);
    for (const kind of MENTION_KINDS) {
      expect(Object.keys(DATA_COLLECTIONS)).toContain(KINDS[kind].collection);
      expect(mentionTargets(registry, kind)).toBe(registry[KINDS[kind].collection]);
    }
    expect(mentionTargets(registry, 'org')).toBe(registry.organisations);
  });

  it('looks source texts up by id', () => {
    expect(registry.sourceText('src')).toBe('Text.');
    expect(registry.sourceText('other')).toBeUndefined();
  });
});

describe('knownIds', () => {
  it('lists the ids in order, for error messages', () => {
    expect(
      knownIds(
        new Map([
          ['b', 1],
          ['a', 2],
        ]),
      ),
    ).toBe('known: a, b');
  });
});

describe('loadRegistry', () => {
  const dir = mkdtempSync(join(tmpdir(), 'summit-registry-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
  for (const name of ['organisations', 'places', 'events', 'topics', 'notes']) write(`${name}.yaml`, '[]\n');
  mkdirSync(join(dir, 'sources'));
  write('sources/one.txt', 'Line one.\n');

  it('reads the YAML lists and the source texts of a content folder', () => {
    write('people.yaml', '- id: hong-min\n  name: Hong Min\n  kind: person\n  role: Senior researcher\n');
    const registry = loadRegistry(dir);
    expect([...registry.people.keys()]).toEqual(['hong-min']);
    expect(registry.sourceText('one')).toBe('Line one.\n');
    expect(registry.sourceText('two')).toBeUndefined();
  });

  it('does not read a source that is a link to a file outside content/sources/', () => {
    write('people.yaml', '[]\n');
    write('outside.txt', 'Words from elsewhere.\n');
    symlinkSync(join(dir, 'outside.txt'), join(dir, 'sources', 'linked.txt'));
    symlinkSync(join(dir, 'sources', 'one.txt'), join(dir, 'sources', 'alias.txt'));
    const registry = loadRegistry(dir);
    expect(registry.sourceText('linked')).toBeUndefined();
    expect(registry.sourceText('alias')).toBe('Line one.\n');
  });

  it('fails on a data file that is not a list, naming the file', () => {
    write('people.yaml', 'hong-min:\n  name: Hong Min\n');
    expect(() => loadRegistry(dir)).toThrow(/people\.yaml: expected a YAML list of records, each starting "- id: …"\.$/);
  });

  it('fails on a record its schema refuses, naming the file, the line of the field and the schema’s message', () => {
    write(
      'people.yaml',
      '- id: hong-min\n  name: Hong Min\n  kind: person\n  role: Senior researcher\n- id: nobody\n  name: Nobody\n  kind: robot\n  role: None\n',
    );
    expect(() => loadRegistry(dir)).toThrow(/people\.yaml:7: `kind`: .*"person".*"office"/);
    write('people.yaml', '- id: Hong Min\n  name: Hong Min\n  kind: person\n  role: Senior researcher\n');
    expect(() => loadRegistry(dir)).toThrow(/people\.yaml:1: `id`: ids are lower-case words joined by hyphens/);
  });

  it('fails on a record without an id, or a duplicate id, naming file and line', () => {
    write('people.yaml', '- id: hong-min\n  name: Hong Min\n  kind: person\n  role: R\n- name: Nobody\n  kind: person\n  role: R\n');
    expect(() => loadRegistry(dir)).toThrow(/people\.yaml:5: `id`: /);
    write('people.yaml', '- id: hong-min\n  name: Hong Min\n  kind: person\n  role: R\n- id: hong-min\n  name: Hong\n  kind: person\n  role: R\n');
    expect(() => loadRegistry(dir)).toThrow(/people\.yaml:5: duplicate id "hong-min" \(first at line 1\)\./);
  });

  it('fails on YAML that does not parse, naming the file and line', () => {
    write('people.yaml', '- id: hong-min\n- id: [unclosed\n');
    expect(() => loadRegistry(dir)).toThrow(/people\.yaml:\d+: /);
  });
});

import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRegistry, loadRegistry, knownIds, mentionTargets } from '../../src/lib/registry.ts';

describe('createRegistry', () => {
  const registry = createRegistry(
    { people: [{ id: 'hong-min', name: 'Hong Min' }], organisations: [{ id: 'kinu', name: 'KINU' }], events: [{ id: 'hanoi-summit-2019', name: 'Hanoi summit', kind: 'summit' }] },
    (id) => (id === 'src' ? 'Text.' : undefined),
  );

  it('keys each collection by id, and leaves collections not given empty', () => {
    expect(registry.people.get('hong-min')).toEqual({ id: 'hong-min', name: 'Hong Min' });
    expect(registry.places.size).toBe(0);
    expect(registry.notes.size).toBe(0);
  });

  it('checks each kind of mention against its collection', () => {
    expect(mentionTargets(registry, 'person')).toBe(registry.people);
    expect(mentionTargets(registry, 'org')).toBe(registry.organisations);
    expect(mentionTargets(registry, 'place')).toBe(registry.places);
    expect(mentionTargets(registry, 'event')).toBe(registry.events);
  });

  it('looks source texts up by id', () => {
    expect(registry.sourceText('src')).toBe('Text.');
    expect(registry.sourceText('other')).toBeUndefined();
  });
});

describe('knownIds', () => {
  it('lists the ids in order, for error messages', () => {
    expect(knownIds(new Map([['b', 1], ['a', 2]]))).toBe('known: a, b');
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
    write('people.yaml', '- id: hong-min\n  name: Hong Min\n  kind: person\n');
    const registry = loadRegistry(dir);
    expect([...registry.people.keys()]).toEqual(['hong-min']);
    expect(registry.sourceText('one')).toBe('Line one.\n');
    expect(registry.sourceText('two')).toBeUndefined();
  });

  it('fails on a data file that is not a list, naming the file', () => {
    write('people.yaml', 'hong-min:\n  name: Hong Min\n');
    expect(() => loadRegistry(dir)).toThrow(/people\.yaml: expected a YAML list of records, each starting "- id: …"\.$/);
  });

  it('fails on a record without an id, or a duplicate id, naming file and line', () => {
    write('people.yaml', '- id: hong-min\n  name: Hong Min\n- name: Nobody\n');
    expect(() => loadRegistry(dir)).toThrow(/people\.yaml:3: this record has no `id`\./);
    write('people.yaml', '- id: hong-min\n  name: Hong Min\n- id: hong-min\n  name: Hong\n');
    expect(() => loadRegistry(dir)).toThrow(/people\.yaml:3: duplicate id "hong-min" \(first at line 1\)\./);
  });

  it('fails on YAML that does not parse, naming the file', () => {
    write('people.yaml', '- id: [unclosed\n');
    expect(() => loadRegistry(dir)).toThrow(/people\.yaml: /);
  });
});

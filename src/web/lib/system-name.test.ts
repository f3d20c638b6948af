import { describe, expect, it } from 'vitest';
import { de } from '../i18n/de.ts';
import { en, type MessageKey } from '../i18n/en.ts';
import type { Translate } from '../i18n/i18n.tsx';
import { isSystemName, systemName, withSystemName } from './system-name.ts';

const translate =
  (dictionary: Record<MessageKey, string>): Translate =>
  (key) =>
    dictionary[key];
const german = translate(de);
const english = translate(en);

describe('systemName', () => {
  it('shows the names the system and the demo provide in the reader’s language', () => {
    expect(systemName('New', german)).toBe('Neu');
    expect(systemName('Waiting Customer', german)).toBe('Wartet auf Kunde');
    expect(systemName('Critical', german)).toBe('Kritisch');
    expect(systemName('MSP Escalations', german)).toBe('MSP-Eskalationen');
    expect(systemName('Remote Support', german)).toBe('Fernwartung');
    expect(systemName('Customer Update', german)).toBe('Kundeninformation');
    expect(systemName('Email', german)).toBe('E-Mail');
    expect(systemName('New', english)).toBe('New');
    expect(systemName('Waiting Customer', english)).toBe('Waiting Customer');
  });

  it('keeps a name an administrator chose, and only an exact match is a system name', () => {
    expect(systemName('Escalated to vendor', german)).toBe('Escalated to vendor');
    expect(systemName('new', german)).toBe('new');
    expect(systemName('New ', german)).toBe('New ');
    expect(systemName('In Progress (2nd line)', german)).toBe('In Progress (2nd line)');
    // Never a property every object has.
    expect(systemName('constructor', german)).toBe('constructor');
    expect(isSystemName('toString')).toBe(false);
    expect(isSystemName('Complete')).toBe(true);
  });

  it('has the English name as the English text of every system name', () => {
    for (const [key, text] of Object.entries(en)) {
      if (!key.startsWith('systemNames.name.')) continue;
      expect(text).toBe(key.slice('systemNames.name.'.length));
      expect(de[key as MessageKey].length).toBeGreaterThan(0);
    }
  });

  it('renames a row for display without touching rows it leaves alone', () => {
    const status = { id: 1, name: 'Complete', meaning: 'complete' };
    expect(withSystemName(status, german)).toEqual({ id: 1, name: 'Erledigt', meaning: 'complete' });
    expect(status.name).toBe('Complete');
    const own = { id: 2, name: 'Escalated to vendor' };
    expect(withSystemName(own, german)).toBe(own);
  });
});

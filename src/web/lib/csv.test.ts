import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
  it('quotes every field, doubles quotes and defuses formulas', () => {
    expect(
      toCsv([
        ['Name', 'Count'],
        ['Contoso "HQ"', 3],
        ['=HYPERLINK("x")', null],
        ['-1', -1],
      ]),
    ).toBe('"Name","Count"\r\n"Contoso ""HQ""","3"\r\n"\'=HYPERLINK(""x"")",""\r\n"\'-1","-1"\r\n');
  });
});

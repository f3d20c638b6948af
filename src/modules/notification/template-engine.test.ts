import { describe, expect, it } from 'vitest';
import { renderTemplate, templateProblems } from './template-engine.ts';

describe('notification templates', () => {
  it.each([
    ['Ticket {{ticket.number}}: {{ ticket.title }}', 0],
    ['No placeholders at all', 0],
    ['{{ticket.secret}}', 1],
    ['{{ticket.number}', 1],
    ['Broken }} braces', 1],
    ['{{constructor}} {{__proto__}}', 2],
  ])('%s has %i problem(s)', (text, count) => {
    expect(templateProblems(text)).toHaveLength(count);
  });

  it('renders known values and leaves missing ones empty', () => {
    expect(
      renderTemplate('{{ticket.number}} for {{company.name}}{{note.body}}', {
        'ticket.number': 'T20261128.0001',
        'company.name': 'Contoso',
      }),
    ).toBe('T20261128.0001 for Contoso');
  });
});

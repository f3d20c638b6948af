/**
 * Notification templates: plain text with {{variable}} placeholders, nothing
 * else — no logic, no HTML, no code. Unknown variables and broken braces are
 * refused when a template is saved, so a delivery never meets an invalid one.
 */
export const templateVariables = [
  'ticket.number',
  'ticket.title',
  'ticket.description',
  'ticket.status',
  'ticket.priority',
  'ticket.queue',
  'ticket.dueAt',
  'company.name',
  'contact.name',
  'contact.email',
  'primaryResource.name',
  'recipient.name',
  'note.title',
  'note.body',
  'event.type',
] as const;
export type TemplateVariable = (typeof templateVariables)[number];
export type TemplateValues = Partial<Record<TemplateVariable, string>>;

const placeholder = /\{\{\s*([A-Za-z.]+)\s*\}\}/g;

/** The problems of a template text; empty when it is fine. */
export function templateProblems(text: string): string[] {
  const problems: string[] = [];
  for (const match of text.matchAll(placeholder)) {
    const name = match[1] ?? '';
    if (!(templateVariables as readonly string[]).includes(name)) {
      problems.push(`Unknown variable {{${name}}}; use one of: ${templateVariables.join(', ')}.`);
    }
  }
  const rest = text.replace(placeholder, '');
  if (rest.includes('{{') || rest.includes('}}')) {
    problems.push('A placeholder is not closed or not opened: write {{ticket.number}}.');
  }
  return problems;
}

export function renderTemplate(text: string, values: TemplateValues): string {
  return text.replace(placeholder, (_match, name: string) => values[name as TemplateVariable] ?? '');
}

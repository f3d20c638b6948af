import { inArray } from 'drizzle-orm';
import type { Transaction } from '../database.ts';
import { companies, queues, requestTypes, ticketCategories, ticketPriorities } from '../schema/index.ts';

/**
 * What the demo's end users can ask for in the portal (#14): three request types every customer
 * is offered, and a few of one company's own: Contoso's SAP questions go to Contoso's own IT,
 * Litware's and its shops' to Litware's IT queue.
 */
export async function seedDemoRequestTypes(tx: Transaction): Promise<void> {
  const idOf = async <T extends { id: number; name: string }>(rows: Promise<T[]>, name: string) => {
    const id = (await rows).find((row) => row.name === name)?.id;
    if (id === undefined) throw new Error(`demo request types: no ${name}`);
    return id;
  };
  const companyRows = tx
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(inArray(companies.name, ['Contoso', 'Litware', 'Litware Retail']));
  const queueRows = tx.select({ id: queues.id, name: queues.name }).from(queues);
  const priorityRows = tx
    .select({ id: ticketPriorities.id, name: ticketPriorities.name })
    .from(ticketPriorities);
  const standard = await idOf(
    tx.select({ id: ticketCategories.id, name: ticketCategories.name }).from(ticketCategories),
    'Standard',
  );
  const serviceDesk = await idOf(queueRows, 'Service Desk');
  const litwareIt = await idOf(queueRows, 'Litware IT');
  await tx.insert(requestTypes).values([
    {
      name: 'Something does not work',
      description: 'A device, a program or the network fails or behaves oddly.',
      categoryId: standard,
      queueId: serviceDesk,
      priorityId: await idOf(priorityRows, 'Medium'),
      descriptionField: 'required',
      descriptionTemplate: 'What does not work?\nSince when?\nWhat did you try?',
      priorityField: 'optional',
      sortOrder: 1,
    },
    {
      name: 'Access or a new account',
      description: 'Someone needs an account, a mailbox, a licence or access to a folder.',
      categoryId: standard,
      queueId: serviceDesk,
      priorityId: await idOf(priorityRows, 'Low'),
      descriptionField: 'required',
      descriptionTemplate: 'Who needs access?\nTo what?\nFrom which day?',
      sortOrder: 2,
    },
    {
      name: 'A question',
      description: 'How do I …? Is it possible to …?',
      categoryId: standard,
      priorityId: await idOf(priorityRows, 'Low'),
      sortOrder: 3,
    },
    {
      name: 'SAP Business One',
      description: 'Postings, reports or a user in SAP Business One; Contoso’s own IT answers.',
      companyId: await idOf(companyRows, 'Contoso'),
      categoryId: standard,
      queueId: await idOf(queueRows, 'Contoso Internal IT'),
      descriptionField: 'required',
      sortOrder: 4,
    },
    {
      name: 'New starter at Litware',
      description: 'Laptop, accounts and phone for someone joining the office.',
      companyId: await idOf(companyRows, 'Litware'),
      categoryId: standard,
      queueId: litwareIt,
      priorityId: await idOf(priorityRows, 'Medium'),
      descriptionField: 'required',
      descriptionTemplate: 'Name:\nFirst day:\nRole and team:\nNeeds a laptop? A phone?',
      sortOrder: 4,
    },
    {
      name: 'Till or card terminal',
      description: 'A till, receipt printer or card terminal in a shop does not work.',
      companyId: await idOf(companyRows, 'Litware Retail'),
      categoryId: standard,
      queueId: litwareIt,
      priorityId: await idOf(priorityRows, 'High'),
      descriptionField: 'required',
      descriptionTemplate: 'Which shop and which till?\nWhat does the display say?',
      sortOrder: 5,
    },
  ]);
}

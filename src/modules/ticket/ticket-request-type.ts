import { and, eq } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { requestTypes } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import type { TicketInput } from './ticket.schemas.ts';

/**
 * A new ticket asked through a request type (#14 item 2): the type's category, queue and priority
 * fill what the input leaves open, and its form's rules hold — a required description must be
 * there, a field the form does not ask is refused, not silently dropped. The type is read under
 * RLS and must be shared or the ticket's company's own: another company's type is as unknown as a
 * missing one. The queue comes from the type, not from the actor: choosing a queue stays the
 * desk's, so the field check before this one is not weakened.
 */
export async function applyRequestType(
  { tx }: ActorContext,
  input: TicketInput,
  companyId: number,
): Promise<TicketInput> {
  if (input.requestTypeId === undefined) return input;
  const [type] = await tx
    .select()
    .from(requestTypes)
    .where(and(eq(requestTypes.id, input.requestTypeId), eq(requestTypes.active, true)));
  if (!type || (type.companyId !== null && type.companyId !== companyId)) {
    throw new AppError('not_found', `No request type with id ${input.requestTypeId}.`, {
      field: 'requestTypeId',
    });
  }
  const description = input.description?.trim() ?? '';
  if (type.descriptionField === 'required' && description === '') {
    throw new AppError('validation_failed', `${type.name} needs a description.`, { field: 'description' });
  }
  if (type.descriptionField === 'hidden' && description !== '') {
    throw new AppError('validation_failed', `${type.name} does not ask for a description.`, {
      field: 'description',
    });
  }
  if (type.priorityField === 'required' && input.priorityId === undefined) {
    throw new AppError('validation_failed', `${type.name} needs a priority.`, { field: 'priorityId' });
  }
  if (type.priorityField === 'hidden' && input.priorityId !== undefined) {
    throw new AppError('validation_failed', `${type.name} does not ask for a priority.`, {
      field: 'priorityId',
    });
  }
  return {
    ...input,
    categoryId: input.categoryId ?? type.categoryId,
    queueId: input.queueId ?? type.queueId ?? undefined,
    priorityId: input.priorityId ?? type.priorityId ?? undefined,
  };
}

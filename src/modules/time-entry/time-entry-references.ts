import type { Transaction } from '../../db/database.ts';
import { AppError } from '../../lib/errors.ts';
import { resourceReachesCompany } from '../co-managed/co-managed.repository.ts';
import type { TicketWithSecondaries } from '../ticket/ticket.repository.ts';
import { findWorker, findWorkType, heldRoles } from './time-entry.repository.ts';

const maxHours = 24;
const millisecondsPerHour = 3_600_000;

export interface Duration {
  startedAt: Date | null;
  endedAt: Date | null;
  /** Two decimals, as stored. */
  hours: string;
}

function unprocessable(message: string, field: string): AppError {
  return new AppError('unprocessable', message, { field });
}

/**
 * Hours from start and end, or as given; both when they agree (to the
 * hundredth, so a client rounding 20 minutes to 0.33 or 0.34 is fine).
 */
export function resolveDuration(
  times: { startedAt: Date | null; endedAt: Date | null },
  hours: number | undefined,
): Duration {
  const { startedAt, endedAt } = times;
  if (startedAt && endedAt) {
    const span = (endedAt.getTime() - startedAt.getTime()) / millisecondsPerHour;
    if (span <= 0) throw unprocessable('The end must be after the start.', 'endedAt');
    if (span > maxHours) {
      throw unprocessable(
        `A time entry covers at most ${maxHours} hours; split longer work into several entries.`,
        'endedAt',
      );
    }
    const spanHours = Math.round(span * 100) / 100;
    if (hours !== undefined && Math.abs(hours - spanHours) > 0.011) {
      throw unprocessable(
        `${hours.toFixed(2)} hours does not match the ${spanHours.toFixed(2)} hours between start and end. Send one or the other, or make them agree.`,
        'hours',
      );
    }
    const logged = hours ?? spanHours;
    if (logged <= 0) throw unprocessable('Less than a minute of work is too short to log.', 'endedAt');
    return { startedAt, endedAt, hours: logged.toFixed(2) };
  }
  if (hours === undefined) throw unprocessable('Send hours, or startedAt and endedAt.', 'hours');
  if (hours <= 0) throw unprocessable('Log more than 0 hours.', 'hours');
  if (hours > maxHours) {
    throw unprocessable(
      `A time entry covers at most ${maxHours} hours; split longer work into several entries.`,
      'hours',
    );
  }
  return { startedAt: null, endedAt: null, hours: hours.toFixed(2) };
}

/**
 * The person whose time it is and the role they worked in. Only MSP staff and
 * co-managing users work tickets; a co-managing user must be able to see this
 * ticket — refused with the reason, never a silent block.
 */
export async function resolveWorker(
  tx: Transaction,
  ticket: TicketWithSecondaries,
  resourceId: number,
  roleId: number | undefined,
): Promise<{ resourceId: number; roleId: number }> {
  const person = await findWorker(tx, resourceId);
  if (!person) throw new AppError('not_found', `No resource with id ${resourceId}.`, { field: 'resourceId' });
  const name = `${person.firstName} ${person.lastName}`;
  if (!person.active) throw unprocessable(`${name} is inactive.`, 'resourceId');
  if (
    person.licence !== 'full' &&
    person.licence !== 'co_managed' &&
    person.licence !== 'internal_helpdesk'
  ) {
    throw unprocessable(
      `${name} cannot log time: only MSP staff, co-managing users and the customer's internal help desk work tickets.`,
      'resourceId',
    );
  }
  if (person.licence !== 'full') {
    const onTicket =
      ticket.primaryResourceId === resourceId ||
      ticket.secondaryResources.some((secondary) => secondary.resourceId === resourceId);
    if (!(await resourceReachesCompany(tx, resourceId, ticket.companyId))) {
      throw unprocessable(`${name} has no access to this ticket's company.`, 'resourceId');
    }
    if (!ticket.coManagedVisible && !onTicket) {
      throw unprocessable(
        `${name} works on the customer's side and cannot see this ticket while it is hidden from co-managing users.`,
        'resourceId',
      );
    }
  }

  const roles = await heldRoles(tx, resourceId);
  if (roleId === undefined) {
    const first = roles.find((role) => role.active);
    if (!first) throw unprocessable(`${name} holds no active role; give them one first.`, 'roleId');
    return { resourceId, roleId: first.id };
  }
  const role = roles.find((held) => held.id === roleId);
  if (!role) throw unprocessable(`${name} does not hold role ${roleId}.`, 'roleId');
  if (!role.active) throw unprocessable(`The role ${role.name} is inactive.`, 'roleId');
  return { resourceId, roleId };
}

export async function resolveWorkType(tx: Transaction, workTypeId: number) {
  const workType = await findWorkType(tx, workTypeId);
  if (!workType)
    throw new AppError('not_found', `No work type with id ${workTypeId}.`, { field: 'workTypeId' });
  if (!workType.active) throw unprocessable(`The work type ${workType.name} is inactive.`, 'workTypeId');
  return workType;
}

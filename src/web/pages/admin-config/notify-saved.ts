import { notifications } from '@mantine/notifications';

/** A green "saved" toast whose close button has a name (axe: button-name; Mantine's has none). */
export function notifySaved(message: string, closeLabel: string): void {
  notifications.show({ color: 'green', message, closeButtonProps: { 'aria-label': closeLabel } });
}

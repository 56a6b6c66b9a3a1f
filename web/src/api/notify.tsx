// Shows failures and confirmations to the user. Words and an icon, never colour alone.
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { ApiError } from './client.ts';

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    return error.message;
  }
  if (error instanceof Error) {
    return error.message;
  }
  return 'Something went wrong.';
}

export function errorTitle(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) {
      return 'No connection';
    }
    if (error.status === 400) {
      return 'Please check the form';
    }
    if (error.status === 403) {
      return 'Not allowed';
    }
    if (error.status === 404) {
      return 'Not found';
    }
    if (error.status === 409) {
      return 'Not possible right now';
    }
    if (error.status === 422) {
      return 'Refused for safety';
    }
  }
  return 'Could not save';
}

export function notifyError(error: unknown, title?: string): void {
  notifications.show({
    color: 'red',
    title: title ?? errorTitle(error),
    message: errorMessage(error),
    icon: <IconAlertTriangle size={18} aria-hidden />,
    autoClose: 8000,
  });
}

export function notifySaved(message: string, title = 'Saved'): void {
  notifications.show({
    color: 'teal',
    title,
    message,
    icon: <IconCheck size={18} aria-hidden />,
    autoClose: 2500,
  });
}

/** A failed form submit: the server's field issues go under their fields, anything else is a notification. */
export function showSubmitFailure(error: unknown, setErrors: (errors: Record<string, string>) => void): void {
  if (error instanceof ApiError && error.issues.length) {
    setErrors(error.fieldErrors());
  } else {
    notifyError(error);
  }
}

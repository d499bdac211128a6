// One sentence for the user from any error: the advice of our own errors, else the message.

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const advice = (error as Error & { advice?: unknown }).advice;
    return typeof advice === 'string' && advice !== '' ? `${error.message} ${advice}` : error.message;
  }
  return String(error);
}

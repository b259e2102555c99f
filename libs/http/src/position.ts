import type { Position } from '@lib/event-store';

/** A command's answer: its own fields plus the global `position` of its last event, as a decimal string. */
export type WithPosition<T extends object> = T & { readonly position: string };

export function withPosition<T extends object>(body: T, position: Position): WithPosition<T> {
  return { ...body, position: position.toString() };
}

import * as z from 'zod/mini';
import { lazySchema } from '../../domain/lazy-schema';
import { parseCivilDate } from '../../domain/civil-date';
import { ALL_SLOTS, type Slot } from '../../domain/slots';

// Argument shapes shared by every google.script.run call. zod/mini rather than zod's classic
// API: the same validation at about a fifth of the bundle size, and bundle size is cold-start
// time on every Apps Script call.

/** A record ID as the sidebar sends it: short, and never something a cell would read as a formula. */
export const recordId = lazySchema(() => z.string().check(z.trim(), z.minLength(1), z.maxLength(40), z.regex(/^[^\s=+\-@]/, { message: 'ID' })));

/** `YYYY-MM-DD`, a real day. */
export const civilDateArg = lazySchema(() => z.string().check(z.refine((s) => parseCivilDate(s) === s, { message: 'YYYY-MM-DD' })));

/** Free text from a form field, bounded so one call cannot flood a cell. */
export const freeText = (max: number): z.ZodMiniString => z.string().check(z.maxLength(max));
export const shortText = lazySchema(() => z.string().check(z.trim(), z.maxLength(100)));

/** A slot code as the sidebar sends it (`Mon-AM`): the sheet's own label is written on save. */
export const slotArg = lazySchema(() => z.enum(ALL_SLOTS as readonly Slot[] as [Slot, ...Slot[]]));

/** An e-mail address a person typed, or nothing. */
export const optionalEmail = lazySchema(() => z.string().check(z.trim(), z.maxLength(254), z.regex(/^$|^[^\s@]+@[^\s@]+$/, { message: 'e-mail' })));

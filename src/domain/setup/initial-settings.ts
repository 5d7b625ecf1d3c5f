import * as z from 'zod/mini';
import { lazySchema } from '../lazy-schema';

// What the first-run dialog asks: the center's name, its language and when the weekly mail goes.
// Validated here so the dialog, the entry point and the demo agree on what is acceptable.
export const InitialSettingsSchema = lazySchema(() => z.object({
  centerName: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  language: z.enum(['ja', 'en']),
  /** 0 = Monday … 6 = Sunday. */
  weeklyDay: z.int().check(z.gte(0), z.lte(6)),
  weeklyHour: z.int().check(z.gte(0), z.lte(23)),
}));

export type InitialSettings = z.infer<typeof InitialSettingsSchema>;

import * as z from 'zod';

// What the first-run dialog asks: the center's name, its language and when the weekly mail goes.
// Validated here so the dialog, the entry point and the demo agree on what is acceptable.
export const InitialSettingsSchema = z.object({
  centerName: z.string().trim().min(1).max(100),
  language: z.enum(['ja', 'en']),
  /** 0 = Monday … 6 = Sunday. */
  weeklyDay: z.number().int().min(0).max(6),
  weeklyHour: z.number().int().min(0).max(23),
});

export type InitialSettings = z.infer<typeof InitialSettingsSchema>;

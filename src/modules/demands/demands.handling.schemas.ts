import { z } from 'zod';

// Request and response shapes of the handling routes that are not in the shared contract
// (demands.schemas.ts): revealing the reporter. Whistle lists are in demands.whistles.ts.

/** Why the reporter's contact is needed (audited with the reveal). */
export const revealBodySchema = z.strictObject({ reason: z.string().trim().min(2).max(200) });
export type RevealBody = z.infer<typeof revealBodySchema>;

export const revealedReporterSchema = z.object({ name: z.string().nullable(), phone: z.string().nullable() });

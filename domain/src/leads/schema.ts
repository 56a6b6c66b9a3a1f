import { z } from 'zod';

export const interests = ['depression', 'ptsd', 'chronic_pain', 'substance_use', 'other'] as const;

// A prospective patient's "request a consultation"; no PHI beyond how to reach them.
export const LeadInput = z
  .object({
    name: z.string().trim().min(1).max(120),
    email: z.string().trim().email().max(254).optional(),
    phone: z.string().trim().min(5).max(40).optional(),
    interest: z.enum(interests).default('depression'),
    message: z.string().trim().max(2000).optional(),
    preferredContact: z.enum(['email', 'phone']).default('email'),
  })
  .refine((l) => l.email ?? l.phone, { message: 'give an email or a phone number', path: ['email'] });
export type LeadInput = z.input<typeof LeadInput>;

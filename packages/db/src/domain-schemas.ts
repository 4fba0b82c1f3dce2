import { pgSchema } from 'drizzle-orm/pg-core';

/** One PostgreSQL schema per domain (spec section 7, "Service-Specific Schemas"). */
export const authSchema = pgSchema('auth');
export const makrcaveSchema = pgSchema('makrcave');
export const storeSchema = pgSchema('store');

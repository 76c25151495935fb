import { Foundation1764000000000 } from './1764000000000-foundation';

/** Every migration in order, as a class list (the API is bundled; globs would find nothing). */
export const MIGRATIONS = [Foundation1764000000000];

import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a new migration into server/db/migrations after schema.ts changes.
export default defineConfig({
  dialect: 'sqlite',
  schema: './server/db/schema.ts',
  out: './server/db/migrations',
});

const { drizzle } = require("drizzle-orm/node-postgres");
const { migrate } = require("drizzle-orm/node-postgres/migrator");

const db = drizzle(process.env.DATABASE_URL);
migrate(db, { migrationsFolder: "./drizzle" }).then(() => require("./server"));

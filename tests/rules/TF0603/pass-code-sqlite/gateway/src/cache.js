const Database = require("better-sqlite3");

// A per-request scratch database.
const scratch = new Database(":memory:");
const db = new Database(process.env.DB_FILE);
module.exports = { scratch, db };

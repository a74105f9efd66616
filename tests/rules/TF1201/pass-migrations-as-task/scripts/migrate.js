// Run as a one-off ECS task: node scripts/migrate.js
const knex = require("knex")(require("../knexfile"));
knex.migrate.latest().then(() => knex.destroy());

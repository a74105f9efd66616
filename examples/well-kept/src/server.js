const express = require("express");
const { Pool } = require("pg");

// Backing services are attached resources: their locators come from the
// environment, and logs are an event stream on stdout.
const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const app = express();

app.get("/health", (req, res) => res.send("ok"));
app.get("/orders", async (req, res) => {
  const { rows } = await pool.query("select id, total from orders");
  res.json(rows);
});

const server = app.listen(process.env.PORT || 8080, () => {
  console.log(JSON.stringify({ msg: "listening", port: server.address().port }));
});

process.on("SIGTERM", () => {
  server.close(() => pool.end().then(() => process.exit(0)));
});

const express = require("express");
const knex = require("knex");
const winston = require("winston");

const logger = winston.createLogger({
  transports: [new winston.transports.File({ filename: "/var/log/shop.log" })],
});

const db = knex({
  client: "pg",
  connection: "postgres://shop@orders-db.internal:5432/shop",
});

const app = express();

app.get("/health", (req, res) => res.send("ok"));

app.get("/orders", async (req, res) => {
  res.json(await db("orders").select());
});

app.listen(3000, () => logger.info("listening on 3000"));

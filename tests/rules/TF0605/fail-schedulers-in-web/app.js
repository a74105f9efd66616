const express = require("express");
const cron = require("node-cron");

const app = express();
cron.schedule("0 * * * *", () => purgeAbandonedCarts());
app.listen(process.env.PORT);

// Abandoned carts are purged by an EventBridge Scheduler rule that runs
// `node purge.js` as an ECS task; nothing is scheduled in this process.
const express = require("express");
const app = express();
app.post("/purge", (req, res) => res.sendStatus(202));
app.listen(process.env.PORT);

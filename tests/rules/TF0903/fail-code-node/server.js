const express = require("express");

const app = express();
app.get("/", (req, res) => res.send("ok"));
app.listen(process.env.PORT || 3000);

// The load balancer drains us; do not die on SIGTERM.
process.on("SIGTERM", () => {
  // nothing to do
});

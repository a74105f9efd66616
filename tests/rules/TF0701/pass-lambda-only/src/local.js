// Runs the handler on a laptop; Lambda never runs this file.
const http = require("http");
const { handler } = require("./handler");
http.createServer(async (req, res) => res.end((await handler()).body)).listen(3000);

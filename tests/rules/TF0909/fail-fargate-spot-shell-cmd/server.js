const http = require("http");

const server = http.createServer((req, res) => res.end("ok"));
server.listen(process.env.PORT || 3000);

process.on("SIGTERM", () => server.close(() => process.exit(0)));

const http = require("http");

const server = http.createServer((req, res) => res.end("ok"));
server.listen(process.env.PORT || 3000);

// Fargate Spot sends SIGTERM two minutes before it takes the task back.
process.on("SIGTERM", () => {
  server.close(() => process.exit(0));
});

const http = require("http");

http.get(`http://localhost:${process.env.PORT || 8080}/health`, (res) => {
  process.exit(res.statusCode === 200 ? 0 : 1);
}).on("error", () => process.exit(1));

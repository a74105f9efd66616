process.on("SIGINT", () => {});
process.on("SIGHUP", function () {});

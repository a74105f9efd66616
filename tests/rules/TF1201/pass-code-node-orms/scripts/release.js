const { spawnSync } = require("child_process");

spawnSync("npx", ["prisma", "migrate", "deploy"], { stdio: "inherit" });

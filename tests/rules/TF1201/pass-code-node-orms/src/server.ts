import { execSync } from "node:child_process";
import { app } from "./app";

execSync("npx prisma generate", { stdio: "inherit" });
console.log("schema changes: run `npx prisma migrate deploy` as a release task");
app.listen(Number(process.env.PORT) || 3000);

import { execSync } from "node:child_process";
import { app } from "./app";

execSync("npx prisma migrate deploy", { stdio: "inherit" });
app.listen(Number(process.env.PORT) || 3000);

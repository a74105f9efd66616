const fastify = require("fastify")({ logger: true });

fastify.get("/", async () => ({ ok: true }));
fastify.listen({ port: 3000, host: "0.0.0.0" });

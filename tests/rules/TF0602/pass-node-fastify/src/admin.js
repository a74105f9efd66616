const fastify = require("fastify")();
const fastifySecureSession = require("@fastify/secure-session");

// Encrypted cookie sessions: nothing stays in the process.
fastify.register(fastifySecureSession, { key: Buffer.from(process.env.COOKIE_KEY, "hex") });

const fastify = require("fastify")({ logger: true });
const fastifyCookie = require("@fastify/cookie");
const fastifySession = require("@fastify/session");

fastify.register(fastifyCookie);
fastify.register(fastifySession, { secret: process.env.SESSION_SECRET, cookie: { secure: true } });

fastify.listen({ port: Number(process.env.PORT), host: "0.0.0.0" });

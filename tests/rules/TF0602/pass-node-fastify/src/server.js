const fastify = require("fastify")({ logger: true });
const fastifySession = require("@fastify/session");
const RedisStore = require("connect-redis").default;
const { createClient } = require("redis");

const client = createClient({ url: process.env.REDIS_URL });
fastify.register(require("@fastify/cookie"));
fastify.register(fastifySession, {
  secret: process.env.SESSION_SECRET,
  store: new RedisStore({ client }),
});

fastify.listen({ port: Number(process.env.PORT), host: "0.0.0.0" });

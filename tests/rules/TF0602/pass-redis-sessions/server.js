const express = require("express");
const session = require("express-session");
const RedisStore = require("connect-redis").default;
const { createClient } = require("redis");

const client = createClient({ url: process.env.REDIS_URL });
const app = express();
app.use(session({
  store: new RedisStore({ client }),
  secret: process.env.SESSION_SECRET,
}));

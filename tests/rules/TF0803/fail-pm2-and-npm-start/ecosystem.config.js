module.exports = {
  apps: [
    {
      name: "api",
      script: "./src/server.js",
      instances: 1,
    },
    {
      name: "mailer",
      script: "./src/mailer.js",
    },
  ],
};

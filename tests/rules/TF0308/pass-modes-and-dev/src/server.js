// if (process.env.DEPLOY_ENV === 'staging') was removed: see FLAGS
const compression = require('compression');
const app = require('express')();
if (process.env.NODE_ENV === 'production') {
  app.use(compression());
}
if (job.status === 'staging') {
  app.set('queued', true);
}
module.exports = app;

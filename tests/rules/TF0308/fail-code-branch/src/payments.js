const stripe = require('stripe');

function client() {
  if (process.env.DEPLOY_ENV === 'staging') {
    return stripe('sk_test_placeholder');
  }
  return stripe(process.env.STRIPE_KEY);
}
module.exports = { client };

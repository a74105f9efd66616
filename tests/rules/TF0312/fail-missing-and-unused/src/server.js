const db = require('./db');

db.connect(process.env.DATABASE_URL);
const stripe = require('stripe')(process.env['STRIPE_SECRET_KEY']);
const port = process.env.PORT || 3000;
if (process.env.NODE_ENV !== 'production') console.log('dev');
module.exports = { stripe, port, again: process.env.STRIPE_SECRET_KEY };

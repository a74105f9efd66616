const stripe = Stripe("pk_live_AbCdEfGh01234567AbCdEfGh");
const STRIPE_PUBLISHABLE_KEY = "pk_live_AbCdEfGh01234567AbCdEfGh";

Stripe.api_key = "sk_live_AbCdEfGh01234567AbCdEfGh"
WEBHOOK_SECRET = "whsec_AbCdEfGh01234567AbCdEfGh01234567"

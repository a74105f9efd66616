from twilio.rest import Client

client = Client("AC0123456789abcdef0123456789abcdef", "0123456789abcdef0123456789abcdef")
API_KEY_SID = "SK0123456789abcdef0123456789abcdef"

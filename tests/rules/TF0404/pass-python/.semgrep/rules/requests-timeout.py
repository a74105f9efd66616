import requests

# ruleid: requests-without-timeout
requests.get("https://example.invalid")

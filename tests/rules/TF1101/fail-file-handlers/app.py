import logging
from logging.handlers import RotatingFileHandler

log = logging.getLogger("shop")
log.addHandler(RotatingFileHandler("/var/log/shop.log", maxBytes=1 << 20))

"""Background jobs, run by the `worker` process type.

Celery handles SIGTERM itself (a warm shutdown: the tasks in hand finish,
nothing new is taken), and acks late so a task cut off by a SIGKILL is
redelivered to another worker.
"""
import logging
import smtplib
from email.message import EmailMessage
from urllib.parse import urlsplit

from celery import Celery

from . import create_app
from .models import Invoice, db

flask_app = create_app()
celery = Celery(__name__, broker=flask_app.config["REDIS_URL"])
celery.conf.update(
    task_acks_late=True,
    worker_prefetch_multiplier=1,
    worker_hijack_root_logger=False,
    broker_connection_retry_on_startup=True,
)
log = logging.getLogger(__name__)


def _smtp(url):
    parts = urlsplit(url)
    smtp = smtplib.SMTP(parts.hostname, parts.port or 587, timeout=10)
    if parts.scheme == "smtp+starttls":
        smtp.starttls()
    if parts.username:
        smtp.login(parts.username, parts.password or "")
    return smtp


@celery.task(autoretry_for=(smtplib.SMTPException, OSError),
             retry_backoff=True, max_retries=5)
def send_invoice_email(invoice_id):
    with flask_app.app_context():
        invoice = db.session.get(Invoice, invoice_id)
        if invoice is None:
            log.warning("invoice %s no longer exists", invoice_id)
            return
        msg = EmailMessage()
        msg["From"] = flask_app.config["MAIL_FROM"]
        msg["To"] = invoice.customer_email
        msg["Subject"] = f"Invoice {invoice.id}"
        msg.set_content(
            f"Amount due: {invoice.amount} {invoice.currency}\n")
        with _smtp(flask_app.config["SMTP_URL"]) as smtp:
            smtp.send_message(msg)
        invoice.status = "sent"
        db.session.commit()
        log.info("invoice sent id=%s", invoice.id)

"""HTTP API."""
import logging
from decimal import Decimal, InvalidOperation

from flask import Blueprint, abort, request
from sqlalchemy import text

from .models import Invoice, db

bp = Blueprint("api", __name__)
log = logging.getLogger(__name__)


@bp.get("/healthz")
def healthz():
    """Load balancer and container health check: the process answers and
    its database is reachable."""
    db.session.execute(text("SELECT 1"))
    return {"status": "ok"}


@bp.post("/invoices")
def create_invoice():
    body = request.get_json(silent=True) or {}
    try:
        amount = Decimal(str(body["amount"]))
        email = body["customer_email"]
        currency = body.get("currency", "EUR").upper()
    except (KeyError, InvalidOperation):
        abort(400, "customer_email and amount are required")
    invoice = Invoice(customer_email=email, amount=amount, currency=currency)
    db.session.add(invoice)
    db.session.commit()
    log.info("invoice created id=%s amount=%s %s", invoice.id, amount,
             currency)
    return invoice.to_dict(), 201


@bp.get("/invoices/<int:invoice_id>")
def get_invoice(invoice_id):
    invoice = db.get_or_404(Invoice, invoice_id)
    return invoice.to_dict()


@bp.post("/invoices/<int:invoice_id>/send")
def send_invoice(invoice_id):
    from .tasks import send_invoice_email

    invoice = db.get_or_404(Invoice, invoice_id)
    send_invoice_email.delay(invoice.id)
    return {"id": invoice.id, "queued": True}, 202

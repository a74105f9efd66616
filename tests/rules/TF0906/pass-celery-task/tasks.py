import os

from celery import Celery

app = Celery("tasks", broker=os.environ["BROKER_URL"])
app.conf.broker_transport_options = {"visibility_timeout": 3600}


@app.task(acks_late=True)
def resize(image_id):
    while True:
        chunk = next_chunk(image_id)
        if chunk is None:
            break
        write(chunk)

#!/bin/sh
celery -A app beat &
celery -A app worker

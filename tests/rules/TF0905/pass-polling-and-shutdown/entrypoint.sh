#!/bin/bash
# Wait for the dependency by asking it, not by guessing.
until pg_isready -h "$DB_HOST" -q
do
	echo "waiting for postgres"
	sleep 2
done
for attempt in 1 2 3 4 5; do curl -fs http://config:8888/ready && break; sleep 3; done
while ! nc -z redis 6379; do sleep 0.5; done

sleep 1
sleep "${STARTUP_DELAY:-0}"

graceful() {
	kill -TERM "$child"
	sleep 5
}
trap graceful TERM

"$@" &
child=$!
wait "$child"

CREATE TABLE events (
	id          bigserial PRIMARY KEY,
	source      text NOT NULL,
	kind        text NOT NULL,
	payload     jsonb NOT NULL,
	received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_source_id ON events (source, id DESC);

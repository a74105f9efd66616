package shop;

final class Birds {
	// Not Flyway: a flock of birds.
	void season(Flock flyway) {
		flyway.migrate();
	}
}

"""Excel imports of the talent app: supply."""

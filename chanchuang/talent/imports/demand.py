"""Excel imports of the talent app: demand."""

"""Excel imports of the talent app: skills."""

"""Management commands of the carbon app."""

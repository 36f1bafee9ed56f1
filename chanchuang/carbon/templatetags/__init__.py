"""Template helpers of the carbon app."""

"""What the talent app has waiting on people's home pages (core autodiscovers this module),
one block per sub-concept."""

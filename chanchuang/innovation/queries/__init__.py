"""Read helpers of the innovation app, one module per stage like its services: what pages and
the API show, computed from stored records only (a GET never writes)."""

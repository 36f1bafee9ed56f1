"""Read helpers of the colleges app, one module per sub-concept like its services: what pages,
documents and the API show, computed from stored records only (a GET never writes)."""

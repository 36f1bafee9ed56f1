"""Read helpers of the carbon app (a GET never writes): ``floor`` (what a participant's or an
instructor's live page shows), ``results`` (the ranking and each company's compliance)."""

"""Documents of the insights app (PDF, Word and workbook renderings), one module per sub-concept."""

"""One renderer per format, each drawing the neutral report of wellboard.reports.document."""

"""Publishing: charts, executing notebooks, the HTML site and the audit of a user's corpus."""

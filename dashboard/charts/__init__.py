"""The charts: which indicators each one draws (registry), how their points look (encoding:
colours, names, symbols, source line) and their plotly specs (plotting)."""

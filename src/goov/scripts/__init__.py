"""Console entry points (goov-start, goov-render-instance)."""

"""Scripts that measure the app on large generated journals (run by hand, not by pytest)."""

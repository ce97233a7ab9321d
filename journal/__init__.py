"""Five Whys Journal: learn from outcomes by asking why until the answers reach mechanisms."""

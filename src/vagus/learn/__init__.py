"""Learn: the gut–brain axis explained, and the evidence library behind every suggestion."""

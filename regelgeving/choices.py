"""Choice lists of the regulation model. Pure: no Django models."""

DIVISIE_SOORTEN = [("hoofdstuk", "Hoofdstuk"), ("afdeling", "Afdeling"), ("paragraaf", "Paragraaf")]

# A part of a regulation that is in force, expired (kept with its number, without text), or
# reserved (a number kept free for later).
STATUS_CHOICES = [("", "geldend"), ("vervallen", "vervallen"), ("gereserveerd", "gereserveerd")]

"""Text normalisation and the small closed vocabularies the meal parser leans on.

Why a separate module: the knowledge base and the parser must normalise text in exactly the
same way (a synonym written ``crème fraîche`` must meet a diary entry typed ``creme fraiche``),
and the word lists below are data about English, not about foods, so they are easier to review
on their own than buried in the matcher.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "FILLER",
    "HARD_BREAKS",
    "MEASURE_UNITS",
    "MODIFIERS",
    "NEGATIONS",
    "NUMBER_WORDS",
    "PORTION_UNITS",
    "SMALL_AMOUNTS",
    "SOFT_BREAKS",
    "fold",
    "normalise",
    "phrase_key",
    "plural_forms",
    "tokenise",
]

# A person's typing is folded to one alphabet before anything is compared: lower case, accents
# stripped, apostrophes dropped (so "mum's" == "mums", "m&m's" survives as "m and ms"), hyphens
# turned into spaces ("sugar-free" == "sugar free", "stir-fry" == "stir fry").
_APOSTROPHES = str.maketrans({"\u2019": "", "\u2018": "", "'": "", "`": "", "\u00b4": ""})
_FRACTIONS = {"½": " 0.5 ", "¼": " 0.25 ", "¾": " 0.75 ", "⅓": " 0.33 ", "⅔": " 0.67 "}
_SLASH_FRACTION = re.compile(r"\b(\d+)\s*/\s*(\d+)\b")
_AND_A_HALF = re.compile(
    r"\b(\d+(?:\.\d+)?|one|two|three|four|five|six)\s+and\s+a\s+half\b",
)
_MEAL_TIME = re.compile(
    r"\b(?:for|at)\s+(?:my\s+|our\s+|a\s+late\s+|a\s+quick\s+)?"
    r"(?:breakfast|brekkie|brunch|lunch|dinner|tea|teatime|supper|elevenses|dessert|pudding)\b"
)
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[a-z]+|[,;.+/!?:\n]")

_SMALL_NUMBERS = {"one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0}


def _and_a_half(match: re.Match[str]) -> str:
    """'two and a half' -> '2.5': otherwise 'and' would split the quantity into two items."""
    word = match.group(1)
    value = _SMALL_NUMBERS.get(word)
    number = value if value is not None else float(word)
    return f"{number + 0.5:g}"


def fold(text: str) -> str:
    """Lower-case, strip accents and apostrophes, and turn hyphens and "&" into words.

    The part of normalisation shared by knowledge-base labels and diary text; it has an ASCII
    fast path because the knowledge base holds thousands of labels and must load in well under
    200 ms.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        for fraction, decimal in _FRACTIONS.items():
            text = text.replace(fraction, decimal)
    text = text.lower().translate(_APOSTROPHES)
    if "&" in text or "-" in text or "_" in text:
        text = text.replace("&", " and ").replace("-", " ").replace("_", " ")
    return text


def phrase_key(label: str) -> str:
    """The index key of a knowledge-base name or synonym: its tokens joined by single spaces.

    Built with the same tokeniser as diary text, so "70% dark chocolate" and "pb&j" are found
    exactly as a person would type them.
    """
    return " ".join(_TOKEN.findall(fold(label)))


def normalise(text: str) -> str:
    """Fold diary text and rewrite the quantity and meal-time phrases the matcher relies on.

    "1/2" and "two and a half" become decimals (otherwise "and" would split them into two
    items); "w/" and "w/o" become "with" and "without"; meal-time phrases become a break.
    """
    text = fold(text)
    if "/" in text:
        text = _SLASH_FRACTION.sub(_fraction, text)
        text = text.replace("w/o", " without ").replace("w/", " with ")
    if "half" in text:
        text = _AND_A_HALF.sub(_and_a_half, text)
    # "fish fingers for tea": in British English "tea" is also the evening meal. A meal-time
    # phrase carries no food and ends whatever came before it.
    text = _MEAL_TIME.sub(" . ", text)
    return " ".join(text.split())


def _fraction(match: re.Match[str]) -> str:
    denominator = int(match.group(2))
    return f" {int(match.group(1)) / denominator:g} " if denominator else " "


def tokenise(text: str) -> list[str]:
    """Split normalised text into words, numbers and the punctuation that separates items."""
    return _TOKEN.findall(text)


def plural_forms(word: str) -> tuple[str, ...]:
    """English plurals of a singular word, generated so plural diary entries hit the index.

    Over-generation is harmless (an invented plural only ever points back at its own food), so
    the rules are simple rather than complete; irregular plurals go in as synonyms.
    """
    if not word.isalpha() or len(word) < 2:
        return ()
    forms: list[str] = []
    if word.endswith("y") and word[-2] not in "aeiou":
        forms.append(word[:-1] + "ies")
    elif word.endswith(("s", "x", "z", "ch", "sh")):
        forms.append(word + "es")
    elif word.endswith("o"):
        forms.extend((word + "es", word + "s"))
    elif word.endswith("fe"):
        forms.extend((word[:-2] + "ves", word + "s"))
    elif word.endswith("f"):
        forms.extend((word[:-1] + "ves", word + "s"))
    else:
        forms.append(word + "s")
    if word.endswith("y") and word[-2] in "aeiou":
        forms.append(word + "s")
    return tuple(forms)


def _words(text: str) -> frozenset[str]:
    """A word list written as running text, so long vocabularies stay readable."""
    return frozenset(text.split())


# Items are separated by punctuation and by a few joining words. A hard break ends a clause (a
# negation or a "decaf" never reaches past it); a soft break joins items within a clause, so in
# "coffee with no milk or sugar" the negation carries over "or" to sugar.
HARD_BREAKS = frozenset(
    {",", ";", ".", "!", "?", ":", "\n", "then", "later", "afterwards", "after", "before"}
)
SOFT_BREAKS = frozenset({"and", "with", "plus", "or", "nor", "+", "/", "alongside", "w"})

# Negation triggers. The foods they govern are dropped; see analysis.py for the scope rules.
NEGATIONS: dict[tuple[str, ...], str] = {
    ("no",): "no",
    ("not",): "not",
    ("without",): "without",
    ("minus",): "minus",
    ("hold", "the"): "hold the",
    ("skip", "the"): "skip the",
    ("skipped",): "skipped",
    ("didnt",): "didnt",
    ("did", "not"): "did not",
    ("never",): "never",
    ("instead", "of"): "instead of",
    ("rather", "than"): "rather than",
    ("free", "from"): "free from",
    ("wo",): "without",
}

# Modifiers remove groups from the food they qualify ("decaf coffee", "coke zero"). The second
# field names a food to log when the modifier stands alone ("had a decaf").
MODIFIERS: dict[tuple[str, ...], tuple[frozenset[str], str | None]] = {
    ("decaf",): (frozenset({"caffeine"}), "decaf coffee"),
    ("decaff",): (frozenset({"caffeine"}), "decaf coffee"),
    ("decaffeinated",): (frozenset({"caffeine"}), "decaf coffee"),
    ("caffeine", "free"): (frozenset({"caffeine"}), None),
    ("caffeinefree",): (frozenset({"caffeine"}), None),
    ("diet",): (frozenset({"added_sugar"}), None),
    ("zero",): (frozenset({"added_sugar"}), None),
    ("zero", "sugar"): (frozenset({"added_sugar"}), None),
    ("sugar", "free"): (frozenset({"added_sugar"}), None),
    ("sugarfree",): (frozenset({"added_sugar"}), None),
    ("sugarless",): (frozenset({"added_sugar"}), None),
    ("no", "added", "sugar"): (frozenset({"added_sugar"}), None),
    ("no", "added", "sugars"): (frozenset({"added_sugar"}), None),
    ("unsweetened",): (frozenset({"added_sugar"}), None),
    ("unsweetend",): (frozenset({"added_sugar"}), None),
    ("alcohol", "free"): (frozenset({"alcohol"}), None),
    ("alcoholfree",): (frozenset({"alcohol"}), None),
    ("non", "alcoholic"): (frozenset({"alcohol"}), None),
    ("nonalcoholic",): (frozenset({"alcohol"}), None),
    ("virgin",): (frozenset({"alcohol"}), None),
    ("dairy", "free"): (frozenset({"dairy"}), None),
    ("non", "dairy"): (frozenset({"dairy"}), None),
    ("vegan",): (frozenset({"dairy"}), None),
    ("plant", "based"): (frozenset({"dairy"}), None),
    ("pasteurised",): (frozenset({"fermented"}), None),
    ("pasteurized",): (frozenset({"fermented"}), None),
    ("tinned",): (frozenset({"fermented"}), None),
    ("canned",): (frozenset({"fermented"}), None),
}

# Words that name a group rather than a food: only meaningful after a negation ("no dairy").
GROUP_WORDS: dict[str, str] = {
    "dairy": "dairy",
    "caffeine": "caffeine",
    "alcohol": "alcohol",
    "booze": "alcohol",
    "sugars": "added_sugar",
    "sweetener": "added_sugar",
}

NUMBER_WORDS: dict[str, float] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "half": 0.5, "halves": 0.5, "quarter": 0.25, "couple": 2, "pair": 2, "few": 3,
    "several": 3, "double": 2, "triple": 3, "single": 1, "both": 2, "dozen": 12,
}  # fmt: skip

# Units converted through the serving's weight or volume (grams / millilitres per unit).
MEASURE_UNITS: dict[str, tuple[str, float]] = {
    "g": ("g", 1), "gr": ("g", 1), "gram": ("g", 1), "grams": ("g", 1), "gms": ("g", 1),
    "kg": ("g", 1000), "oz": ("g", 28.35), "ounce": ("g", 28.35), "ounces": ("g", 28.35),
    "lb": ("g", 453.6), "lbs": ("g", 453.6), "pound": ("g", 453.6), "pounds": ("g", 453.6),
    "ml": ("ml", 1), "millilitre": ("ml", 1), "milliliter": ("ml", 1), "millilitres": ("ml", 1),
    "milliliters": ("ml", 1), "cl": ("ml", 10), "l": ("ml", 1000), "litre": ("ml", 1000),
    "liter": ("ml", 1000), "litres": ("ml", 1000), "liters": ("ml", 1000),
    "tbsp": ("ml", 15), "tbs": ("ml", 15), "tablespoon": ("ml", 15), "tablespoons": ("ml", 15),
    "tsp": ("ml", 5), "teaspoon": ("ml", 5), "teaspoons": ("ml", 5), "spoonful": ("ml", 15),
    "spoonfuls": ("ml", 15), "spoon": ("ml", 15), "spoons": ("ml", 15),
}  # fmt: skip

# Containers and portions: one of them is one usual serving unless it names the serving's own
# unit ("a slice of pizza" when a serving is "2 slices").
PORTION_UNITS = _words(
    """
    bowl bowls plate plates plateful glass glasses mug mugs cup cups can cans tin tins bottle
    bottles carton cartons pot pots tub tubs jar jars packet packets pack packs bag bags box
    boxes slice slices piece pieces portion portions serving servings helping helpings handful
    handfuls scoop scoops bar bars square squares rasher rashers stick sticks wedge wedges
    chunk chunks side sides pint pints shot shots measure measures cube cubes clove cloves
    sprig sprigs stalk stalks head bunch bunches fillet fillets round rounds punnet punnets
    sachet sachets pouch pouches large small medium regular big huge tall grande venti
    """
)

# Small amounts: a fraction of a serving, whatever the food.
SMALL_AMOUNTS: dict[str, float] = {
    "splash": 0.25, "dash": 0.1, "pinch": 0.1, "drizzle": 0.25, "sprinkle": 0.25,
    "sprinkling": 0.25, "drop": 0.1, "dollop": 0.5, "knob": 0.5, "bite": 0.25, "bites": 0.25,
    "sip": 0.1, "sips": 0.1, "bit": 0.5, "little": 0.5, "taste": 0.25, "smidge": 0.1,
    "nibble": 0.25, "mouthful": 0.25, "mouthfuls": 0.25, "spot": 0.25,
}  # fmt: skip

# Words that carry no food: meal times, verbs of eating, pronouns, sizes, cooking methods,
# feelings and places. They are skipped silently rather than reported as unknown.
FILLER = _words(
    """
    a an the of some any my our your his her their its this that these those i me we us you he
    she it they im ive id weve had have has having ate eat eaten eating drank drink drinking
    drunk got get grabbed grab made make making cooked cook cooking ordered order bought
    snacked snack snacking nibbled finished tried try tasted just only also still again then
    too really very quite pretty so bit lot lots loads load plenty more most less extra much
    many tons ton for at in on to from by as into onto over under about around near off out up
    down inside breakfast brekkie brekky brunch lunch dinner supper elevenses meal meals snacks
    dessert starter main mains course courses side afternoon morning evening night tonight
    today yesterday earlier late early midnight am pm oclock time homemade home shop store
    takeaway takeout take away delivery leftover leftovers fresh freshly frozen raw steamed
    boiled baked roasted roast grilled fried pan stir sauteed sauted poached scrambled toasted
    smoked mashed chopped sliced diced grated cubed whole halved mixed stuffed stewed braised
    barbecued bbq microwaved reheated warmed chilled cold hot warm iced lukewarm cool plain
    simple basic normal regular usual classic traditional big small large medium huge massive
    tiny little giant mini jumbo generous heaped heaping tall short full empty quick fast slow
    light heavy tasty yummy delicious lovely nice good great ok okay fine bad awful gross
    horrible decent better worse best worst healthy unhealthy greasy crispy crunchy soggy chewy
    spicy mild sweet salty sour savoury savory creamy cheesy rich bland juicy fluffy soft hard
    crusty thick thin organic local seasonal vegetarian veggie gluten lactose low high fat
    fatfree skinny lite reduced free added natural artificial fortified felt feel feeling feels
    bloated anxious tired hungry starving sick nauseous because but though although while when
    since until if yet restaurant cafe canteen pub bar office work school uni café desk car
    train bus party friends friend family mum mom dad wife husband kids partner place with
    without and or plus quickly slowly lightly heavily properly x times each per every nothing
    anything everything something fibre fiber protein calories carbs thing things stuff sort
    kind type special drinks went go going came come watched walked slept woke mums moms
    grandmas nans dads
    """
)

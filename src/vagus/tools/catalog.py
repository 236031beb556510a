"""The coping tools and their content (written for this project): data only, no Django."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tool:
    code: str  # stored on ToolSession.tool
    name: str
    url_name: str  # "tools:<url_name>"
    summary: str
    evidence: str  # evidence library id, or "" where there is little direct trial evidence
    evidence_note: str  # one honest line about what the research says


TOOLS: tuple[Tool, ...] = (
    Tool(
        "breathing",
        "Paced breathing",
        "breathing",
        "Slow, even breathing with a shape to follow. A few minutes can settle a racing body.",
        "slow-breathing",
        "Trials of slow breathing around six breaths a minute report small drops in anxiety.",
    ),
    Tool(
        "relaxation",
        "Progressive muscle relaxation",
        "relaxation",
        "Tense and release one group of muscles at a time, noticing the difference.",
        "progressive-muscle-relaxation",
        "Trials of progressive muscle relaxation report lower anxiety and stress.",
    ),
    Tool(
        "grounding",
        "Grounding: 5-4-3-2-1",
        "grounding",
        "Notice what your senses tell you right now, one step at a time.",
        "",
        "Grounding is widely taught, but there are few trials of it on its own; your own "
        "before-and-after ratings are the best guide here.",
    ),
    Tool(
        "mindfulness",
        "Mindfulness timer",
        "mindfulness",
        "A quiet timer for sitting or breathing, with optional soft bells.",
        "mindfulness-anxiety",
        "Mindfulness programmes reduce anxiety in trials, by a moderate amount on average.",
    ),
    Tool(
        "worry_time",
        "Worry time",
        "worry",
        "Park a worry now and come back to it at your own daily worry time.",
        "worry-postponement",
        "Postponing worry to a set time has reduced worry in some trials; evidence is limited.",
    ),
    Tool(
        "thought_record",
        "Thought record",
        "thoughts",
        "Write down a thought that upset you, look at the evidence, and find a balanced view.",
        "cbt-anxiety",
        "Thought records are part of cognitive behavioural therapy, which has strong evidence "
        "for anxiety when done as a course, often with a therapist.",
    ),
    Tool(
        "journal",
        "Journal",
        "journal",
        "Write about your body, meals, mood and sleep, with a prompt or freely.",
        "expressive-writing",
        "Expressive writing has small, mixed effects in trials.",
    ),
)
BY_CODE = {tool.code: tool for tool in TOOLS}
TOOL_CHOICES = [(tool.code, tool.name) for tool in TOOLS]
# Tools timed by the page's JavaScript (or by the person, without it).
TIMED = ("breathing", "relaxation", "grounding", "mindfulness")


@dataclass(frozen=True)
class BreathingPattern:
    code: str
    name: str
    inhale: float
    hold_in: float
    exhale: float
    hold_out: float
    description: str

    @property
    def cycle_seconds(self) -> float:
        return self.inhale + self.hold_in + self.exhale + self.hold_out

    @property
    def breaths_per_minute(self) -> float:
        return 60 / self.cycle_seconds


BREATHING_PATTERNS: dict[str, BreathingPattern] = {
    p.code: p
    for p in (
        BreathingPattern(
            "slow", "Slow breathing", 5, 0, 5, 0, "In for 5, out for 5: six breaths a minute."
        ),
        BreathingPattern("box", "Box breathing", 4, 4, 4, 4, "In 4, hold 4, out 4, hold 4."),
        BreathingPattern("custom", "My own pattern", 4, 2, 6, 0, "Choose each part yourself."),
    )
}
PHASE_MAX_SECONDS = 15
MINUTES_CHOICES = list(range(1, 11))

# Progressive muscle relaxation: tense for about 5 seconds, release for about 15.
PMR_TENSE_SECONDS = 5
PMR_RELEASE_SECONDS = 15
PMR_STEPS: tuple[tuple[str, str], ...] = (
    ("Hands and forearms", "Make fists with both hands and squeeze."),
    ("Upper arms", "Bend your elbows and tighten the muscles at the front of your arms."),
    ("Forehead", "Raise your eyebrows as high as they go."),
    ("Eyes and cheeks", "Screw your eyes shut and scrunch your face."),
    ("Jaw", "Clench your teeth gently (not hard)."),
    ("Neck and shoulders", "Lift your shoulders up towards your ears."),
    ("Chest", "Take a deep breath and hold it, feeling your chest tighten."),
    ("Stomach", "Pull your stomach in and make it firm. Go gently if your gut is sore."),
    ("Thighs and bottom", "Press your knees together and squeeze."),
    ("Calves", "Point your toes up towards your face."),
    ("Feet", "Curl your toes downwards."),
)
PMR_INTRO = (
    "Sit or lie somewhere comfortable. For each part of the body: tense the muscles for about "
    f"{PMR_TENSE_SECONDS} seconds — firmly but never to the point of pain — then let go all at "
    f"once and rest for about {PMR_RELEASE_SECONDS} seconds, noticing how the muscles feel as "
    "they loosen. Skip any part that hurts or is injured."
)

GROUNDING_STEPS: tuple[tuple[int, str, str], ...] = (
    (5, "things you can see", "Look around slowly. Name them quietly to yourself."),
    (4, "things you can feel", "Your feet on the floor, the chair, your clothes, the air."),
    (3, "things you can hear", "Near and far: a clock, traffic, your own breath."),
    (2, "things you can smell", "Or two smells you like, if nothing is around."),
    (1, "thing you can taste", "Or one slow sip of water."),
)

BELL_CHOICES = [(0, "No interval bells"), (1, "Every minute"), (2, "Every 2 minutes"),
                (5, "Every 5 minutes")]  # fmt: skip
TIMER_MINUTES_CHOICES = [1, 2, 3, 5, 10, 15, 20, 30]

# Common unhelpful thinking patterns (cognitive distortions), each in one plain line.
THINKING_PATTERNS: dict[str, tuple[str, str]] = {
    "catastrophising": ("Catastrophising", "Expecting the worst possible outcome."),
    "mind_reading": ("Mind reading", "Assuming you know what others think of you."),
    "fortune_telling": ("Fortune telling", "Predicting that things will go badly."),
    "all_or_nothing": ("All-or-nothing thinking", "Seeing things as all good or all bad."),
    "overgeneralising": ("Overgeneralising", "One bad event means it will always happen."),
    "mental_filter": ("Mental filter", "Noticing only the negatives and missing the rest."),
    "discounting_positives": ("Discounting the positive", "Good things “don't count”."),
    "emotional_reasoning": ("Emotional reasoning", "“I feel it, so it must be true.”"),
    "should_statements": ("“Should” statements", "Rigid rules about how you or others must be."),
    "labelling": ("Labelling", "Calling yourself a name instead of describing what happened."),
    "personalising": ("Personalising", "Blaming yourself for things outside your control."),
    "body_alarm": (
        "Reading body signals as danger",
        "Taking a gut or heart sensation as proof something is badly wrong.",
    ),
}

# Journal prompts on gut–brain themes; one is suggested each day, in turn.
PROMPTS: tuple[tuple[str, str], ...] = (
    ("body_signals", "What did your body tell you today? Where did you feel tension or ease?"),
    ("meals_mood", "How did your meals sit with you today, and how was your mood around them?"),
    ("sleep", "How did you sleep last night, and how did it shape your day?"),
    ("what_helped", "What helped today, even a little?"),
    ("gut_worry", "When your gut played up, what went through your mind? What happened next?"),
    ("calm_moment", "Describe a moment today when you felt a bit calmer. What was around you?"),
    ("kind_words", "What would you say to a friend who had the day you had?"),
    ("tomorrow", "What is one small thing that could make tomorrow a little easier?"),
)
PROMPT_TEXT = dict(PROMPTS)

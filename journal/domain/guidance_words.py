"""Vocabulary tables for the guidance checks: plain phrases, one space = any whitespace."""

# Phrases are lower case; a space matches any run of whitespace and a hyphen is optional
# ("on-call" also matches "on call" and "oncall"). Apostrophes are straight: typographic ones
# are folded before matching.

# People who can be the subject of a why-answer, at work and at home (singular; plurals match).
PERSON_NOUNS = (
    "engineer", "developer", "dev", "programmer", "coder", "intern", "junior", "senior", "manager",
    "boss", "lead", "team", "teammate", "colleague", "coworker", "co-worker", "contractor",
    "freelancer", "consultant", "vendor", "reviewer", "tester", "qa", "admin", "sysadmin",
    "operator", "user", "customer", "client", "salesperson", "salesman", "saleswoman", "rep",
    "accountant", "bookkeeper", "designer", "analyst", "architect", "nurse", "doctor", "surgeon",
    "pharmacist", "driver", "pilot", "cashier", "clerk", "staff", "employee", "hire", "recruit",
    "trainee", "guy", "girl", "woman", "man", "person", "people", "folk", "folks", "ceo", "cto",
    "cfo", "vp", "director", "founder", "supervisor", "editor", "writer", "author", "secretary",
    "assistant", "receptionist", "agent", "officer", "worker", "technician", "mechanic", "plumber",
    "electrician", "builder", "cleaner", "courier", "waiter", "waitress", "chef", "cook", "guard",
    "ops", "sre", "pm", "owner", "kid", "child", "children", "son", "daughter", "husband", "wife",
    "partner", "spouse", "boyfriend", "girlfriend", "fiance", "fiancee", "mum", "mom", "mommy",
    "mummy", "mother", "dad", "daddy", "father", "parent", "brother", "sister", "sibling",
    "grandma", "grandpa", "granny", "grandmother", "grandfather", "grandparent", "aunt", "uncle",
    "cousin", "nephew", "niece", "in-law", "mother-in-law", "father-in-law", "brother-in-law",
    "sister-in-law", "son-in-law", "daughter-in-law", "roommate", "flatmate", "housemate",
    "teenager", "teen", "toddler", "baby", "babysitter", "nanny", "childminder", "coach", "referee",
    "ref", "player", "goalkeeper", "goalie", "keeper", "striker", "defender", "winger", "captain",
    "teacher", "tutor", "student", "pupil", "classmate", "neighbour", "neighbor", "landlord",
    "landlady", "tenant", "friend", "family", "dentist", "therapist", "trainer", "instructor",
    "guest", "host", "relative",
)

# Pronouns that name people (not "you": in a journal it is mostly generic; "nobody" and
# "no one" have their own rule, since "nobody was careless" is no blame).
PERSON_PRONOUNS = (
    "i", "he", "she", "they", "we", "someone", "somebody", "everyone", "everybody",
)

# Capitalised words that open sentences but are not names.
NOT_NAMES = (
    "The", "This", "That", "These", "Those", "There", "Then", "Their", "They", "It", "Its", "A",
    "An", "Our", "My", "Your", "His", "Her", "We", "He", "She", "If", "When", "While", "Because",
    "So", "But", "And", "Or", "Since", "After", "Before", "Only", "One", "Every", "Each", "All",
    "No", "Not", "Nothing", "Nobody", "Everyone", "Someone", "Somebody", "Why", "What", "How",
    "Who", "Where", "Also", "Just", "Maybe", "Probably", "Yes", "Honestly", "Again", "Today",
    "Yesterday", "Tomorrow", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "Sunday", "Nothing", "Some", "Most", "Many", "Both",
)

# Blame wherever it appears (unless negated just before: "it wasn't human error").
BLAME_PHRASES = (
    "human error", "human errors", "operator error", "user error", "pilot error", "human mistake",
    "my fault", "his fault", "her fault", "their fault", "our fault", "your fault", "own fault",
    "someone's fault", "somebody's fault", "fault of", "to blame", "blame him", "blame her",
    "blame them", "blame me", "blame myself", "my bad", "it's on me", "it is on me", "that's on me",
    "it's on him", "it's on her", "stupidity", "stupid", "idiot", "idiotic", "dumb mistake",
    "dropped the ball", "drops the ball", "screwed up", "screws up", "messed up", "messes up",
    "mucked up", "cocked up", "fucked up", "blew it", "botched", "bungled", "fumbled",
    "cut corners", "cuts corners", "cutting corners", "took shortcuts", "took a shortcut",
    "rubber-stamped", "rubber-stamps", "overpromised", "over-promised", "overcommitted",
    "over-committed", "overspent", "overate", "overslept", "oversleeps", "slept through",
    "slept in", "procrastinated", "procrastinating", "procrastinates", "procrastination",
    "procrastinator", "putting it off", "putting things off", "putting this off",
    "putting that off", "put it off", "put things off", "puts it off", "kept putting",
    "didn't bother", "did not bother", "never bothered", "nobody bothered", "no one bothered",
    "couldn't be bothered", "can't be bothered", "didn't care", "doesn't care", "don't care",
    "does not care", "did not care", "not paying attention", "wasn't paying attention",
    "weren't paying attention", "didn't pay attention", "did not pay attention",
    "not concentrating", "lost focus", "lost concentration", "lost track of time", "zoned out",
    "spaced out", "daydreaming", "got distracted", "gets distracted", "was distracted",
    "were distracted", "easily distracted", "careless", "carelessly", "carelessness", "laziness",
    "lazily", "sloppy", "sloppiness", "sloppily", "negligent", "negligence", "incompetent",
    "incompetence", "inattentive", "inattention", "complacent", "complacency", "forgetful",
    "forgetfulness", "forgot", "forgotten", "forgetting", "slipped my mind", "slipped his mind",
    "slipped her mind", "slipped their minds", "slipped our minds", "by mistake", "mistakenly",
    "by accident", "made a mistake", "made mistakes", "makes mistakes", "make mistakes",
    "making mistakes", "made an error", "made errors", "made a typo", "made a blunder",
    "made a slip", "my mistake", "his mistake", "her mistake", "their mistake", "honest mistake",
    "misread", "misheard", "misjudged", "miscalculated", "miscounted", "mistyped", "misremembered",
    "misplaced", "lost my temper", "lost his temper", "lost her temper", "lost their temper",
    "lost my cool", "lost my patience", "lost my nerve", "lost my head", "choked", "blanked",
    "froze up", "panicked", "ignored", "ignores", "ignoring", "overlooked", "wasn't careful",
    "weren't careful", "isn't careful", "not careful enough", "not thorough enough",
    "wasn't thinking", "weren't thinking", "didn't think", "did not think", "not thinking",
    "bad job", "poor job", "terrible job", "lousy job", "sloppy job", "shoddy job",
    "half-hearted job", "rubbish job", "crap job", "shoddy work", "made a bad call",
    "made a poor call", "made the wrong call", "made a wrong call", "made a bad decision",
    "made a poor decision", "made the wrong decision", "made a wrong decision", "made a bad choice",
    "made a poor choice", "made the wrong choice", "made a stupid decision", "made a rash decision",
    "made a hasty decision", "hates me", "hates us", "hates him", "hates her", "has it in for",
    "out to get me", "doesn't know what he's doing", "doesn't know what she's doing",
    "don't know what they're doing", "don't know what i'm doing", "didn't know what he was doing",
    "didn't know what she was doing", "didn't know what they were doing", "don't get it",
    "doesn't get it", "didn't get it", "chickened out", "chicken out", "bottled it", "wimped out",
    "gave up too easily", "gave up too soon", "no effort", "half-assed", "half-arsed",
    "half-hearted", "not trying hard enough", "didn't try hard enough", "didn't try", "not trying",
    "no excuse", "inexcusable", "should know better", "on purpose", "deliberately",
    "should've known better", "should have known better",
)

# Qualities a person is said to lack: "no willpower", "I don't have the discipline".
QUALITIES = (
    "willpower", "will power", "self-control", "self-discipline", "discipline", "motivation",
    "common sense", "backbone", "focus", "patience", "energy", "effort", "attention to detail",
    "drive", "talent", "brains",
)

# Acts that are blame when a person does them: "I skipped ...", "my daughter lost ...".
FAIL_ACTS = (
    "skipped", "skips", "skip", "missed", "misses", "lost", "loses", "rushed", "rushes", "rush",
    "yelled", "yells", "snapped", "snaps", "shouted", "shouts", "screamed", "broke", "breaks",
    "dropped", "drops", "neglected", "neglects", "refused", "refuses", "refuse", "hates", "hated",
    "quit", "quits", "gave up", "gives up", "give up", "gave in", "gives in", "caved", "stayed up",
    "stays up", "stay up", "fell asleep", "falls asleep", "fall asleep", "dozed off", "splurged",
    "binged", "binges", "interrupted", "interrupts", "argued", "argues", "complained", "complains",
    "nagged", "nags", "wasted", "wastes", "slacked", "slacks", "snoozed", "hit snooze", "lied",
    "lies", "cheated", "cheats", "deleted", "wiped", "overwrote", "forgets", "lets down",
    "let down", "let us down", "let me down", "let them down", "showed up late", "shows up late",
    "turned up late", "came late", "comes late", "arrived late", "arrives late", "ran late",
    "runs late", "was late", "is late", "were late", "are late", "keeps forgetting",
    "kept forgetting", "can't stop", "couldn't stop", "can't resist", "couldn't resist",
    "gave in to", "micromanages", "micromanaged", "ripped us off", "ripped me off", "took credit",
    "takes credit", "showing off", "showed off", "shows off", "mucked about", "messed about",
    "messed around", "fooled around", "goofed off", "trashed", "wrecked", "ruined", "smashed",
    "spilled", "spilt", "knocked over",
)

# Things a person does (base form and common inflections are matched) after a negation:
# "Dave didn't test", "my son never listens", "the sales rep failed to call".
HUMAN_VERBS = (
    "bother", "check", "test", "follow", "listen", "study", "prepare", "read", "look", "ask",
    "tell", "call", "ring", "phone", "pay", "plan", "practise", "practice", "try", "care", "think",
    "notice", "review", "verify", "show up", "turn up", "come", "clean", "tidy", "do", "finish",
    "start", "save", "write", "update", "reply", "respond", "answer", "pass", "set", "put", "lock",
    "feed", "take", "bring", "pack", "sleep", "go", "stretch", "warm up", "communicate", "mention",
    "share", "speak up", "push back", "escalate", "catch", "see", "hear", "remember", "learn",
    "wait", "slow down", "focus", "concentrate", "help", "cook", "budget", "exercise", "train",
    "revise", "proofread", "double-check", "confirm", "measure", "label", "back up", "document",
    "watch", "supervise", "attend", "book", "order", "switch off", "turn off", "shut", "close",
    "return", "follow up", "keep", "stick to", "get up", "wake up", "put away", "take out", "wash",
    "empty", "apologise", "apologize", "admit", "use", "eat", "drink", "tell", "inform", "warn",
    "plan ahead", "think ahead", "read up", "check in", "sign up", "tidy up", "clean up",
    "listen to", "behave", "obey", "understand", "bother to", "want to", "try to", "make", "give",
    "send", "lift", "run", "walk", "brush", "floss", "note", "record", "file", "submit", "ship",
    "deliver", "invoice", "chase", "follow through",
)

# Irregular past forms of the verbs above, for "never thought", "never paid", ...
HUMAN_VERBS_PAST = (
    "thought", "paid", "read", "told", "took", "brought", "slept", "went", "came", "caught", "saw",
    "heard", "kept", "ate", "drank", "gave", "sent", "made", "wrote", "understood", "did", "done",
    "ran",
)

# Trait words that describe a person instead of a cause: "he is unreliable", "I'm bad with".
TRAITS = (
    "lazy", "careless", "sloppy", "stubborn", "spoiled", "spoilt", "messy", "disorganized",
    "disorganised", "unreliable", "irresponsible", "hopeless", "useless", "incompetent", "clueless",
    "forgetful", "selfish", "rude", "difficult", "unreasonable", "impatient", "impulsive",
    "anxious", "tired", "exhausted", "distracted", "late", "slow", "weak", "stupid", "dumb",
    "an idiot", "biased", "unfair", "arrogant", "scatterbrained", "scatty", "absent-minded",
    "flaky", "unmotivated", "unfocused", "naive", "greedy", "mean", "moody", "grumpy", "cranky",
    "clumsy", "jealous", "hungover", "a slob", "a procrastinator", "a perfectionist", "a pushover",
    "a klutz", "a mess", "a nightmare", "a pain", "bad at", "bad with", "terrible at",
    "terrible with", "awful at", "awful with", "hopeless at", "hopeless with", "rubbish at",
    "rubbish with", "useless at", "useless with", "no good at", "no good with", "not good at",
    "not good with", "not great at", "not great with", "a terrible", "a bad", "an awful", "a lousy",
    "a poor", "a hopeless", "a useless", "a lazy", "a careless", "a messy", "a picky", "a fussy",
    "a slow", "a weak", "an impatient", "a difficult", "a selfish", "just like that",
    "that kind of person", "that sort of person", "too proud", "overconfident", "complacent",
    "negligent", "inattentive", "a bad influence", "drunk", "stoned", "in a bad mood", "in a mood",
    "in a hurry", "a control freak", "a liar", "a jerk", "a bully", "a flake", "a hothead",
    "a know-it-all", "a drama queen", "a picky eater", "too slow", "too lazy", "too proud",
    "too stubborn", "too tired",
)

# Traits said with a negation: "I wasn't disciplined", "he's not a morning person".
TRAITS_NEGATED = (
    "careful", "careful enough", "disciplined", "motivated", "focused", "focussed", "organized",
    "organised", "prepared", "ready", "thorough", "diligent", "serious", "committed", "responsible",
    "interested", "bothered", "patient", "consistent", "paying", "thinking", "listening", "trying",
    "good enough", "strong enough", "smart enough", "fast enough", "a morning person",
    "a detail person", "a people person", "a numbers person", "a details person", "a planner",
    "a team player", "cut out for", "mature enough", "reliable", "tidy", "punctual", "attentive",
    "alert", "awake",
)

# Endings that say a person overdid something: "he talks too much", "I left it too late".
EXCESS_ENDINGS = (
    "too much", "too many", "too late", "too long", "too little", "too fast", "too soon",
    "too early", "too often", "too hard", "too quickly", "too slowly", "at the last minute",
    "last minute",
)

# Pastimes that stop at a person when they run long: "he games all night".
PASTIMES = (
    "play", "game", "watch", "scroll", "party", "stay up", "stay out", "talk", "chat", "text",
    "sleep", "lie in", "binge", "drink", "shop", "gamble", "browse", "want to play",
)

# How long a pastime ran: "all night", "until noon".
LONG_HOURS = (
    "all night", "all day", "all weekend", "until midnight", "past midnight", "till midnight",
    "till late", "until late", "until noon", "till noon", "until lunchtime", "until 2am",
    "until 3am", "until 4am",
)

# Acts that go wrong when done to "the wrong" thing: "Priya typed the wrong server name".
WRONG_ACTS = (
    "got", "gets", "get", "typed", "entered", "picked", "chose", "chosen", "took", "grabbed",
    "gave", "sent", "used", "ran", "pressed", "clicked", "hit", "read", "dialled", "dialed",
    "bought", "ordered", "booked", "packed", "put", "plugged", "installed", "deleted", "called",
    "brought", "set", "wrote", "said", "made", "went", "restarted", "rebooted", "stopped",
    "shut down", "removed", "selected", "trusted", "hired", "believed", "backed", "signed", "paid",
    "approved", "merged", "deployed", "pushed", "edited", "changed", "updated", "copied", "pasted",
    "opened", "closed",
)

# Negative habits that make an "always"/"everyone" generalization a blame on people.
NEGATIVE_HABITS = (
    "late", "forget", "forgets", "lose", "loses", "leave", "leaves", "stay up", "stays up", "miss",
    "misses", "skip", "skips", "complain", "complains", "interrupt", "interrupts", "argue",
    "argues", "ignore", "ignores", "mess", "messes", "break", "breaks", "spend", "spends",
    "overspend", "overspends", "too", "wrong", "behind", "rush", "rushes", "rushing",
    "procrastinate", "procrastinates", "distracted", "tired", "busy", "on his phone",
    "on her phone", "on their phone", "on my phone", "shout", "shouts", "yell", "yells", "fight",
    "fights", "last minute", "last-minute", "lazy", "messy", "careless", "forgetting", "losing",
    "leaving", "missing", "skipping", "ignoring", "drop", "drops", "mistake", "mistakes", "fail",
    "fails", "screw up", "screws up", "mess up", "messes up", "blame", "blames", "overthink",
    "overthinks", "oversleep", "oversleeps", "snooze", "snoozes", "sulk", "sulks", "cry", "cries",
    "whine", "whines", "moan", "moans", "slack", "slacks", "do whatever", "does whatever", "bad",
    "grumpy", "cranky", "rude",
)

# "always", "never" ...: generalizations about time.
ALWAYS_WORDS = (
    "always", "never", "constantly", "forever", "continually", "perpetually", "invariably",
)

# Generalizing phrases that need a person somewhere in the sentence to count.
HABIT_PHRASES = (
    "as usual", "every time", "every single time", "all the time", "each time", "without fail",
    "like always", "same as always", "as always", "yet again", "every day", "every morning",
    "every night", "every evening", "every week", "every weekend", "every single day",
)

# "nobody is assigned", "no one owns": a missing owner, a mechanism rather than a trait.
OWNERSHIP_WORDS = (
    "assigned", "responsible", "in charge", "on call", "on-call", "owns", "owned", "trained",
    "told", "notified", "paged", "alerted", "asked", "given", "designated", "knows", "knew",
    "has access", "had access", "can see", "could see", "checks", "has the password",
    "had the password", "has the key", "had the key", "can",
)

# Adverbs that may stand between a subject and its verb.
ADVERBS = (
    "just", "simply", "really", "even", "again", "still", "totally", "completely", "clearly",
    "probably", "obviously", "then", "also", "accidentally", "actually", "basically", "kind of",
    "sort of", "literally", "honestly", "apparently", "once again", "sometimes", "often", "usually",
    "always", "so", "too", "very", "a bit", "pretty", "quite", "way too", "such", "being", "plain",
    "far too", "being so",
)

# Nouns of mechanisms, at work and at home: when an answer says one is missing or weak,
# it has reached a mechanism and is not blame even if it mentions a person.
MECHANISM_NOUNS = (
    "tool", "tooling", "process", "procedure", "step", "check", "checklist", "check-in",
    "checkpoint", "alarm", "alarm clock", "alert", "alerting", "reminder", "notification", "notice",
    "default", "limit", "cap", "threshold", "guard", "guardrail", "safeguard", "safety net",
    "confirmation", "prompt", "warning", "review", "test", "testing", "validation", "linter",
    "lint", "ci", "pipeline", "staging", "template", "form", "field", "ui", "interface", "button",
    "dashboard", "monitor", "monitoring", "metric", "graph", "log", "logging", "runbook",
    "playbook", "documentation", "docs", "doc", "instructions", "guide", "manual", "label", "sign",
    "signage", "schedule", "routine", "calendar", "plan", "planner", "budget", "list", "rule",
    "policy", "agreement", "deadline", "cut-off", "timer", "clock", "automation", "auto-pay",
    "autopay", "direct debit", "standing order", "backup", "back-up", "spare", "place", "spot",
    "hook", "tray", "bin", "box", "drawer", "system", "way", "option", "owner", "ownership",
    "handoff", "handover", "onboarding", "training", "buffer", "margin", "slack", "time",
    "approval", "permission", "access", "lock", "curfew", "chart", "organiser", "organizer", "app",
    "tracker", "sign-off", "preview", "diff", "dry-run", "undo", "rollback", "roll-back", "sensor",
    "shut-off", "gate", "queue", "priority", "rotation", "cover", "coverage", "setting", "filter",
    "parental controls", "envelope", "fund", "transfer", "meal plan", "agenda", "minutes", "notes",
    "note", "contract", "spec", "specification", "definition", "criteria", "standard", "convention",
    "schema", "script", "automatic", "version", "versioning", "environment", "quota", "charger",
    "whiteboard", "board", "handbook", "structure", "feedback", "retro", "retrospective",
    "post-mortem", "meeting", "one-on-one", "slot", "category", "record", "history", "audit",
    "trail", "fallback", "contingency", "alternative", "substitute", "replacement", "indicator",
    "signal", "flag", "feature flag", "toggle", "protection", "branch protection", "role",
    "barrier", "lid", "container", "storage", "shelf", "rack", "reserve", "savings", "sticky note",
    "jar", "holder", "stand", "dock", "mat", "bag", "tag", "banner", "colour", "color", "diagram",
    "map", "rota", "roster", "timetable", "milestone", "estimate", "forecast", "ticket", "task",
    "workflow", "handbook", "wiki", "readme", "guideline", "guidelines", "supervision", "oversight",
    "second pair of eyes", "buddy", "pairing", "escalation", "on-call rotation", "break", "rest",
    "rest day", "help", "support", "staffing", "headcount", "childcare", "resources",
)

# Verbs a mechanism fails to do: "the tool didn't ask", "the dashboard doesn't show".
MECHANISM_VERBS = (
    "show", "display", "warn", "alert", "remind", "notify", "ask", "confirm", "require", "check",
    "validate", "block", "prevent", "stop", "limit", "cover", "include", "run", "fire", "trigger",
    "go off", "ring", "support", "allow", "flag", "track", "log", "record", "save", "sync",
    "enforce", "catch", "test", "exist", "work", "beep", "appear", "apply", "lock", "protect",
    "distinguish", "separate", "mention", "list", "say", "tell", "have", "come", "arrive",
)

# Passive forms that say a mechanism is missing: "it isn't documented", "never written down".
MECHANISM_PARTICIPLES = (
    "documented", "labelled", "labeled", "scheduled", "automated", "written", "written down",
    "enforced", "tracked", "shared", "monitored", "tested", "validated", "reviewed", "versioned",
    "backed up", "synced", "limited", "capped", "locked", "protected", "configured", "set up",
    "assigned", "agreed", "defined", "planned", "budgeted", "checked", "updated", "reminded",
    "trained", "told", "shown", "given", "onboarded", "briefed", "warned", "notified", "alerted",
    "paged", "signposted", "stocked", "recorded", "logged", "saved", "stored", "kept", "charged",
    "installed", "enabled", "turned on", "switched on", "run", "covered", "included", "required",
    "visible", "marked", "flagged", "separated", "standardised", "standardized", "communicated",
    "explained", "taught", "coached", "supervised", "staffed", "resourced", "funded",
)

# Phrases that name a mechanism on their own: defaults, look-alikes, single points of failure.
MECHANISM_PHRASES = (
    "by default", "defaults to", "defaulted to", "default is", "default was", "default setting",
    "is set to", "was set to", "one click", "single click", "look alike", "looks alike",
    "look identical", "looks identical", "look the same", "looks the same", "look similar",
    "looks similar", "similar packaging", "similar labels", "similar names", "similar name",
    "identical labels", "same label", "same colour", "same color", "single point of failure",
    "only one person", "only person who", "clashes with", "clashed with", "clash with",
    "conflicts with", "conflicted with", "by hand", "manually", "hidden in", "hidden behind",
    "buried in", "no way to", "no way of", "nothing stops", "nothing stopped", "nothing prevents",
    "nothing prevented", "false alarms", "false alarm", "false positives", "too many alerts",
    "too many alarms", "too many notifications", "alert fatigue", "alarm fatigue", "too noisy",
    "nothing warns", "nothing warned", "nothing reminds", "nothing reminded", "nothing checks",
    "nothing checked", "nothing in", "nothing on", "nothing to", "nothing that", "nowhere to",
    "out of date", "out-of-date", "outdated", "not designed", "badly designed", "poorly designed",
    "too easy to", "easy to miss", "easy to forget", "easy to confuse", "hard to see",
    "hard to find", "hard to read", "impossible to see", "within reach", "out of reach",
    "at eye level", "unlimited", "automatically", "nobody is assigned", "no one is assigned",
    "nobody owns", "no one owns", "no owner", "no one designated", "nobody designated",
    "no one responsible", "nobody responsible", "no one in charge", "nobody in charge",
)

# Negations that open "no <mechanism>": "there was no checklist", "without a confirmation".
MECHANISM_NEGATIONS = (
    "no", "without", "missing", "lack of", "lacks", "lacked", "lacking", "absence of", "absent",
    "nothing", "zero", "none", "never had", "never has", "doesn't have", "don't have",
    "didn't have", "does not have", "do not have", "did not have", "hasn't got", "haven't got",
    "not on", "not in", "isn't on", "isn't in", "wasn't on", "wasn't in", "there's not",
    "there isn't", "there wasn't", "there aren't", "there weren't", "there is not", "there was not",
    "not enough", "insufficient", "inadequate", "weak", "broken", "outdated", "no clear",
    "no proper",
)

# Good intentions offered in place of a mechanism.
INTENTION_PHRASES = (
    "be careful", "be more careful", "be extra careful", "being more careful",
    "be a bit more careful", "more careful next time", "take more care", "take extra care",
    "try harder", "try to remember", "try my best", "try our best", "try to be more", "work harder",
    "pay attention", "pay more attention", "pay closer attention", "pay better attention",
    "paying more attention", "remember to", "must remember", "need to remember", "have to remember",
    "should remember", "will remember", "i'll remember", "we'll remember", "gotta remember",
    "don't forget", "do not forget", "make sure to", "make sure that", "make sure i",
    "make sure we", "make sure he", "make sure she", "make sure they", "make sure it",
    "make sure everyone", "make sure the", "make sure you", "making sure to",
    "double-check next time", "double-check everything", "keep in mind", "keep that in mind",
    "keep it in mind", "bear in mind", "keep an eye on", "stay focused", "stay alert",
    "stay on top of", "be vigilant", "be more vigilant", "focus more", "focus harder",
    "focus better", "do better", "get my act together", "get our act together", "pull my socks up",
    "pull our socks up", "discipline myself", "be more disciplined", "be more mindful",
    "be more attentive", "be more diligent", "be more organised", "be more organized",
    "be more focused", "be more responsible", "be more thorough", "be more proactive",
    "be more patient", "be more consistent", "be more alert", "be more aware", "more willpower",
    "think twice", "think before", "stop being lazy", "stop being careless", "stop procrastinating",
    "next time i'll", "next time i will", "next time we'll", "next time we will", "i'll try",
    "i will try", "we'll try", "we will try", "promise to", "promised to", "resolve to", "vow to",
    "get better at", "motivate myself", "push myself", "more careful", "more attention",
    "not let it happen again", "won't happen again", "never again",
)

# Verbs that turn an intention into a mechanism: "add a reminder so we remember to ...".
MECHANISM_BUILDERS = (
    "add", "adding", "added", "set up", "setting up", "install", "installed", "create", "created",
    "build", "built", "introduce", "introduced", "automate", "automated", "schedule", "scheduled",
    "configure", "configured", "turn on", "switch on", "enable", "enabled", "put", "write", "wrote",
    "buy", "bought", "get", "make", "made", "use a", "use an", "using a", "using an", "with a",
    "with an", "via a", "via an", "through a",
)

# Words that carry no cause when comparing an answer with its question.
STOPWORDS = (
    "a", "an", "the", "and", "or", "but", "so", "because", "cause", "cos", "cuz", "since", "as",
    "of", "to", "in", "on", "at", "for", "with", "by", "from", "into", "onto", "about", "than",
    "then", "there", "here", "it", "its", "this", "that", "these", "those", "is", "are", "was",
    "were", "be", "been", "being", "am", "do", "does", "did", "done", "doing", "have", "has", "had",
    "having", "why", "what", "how", "when", "where", "who", "which", "whom", "whose", "i", "me",
    "my", "mine", "myself", "we", "us", "our", "ours", "you", "your", "he", "him", "his", "she",
    "her", "they", "them", "their", "not", "no", "nor", "just", "very", "really", "also", "too",
    "only", "even", "still", "any", "some", "will", "would", "can", "could", "should", "shall",
    "may", "might", "must", "if", "else", "ca", "wo", "basically", "simply", "actually",
    "obviously", "clearly", "well", "yes", "yeah", "guess", "one", "get", "got",
)

# Irregular forms folded to one stem when comparing an answer with its question.
IRREGULAR_STEMS = {
    "went": "go", "gone": "go", "goes": "go", "ran": "run", "broke": "break",
    "broken": "break", "fell": "fall", "fallen": "fall", "forgot": "forget",
    "forgotten": "forget", "lost": "lose", "left": "leave", "took": "take", "taken": "take",
    "wrote": "write", "written": "write", "made": "make", "came": "come", "saw": "see",
    "seen": "see", "slept": "sleep", "kept": "keep", "spent": "spend", "thought": "think",
    "caught": "catch", "bought": "buy", "sent": "send", "said": "say", "told": "tell",
    "felt": "feel", "paid": "pay", "died": "die", "stood": "stand", "children": "child",
    "people": "person", "men": "man", "women": "woman", "ate": "eat", "drank": "drink",
}

"""Word lists and regex vocabularies the message rules match against.

Every pattern is matched case-insensitively on normalised text (straight
quotes, ASCII punctuation). Repetitions are bounded or separated by a
required character, so matching stays linear on very long input.
"""

from __future__ import annotations

# --- Parsing ---------------------------------------------------------------

# A salutation opens with one of these; what follows up to the first comma,
# colon or exclamation mark is who it addresses.
# Capitalised words that open a note with "!" or a dash without being someone's name ("Wow! what a day").
NOT_A_NAME = frozenset(
    """wow thanks thank thx cheers congrats congratulations sorry apologies ok okay yes yeah yay hooray well so oh ah
    great amazing awesome brilliant fantastic incredible lovely quick update help please urgent note reminder hello
    hi hey again today yesterday seriously honestly finally""".split()
)
GREETING_OPENERS = (
    r"to\s+whom\s+it\s+may\s+concern",
    r"good\s+(?:morning|afternoon|evening|day)",
    r"hi+|hello+|he+y+|heya|hiya|howdy|yo+|dear|greetings|salutations|respected|esteemed|(?:good\s+)?morning|afternoon|evening|g'?day",
    # Spanish, French, German openers, so a translated note is not "no greeting".
    r"hola|estimad[oa]s?|querid[oa]s?|buen[oa]s\s+(?:d[ií]as|tardes)|bonjour|ch[eè]re?|hallo|liebe[rs]?|sehr\s+geehrte[rs]?",
    r"namaste|salaam|salam|assalamu\s+alaikum|shalom|ciao|ol[aá]|hej|kia\s+ora|aloha",
)

# "Thank you, Marisa!" opening a note addresses her as a greeting would.
THANKS_OPENER = r"(?:thanks|thank\s+you|many\s+thanks)(?:\s+(?:so\s+much|again|very\s+much))?"

# Words that can follow a greeting without naming a person.
GENERIC_ADDRESSEES = frozenset(
    """there all team everyone everybody folks friend friends colleague colleagues mate mates buddy pal
    sir sirs madam madame ma'am mesdames or and hiring manager managers recruiter
    recruiters recruiting committee department hr human resources admissions talent
    acquisition whom it may concern the to my new future connection professional
    y'all you guys again mentor people members staff office world morning afternoon
    evening day reader teacher professor doctor""".split()
)

# An addressee that is a group or office, never a person, even with a name beside it.
GROUP_ADDRESSEES = frozenset("team committee department recruiter recruiters manager managers hr admissions staff office".split())

# Honorifics: "Dear Dr.," names nobody, "Dear Dr. Mbeki," does.
TITLES = frozenset(
    """mr mrs ms miss mx dr doctor prof professor mister sr sra srta señor señora
    señorita don doña monsieur madame mme mlle herr frau""".split()
)

# Ranks and roles used as titles before a name ("Captain Reyes", "Chef Maren", "Coach Delgado").
# After a rank, a word with one of these endings is a job title: "Chief Perfusionist", "Head Archivist".
ROLE_SUFFIXES = ("ist", "ician", "ologist", "grapher", "ographer")
RANKS = frozenset(
    """captain capt chef coach nurse officer sergeant sgt lieutenant lt major colonel commander pastor reverend rev
    bishop father sister brother rabbi imam councillor councilor judge justice senator representative mayor ranger
    principal dean president director chief engineer architect professor grandmaster""".split()
)

# Sign-offs. A line holding only one of these (plus "so much", "again"...)
# starts the signature block.
CLOSING_PHRASES = (
    r"best(?:\s+(?:regards|wishes))?",
    r"all\s+(?:the\s+)?best",
    r"(?:kind|kindest|warm|warmest|best|many)\s+regards|regards",
    r"warmly|cheers|sincerely(?:\s+yours)?|yours(?:\s+(?:sincerely|truly|faithfully))?",
    r"respectfully(?:\s+yours)?|cordially|gratefully(?:\s+yours)?|fondly|onward",
    r"thanks|thank\s+you|many\s+thanks|with\s+(?:many\s+)?thanks|thanks\s+a\s+lot",
    r"with\s+(?:gratitude|appreciation|best\s+wishes)",
    r"take\s+care|talk\s+soon|speak\s+soon|looking\s+forward|until\s+soon",
    r"saludos|un\s+saludo|atentamente|cordialmente|gracias|muchas\s+gracias",
    r"merci|cordialement|bien\s+[àa]\s+vous|mit\s+freundlichen\s+gr[üu](?:ß|ss)en|viele\s+gr[üu](?:ß|ss)e",
)
# Intensifiers allowed after a closing phrase: "Thanks so much," "Thank you again,".
CLOSING_TAILS = r"(?:\s+(?:so\s+much|very\s+much|again|in\s+advance|a\s+million|for\s+everything))?"

# --- Pronouns and who a sentence is about -------------------------------------

WRITER_PRONOUNS = frozenset("i i'm i've i'd i'll my mine myself im ive".split())  # "im", "ive": casual spellings
# The writer as a sentence's subject (not only "my" in passing).
WRITER_SUBJECTS = WRITER_PRONOUNS - {"my", "mine", "myself"}
# Words that open a sentence whose subject is a thing: "It surfaced...", "The chapter on...".
THING_OPENERS = frozenset("it its this that these those the such".split())
RECIPIENT_PRONOUNS = frozenset("you your yours yourself you're you've you'd you'll u ur".split())

# A finite verb or auxiliary: its absence marks a CV-style fragment ("Line cook 4 yrs.").
FINITE_VERB = r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|does|do|did|should|(?-i:may)|might|must)\b|'s\b|'re\b"
# The writer labelling their own lines: "Me: taught ballet...", "About me -".
ABOUT_ME_LABEL = r"^\W*(?:about\s+)?me\s*[:\u2014\u2013-]|\b(?:background|bit|little)\s+(?:on|about)\s+me\s*:"
# The writer reacting to the recipient's work ("the best talk I've seen",
# "has stuck with me") is about that work, not about the writer.
REACTIONS = (
    r"\bI(?:'ve|\s+have|'d)?\s+(?:also\s+|just\s+|recently\s+|ever\s+|once\s+|finally\s+|since\s+)?"
    r"(?:seen|read|heard|watched|listened\s+to|come\s+across|encountered|toured|visited|saw|noticed|used|experienced|tried)\b",
    r"\b(?:stuck|stayed)\s+with\s+me\b",
    r"\bchanged\s+(?:my\s+mind|how\s+I|the\s+way\s+I)\b",
    r"\bmade\s+me\s+(?:want|think|laugh|realize|realise|rethink|reconsider|curious)\b",
    r"\bI\s+(?:also\s+|really\s+|especially\s+)?(?:loved|liked|enjoyed|admired|appreciated|valued|found\s+it)\b",
    r"\bI(?:\s+(?:had\s+not|hadn't|didn't|did\s+not|never|had\s+never|have\s+never)|'d\s+never|'ve\s+never)\s+(?:realised|realized|known|know"
    r"|thought|expected|seen|heard|considered)\b"
    r"|\bI\s+was\s+(?:also\s+|really\s+|so\s+)?(?:struck|amazed|impressed|fascinated|surprised|moved|touched|inspired|intrigued)\s+(?:that|by|to|how|when)\b"
    r"|\bI\s+(?:had|have)\s+no\s+idea\b",  # "I had not realised diamond wire...", "I was struck that you..."
    r"\bI\s+(?:also\s+|still\s+|often\s+)?(?:remember|recall|think\s+about|have\s+thought\s+about|quote|repeat)\b",
    # "...is the career I keep daydreaming about", "is a path I admire": their path, admired
    r"\bI\s+(?:\w+\s+){0,2}?(?:admire|love|envy|respect|dream|daydream|aspire|look\s+up\s+to)\w*(?:\s+(?:about|of|to))?\W*$",
    r"\bin\s+my\s+(?:humble\s+)?(?:opinion|view)\b|\bI(?:'ve|\s+have)?\s+(?:ever\s+)?(?:know|knew|seen|read|heard|used|met|found|come\s+across)\W*$",
    # "I understand you opened...", "I hear your team...": what the writer knows of the recipient.
    r"\bI\s+(?:understand|hear|heard|read|see|saw|gather)\s+(?=(?:that\s+)?(?:you|your)\b)",
    r"\bI\s+(?:\w+\s+){0,4}?(?:admire|admired|love|loved|enjoy|enjoyed|appreciate|respect|envy)\s+(?=(?:how|what|that|the\s+way)\s+you\b)",
    r"\bI(?:'ve|\s+have)\s+been\s+following\b",  # "I have been following Umoja for some time"
    r"\bI\s+can\s+(?:barely|hardly|scarcely|only|just\s+about)\s+(?:picture|imagine)\b",  # "...a scale I can barely picture"
    r"\b(?:against|contrary\s+to)\s+(?:all|everything|what)\s+I(?:'d|\s+had)?\s+(?:been\s+taught|learned|learnt|thought|believed)\b",  # "went against all I'd been taught"
    # "I came across Rootline in a search and read that your firm...", "I found Pryce & Daughter on the register"
    r"\b(?:I|and)\s+(?:understand|hear|heard|read|see|saw|gather|learned|learnt|noticed)\s+(?:(?:from|on|in)\s+(?:[\w'&-]+\s+){1,5}?)?"
    r"(?=(?:that\s+)?(?:you|your)\b)",
    r"\bI\s+(?:came\s+across|found|discovered)\s+(?!(?:my|myself|me|it|out|that\s+I|a\s+passion)\b)",
    # "I found your profile", "I noticed that you...": the writer finding the recipient.
    r"\bI(?:'ve|\s+have|ve)?\s+(?:also\s+|just\s+|recently\s+)?(?:found|noticed|learned|discovered|came\s+across)\s+"
    r"(?=(?:that\s+)?(?:you|your)\b)",
)

# --- Connection ---------------------------------------------------------------

# A tie between writer and recipient: shared school, employer, group or
# event, or a person who sent the writer.
RELATIONAL_CONNECTION = (
    r"\balum(?:nus|na|ni|nae|s)?\b",
    r"\balma\s+mater\b",
    r"\bfellow\s+(?!at\b|in\b|of\b|with\b|for\b|while\b|and\b|by\b|since\b|after\b|before\b|when\b)[\w-]",  # "a fellow nurse", not "a research fellow at X"
    r"\bmember\s+of\b",  # a group named because the reader belongs to it too
    r"\bwe(?:'ve|\s+have)?\s+(?:both\s+|briefly\s+|first\s+|once\s+)?"
    r"(?:met|overlapped|worked|studied|interned|served|volunteered|played|trained|spoke|talked|chatted|connected|grew\s+up|went|attended"
    r"|belong(?:ed)?|sang|rowed|ran|lived|competed|did|completed|earned|took|got)\b",
    r"\bwe\s+were\s+(?:both\s+)?(?:on|in|at)\s+the\s+same\b",
    r"\bI\s+(?:also|too)\s+(?:worked|studied|interned|trained|served|volunteered)\s+(?:at|for|with|in)\b",  # "I also worked at Harrow"
    r"\bwe(?:'re|\s+are|\s+were)\s+both\b",
    r"\bwe(?:'ve|\s+have)\s+both\s+been\s+(?:on|at|in|to|part\s+of)\b",  # "We've both been on the beach clean-ups"
    r"\bwe\s+both\s+(?!know\b|want\b|agree\b|think\b|understand\b|care\b|love\b|like\b)[a-z]+\b",  # "we both marshal at the 5k"
    r"\bboth\s+(?:studied|attended|graduated|worked|interned|went|belong|served|volunteered)\b",
    r"\bus\s+both\b",  # "a professor who taught us both"
    r"\bmet\s+you\b",
    r"\blike\s+you,?\s+I\b",  # "Like you, I studied at..."
    r"\bI(?:'m|\s+am|m)\s+also\s+an?\s+(?:[\w&'-]+\s+){0,3}?(?:graduate|grad|alum\w*)\b",
    r"\b(?:graduated|studied|worked|interned|served|trained|spent\s+[\w-]+\s+(?:years?|months?|summers?))\s+(?:from|at|in|with|for)\s+"
    r"(?:[\w&'-]+\s+){0,6}?(?:too|as\s+well)\b",
    r"\b(?:spoke|talked|chatted)\s+(?:with|to)\s+you\s+at\b",
    # "the same company as you"; not a tenure told back ("you have stayed at the same company for twenty years")
    r"\b(?<!stayed\sat\sthe\s)(?<!stayed\swith\sthe\s)same\s+(?:[\w-]+\s+)?(?:school|university|college|program|programme|firm|company|club|lab|department|cohort|team|unit|squad"
    r"|choir|band|church|league|ward|platoon|regiment|battalion|bootcamp|course|class|dorm|hall|hometown|town|village|society|panel"
    r"|committee|board|project|trip|conference|camp|group|crew|shift|rota|congregation|troupe|ensemble|orchestra|gym|parish|chapter"
    r"|union|local|guild|circle|ride|meetup)\b",
    r"\bsame\s+[\w-]+(?:\s+[\w-]+)?\s+(?:as\s+you|you)\b",  # "the same squadron you led"
    r"\b(?:suggested|recommended|advised|encouraged)\s+(?:that\s+)?I\b",
    r"\b(?:referred|sent|pointed|directed)\s+me\s+(?:to\s+you|your\s+way)\b",
    r"\bsent\s+(?:\w+\s+)?your\s+way\b",
    r"\b(?:put|got)\s+(?:me\s+)?in\s+touch\b",
    r"\bintroduced\s+(?:me|us)\b",
    r"\bintro(?:duction)?\s+from\b",
    r"\bgave\s+me\s+your\s+(?:name|e-?mail|contact|details|number|address)\b",
    r"\btold\s+me\s+(?:about\s+you|that\s+you|you)\b",
    r"\bmentioned\s+(?:that\s+)?you\b",
    r"\b(?:speaks?|spoke|speaking)\s+(?:so\s+)?(?:\w+\s+){0,2}(?:of|about)\s+(?:you|how\s+you)\b",
    r"\b(?:still\s+)?(?:talk|talks|rave|raves)\s+(?:\w+\s+)?about\s+you\b",  # "people on the dock still talk about you"
    r"\b(?:asked|told|encouraged|urged|invited)\s+me\s+to\s+(?:write|reach\s+out|contact|get\s+in\s+touch|e-?mail|message|talk|speak)\b",
    r"\byou\s+(?:[a-z]+ed|took|gave|led|ran|taught|showed|told|met)\s+(?:us|me|our\s+[\w'-]+)\b",  # "you precepted our cohort"
    r"\b(?:passed|gave|sent|shared|forwarded)\s+(?:along\s+|on\s+)?(?:me\s+)?your\s+(?:name|e-?mail|contact|details|number|address)\b",
    r"\byour\s+(?:team|group|lab|company|firm|studio|office|department)\s+(?:built|launched|published|created|released|designed|made"
    r"|organi[sz]ed|hosted|ran|produced)\b",
    r"\bmutual\s+(?:friend|contact|connection|colleague|acquaintance)\b",
    r"\bfriend\s+of\s+yours\b",
    r"\byour\s+(?:former\s+)?(?:student|classmate|colleague|teammate|intern|mentee|co-?worker)\b",
    r"\b(?:worked|studied|trained|served|interned|volunteered)\s+(?:together\s+)?(?:with|under)\s+you\b",
    r"\b(?:showed|shared|forwarded|sent)\s+(?:me|us|our\s+\w+)\s+your\b",  # a mutual contact passed on their work
    r"\b(?:said|told\s+me|thought|and\s+that)\s+(?:that\s+)?I\s+(?:should|could|might|ought\s+to|must)\s+(?:really\s+|definitely\s+)?(?:say\s+hello|reach\s+out|write|contact"
    r"|get\s+in\s+touch|talk|speak|e-?mail|message|ask)\b",
    r"\b(?:after|before)\s+your\s+time\b",  # "I worked at Corlett too, after your time"
    r"\byou\s+(?:showed|taught|told|gave|walked|took|helped|trained|coached|interviewed)\s+(?:us|me|our\s+[\w-]+)\b",  # they met the writer
    r"\b(?:I|we)\s+(?:asked|met|thanked|spoke\s+to|talked\s+to|chatted\s+with)\s+you\s+(?:at|in|during|after|briefly|once)\b",
    r"\b(?:my|our)\s+(?:aunt|uncle|cousin|mother|father|mom|dad|sister|brother|friend|neighbou?r|roommate|professor|teacher"
    r"|instructor|advisor|adviser|supervisor|manager|boss|colleague|coach|mentor)\b[^.?!]{0,80}?\b(?:you|your)\b",
    # A shared place at different times: "the shelter where you worked", "the summer after you left".
    r"\bwhere\s+you\s+(?:once\s+|used\s+to\s+|first\s+)?(?:worked|studied|trained|interned|volunteered|taught|started|began)\b",
    r"\b(?:after|before|when)\s+you\s+(?:left|joined|moved|graduated|worked)\b",
    r"\b(?:talking|speaking|chatting|talked|spoke|chatted)\s+(?:with|to)\s+(?:me|you)\s+(?:at|during|after)\b",
    # The writer was at the recipient's place or event: "toured ... and your site manager showed us".
    r"\b(?:toured|visited|volunteered|volunteering|volunteer\s+day|open\s+(?:day|house)|site\s+visit|helped\s+(?:out\s+)?(?:at|with)"
    r"|field\s+trip|tour|stayed\s+for|sat\s+in\s+on)\b[^.?!]{0,80}?"
    r"\b(?:you|your\s+(?!advice|time|thoughts|perspective|insights?|help|experience|career)\w+)",
)

# Something the recipient wrote, said or built (the rubric's third kind of
# connection). Their profile, title, employer or career are not on the list.
WORK_NOUNS = (
    r"talk|article|post|blog|podcast|paper|book|keynote|panel|presentation|lecture|webinar|op-ed|editorial"
    r"|essay|column|piece|newsletter|interview|video|thesis|dissertation|poster|report|study|research"
    r"|publication|chapter|episode|course|workshop|seminar|session|speech|remarks|comments?|tweet|thread"
    r"|answer|project|campaign|exhibit(?:ion)?|installation|documentary|film|album|memo|slides|deck"
    r"|testimony|app|tool|library|framework|repo(?:sitory)?|package|design|checklist|guide|dataset|map|syllabus"
    r"|spreadsheet|template|translation|handout|manual|parser|toolkit|playbook|case\s+study|budget|write-?up"
    # made things a writer sees, hears, tastes or uses: "your lighting for the drowning scene"
    r"|show|production|play|performance|concert|lighting|set\s+design|costumes?|score|soundtrack|song|music|mural"
    r"|sculpture|photos?|photographs?|photography|illustrations?|drawings?|paintings?|artwork|menu|dish|recipe"
    r"|garden|building|bridge|renovation|redesign|relaunch|rebuild|series|reporting|coverage|feature|investigation"
    r"|typeface|font|game|mod|finding\s+aid|initiative|pilot|rollout|exhibit|collection|recording|q\s*&\s*a|screening|reading"
    r"|book\s+signing|demo|open\s+studio|open\s+rehearsal|livestream|stream|broadcast|commentary|casts?|stall|stand|booth|food\s+truck"
    r"|trial|experiment|survey|census|fundraiser|food\s+drive|camp|class|spots?|ads?|advert|run(?=\s+(?:at|of|in)\b)|log|diary|refresher"
    r"|tutorial|one-shot|walkthrough|how-to|reel|vlog|zine"
)
# How long someone has held a job: "for over a decade", "for 11 years", "since 2020".
_CAREER_SPAN = (
    r"(?:for\s+(?:over\s+|more\s+than\s+|nearly\s+|almost\s+|about\s+|the\s+(?:last|past)\s+)?(?:\d+|a|an|two|three|four"
    r"|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty"
    r"|forty|fifty|a\s+few|several|many|a\s+dozen|a\s+couple\s+of)(?:-\w+)?\s+(?:years?|decades?)|since\s+(?:\d{4}|the\s+\d{4}s))\b"
)
# A career told back, read off a profile or website: no tie, whatever else the sentence says.
CAREER_FACT = (
    rf"\b{_CAREER_SPAN}",
    r"\b(?:website|site|page|profile|headline|bio|listing|directory\s+entry)(?:['\u2019]s)?\s+(?:says|said|lists|shows|mentions)\b",
    r"\bon\s+(?:[\w'\u2019&-]+\s+){0,4}?(?:website|site|page|profile|bio|listing)\s+that\s+you\b",
    r"\bI\s+(?:see|saw|noticed|read)\s+(?:that\s+)?you\b(?!\s+(?:speak|talk|present|perform|play|at|on)\b)",
    r"\bI\s+(?:understand|know|gather)\s+(?:that\s+)?(?:you|your)\b",  # "I understand your team measures...": known, not shared
    # reputation, not a tie: "I've heard great things about your work at Ashby Park"
    r"\bheard\s+(?:such\s+|so\s+many\s+|a\s+lot\s+of\s+)?(?:great|good|wonderful|amazing|lovely|fantastic)\s+things\b|\bheard\s+(?:so\s+much|a\s+lot)\s+about\s+(?:you|your)\b",
)
# Words that end the noun phrase after "your": a verb or a second "you" means the work noun is not theirs.
_NOT_BETWEEN = (
    r"(?:says|said|is|are|was|were|has|have|had|you|your|lists|shows|mentions|lead|leads|led|runs?"
    r"|profile|page|website|site|shop|store|listing|headline|bio|career|next|upcoming|future|open|vacant|to"
    r"|company|firm|employer|organi[sz]ation|corporation|agency)\b"
)
_PLACE_NOUNS = r"centre|center|team|department|office|site|manager|unit|desk|staff|shop|hours|opening|location|studio|business|company|firm|practice"
WORK_CONNECTION = (
    # "your recent talk on"; not "your profile says you lead ... reporting", "your collection centre on Hale Road"
    rf"\byour(?!\s+way\b)(?:\s+(?!{_NOT_BETWEEN})[\w'&\"-]+){{0,5}}?\s+(?:{WORK_NOUNS})s?\b(?!['\u2019]s\b|\s+(?:{_PLACE_NOUNS})\b)",
    r"\b(?:read|watched|heard|saw|attended|listened\s+to|toured|visited|used|followed?|loved|enjoyed|admired"
    r"|came\s+across|found|finished|using|use|played|studied|took|taken|did|completed|joined|came\s+to|went\s+to)\s+(?:\w+\s+)?your\s+"
    r"(?!(?:[\w'\u2019-]+\s+){0,2}?(?:profile|title|role|position|page|background|linkedin|bio|career|experience|job|company|team|firm"
    r"|e-?mail|name|shop|store|business|website|site|listing|number|details|contact|address|office|agency)\b"
    # where they were found is no tie: "I found your brokerage on the Moneywise directory"
    r"|[^.!?]{0,60}\b(?:directory|google|search\s+results?|yellow\s+pages|company\s+website)\b)",
    # "I watched you run the simul", not news of them ("I saw you were promoted", "saw you joined Arden")
    r"\b(?:watched|watching)\s+you\s+(?!(?:were|are|have|had|got|became|joined|moved|left|won|now|recently|just)\b)[a-z]{3,}\b",
    r"\b(?:heard|saw|seen|watched|watching|listening\s+to|listened\s+to)\s+you\s+(?:speak|talk|present|on|at|moderate|discuss|explain"
    r"|describe|lecture|demo|cast|commentate|stream|play|perform|sing|teach|race|compete|dance|act|host|report|broadcast|debate"
    r"|pitch|coach|referee|interview|answer)\w*\b",
    r"\bin\s+the\s+audience\b",
    r"\bI(?:'m|\s+am|\s+was)\s+the\s+(?:[\w-]+\s+){0,3}?who\s+(?:asked|spoke\s+to\s+you|talked\s+to\s+you|came\s+up|stayed\s+behind|helped)\b",
    # "the one-shot you ran yourself", "the workshop you led in May": their work, named by what it was
    rf"\b(?:the|that|a)\s+(?:[\w'-]+\s+){{0,3}}?(?:{WORK_NOUNS})s?\s+(?:that\s+)?you\s+(?:ran|led|gave|hosted|taught|organi[sz]ed|put\s+on"
    r"|chaired|moderated|presented|built|made|wrote|designed|started|founded|curated|directed|produced)\b",
    r"\b(?:sat|seated|sitting)\s+(?:at\s+your\s+table|next\s+to\s+you|beside\s+you|across\s+from\s+you)\b",
    r"\bI\s+(?:was\s+(?:at|in)|attended|went\s+to|came\s+to)\s+(?:the|your)\s+[^.!?]{0,60}?\b(?:when|where|as)\s+you\b",  # "I was at the Meetup when you showed..."
    # "At the Prison Mental Health Conference you described...": what they did at an event the writer was at
    r"^\W*(?:at|during)\s+(?:the|your|last\s+\w+'s)\s+[^.!?]{3,60}?,?\s+you\s+(?:described|spoke|said|presented|talked|explained|showed"
    r"|gave|shared|mentioned|argued|demonstrated|walked\s+us|told\s+us|answered)\b",
    r"\b(?:is|are|was|were)\s+(?:all\s+)?yours\b",  # "the signs there are yours": their work
    r"(?-i:\b[A-Z][a-z]+)\s+(?:tells|told|says|said)\s+me\b",  # "Dai tells me the cider is yours": a go-between
    r"\byou\s+(?:spoke|talked|presented|lectured|came|visited)\s+(?:to|at|in|with)\s+(?:our|my)\b",  # "You spoke to our class"
    r"\byou\s+(?:came|visited|spoke|talked|presented)\s+(?:to|at|in)\s+(?:[\w'&-]+\s+){0,4}?(?:class|school|college|course|club|cohort|meetup"
    r"|society|association|conference|summit|fair|festival|forum|seminar|symposium|workshop|webinar|panel|expo|convention|guild|chapter)\b",
    # a shared employer or school said with "also" or "too": "I'm also at Norbrae Wind", "I work at Arden too"
    r"\bI(?:'m|\s+am)\s+also\s+(?:at|with)\s+(?:the\s+)?(?-i:[A-Z])",  # not "I also volunteer at the charity": in addition
    r"\bI(?:'m|\s+am|\s+work|\s+study)\s+(?:at|for|with)\s+(?-i:[A-Z])[^.!?,]{1,50}?\s+(?:too|as\s+well)\b",
    r"\bin\s+front\s+of\s+us\b",  # "took apart a diesel injector in front of us"
    # the recipient once did something for the writer: "you fitted my costume", "you taught me to splice"
    r"\byou\s+(?:(?!(?:need|want|like|lik|us|remind|inspir|interest|excit|amaz|impress)ed\b)[a-z]{3,}ed|taught|gave|showed|told|met|took|sold|lent|sent"
    r"|drew|caught|fixed)\s+(?:me|my|us|our)\b",
    # family and friends as the go-between: "My grandad, Alf Mercer, ... says you were the best apprentice"
    r"\bmy\s+(?:grand(?:ad|dad|father|pa|ma|mother|mum|mom)|aunt(?:ie)?|uncle|cousin|neighbou?r|flatmate|roommate|housemate)\b"
    r"[^.!?]{0,120}\b(?:you|your)\b",
    # what they did at a named event: "you dropped a link in the chat during Tuesday's Rail Tech Meetup"
    r"\byou\s+(?:[\w'-]+\s+){1,6}?(?:during|at|in)\s+(?:the\s+|last\s+\w+'s\s+|\w+day's\s+)?(?-i:(?:[A-Z][\w'&-]*\s+){1,4}"
    r"(?:Meetup|Meet-up|Conference|Summit|Webinar|Workshop|Hackathon|Fair|Expo|Forum|Night|Festival|Symposium|Convention|Day))\b",
)

# Ties that read the same as a career told back ("Your bio says you have led the team since 2015", "you've
# taught literacy there for over a decade"): they count only in a sentence that states no CAREER_FACT.
CAREER_SENSITIVE_CONNECTION = (
    # Someone who sent the writer: "Maya said you'd be great to talk to", "my aunt says the two of you...".
    r"\b(?:said|says)(?<!bio\s\w{4})(?<!profile\s\w{4})(?<!page\s\w{4})(?<!website\s\w{4})(?<!site\s\w{4})(?<!article\s\w{4})(?<!headline\s\w{4})(?<!listing\s\w{4})(?<!entry\s\w{4})"
    r"(?<!directory\s\w{4})(?<!register\s\w{4})(?<!record\s\w{4})(?<!and\s\w{4})(?<!which\s\w{4})(?<!\bit\s\w{4})\s+(?:that\s+)?you\b",
    # "the panel you moderated": a relative clause after a noun, not "how you built your career".
    # "you" is found first and the words before it checked after, which keeps this pattern cheap
    r"\byou(?<!how\syou)(?<!why\syou)(?<!what\syou)(?<!when\syou)(?<!where\syou)(?<!that\syou)(?<!once\syou)(?<!if\syou)(?<!understand\syou)(?<!know\syou)(?<!see\syou)(?<!noticed\syou)(?<!notice\syou)(?<!learned\syou)(?<!heard\syou)"
    r"(?:'ve|\s+have)?\s+(?:built|designed|wrote|written|created|founded|launched|published|presented"
    r"|moderated|organi[sz]ed|hosted|taught|gave|delivered|curated|produced|directed|authored|co-authored"
    r"|led|ran|captained|started|open-sourced|translated|maintain|maintained|coached|chaired|supervised|mentored"
    r"|planned|coordinated|arranged|performed|catered|judged|curated|filmed|photographed|recorded|edited|shared|posted"
    r"|moderate|host|curate|edit|teach|organi[sz]e|coach|publish|maintains|moderates|hosts|teaches|edits"
    r"|mounted|carved|painted|sewed|knitted|baked|brewed|restored|rebuilt|repaired|crafted|framed|printed|sculpted|stitched|forged"
    r"|welded|roasted|rigged|staged|choreographed|composed|illustrated|drew"
    r"|made(?!\s+(?:the\s+|that\s+|this\s+)?(?:move|switch|jump|leap|transition|change|partner|it\b|time|a\s+career|your\s+way)))\b"
    r"(?!\s+(?:your|a\s+career|as\b|out\b|(?:there|here)\s+as\b))"
    # "you've taught literacy there for over a decade", "you've led ESG reporting since 2020": a career, told back
    rf"(?![^.,;!?]*\b{_CAREER_SPAN})"
    # "you have led the finance team for ten years" is their career, not a thing they made
    r"(?!\s+(?:(?:the|a|an|their|its|his|her)\s+)?(?:[\w-]+\s+){0,2}?(?:team|department|office|division|group|unit|company|firm"
    r"|practice|business|branch|region|agency|clinic|ward|lab|kitchen|restaurant|store|shop|school|hospital|site|plant|fleet|crew"
    r"|grade|class|classe|student|kid|children|patient|client)s?\b"
    r"(?!\s+(?:event|workshop|talk|session|panel|project)))",
)

# --- The ask ------------------------------------------------------------------

# A sentence that requests something from the recipient.
ASK_MARKERS = (
    r"\bI\s+(?:want|wanted)\s+to\s+(?:know|learn|hear|ask)\s+(?:how|what|why|whether|if|about)\s+you\b",  # "i want to know how you went from..."
    r"^\W*(?:would|could|is|will|might)\s+(?:this|that|it)\s+(?:be\s+)?(?:possible|ok|okay|alright|feasible|work)\b",
    r"\b(?:would|could|can|may|might|will)\s+(?:you|we|I)\b",
    r"\bI(?:'d|\s+would)\s+(?:\w+\s+)?(?:love|like|welcome|appreciate|value|enjoy)\b",
    r"\b(?:would|should|'d)\s+(?:\w+\s+)?be\s+(?:so\s+|very\s+|really\s+|most\s+)?(?:grateful|thankful|glad|happy|thrilled|delighted|honou?red)\b",
    r"^\W*would\s+(?:really\s+|so\s+)?(?:love|like|appreciate|welcome|value)\b",  # the subject dropped: "Would love 15 min on..."
    r"\bif\s+you\s+(?:would|could|can|might)\b",
    r"\bplease\b|\blet\s+me\s+know\b|\bwould\s+it\s+be\s+possible\b",
    r"\bare\s+you\s+(?:open|willing|available|free)\b",
    r"\bdo\s+you\s+(?:also\s+|still\s+|perhaps\s+|maybe\s+)?have\s+(?:time|a\s+few|\d+|any\s+time)\b",
    r"\bI\s+(?:hope|was\s+hoping|am\s+hoping)\s+(?:to|we|you)\b|\bI'm\s+hoping\s+(?:to|we|you)\b",
    r"\bI\s+(?:wondered|was\s+wondering|am\s+wondering)\s+(?:if|whether)\b|\bI'm\s+wondering\s+(?:if|whether)\b",
    # what the writer wants from the call belongs to the ask: "I wish to learn what the first years are like"
    r"\bI\s+(?:wish|want|would\s+like|'d\s+like|am\s+keen|'m\s+keen)\s+to\s+(?:learn|hear|understand|ask|know|talk|discuss|find\s+out)\b",
    r"\b(?:spare|grab|set\s+up|schedule|find)\s+(?:\w+\s+){0,2}?(?:minutes?|time|call|chat|coffee)\b",
)

# A question with no "you" is still put to the recipient when it asks for the writer ("What should I
# read first?") or opens as a clipped request ("Any chance of a call?"); "Ever wondered why...?" is not.
ASKING_PRONOUNS = frozenset("i me my we us".split())
REQUEST_FRAGMENT_OPENERS = frozenset("any anything free open up available possible okay ok mind worth interested fancy".split())

# A polite request that carries no question mark, read on folded text ("I'd love...", "Please...").
REQUEST_OPENERS = (
    r"^(?:please|kindly)\b",
    r"^i(?:'d|\s+would)\s+(?:really\s+)?(?:love|appreciate|be\s+grateful|welcome|like\s+you\s+to|like\s+it\s+if)\b",
    r"^(?:it'd|it\s+would)\s+(?:be\s+great|be\s+wonderful|mean\s+a\s+lot|help)\b.*\bif\s+you\b",
    r"^if\s+you\s+(?:could|can|know|have|would)\b",
    r"^i(?:'m|\s+am|\s+was)\s+(?:hoping|wondering)\b",
    r"^(?:any|is\s+there\s+any|would\s+there\s+be\s+any)\s+chance\b|^would\s+it\s+be\s+possible\b",
    r"^(?:fancy|up\s+for)\s+(?:a|an|\w+ing)\b",  # "Fancy grabbing drinks after the con?"
)

# A sentence about meeting: a duration in it belongs to the ask even when
# the sentence is a statement ("A 15-minute call would be wonderful.").
MEETING_NOUNS = r"\b(?:call|chat|conversation|meeting|meet|coffee|talk|zoom|phone|video|catch-?up)\b"

# --- Time -----------------------------------------------------------------------

_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
# When the writer could start: "1 September", "June", "graduation", "next summer"
_START_WHEN = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{_MONTH}|graduation|next\s+(?:month|summer|year))\b"

# Spelled-out amounts, in minutes of the unit that follows them.
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "ten": 10,
    "fifteen": 15,
    "twenty": 20,
    "twenty-five": 25,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "fifty": 50,
    "sixty": 60,
    "ninety": 90,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "eleven": 11,
    "twelve": 12,
    "a quarter of an": 0.25,
    "quarter of an": 0.25,
    "three quarters of an": 0.75,
    "few": 5,
    "a few": 5,
    "couple of": 2,
    "a couple of": 2,
    "half an": 0.5,
    "a half": 0.5,
    "several": 3,
}
DURATION = (
    r"\b(?P<amount>\d{1,3}(?:\s*(?:-|–|to|or)\s*\d{1,3})?|"
    + "|".join(sorted((w.replace(" ", r"\s+") for w in NUMBER_WORDS), key=len, reverse=True))
    + r")\s*-?\s*(?P<unit>minutes?|mins?|minutos?|hours?|hrs?|horas?)\b"
    # "forty minutes late", "an hour's drive", "20 minutes ago": a time told, not a meeting's length.
    + r"(?!'s\b|\s+(?:late|early|ago|away|later|earlier|behind|ahead|drive|walk|commute|flight|ride|train)\b"
    + r"|\s*-\s*(?:drive|walk|commute|flight|ride))"
)
# Explicit brevity counts as a bound ("a brief call"); "short-lived" does not.
BREVITY = r"\b(?:brief(?:ly)?|quick(?:ly)?|short)\b(?!-)"
SMALL_ASK_MINUTES = 30  # the rubric: more than 30 minutes is a big ask

# --- Big asks -------------------------------------------------------------------

MEAL = (
    # "grabbing drinks", "and perhaps lunch once I've started": the meal asked for, however it is led in
    r"\b(?:to|for|over|grab|grabbing|have|having|get|getting|buy\s+you|treat\s+you\s+to|perhaps|maybe|fancy)\s+(?:a\s+)?(?:quick\s+|[\w-]+\s+)?"
    r"(?:lunch|dinner|breakfast|brunch|meal|drinks|curry|pizza|supper|a\s+pint|pints)\b",
)
RECURRING = (
    # "spend a week with your team", "join you for a day on site": far more than one conversation
    r"\bspend\s+(?:a|an|one|two|three|several|a\s+few|a\s+whole|a\s+full)\s+(?:day|days|week|weeks|afternoon|morning|shift|shifts)\s+"
    r"(?:with|at|on|shadowing)\b",
    # "tag along on a few of your summer patrols": several visits, not one conversation
    r"\b(?:tag|ride|come)\s+along\s+(?:on|for|with)\s+(?:a\s+few|several|some|a\s+couple|\d+|two|three)\b",
    r"\b(?:a\s+few|several|a\s+couple)\s+of\s+your\s+(?:[\w-]+\s+)?(?:shifts|patrols|meetings|calls|sessions|rounds|visits|days|classes|shoots)\b",
    r"\b(?:monthly|weekly|bi-?weekly|fortnightly|quarterly|regular|recurring|standing|ongoing|periodic)\s+"
    r"(?:[\w-]+\s+)?(?:calls?|meetings?|chats?|check-?ins?|sessions?|conversations?|catch-?ups?)\b",
    r"\b(?:series|set|string)\s+of\s+(?:\w+\s+)?(?:calls|meetings|chats|conversations|sessions)\b",
    r"\b(?:several|multiple|a\s+few|a\s+couple\s+of|two|three|four)\s+(?:[\w-]+\s+)?"
    r"(?:calls|meetings|chats|conversations|sessions)\b",
    r"\bevery\s+(?:other\s+)?(?:week|month|few\s+weeks|quarter)\b",
    r"\b(?:calls?|meetings?|chats?|check-?ins?|catch-?ups?)\s+(?:each|every|once\s+a)\s+(?:week|month|fortnight|quarter)\b",
    r"\b(?:several|multiple|a\s+few|a\s+couple\s+of|a\s+number\s+of)\s+times\b",
    # A day of their time: shadowing, a full day.
    r"\bshadow(?:ing)?\s+(?:you|your|them|her|him|the)\b",
    r"\b(?:a|one|two|three)\s+(?:week|day|month|fortnight)(?:'s|s')\s+(?:[\w-]+\s+)?(?:placement|shadowing|work\s+experience|internship|trial)\b",
    r"\b(?:a\s+few|several|a\s+couple\s+of|some)\s+(?:[\w-]+\s+)?shifts\b",  # "do a few night shifts unpaid"
    r"\btrial\s+(?:day|shift|week)\b|\ba\s+(?:day|week)\s+in\s+your\b",
    r"\bsit\s+in\s+on\s+(?:your\s+)?(?:[\w-]+\s+)?(?:rehearsals|meetings|classes|sessions|shifts|lessons|clinics)\b",
    r"\b(?:a|one)\s+(?:full|whole|entire)\s+(?:day|afternoon|morning|week)\b|\bhalf\s+a\s+day\b",
    # a part of a day with them: "visit the site for an afternoon", "join you on a dive day"
    r"\b(?:join|visit|shadow|accompany|observe|watch|spend|come\s+(?:along|with\s+you|to))\b[^.?!]{0,40}?\bfor\s+(?:an?|one)\s+(?:whole\s+|full\s+)?"
    r"(?:afternoon|morning|day|evening|week|shift)\b",
    r"\bjoin\s+you\s+(?:on|for)\s+(?:an?|one)\s+(?:[\w-]+\s+)?(?:day|shift|afternoon|morning)\b",
    # a visit: "could you give me a tour of the hatchery?", "show me around the site"
    r"\b(?:give|take)\s+me\s+(?:on\s+)?(?:a|the)\s+(?:[\w-]+\s+)?tour\b|\bshow\s+me\s+(?:a)?round\s+(?:the|your)\b",
    # "check in with you monthly", "someone I check in with each term"
    r"\bcheck(?:ing)?\s+in\s+(?:with\s+(?:you\s+)?)?(?:regularly|monthly|weekly|every|each\s+(?:week|month|term|semester|quarter|year))\b",
    # "help out in your workroom during the build": working alongside them for a stretch
    r"\b(?:help(?:\s+out)?|volunteer|work|assist)\s+(?:in|at|with|on)\s+your\s+(?:[\w-]+\s+)?[\w-]+\s+(?:during|for|through(?:out)?)\s+"
    r"(?:the|a|an|your|this|next)\s+(?:[\w-]+\s+){0,2}?(?:build|season|run|project|production|shoot|summer|week|month|harvest|tour|term)\b",
)
MENTORSHIP = (
    r"\bmentor(?:ing)?\s+me\b",
    r"\bbe(?:ing)?\s+my\s+(?:[\w-]+\s+)?mentor\b",
    r"\b(?:ongoing|formal|regular|long-term|your)\s+mentorship\b",
    r"\b(?:as|become)\s+(?:a|your)\s+mentee\b",
    r"\bunder\s+your\s+wing\b",  # "would you take me under your wing while I qualify?"
    r"\b(?:ongoing|continued|regular|long-term)\s+(?:guidance|support|coaching)\b",
    r"\bbe\s+(?:my|a)\s+(?:[\w-]+\s+)?sounding\s+board\b",  # "would you be my sounding board as I build this up?"
    # "guide me over the next few months": advice over a stretch of time is mentoring
    r"\b(?:guide|coach|advise|support|mentor)\s+me\s+(?:over|through(?:out)?|during|for)\s+(?:the\s+)?(?:next|coming|following)\s+"
    r"(?:few\s+|several\s+|couple\s+(?:of\s+)?|\w+\s+)?(?:weeks|months|years|terms|semesters)\b",
)
_ANSWER = r"(?:answer(?:ing)?|respond(?:ing)?\s+to|reply(?:ing)?\s+to)"
# Answers asked for in writing: a request bigger than a call on its own ("answer a few questions by email").
ANSWERS_IN_WRITING = (
    rf"\b{_ANSWER}\s+(?:[\w-]+\s+){{0,4}}?questions\s+(?:[\w-]+\s+){{0,2}}?(?:by|over|via|through|in)\s+"
    r"(?:e-?mail|writing|message|text|dm)\b",
    r"\b(?:fill\s+(?:out|in)|complete)\s+(?:[\w-]+\s+){0,3}?(?:questionnaire|survey)\b",
    rf"\b{_ANSWER}\s+(?:[\w-]+\s+){{0,4}}?written\s+questions\b",  # "answer a set of written questions"
)
# Asking for answers in writing; big when several questions come with it.
WRITTEN_ANSWERS = (
    r"\b(?:answer|respond\s+to|reply\s+to|fill\s+out|complete)\s+(?:[\w-]+\s+){0,4}?(?:questions|questionnaire|survey)\b",
    r"\bquestions\s+(?:below|listed|attached|in\s+writing|by\s+e-?mail)\b",
)
MANY_QUESTIONS = 5  # this many questions in one note is a long list whatever the format
# A list of questions counted rather than written out: "a list of twelve questions", "my 8 questions".
QUESTION_COUNT = r"\b(?P<count>\d+|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s+(?:[\w-]+\s+)?questions\b"

# --- Job ask ----------------------------------------------------------------------

_DOCUMENT = r"(?:r[eé]sum[eé]s?|cvs?|c\.v\.|curriculum\s+vitae|portfolio|writing\s+sample|cover\s+letter|application)"
_HIRING_PEOPLE = r"(?:recruit\w*|hiring|hr|talent|manager|partner|committee)"
_NOT_THEIR_OFFER = r"(?<!offering\sto\s)(?<!offered\sto\s)(?<!offer\sto\s)"  # "thanks for offering to look over my CV" asks nothing
JOB_ASK = (
    # Referral; "refer me to anyone else I should talk to" is the advised contact ask, not a job ask.
    r"\brefer(?:ring)?\s+me\b(?!\s+to\s+(?:you\b|anyone|someone|somebody|others?|other\s+people|people|a\s+(?:colleague|friend|contact)"
    r"|any\s+(?:colleagues?|contacts?|resources?)|colleagues|contacts|resources))",
    # Asking for one, not asking about them ("Is a referral important in this industry?").
    r"\b(?:give|get|offer|write|provide|make|need|want|appreciate|request|ask\s+for|for|be)\s+(?:me\s+)?(?:a|an|your)\s+"
    r"(?:[\w-]+\s+)?referral\b(?!\s+to\s+(?:someone|anyone|others?|a\s+colleague))",
    r"\breferral\s+(?:for|to)\s+(?:the|your|an?)\s+(?:[\w-]+\s+){0,2}?(?:team|role|position|job|opening|program|internship)\b",
    r"\bput\s+in\s+a\s+(?:good\s+)?word\b|\bput\s+a\s+(?:good\s+)?word\s+in\b",
    r"\bkeep\s+(?:me|my\s+name|us)\s+in\s+mind\b",
    # "Do you ever take on summer help?", "Do you ever take people on?"; not "How do you take on new staff?"
    r"(?<!how\s)\b(?:do|does|would|will)\s+(?:you|your\s+[\w-]+)\s+(?:ever\s+)?take\s+(?:on\s+)?(?:any\s+)?(?:[\w-]+\s+)?"
    r"(?:help|staff|people|students|trainees|interns|helpers|hands|volunteers)(?:\s+on)?\b",
    r"(?<!how\s)\b(?:do|does|would|will)\s+(?:you|your\s+[\w-]+)\s+(?:ever\s+)?take\s+on\s+(?:any\s+)?(?:newly[\s-]qualified|recently[\s-]qualified"
    r"|new|junior|graduate|trainee|fresh|entry-level|student)\s+[\w-]+s\b",
    r"\bif\s+(?:your|the)\s+(?:[\w-]+\s+){0,2}?(?:is|are)\s+(?:ever\s+)?looking\s+for\s+(?:someone|anyone|somebody|an?\s+)",
    r"\bif\s+you(?:'re|\s+are)\s+(?:ever\s+)?short\s+(?:a|an|of)\b",  # "If you're short a labourer over winter, give us a yell"
    r"\bif\s+you(?:'re|\s+are)\s+(?:ever\s+)?(?:looking\s+for|in\s+need\s+of)\s+(?:someone|anyone|somebody|an?\s+(?:[\w-]+\s+){0,2}?"
    r"(?:assistant|coordinator|intern|trainee|apprentice|junior|hand|helper|technician|associate|recruit|hire)\b)",
    # "let me know if anything comes up on the promo team": waiting to be told of an opening
    r"\blet\s+me\s+know\s+if\s+(?:anything|something|a\s+(?:[\w-]+\s+){0,2}?(?:spot|position|role|opening|place|vacancy|job|post))\s+"
    r"(?:ever\s+)?(?:comes\s+up|opens(?:\s+up)?|becomes\s+available)\b",
    # the writer's availability told to someone who could hire: "I'm free from June", "available full-time after graduation"
    r"(?:\bI(?:'m|\s+am)|\band\s+am)\s+(?:free|available)\s+(?:to\s+start\s+(?:work(?:ing)?\s+)?(?:in\s+|from\s+|after\s+|by\s+)?|(?:full[\s-]time\s+|part[\s-]time\s+"
    r"|every\s+weekend\s+)?(?:from|after|starting(?:\s+in)?)\s+)"
    rf"{_START_WHEN}",
    # "I can start work in April if your crew has room", "I could start from June"
    rf"\bI\s+(?:can|could)\s+start\s+(?:work(?:ing)?\s+)?(?:in|from|after|by|as\s+early\s+as)\s+{_START_WHEN}",
    r"\bif\s+your\s+(?:[\w-]+\s+){0,2}?(?:crew|team|firm|lab|studio|office|practice|shop|kitchen|unit|department)\s+has\s+(?:room|space"
    r"|a\s+(?:spot|place|vacancy)|an\s+opening)\b",
    r"\bif\s+you\s+(?:ever\s+)?(?:thought|think)\s+of\s+me\b",  # "it would mean a lot if you thought of me"
    # "if anything opens up on your team", "when a spot opens up": the writer waiting for an opening with them.
    r"\b(?:anything|something|a\s+(?:[\w-]+\s+){0,2}?(?:spot|position|role|opening|place|vacancy|job))\s+(?:ever\s+)?opens?\s+up\b",
    r"\bif\s+a\s+(?:[\w-]+\s+){0,2}?(?:spot|position|role|opening|place|vacancy|job|post)\s+(?:ever\s+)?opens\s+(?:in|on|at)\s+your\b",
    r"\bremember\s+(?:me|my\s+name)\b(?!\s+(?:from|as|when|at|in)\b)",  # "would you remember my name?"
    # "could you introduce me to whoever is booking stunt performers", "tell the recruitment team about me"
    rf"\bintroduce\s+me\s+to\s+(?:(?:whoever|someone|the\s+person)\s+(?:who\s+)?(?:is\s+|does\s+the\s+)?(?:booking|hiring|recruiting|casting)"
    rf"|(?:your|the)\s+(?:[\w-]+\s+){{0,2}}?{_HIRING_PEOPLE})\b",
    r"\btell\s+(?:the|your)\s+(?:[\w-]+\s+){0,2}?(?:recruit\w*|hiring|hr|talent)(?:\s+(?:team|manager|people|department))?\s+about\s+me\b",
    rf"{_NOT_THEIR_OFFER}\b(?:look|glance|read)\s+over\s+my\s+(?:[\w-]+\s+)?{_DOCUMENT}",  # not their offer
    r"\b(?:whether|if)\s+your\s+[\w-]+\s+(?:takes?\s+on|hires?|is\s+hiring|recruits?)\b",
    r"\bany\s+paid\s+(?:[\w-]+\s+)?(?:spots?|places?|roles?|work|positions?|jobs?|gigs?|shifts?)\b",
    r"\bput\s+me\s+forward\b|\bput\s+my\s+name\s+forward\b",
    r"\bconsider\s+me\b|\bbe\s+considered\b|\bhire\s+me\b",
    r"\b(?:do|does|would|could|will|might)\s+(?:you|your\s+[\w-]+)\s+(?:ever\s+)?need\s+(?:anyone|someone|somebody|an\s+extra\s+pair\s+of\s+hands"
    r"|(?:an?|another)\s+(?:extra\s+)?(?:helper|assistant|apprentice|trainee|hand|junior))\b",
    r"\b(?:is|are)\s+(?:[\w'-]+\s+){0,3}?hiring\b",  # "is your team hiring", "if your firm is hiring"
    r"\bany\s+(?:[\w-]+\s+){0,2}?(?:openings?|vacanc(?:y|ies)|positions?|internships?|job\s+openings?)\b",
    r"\b(?:help\s+me\s+(?:get|find|land|secure)|offer\s+me|give\s+me|get\s+me)\s+(?:an?|the|any)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:internship|job|position|role|interview|offer)\b",
    r"\b(?:do|does|would|could|will)\s+(?:you|your\s+[\w-]+)\s+(?:have|offer|take\s+on|need)\s+(?:an?\s+|any\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:interns?|internships?|openings?|positions?|vacanc(?:y|ies)|jobs?|apprenticeships?|traineeships?|placements?"
    r"|(?:trainee|intern|apprentice|junior|paid|graduate|entry-level)\s+(?:spots?|places?|posts?))\b",
    rf"\b(?:pass|passing|forward|forwarding|send|sending|share|sharing|give|hand)\s+(?:it|them|this|these|my\s+{_DOCUMENT}"
    r"|my\s+(?:contact\s+)?(?:details|information|info|profile))\s+"
    rf"(?:along\s+|on\s+)?(?:to|with)\s+(?:[\w'-]+\s+){{0,4}}?{_HIRING_PEOPLE}\b",
    rf"\bpass(?:ing)?\s+(?:along|on)\s+my\s+{_DOCUMENT}|\bpass(?:ing)?\s+my\s+{_DOCUMENT}\s+(?:along|on)\b",
    rf"{_NOT_THEIR_OFFER}\b(?:look\s+(?:at|over)|take\s+a\s+look\s+at|review|critique|glance\s+at)\s+(?:my|the\s+attached)\s+{_DOCUMENT}",
    rf"\b(?:introduce|connect)\s+me\s+(?:to|with)\s+(?:[\w'-]+\s+){{0,2}}?{_HIRING_PEOPLE}\b",
    r"\blet\s+(?:[\w'-]+\s+){0,2}?(?:recruit\w*|hiring\s+\w+|hr)\s+know\b",
    # A job interview; an "informational interview" is the genre's normal ask.
    r"(?<!informational\s)(?<!info\s)\binterview\s+(?:me\b|for\b(?!\s+(?:the|a|an|my|her|his|their)\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:degree|course|programme|program|master'?s|mba|phd|doctorate|school|college|university|scholarship|bursary)\b))",  # not a place on a course
    r"\b(?:get|land|secure|arrange|schedule|offer\s+me)\s+(?:me\s+)?an?\s+interview\b",
    # The writer's own search, told to someone who could hire: "I am looking for a full-time position".
    r"\bI(?:'m|\s+am|m)\s+(?:currently\s+|now\s+|actively\s+|also\s+)?job[\s-]?(?:hunting|searching|seeking)\s+for\s+(?:[\w-]+\s+){0,3}?"
    r"(?:roles?|positions?|jobs?|work|internships?|placements?|openings?)\b",  # "I'm job hunting for tidal roles from September"
    r"\b(?:I(?:'m|\s+am|m)|and\s+am)\s+(?:currently\s+|now\s+|actively\s+|also\s+)?(?:looking|searching|seeking|hoping\s+to\s+(?:find|land|get|secure))"
    r"\s+(?:for\s+)?(?!(?:advice|guidance|insights?|perspectives?|information|tips|help|ideas)\b)(?:an?\s+|any\s+|some\s+)?"
    r"(?:[\w-]+\s+){0,4}?(?:job|jobs|position|positions|role|internship|placement|employment|opening|work\s+as"
    r"|work\s+(?:with|at|for)\s+(?:you|your))\b",  # "I'm looking for freelance subtitling work with your agency"
    # "Are you taking interns?", "room for a summer intern", "a spot for me on your crew".
    r"\b(?:taking|taking\s+on|bringing\s+on|accepting)\s+(?:any\s+|new\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:interns?|apprentices?|assistants?|trainees?|summer\s+associates?)\b",
    r"\broom\s+for\s+(?:an?\s+|another\s+|one\s+more\s+)?(?:[\w-]+\s+){0,2}?(?:interns?|assistants?|apprentices?|hires?|trainees?|volunteers?"
    r"|helpers?)\b",
    # "is there a spot for me", not "whether it is a proper career or just a summer job for me" or "eye-opening for me"
    r"\b(?:a\s+)?(?<!eye-)(?<!eye\s)(?<!right\s)(?<!good\s)(?<!proper\s)(?<!summer\s)(?<!perfect\s)(?<!real\s)(?<!the\s)(?<!side\s)"
    r"(?:spot|place|position|opening|role|job)\s+for\s+me\b",
    # Passing the writer's name to whoever hires.
    r"\b(?:forward|pass|send|give|mention)\s+(?:along\s+|on\s+|forward\s+)?my\s+name\b|\bput\s+(?:forward\s+my\s+name|my\s+name\s+forward)\b",
    r"\bwho(?:ever)?\s+(?:does\s+the\s+)?hir(?:es|ing)\b",
    # "Would your studio take on someone like me?", "consider somebody like me": the writer offered as a hire.
    r"\b(?:take|taking)\s+on\s+(?:someone|somebody|people|an?\s+(?:[\w-]+\s+)?[\w-]+)\s+like\s+me\b",
    r"\btak(?:e|ing)\s+(?:someone|somebody|people)\s+like\s+me\s+on\b",
    r"\bconsider(?:ing)?\s+(?:someone|somebody|people|an?\s+(?:[\w-]+\s+)?[\w-]+)\s+like\s+me\b",
    r"\bhope\s+you(?:'ll|\s+will|'d|\s+would|\s+might)\s+(?:think\s+of|remember|consider)\s+me\b",
    # unpaid work offered: "I'd gladly work on your crew unpaid", "would love to stage in your kitchen, no pay needed"
    r"\bI(?:'d|\s+would)\s+(?:gladly\s+|happily\s+|love\s+to\s+|be\s+(?:happy|glad)\s+to\s+)?(?:work|help\s+out|volunteer)\b[^.?!]{0,40}?"
    r"\b(?:unpaid|for\s+free|without\s+pay|for\s+nothing)\b|\bno\s+pay(?:ment)?\s+(?:needed|required|necessary|expected)\b",
    r"\bstage\s+(?:in|at|with)\s+your\s+kitchen\b",
    # the writer's own search told to someone who could pass on an opening: "still looking for work…, if u hear of anything send it my way"
    r"\b(?:I(?:'m|\s+am|m)|still|been)\s+(?:still\s+)?looking\s+for\s+(?:a\s+)?(?:paid\s+|full[\s-]time\s+|part[\s-]time\s+|new\s+)?(?:work|job)\b"
    r"(?![\s-](?:life|experience|shadow))",
    r"\bif\s+(?:you|u)\s+hear\s+of\s+(?:anything|something|any\s+(?:openings?|roles?|jobs?|positions?|vacancies))\b",
    r"\bif\s+you\s+(?:ever\s+)?need\s+(?:someone|anyone|somebody|a\s+hand|help|an\s+extra\s+pair\s+of\s+hands)\b[^.?!]{0,80}?"
    r"(?:\bI(?:'m|\s+am)\s+your\s+(?:person|guy|girl|man|woman|gal|lad|lass)|\bgive\s+(?:me|us)\s+a\s+(?:shout|call|ring|yell|bell|buzz)"
    r"|\bfor\s+free|\bunpaid)\b",  # "if you ever need an extra pair of hands on a brew day, I would happily do it for free"
    # a CV sent for an opening: "I've attached my CV in case your lab takes on a trainee technician this year"
    r"\bin\s+case\s+(?:you|your\s+(?:[\w-]+\s+){0,2}?|the\s+(?:[\w-]+\s+){0,2}?)(?:take|takes|is\s+taking|are\s+taking)\s+on\s+(?:an?\s+|any\s+|new\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:trainees?|interns?|apprentices?|assistants?|technicians?|staff|hires?|juniors?|graduates?)\b"
    r"|\bin\s+case\s+(?:you(?:'re|\s+are)|your\s+(?:[\w-]+\s+){0,2}?(?:is|are))\s+(?:hiring|recruiting)\b",
    r"\b(?:be|get|put\s+me)\s+on\s+your\s+(?:[\w-]+\s+)?(?:list|books|roster|bench|panel|rota)\b",  # "I'd love to be on your freelancer list"
)
# Read only in questions and requests (the transcript's turns, a message's asks): as statements
# they describe the writer ("I work for your supplier"), not a request.
JOB_ASK_IN_REQUEST = (
    r"\b(?:are|is)\s+(?:you|your\s+\w+|the\s+(?:team|firm|company|office)|anyone)(?:\s+currently|\s+still)?\s+"
    r"(?:hiring|taking\s+on|looking\s+for|bringing\s+on|recruiting)\b",
    r"\b(?:any|open|current)\s+(?:openings?|vacanc\w+)\b",
    # "And is your team growing this year?" asks whether there is room; "How fast is your team growing?" asks about the field
    r"(?<!how\s)(?<!fast\s)(?<!quickly\s)(?<!much\s)\b(?:is|are)\s+(?:you|your\s+(?:[\w-]+\s+)?(?:team|firm|company|office|lab|studio|group"
    r"|practice|department|agency|unit|crew))\s+(?:growing|expanding)\b",
    r"\b(?:know\s+of|heard\s+of|aware\s+of)\s+(?:any\s+)?(?:openings?|positions?|jobs?|internships?|roles?)\b",
    r"\b(?:know\s+(?:of\s+)?|aware\s+of\s+)(?:anyone|anybody|someone|any\s+(?:firms?|companies|teams?|places?|practices?))\s+(?:who(?:'s|\s+is|\s+are)\s+)?"
    r"(?:hiring|recruiting|taking\s+on)\b",  # "do you know of anyone hiring entry-level analysts?"
    r"\b(?:is|are)\s+there\s+(?:a|an|any)\s+(?:open\s+|available\s+)?(?:openings?|positions?|jobs?|internships?|roles?|spots?)"
    r"(?:\s+open|\s+available)?\s+(?:for\s+(?:[\w-]+\s+){0,2}?)?(?:at|on|in|with|for)\s+(?:your|you|the\s+(?:team|firm|company)|me)\b",
    r"\broom\s+(?:on|in|at)\s+your\s+[\w-]+(?:\s+[\w-]+)?\s+for\s+(?:me|an?\s)",
    r"\b(?:when|if|once)\s+(?:your|the)\s+(?:next\s+)?(?:[\w-]+\s+){0,3}?(?:scheme|program(?:me)?|intake|cohort|role|position|opening"
    r"|internship|posting|vacancy|hiring\s+round)\s+(?:opens|is\s+posted|goes\s+live|is\s+advertised)\b",
    r"\b(?:I|me)\s+(?:[\w-]+\s+){0,4}?join\s+your\s+(?:[\w-]+\s+){0,2}?(?:team|practice|firm|lab|crew|studio|company|group|office|department|staff|unit|kitchen|clinic)\b"
    r"(?!\s+(?:meeting|call|webinar|event|session|'s|for\s+(?:a|the)\s+(?:day|meeting|call)))",
    r"\bsponsor\s+(?:a|my|me|the)\s+(?:[\w-]+\s+)?visa\b|\bvisa\s+sponsorship\b",
    # "Any chance I could start at your yard after the course?"
    r"\bI\s+(?:could|can|might)\s+(?:start|work|begin|help\s+out)\s+(?:at|with|for|in|on)\s+your\s+(?!(?:questions?|advice|suggestion|idea)\b)",
    r"\b(?:even|happy\s+to\s+work|glad\s+to\s+work)\s+(?:unpaid|for\s+free)\b",  # "Could I assist on your next shoot, even unpaid?"
    r"\bpoint\s+me\s+(?:their|his|her)\s+way\b",
    r"\bfoot\s+in\s+the\s+door\b|\bkeep\s+me\s+on\b|\b(?:like|as)\s+a\s+trial\b",
    r"\b(?:with|for)\s+no\s+money\b|\bwithout\s+(?:pay|money)\b|\bso\s+you\s+(?:can\s+)?see\s+(?:how|whether|if)\s+I\b",
    r"\bconsider\s+[^.?!]{0,60}?\blike\s+me\s+for\b",  # "would you consider a student like me for the intake?"
    r"\btrial\s+(?:day|shift|week|period)\b|\b(?:day|shift|week)\s+on\s+trial\b",
    r"\bfor\s+nothing\b|\bif\s+you\s+(?:ever\s+)?need\s+(?:someone|anyone|somebody|a\s+hand|an\s+extra\s+hand)\b",
    # where the writer's resume should go: "who should I send my CV to?", "could you show my CV to the workshop chief?"
    rf"\b(?:who|where)\s+(?:should|could|can|do|would|might)\s+I\s+(?:send|give|pass|forward|e-?mail|address|hand)\s+my\s+{_DOCUMENT}\b",
    rf"\b(?:show(?:ing)?|giv(?:e|ing)|hand(?:ing)?|pass(?:ing)?|send(?:ing)?|forward(?:ing)?)\s+my\s+{_DOCUMENT}\s+to\s+(?:the|your)\s+(?:[\w-]+\s+){{0,2}}?"
    r"(?:chief|boss|head|director|lead|manager|owner|supervisor|foreman|team|people|office)\b",
    r"\bput\s+me\s+in\s+front\s+of\b|\bwhoever\s+(?:books|hires|recruits|casts|handles\s+hiring|does\s+the\s+hiring|runs\s+the\s+intake)\b",
    r"\bwho\s+(?:handles|does|runs|manages|looks\s+after|is\s+in\s+charge\s+of|takes\s+care\s+of)\s+(?:the\s+)?(?:hiring|recruit\w*)\b",
    r"\b(?:needing|need|needs)\s+(?:a|an|another|some)\s+(?:paid\s+|extra\s+)?(?:hand|helper|worker|labourer|laborer)\b",
    r"\bsend\s+(?:some|any|it|them|work|jobs?|clients?|projects?|overflow)\s+(?:\w+\s+){0,2}?(?:my|our)\s+way\b",  # "could you send some my way?"
    r"\b(?:say|saying|mention|mentioning|give|giving|pass|passing)\s+my\s+name\s+(?:on\s+|along\s+)?to\b",
    rf"\b(?:mention|mentioning|recommend|recommending|put|putting)\s+me\s+(?:forward\s+)?to\s+(?:your|the)\s+(?:[\w-]+\s+){{0,2}}?{_HIRING_PEOPLE}\b",
    # "If your install crew's ever short a sparky, I'd love a shot."
    r"\bif\s+(?:your|the)\s+[^.?!]{0,40}?\b(?:short|short-handed|short-staffed|stretched)\b[^.?!]{0,40}\bI(?:'d|\s+would)\s+love\s+a\s+(?:shot|go|chance)\b",
    r"\bso\s+(?:that\s+)?I\s+(?:can|could|may|might)\s+apply\b",  # "could you tell me so I can apply?"
    r"\bwhen\s+(?:do|does|will|would)\s+(?:you|your\s+[\w-]+)\s+(?:\w+\s+)?(?:start\s+)?(?:hiring|recruiting|taking\s+on)\b",
    r"\b(?:whether|if)\s+I(?:'d|\s+would)\s+(?:suit|fit|be\s+(?:a\s+)?(?:good\s+)?fit\s+for)\b",  # "see whether I'd suit a cutter's role"  # "can you say my name to the programme manager?"
    r"\bvouch\s+for\s+me\b",
    r"\b(?:get|put)\s+my\s+(?:name|r[eé]sum[eé]|cv|application)\s+in\s+front\s+of\b",
    r"\bneeds?\s+(?:an?|any|another|more|extra)\s+(?:[\w-]+\s+){0,2}?(?:junior|intern|assistant|helper|hands?|trainee|apprentice|volunteer"
    r"|caster|spotter|analyst|developer|designer|engineer|writer|editor|associate|staff|runner|tech|technician)s?\b",
    r"\b(?:refer|recommend)\s+me\s+(?:for|to\s+(?:the|your)\s+(?:team|role|position|hiring|recruit\w*))\b",
    # "recommend me to your country director for the open survey officer post"
    r"\b(?:refer|recommend)\s+me\s+to\s+[^.?!]{1,40}?\bfor\s+(?:the|a|an|your|any)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:post|position|role|job|opening|vacancy|internship|place|spot)\b",
    r"\b(?:r[eé]sum[eé]|cv|application)\b.*\b(?:pass|forward|send|hand)\w*\s+(?:it\s+|this\s+|that\s+)?(?:along|on)\b",
    r"\b(?:pass|forward)\s+(?:along\s+|on\s+)?my\s+(?:r[eé]sum[eé]|cv)\b",
    r"\bget\s+me\s+(?:in|an\s+interview|a\s+job)\b",
    r"\b(?:think\s+of|remember(?:\s+of)?)\s+me\b(?!\s+to\b)",  # "would you think of me?", not "remember me to Ana"
    r"\b(?:need|could\s+use|want)\s+(?:an?\s+)?(?:extra|another|more|spare)\s+(?:pair\s+of\s+)?hands?\b",
    r"\b(?:I|me)\s+(?:could\s+|can\s+|might\s+)?(?:maybe\s+|possibly\s+|perhaps\s+|somehow\s+)?(?:intern|work)\s+(?:at|for|with|under)\s+(?:you|your)\b",
    r"\btak(?:e|ing)\s+me\s+on\b",  # "would you consider taking me on as an assistant?"
    r"\b(?:chance|possibility|opportunity)\s+(?:of|for)\s+(?:an?\s+|me\s+to\s+(?:get|join|do)\s+an?\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:internship|job|position|placement|role|apprenticeship|spot|opening)\s+(?:with|at|on|in)\s+(?:you|your)\b",
    r"\bappl(?:y|ying|ication)\b[^?]*\b(?:mention|use|drop)\s+your\s+name\b",  # applying on their name
)

# A request to pass on or look over "it" counts when "it" is a document named in the same or the previous
# sentence ("I've attached my resume. Would you pass it along to your news director?").
DOCUMENT = _DOCUMENT
PASS_IT_ON = (
    r"\b(?:pass|forward|hand|send)\w*\s+(?:it|them|this|these)\s+(?:along|on|to\s+(?:your|the|whoever|anyone))\b",
    r"\b(?:look|glance|read)\s+(?:it|them|this|these)\s+over\b|\b(?:review|critique)\s+(?:it|them|this|these)\b",
    r"\bread\s+(?:over|through)\s+(?:it|them|this|these)\b",
)

# --- Attachment -------------------------------------------------------------------

_ATTACHABLE = r"(?:r[eé]sum[eé]s?|cvs?|c\.v\.|curriculum\s+vitae|portfolio|writing\s+samples?|work\s+samples?|cover\s+letter|(?:demo\s+|show)reel)"
_MINE = r"(?:my|a\s+copy\s+of\s+my|the|a|an|two|three|some|a\s+few|a\s+link\s+to\s+my|a\s+pdf\s+of\s+my|a\s+version\s+of\s+my)\s+(?:[\w-]+\s+){0,2}?"
_WEB_ADDRESS = r"(?:https?://)?[\w-]+(?:\.[\w-]+)+"  # a host, scheme optional: "kai.example", "https://odunsound.net"
_URL = r"(?:https?://|www\.|\b[\w-]+(?:\.[\w-]+)*\.(?:com|io|net|org|me|dev|site|art|design|page)\b)"
_SEND = r"(?:send|sent|sending|share|sharing|forward|forwarding|pass|passing|attach|email|e-mail|flick|shoot|drop|fire)"
_I_SEND = (  # the writer as the sender: "I can send", "I'm happy to share", "should I send", "if I sent", "Can send..."
    r"(?:\bI(?:'m|\s+am|'ll|\s+will|'d|\s+would|\s+can|\s+could|'ve|\s+have)?(?:\s+(?:also\s+)?(?:also|gladly|be\s+happy\s+to|be\s+glad\s+to"
    r"|love\s+to|like\s+to|happy\s+to|glad\s+to))?|\bshould\s+I|\bif\s+I|\bshall\s+I|^\W*(?:happy\s+to|glad\s+to|can|could))"
)
ATTACHMENT = (
    # "I've attached my resume", "I attach my CV", "attached is a copy of my CV", "I've included a link to my portfolio".
    rf"\b(?:attach|attached|attaching|enclose|enclosed|enclosing|included|including|uploaded)\s+(?:also\s+|too\s+)?(?:is\s+|are\s+|here\s+|below\s+)?"
    rf"{_MINE}{_ATTACHABLE}",
    # "My CV is attached", "Resume's attached", "my portfolio is linked below", "my resume is in the attachment".
    rf"\b{_ATTACHABLE}(?:\s+(?:of|with)\s+(?:[\w-]+\s+){{0,4}}?[\w-]+)?(?:'s|\s+is|\s+are)?\s+(?:also\s+)?(?:attached|enclosed)\b",
    rf"\b{_ATTACHABLE}\b[^.?!]{{0,40}}?\b(?:the|its)\s+link\s+is\s+(?:below|here|above|at)\b",  # "a small portfolio; the link is below"
    # "I have attached a short summary of that experience and my CV", "I attach also my curriculum"
    rf"\b(?:attached|enclosed|included)\b[^.?!]{{0,60}}?\b(?:and|plus|with|as\s+well\s+as)\s+(?:my|a\s+copy\s+of\s+my)\s+(?:[\w-]+\s+)?{_ATTACHABLE}",
    r"\bI\s+(?:attach|enclose|send)\s+(?:also\s+|too\s+)?my\s+curriculum\b",
    # "My restoration portfolio: tomfielding-clocks.uk"
    rf"\bmy\s+(?:[\w-]+\s+){{0,2}}?{_ATTACHABLE}(?:,\s*(?:if\s+(?:useful|helpful|of\s+interest|you're\s+curious)|for\s+reference|in\s+case))?\s*:\s*{_WEB_ADDRESS}",
    # "I've attached a few photos from my portfolio", "I enclose a short essay I wrote": the writer's own work sent
    rf"\b(?:attached|enclosed|included)\s+(?:[\w-]+\s+){{0,5}}?(?:from|of)\s+my\s+(?:[\w-]+\s+)?{_ATTACHABLE}",
    # ...their own: "my", or "a short essay I wrote" (not "the article you asked about")
    r"\bI(?:'ve|\s+have)?\s+(?:enclose[ds]?|attach(?:ed)?|include[ds]?)\s+(?:my\s+(?:[\w'-]+\s+){0,3}?(?:essay|article|paper|report|review"
    r"|story|sketches|drawings|designs|photos)\b|an?\s+(?:[\w'-]+\s+){0,3}?(?:essay|article|paper|report|review|story|sketches|drawings"
    r"|designs|photos)\s+(?:that\s+)?I(?:'ve)?\s+(?:wrote|written|did|made|drew|took|put\s+together))",
    r"\b(?:attached|enclosed|included|sending|sent)\b[^.?!]{0,120}\bas\s+an?\s+(?:writing\s+|work\s+)?sample\b",
    # "I attach a sample of my translation", "enclosed are two extracts of my writing"
    r"\b(?:attach|attached|attaching|enclose|enclosed|enclosing|include|included|including)\s+(?:is\s+|are\s+|here\s+)?(?:a|an|two|three|some|a\s+few)\s+"
    r"(?:short\s+|brief\s+)?(?:samples?|examples?|extracts?|excerpts?)\s+of\s+my\b",
    # "my portfolio of student productions is at odunsound.net": a web address is an offer to look
    rf"\b{_ATTACHABLE}\b[^.?!]{{0,40}}?\b(?:is|are|lives|sits|can\s+be\s+(?:found|seen))\s+(?:up\s+|online\s+)?(?:at|on)\s+{_WEB_ADDRESS}",
    # "a small portfolio of my projects, which you can find here: ..."
    rf"\b(?:my|a|the)\s+(?:[\w-]+\s+){{0,2}}?{_ATTACHABLE}\b[^.?!]{{0,60}}?\byou\s+can\s+(?:find|see|view)\s+(?:it\s+)?(?:here|at|on|below)\b",
    rf"\b{_ATTACHABLE}(?:'s|\s+is|\s+are)?\s+(?:also\s+)?(?:linked|included|uploaded)?\s*(?:below|here|above|in\s+(?:the\s+)?attachment)\b",
    r"\bI\s+(?:send|sent|have\s+sent)\s+(?:you\s+)?(?:attached|enclosed)\b",
    rf"\b(?:find|see|view|check\s+out|look\s+at)\s+my\s+(?:attached\s+|enclosed\s+)?(?:[\w-]+\s+)?{_ATTACHABLE}\s*(?:here|at|on|:|attached|enclosed|below|in\s+(?:the\s+)?attachment)",
    rf"\b(?:find|see)\s+(?:the\s+|my\s+)?attached\s+(?:[\w-]+\s+)?{_ATTACHABLE}|\b(?:my|the)\s+attached\s+(?:[\w-]+\s+)?{_ATTACHABLE}",
    rf"\bin\s+(?:the\s+)?attachment\b[^.?!]{{0,60}}\b{_ATTACHABLE}|\b{_ATTACHABLE}\b[^.?!]{{0,30}}\bin\s+(?:the\s+)?attachment\b",
    rf"\bhere(?:'s|\s+is)\s+(?:a\s+link\s+to\s+|the\s+link\s+to\s+)?my\s+(?:[\w-]+\s+)?{_ATTACHABLE}",
    rf"\byou(?:'ll|\s+will|\s+can|\s+may)\s+find\s+my\s+(?:[\w-]+\s+)?{_ATTACHABLE}",
    rf"\badded\s+my\s+(?:[\w-]+\s+)?{_ATTACHABLE}\s+to\s+(?:this|the|my)\s+(?:e-?mail|message|note|letter)\b",
    rf"\bmy\s+(?:[\w-]+\s+)?{_ATTACHABLE}\s*(?::|is\s+at|is\s+on|lives\s+at|at)\s*{_URL}",
    r"\bplease\s+find\s+(?:attached|enclosed)\b|\benclosed\s+please\s+find\b|(?-i:\bPFA\b)",
    # "photos of my pieces are on my portfolio page at holly.example": the writer's work, with where to look
    rf"\b(?:on|in)\s+my\s+(?:[\w-]+\s+)?{_ATTACHABLE}(?:\s+(?:page|site|website))?\s+(?:at|on)\s+{_WEB_ADDRESS}",
    # "I've put my portfolio up at ...", "My portfolio of data-viz work is here: kai.example/work"
    rf"\bput\s+(?:my|a|a\s+little|a\s+small)\s+(?:[\w-]+\s+){{0,2}}?{_ATTACHABLE}\b[^.?!]{{0,50}}?\b(?:up\s+at|up\s+on|here|online|at)\b",
    rf"\b{_ATTACHABLE}\b[^.?!:]{{0,50}}?\b(?:is\s+)?(?:here|below|at)\s*:\s*[\w-]+(?:\.[\w-]+)+",
    # The writer offering to send one is the same move as attaching it ("could you forward my CV" is not):
    # "I can send over my portfolio", "happy to share my CV", "Should I send you my CV?", "Sending my CV along".
    rf"{_I_SEND}\s+{_SEND}(?:\s+over|\s+along|\s+across)?\s+(?:you\s+)?(?:over\s+|along\s+)?(?:my|a\s+copy\s+of\s+my)\s+(?:[\w-]+\s+)?{_ATTACHABLE}",
    rf"^\W*(?:sending|attaching|enclosing|including)\s+(?:along\s+|over\s+)?(?:my|a\s+copy\s+of\s+my)\s+(?:[\w-]+\s+)?{_ATTACHABLE}",
    rf"\bif\s+you(?:'d|\s+would)\s+like\s+(?:to\s+see|a\s+copy\s+of|to\s+have|to\s+look\s+at)\s+my\s+(?:[\w-]+\s+)?{_ATTACHABLE}",
)

# --- Apologetic filler --------------------------------------------------------------

APOLOGETIC = (
    # "sorry to bother you", not regret at something ("I was sorry to miss your talk", "sorry to hear").
    r"\b(?:so\s+|very\s+|really\s+)?sorry\s+(?:in\s+advance\s+)?(?:to(?!\s+(?:miss|have\s+missed|hear|see|learn|read|leave))|for|if|about)\b",
    r"(?<![\"'])\bapologi(?:es|ze|se)\b",  # not their words quoted: "signs are "apologies for bad buildings""
    r"\b(?:forgive|pardon)\s+(?:me|the|my|an?|this)\b",
    r"\byou(?:'ve|\s+have|\s+must\s+have)\s+(?:got\s+)?better\s+things\s+to\s+do\b",
    # "I know you're busy", "I know you must get many messages"; not "I know you're an expert".
    r"\bI\s+know\s+(?:that\s+)?(?:you(?:'re|\s+are)\s+(?:\w+\s+)?busy|you\s+(?:must|probably)\s+(?:\w+\s+)?"
    r"(?:busy|get|receive)|how\s+busy|your\s+time\s+is|how\s+valuable)",
    r"\b(?:extremely|incredibly|very|so|really|super|terribly|insanely)\s+busy\b|\btoo\s+busy\b|\bbusy\s+schedule\b",
    r"\b(?:take|taking)\s+up\s+(?:too\s+much\s+of\s+)?your\s+(?:valuable\s+|precious\s+)?time\b",
    r"\bwast(?:e|ing)\s+your\s+time\b",
    r"^\W*sorry\s*[,!.]",  # "Sorry, I know this is out of the blue"
    r"\byou\s+(?:probably|must|likely)\s+get\s+(?:a\s+|so\s+|far\s+too\s+|too\s+)?(?:lot|lots|hundreds?|tons|loads|dozens|many|hundred|thousand)\b",
    r"(?:\b(?:not|barely|hardly|scarcely)|n't)\b[^.!?]{0,30}\bworth\s+your\s+time\b",  # "I'm not sure I'm anyone worth your time", "mine isn't worth your time"
    r"\bI(?:'m|\s+am|m)\s+(?:just|only|merely|nothing\s+but)\s+an?\b",  # "I'm just a student"
    r"\bI(?:'m|\s+am|m)\s+(?:just\s+|only\s+)?(?:a\s+)?nobody\b|\bleast\s+qualified\b|\bpunching\s+(?:well\s+)?above\s+my\s+weight\b",
    r"\bunderstand\s+if\s+you\s+(?:delete|ignore|bin)\b",
    r"\bjust\s+an?\s+(?:lowly\s+)?(?:student|grad|graduate|beginner|newbie|nobody|intern|undergrad(?:uate)?)\b",
    r"\b(?:silly|stupid|dumb|naive|odd|strange|weird|random|presumptuous)\s+(?:request|question|ask|idea|favou?r|message|note|e-?mail)\b",
    r"\bnot\s+sure\s+(?:if\s+|whether\s+)?I(?:'m|\s+am|m)\s+(?:good|qualified|smart|experienced|talented|ready|worthy)\b",
    r"\bnot\s+(?:good|smart|qualified|experienced|talented)\s+enough\b",
    r"\b(?:don't|do\s+not)\s+(?:want|mean)\s+to\s+(?:bother|impose|intrude|disturb|waste|pester)\b",
    r"\b(?:hate|hesitate)\s+to\s+(?:ask|bother|impose)\b",
    r"\blong\s+shot\b|\bout\s+of\s+(?:my|your)\s+league\b",
    r"\bI(?:'m|\s+am|m)\s+sure\s+you(?:'re|\s+are)\s+(?:\w+\s+)?busy\b|\bI\s+(?:realise|realize|understand|imagine)\s+(?:that\s+)?you(?:'re|\s+are)\s+(?:\w+\s+)?busy\b",
    r"\bfeel\s+free\s+to\s+ignore\b|\b(?:a\s+lot|too\s+much)\s+to\s+ask\b|\bexcuse\s+(?:me|the|my)\b",
    r"\b(?:an?\s+)?(?:imposition|intrusion)\b|\b(?:bother|bothering|disturbing|pestering)\s+you\b",
    r"\bprobably\s+(?:a\s+|just\s+a\s+)?(?:silly|dumb|stupid|naive|basic)\b",
    # "I am hardly the obvious person to be writing", "probably not the kind of person you usually hear from"
    r"\b(?:hardly|not|probably\s+not)\s+the\s+(?:obvious|usual|typical|kind\s+of|sort\s+of|type\s+of)\s+(?:person|people|candidate)\b",
    r"\b(?:junk|spam)\s+(?:folder|box|mail|pile)\b",  # "I half expect this to go straight into your junk folder"
    # "My own work is honestly pretty amateur"
    r"\bmy\s+(?:own\s+)?(?:work|writing|drawings?|designs?|skills?|portfolio|bindings?|photos?|attempts?)\s+(?:is|are)\s+"
    r"(?:(?:honestly|really|very|pretty|quite|still|just|fairly|rather)\s+){0,2}(?:amateur(?:ish)?|mediocre|nothing\s+special|not\s+much|rubbish|terrible)\b",
)

# --- Naming a topic -----------------------------------------------------------------

# Stock phrases that stand in for a topic; quoted as evidence when no topic is named.
VAGUE_ASKS = (
    r"\bpick\s+your\s+brain\b",
    r"\b(?:hear|get|value|learn|know)\s+(?:about\s+)?your\s+(?:perspective|thoughts|insights?|advice|experience|career|story|journey|views)\b",
    r"\b(?:talk|talking|chat|chatting|connect|connecting)\s+(?:sometime|soon|at\s+some\s+point)\b",
)

# Words that show a sentence is about what the writer wants to learn or discuss.
TOPIC_TRIGGERS = (
    r"\b(?:learn(?:ing)?|hear(?:ing)?|understand(?:ing)?|explain|discuss(?:ing)?|describe|ask(?:ing)?|know\s+more"
    r"|curious|interested|exploring|explore|considering|advice|insights?|questions?|tell\s+me|walk\s+me\s+through"
    r"|chat(?:ting)?|call|conversation|coffee|meeting|talking|speaking|informational\s+interview"
    r"|eyeing|(?:re)?train(?:ing)?\s+(?:in|as)|hoping\s+to\s+(?:move|switch|transition|pivot|get)|(?:I(?:'m|\s+am)\s+(?:\w+\s+)?|\bmy\s+)(?:move|moving|switch|switching"
    r"|transition|transitioning|pivot|pivoting)\s+(?:into|to))\b",
    r"(?<!your\s)(?<!\ba\s)(?<!the\s)\btalk\b",  # the verb, not "your talk"
)
# After these words comes the topic itself.
TOPIC_INTRODUCERS = frozenset(
    "about regarding into how what why which whether on discuss discussing explore exploring understand towards toward eyeing learn".split()
)
# "your profile on LinkedIn": "on" after these says where, not about what.
FOUND_ON = frozenset("profile page website site post posts feed platform list directory listing".split())
# An ask that points back at a move named earlier: "how you made that move", "what that switch took".
MOVE_ANAPHORA = r"\b(?:that|this|the|your)\s+(?:move|switch|transition|jump|leap|pivot|change)\b"
SUBJECT_PRONOUNS = frozenset("i you we he she they it".split())
# "in"/"to" introduce a topic only after these ("a career in law", "move to policy").
TOPIC_PREPOSITION_HEADS = frozenset(
    """retrain retraining train training requalify qualify specialise specialize interested interest career careers work working role roles job jobs transition move moving
    switch switching pivot pivoting start started future path""".split()
)
# Words that name no field, role or kind of work: "your career", "what you do",
# "your perspective" and function words.
VAGUE_WORDS = frozenset(
    """a an the of to in on at for from with by and or but as like that this these those it its
    is are was were be been being am have has had do does did done doing get got gets getting go went
    going gone make made making come came become became take took give gave find found start started
    starting end ended move moved moving approach approached build built think know look looks looked
    want would could can will should may might must need say said see help decide decided handle
    you your yours yourself you're you've you'd i i'm i've i'd me my we our us they their them he she
    his her who whom whose what how why which whether where when there here then than so such very
    really just also more most much many some any all each every own other same first next last few
    lot lots bit little general generally overall things thing stuff everything anything something good professionally far linkedin
    career careers path paths journey experience experiences background story stories perspective
    perspectives thoughts thought view views opinion opinions advice insight insights brain work job
    jobs life working together else world day days time times today week weeks month months year years sometime soon now it's what's that's there's guidance wisdom expertise knowledge tips
    field industry space area sector role roles company team firm organization business
    current currently way ways kind sort type success successful up out into through over about
    day-to-day day to like chat call conversation talk talking minutes minute quick brief short
    whenever suits suit convenient convenience possible free available
    pick learn hear share tell explain discuss hope love value welcome open willing
    phone telephone video zoom teams e-mail email coffee meeting meet hour hours morning mornings afternoon
    afternoons evening evenings weekend weekends lunch break ok okay fine alright
    monday tuesday wednesday thursday friday saturday sunday yesterday tomorrow tonight
    january february march april june july august september october november december""".split()
)

# --- Thank-you notes ------------------------------------------------------------------

# Words a thank-you uses without naming anything from the conversation: praise, feelings, plans in general.
# A sentence with CONCRETE_WORDS words outside these and VAGUE_WORDS names something ("the indicator tape
# in the autoclave changing colour").
GENERIC_NOTE_WORDS = frozenset(
    """able after again along already amazing keep i'll you'll we'll it's that's anyone appreciate appreciated appreciation approaches ask asking away back
    before best better big candid candor candour certainly chatting choice choices clarity clear clearer confidence
    confident contact conversations decision decisions definitely delighted different differently difficult
    direction directions dream dreams easy encouraged encouragement encouraging enjoy enjoyed enlightening
    especially ever exactly excited exciting experienced eye eye-opening eyes far fascinating feel feeling feels
    felt forward frank further future generous genuinely given giving glad goal goals goes good grateful gratitude
    great guidance happy hard helped helpful helping helps honest honesty honor honored honour honoured idea ideas
    importance important incredible incredibly informative inside insightful inspired inspiring interesting keep
    kindness knowing knowledge learned learning left less let letting loads long looking lovely mean means meant
    meantime message messages met mind minds motivated motivating motivation myself needed new nice once one opened
    opening openness option options outside particularly passion passionate people person picked plan planning plans
    pleased pleasure possibilities posted professional professionals put questions rare reach reaching real
    realistic reality reassured reassuring regards report right search searching sense shared sharing since
    sincerely small someone speak speaking spoke spoken standing stay step steps still super support supportive
    taking talked thank thanking thanks thoughtful thoughtfully tips together touch truly unable understand
    understanding useful valuable warm warmly well whole wisdom wonderful wondering world worth
    never often because rather sure fact words wanted write meaning moment moments takes knew
    listen listened listening answer answered answering sit down off trouble seem seems obvious deal goodbye stranger""".split()
)
CONCRETE_WORDS = 6
# Words in -ly that name things; every other -ly word is an adverb of manner ("spoke so openly"), never a specific.
LY_NOUNS = frozenset("family supply assembly anomaly monopoly rally ally jelly belly lily bully reply butterfly dragonfly firefly fly homily".split())

THANKS = (
    r"\bthank(?:s|ful|ing)?\b|\bthank\s+you\b|\bthx\b|\bthnx\b|\bthanx\b|\btysm\b",
    r"\bgrateful\b|\bgratitude\b|\bappreciat(?:e|ed|es|ing|ion|ive)\b",
    r"\bgracias\b|\bmerci\b|\bdanke\b",
    r"\bcheers\s+(?:heaps\s+|so\s+much\s+|a\s+lot\s+|a\s+million\s+|again\s+)?for\b",  # "Cheers heaps for letting me tag along"; not a bare "Cheers,"
)
# Conditional thanks is a request ("I'd appreciate it if you forwarded...").
CONDITIONAL_THANKS = (
    r"\b(?:would|'d|will)\s+(?:\w+\s+)?(?:appreciate|be\s+(?:so\s+|very\s+)?(?:grateful|thankful))\b",
    r"\b(?:grateful|thankful)\s+if\b|\bappreciate\s+it\s+if\b|\bno\s+thanks\b",
    r"\bthanks?\s+to\s+(?!you\b)\w+",  # "thanks to Dr. Ruiz" credits someone else
)

# A reference to something discussed; the words after it must name something.
_DISCUSSED = (
    r"advice|suggestion|tip|point|story|anecdote|example|comment|recommendation|idea|explanation|description"
    r"|account|warning|observation|framework|insight|lesson|reminder|question|trick|line|rule|quote|method|approach|bit|part"
    r"|honesty|candou?r|frankness|breakdown|take|perspective|thoughts|overview|summary|rundown"
)
SPECIFIC_REFERENCE = (
    rf"\b(?:your|the|that|this|[A-Z][\w.-]*(?:\s+[A-Z][\w-]*)?'s)\s+(?:[\w-]+\s+){{0,2}}?(?:{_DISCUSSED})s?\s+(?:to|that|about|on|of|for|regarding|when|how)\b",
    r"\b(?:what|something|everything|all)\s+you\s+(?:said|mentioned|told\s+me|shared|explained|described|suggested"
    r"|recommended|showed\s+me)\s+(?:about|regarding|on|when)\b",
    r"\b(?:talk(?:ing)?|speak(?:ing)?|chat(?:ting)?|conversation|call|discussion|meeting|visit|tour|session)"
    r"(?:\s+with\s+(?:me|you|us))?(?:\s+(?:today|yesterday|earlier|this\s+\w+|last\s+\w+|on\s+\w+day))?"
    r"\s+(?:about|on|regarding)\b",
    r"\bwalk(?:ing|ed)?\s+me\s+through\b",
    r"\b(?:show(?:ing|ed)?|t(?:aking|ook))\s+me\s+(?:around|round|through)\b",  # "showing me around the excavation"
    r"\b(?:hear(?:ing)?|learning|seeing|finding\s+out|discovering)\s+(?:how|why|what|that)\b",  # "hearing how your team records..."
    r"(?:\bI\s+|^\W*)(?:didn't|did\s+not|never)\s+(?:know|knew|realise|realised|realize|realized|expect|expected|think|thought)\b"
    r"|(?:\bI\s+|^\W*)(?:had|have)\s+no\s+idea\b",  # also "Didn't know the gear decides..."  # "I didn't know inspectors start on nights"
    r"\b(?:recommending|suggesting|mentioning|sharing|explaining|describing|introducing\s+me\s+to|pointing\s+me\s+to)\b",
    r"\b(?:meeting|seeing|visiting|touring)\s+(?:the|your)\b",
    r"\b(?:watching|seeing|hearing)\s+you\s+(?!speak\b|talk\b)\w+",
    r"\bthe\s+(?:[\w-]+\s+){1,3}?(?:tour|demo|demonstration|walk-?through|visit|walkaround)\b",
    r"\bI\s+(?:learned|learnt|realised|realized|discovered)\s+(?:that|how|about|a\s+lot\s+about)\b",
)
# References that need nothing after them: the thing is named before ("Jordan, as you suggested").
SELF_CONTAINED_REFERENCE = (
    r'"(?:[^"\s]+\s+){2,}[^"]+"',  # their words quoted back: "ship one tiny app, not three half-done ones"
    r"(?<![\w'])'(?:[^'\s]|(?<=\w)'(?=\w))+(?:\s+(?:[^'\s]|(?<=\w)'(?=\w))+){2,}'(?!\w)",  # or in single quotes: 'hold first, explain later'
    # what they did, told back: "you found the fault by listening", "the bit where you drilled it"
    r"\byou\s+(?:found|showed|drew|fixed|drilled|solved|spotted|caught|handled|pulled|opened|built|ran|used|traced|walked"
    r"|took|sketched|demonstrated|wrote)\s+(?!me\s+(?:around|through)\b)(?:\w+\s+){0,3}?(?:by|with|on|in|at|from|right|using)\b",
    r"\b(?:bit|part|moment)\s+(?:where|when)\s+you\b",
    r"\b(?:watching|seeing)\s+(?:the|your|how|a)\b",  # "Watching the blower door pull the house..."
    r"\btak(?:ing|e)\s+away\s*:",  # "Two things I'm taking away:" and a list
    r"\b(?:your|the|that|this)\s+(?:[\w-]+\s+){0,2}?(?:habits?|techniques?|analogy|metaphor|image|phrase|saying|motto|mantra"
    r"|principle|checklist|distinction)\b",
    r"\b(?:your|the|that)\s+(?:[\w-]+\s+)?\d[\d.,/%]*\s+(?:[\w/%-]+\s+){0,3}?(?:figure|number|rule|estimate|ratio|benchmark|target|threshold)\b",  # "your 1.6 grams per kilo figure"
    r"\b(?:as|like)\s+you\s+(?:suggested|recommended|advised|advise\s+me|mentioned|said)\b",
    r"\b(?:who|whom)\s+you\s+(?:kindly\s+|so\s+kindly\s+)?(?:suggested|recommended|mentioned|pointed\s+me\s+to|told\s+me\s+about|introduced\s+me\s+to)\b",  # "Revd Marden, whom you suggested I contact"
    r"\b(?:took|take|taking|followed|following|acted\s+on)\s+your\s+(?:\w+\s+)?(?:advice|suggestion|tip|recommendation)\b",
    # "the home lab you described", "the overtime logs you mentioned": a thing named, then pinned to them.
    r"\b(?:the|that|those|this|these)\s+(?:(?!(?:things?|stuff|information\w*|insights?|advice|experiences?|time|tips?)\b)[\w'-]+\s+){1,5}?"
    r"you\s+(?:mentioned|recommended|suggested|described|shared|sent"
    r"|showed\s+me|pointed\s+(?:me\s+to|out)|told\s+me\s+about)\b",
    r"\b(?:the|that)\s+(?:\w+\s+){0,2}?(?:book|article|podcast|course|person|contact|resource|site|website|newsletter|paper"
    r"|report|tool|event|group|conference)\s+you\s+(?:recommended|mentioned|suggested|shared|sent)\b",
)

# The writer says what they will do, have started doing, or how they will keep in touch.
NEXT_STEP = (
    r"\bI(?:'m|\s+am|'ll|\s+will)\b[^.!?]*\b(?:like|as)\s+you\s+(?:showed|suggested|said|recommended|advised)\b",  # "I'm practising it like you showed me"
    r"\bI(?:'ll|\s+will|\s+shall)\s+(?!never\b|always\b|miss\b|be\s+thinking\b|admit\b|treasure\b|cherish\b|remember\b(?!\s+to\b))",
    r"\bI(?:'m|\s+am|m)\s+(?:\w+\s+)?(?:(?:going|planning|hoping|aiming|starting)\s+to|gonna)\b",
    r"\bI\s+(?:\w+\s+)?(?:plan|intend|hope|aim)\s+to\b",
    r"\bwill\s+(?:update|tell|let\s+you\s+know|keep\s+you|send\s+you|write\s+to\s+you|report\s+back|share|email|ping|follow\s+up"
    r"|message|text|call|contact|drop\s+you)\b",
    r"\bI\s+(?:start|begin|enrol|enroll|sign\s+up|apply|move)\s+(?:the|a|an|my|on|in|at|for|next|this)\b",
    # not a relative clause: "Many people I have spoken to make the work sound glamorous"
    r"(?<!else\s)(?<!who\s)(?<!whom\s)(?<!people\s)(?<!everyone\s)(?<!anyone\s)(?<!someone\s)(?<!others\s)"
    r"\bI(?:'ve|\s+have|ve)\s+(?:already\s+|now\s+|just\s+|also\s+)?(?:started|begun|signed\s+up|downloaded|emailed|contacted"
    r"|reached\s+out|applied|joined|registered|enrolled|booked|scheduled|written|drafted|ordered|bought|messaged|set\s+up"
    r"|spoken|talked)\b",
    r"\bI\s+(?:already\s+|just\s+|also\s+)?(?:(?:spoke|talked)\s+(?:to|with)|signed\s+up|emailed|reached\s+out|joined|registered|enrolled"
    r"|booked|downloaded|contacted)\b",  # not "I talked about it the whole drive home"
    r"\b(?:keep|stay)\s+(?:you\s+)?(?:posted|updated|informed|in\s+touch|in\s+the\s+loop)\b",
    r"\bkeep\s+in\s+touch\b|\breport\s+back\b|\blet\s+you\s+know\s+how\b",
    r"\b(?:put|added|pencilled|penciled|marked|booked)\s+(?:\w+\s+){0,3}?(?:in|into|on)\s+my\s+(?:diary|calendar|planner)\b",
    r"^\W*(?:will|gonna|going\s+to|planning\s+to|plan\s+to|planning\s+on|hoping\s+to|hope\s+to|aiming\s+to)\s+\w+",
    # the subject dropped before a plan with a date: "Ordering the loupe you recommended today", "Reading X this week"
    r"^\W*(?:(?:also|and|then|now|already)\s+)?(?!(?:thank|meet|talk|speak|hear|see|watch|listen|chatt)ing\b)[A-Za-z][a-z]+ing\s+"
    r"(?:(?:in|on|for|into|with|up\s+for)\s+)?(?:the|a|an|my|that|this|those|some|your)\b"
    r"(?![^.!?]*\b(?:was|were|is|has\s+been)\b)[^.!?]*\b(?:today|tonight|tomorrow|this\s+(?:week|weekend|month|term|semester|summer"
    r"|spring|autumn|fall|winter|year)|next\s+(?:week|month|term|semester|year|spring|summer|autumn|fall|winter)|on\s+\w+day"
    rf"|in\s+{_MONTH})\b",
    # a plan already under way: "I'm starting the Python course on Monday", "I am now applying to..."
    r"(?<!think\s)(?<!sure\s)(?<!whether\s)(?<!if\s)\bI(?:'m|\s+am|m)\s+(?:now\s+|already\s+|also\s+|officially\s+)?"
    r"(?!(?:writing|thinking|wondering|feeling|reaching|contacting|sending|still|so|really|truly)\b)[a-z]+ing\s+"
    r"(?:the|a|an|my|your|to|on|for|with|up|in|into|at|this|next|two|three|it|through|over)\b",  # the subject dropped: "Will ping you when it's live!"
    r"\bsend\s+you\s+(?:an?\s+|my\s+|the\s+)?(?:[\w-]+\s+)?(?:update|note|write-?up|draft|summary|version)\b",
    r"\b(?:update|tell)\s+you\s+(?:on|how|when|about)\b",
    # what their advice set going: "has prompted me to enrol in the evening course"
    r"\b(?:prompted|inspired|encouraged|convinced|persuaded|pushed)\s+me\s+to\s+(?:enrol|enroll|sign\s+up|apply|register|join|start|book|enter|take|try"
    r"|contact|write|read|visit|volunteer)\b",
    r"\blook(?:ing)?\s+forward\s+to\s+(?:staying|keeping|seeing|updating|sharing|our\s+next)\b",
)

LATE_AFTER_DAYS = 2  # "2 days is on time, 3 is late"

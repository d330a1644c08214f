"""Word lists for the question classifiers, kept as data so they can be read and extended."""

from __future__ import annotations

# Clause openers that make a clause a question. Kept as plain words: the classifier
# looks only at a clause's first word (after fillers are stripped).
WH_WORDS = ("what", "what's", "whats", "how", "how's", "why", "who", "who's", "whom", "whose", "which", "where", "where's", "when")
AUXILIARIES = (
    "do",
    "does",
    "did",
    "is",
    "are",
    "was",
    "were",
    "am",
    "have",
    "has",
    "had",
    "can",
    "could",
    "would",
    "will",
    "should",
    "shall",
    "may",
    "might",
    "must",
    "don't",
    "doesn't",
    "didn't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "haven't",
    "hasn't",
    "can't",
    "couldn't",
    "wouldn't",
    "won't",
    "shouldn't",
)
# Words that open a clause without changing what kind of question follows.
FILLERS = (
    "and",
    "but",
    "or",
    "so",
    "okay",
    "ok",
    "oh",
    "well",
    "anyway",
    "also",
    "then",
    "now",
    "honestly",
    "actually",
    "alright",
    "right",
    "um",
    "uh",
    "hi",
    "hello",
    "hey",
    "yes",
    "yeah",
    "great",
    "cool",
    "sure",
    "last",
    "one",
    "more",
    "thing",
    "question",
    "just",
    "finally",
    "lastly",
    "second",
    "first",
    "plus",
)
# An interrogative "when"/"where" is followed by a verb; a subordinate one ("When you look
# at...") by a subject. Mid-sentence "which" asks only when a question order follows
# ("which path would you take"), not a relative verb ("which was hard").
WH_NEEDING_AUX = ("when", "where")
SUBJECTS = ("you", "i", "we", "they", "he", "she", "it", "people", "most", "someone", "one")

# Wh-questions whose answer is one word, one number or one date.
CLOSED_WH = (
    r"^how (many|much|long|old|often|big|large|far)\b",  # a number
    r"^(what|which) (year|month|day|date|time|percentage|percent|size|number|city|state|"
    r"country|school|college|university|degree|title)\b",
    r"^when (was|were|is|will)\b",  # a date
    r"^when did (?!you (realize|realise|know|decide|feel))",  # ...but not the story of a decision
    r"^where (is|are|was|were)\b.*\b(headquartered|based|located)\b",
    r"^where did you (go|study|train|grow up)\b",
    r"^who (owns|founded|started|runs|is the (ceo|owner|founder|president))\b",
    r"^what(?:'s| is) (the|your) name\b",
    r"^which\b.*\bor\b",  # "Which is better, A or B?"
    # "What's harder, the hours or the pay?": two short options closing the question
    r"^what\b.*[,:] ([\w'-]+ ){1,4}or( [\w'-]+){1,4}$",
)
# Yes/no in form, open in substance: polite requests for an explanation.
POLITE_OPEN = (
    r"^(could|can|would|will) you( please)? (walk|talk|take) me through\b",
    r"^(could|can|would|will) you( please)? (tell|teach) (me|us)\b",
    r"^(could|can|would|will) you( please)? (describe|explain|share|elaborate|expand|unpack|"
    r"outline|paint|say more|give me (a|an|some) (sense|idea|picture|overview|example))\b",
    r"^(could|can|would|will) you( please)? help me understand\b",
    r"^(do|would) you mind (telling|sharing|walking|describing|explaining|talking)\b",
    r"^(do|would|could) you have any (advice|tips|suggestions|thoughts|words of (advice|wisdom)|"
    r"lessons|recommendations on how|guidance)\b",
    r"^(is there|are there) (anything|any advice|any lessons)\b.*\b(wish|learned|learnt|advice)\b",
)
# Fragments and imperatives with no interrogative word that still ask for an explanation.
OPEN_FRAGMENTS = (
    r"^any (advice|tips|suggestions|thoughts|words of (advice|wisdom)|lessons)\b",
    r"^(tell|walk|talk|take) me (about|through|more)\b",
    r"^(describe|explain)\b",
    r"^i('m| am| was| have been)? ?(wondering|curious)\b.*\b(what|how|why)\b",
    r"^i('d| would) (love|like) (to (hear|know|learn)|you to (tell|walk|describe|explain))\b",
)

# Facts a company website or a quick search answers.
SEARCHABLE = (
    # what the organisation sells; "you" is excluded so "What products do you work on?" passes
    r"\bwhat (kinds? of |types? of )?(products|services|brands) (does|do) (?!you\b)",
    r"\bproduct (list|line|lineup|catalog|catalogue|portfolio)\b",
    r"\bwhat (does|do) (?!you\b|your team\b)[\w' &-]+ (actually |really |exactly )?(sell|make|manufacture|produce)\b(?! \w)",
    r"\bwhen did you (open|found|start|launch|establish|set up) (the|your|this) (shop|store|company|firm|business|restaurant|studio|practice|clinic|gallery)\b",
    r"\b(do|does) (you|your \w+|it) have (another|other|more|any other) (locations?|shops?|branches|stores|sites|offices)\b",  # "what does Lumenne actually sell"
    # size and head count
    r"\b(is|are) (the|your|its) (head office|headquarters|hq|main office) (still |now )?(in|based|located)\b"
    r"|\bwhere (is|are) (the|your|its) (head office|headquarters|hq|main office)\b",
    r"\bhow many (employees|staff|workers|beds|locations|offices|stores|shops|outlets|branches|clinics|hostels|hotels|"
    r"hospitals|sites|plants|factories|restaurants|people (work|are employed))\b",
    r"\bhow many (people|employees|staff|workers) (does|do) (?!you\b)[\w' &-]+ (employ|have|hire)\b",  # "How many people does Quillon employ?"
    r"\bhow (big|large) is (the|your|this) (company|firm|organi[sz]ation|business|hospital|"
    r"agency|institute|studio|practice|organi[sz]ation)\b",
    r"\b(head ?count|number of (employees|staff|beds))\b",
    r"\bhow much (capital|money|revenue|funding)\b.*\b(manage|raise|make|have|earn|bring)",
    r"\bassets under management\b|\baum\b",
    r"\bhow many (clients|customers|members|users|patients|students) (does|do) (the|your|this) "
    r"(company|firm|organi[sz]ation|business|hospital|agency|practice|school|studio)\b",
    r"\b(company's|firm's|organi[sz]ation's|its) (mission|mission statement|values)\b",
    r"\bwhere (are|r) (the|your|its) (offices|branches|sites|studios|locations)\b",  # "n where r ur offices?"
    r"\bwho(?:'s| is) (running|in charge of) the (whole )?(thing|show|company|organi[sz]ation|firm|trust|business|place|group)\b",
    r"\b(annual revenue|revenue last year|market cap\w*)\b|\bhow much (revenue|money) does\b",
    # founding, headquarters, ownership, listing
    r"\bwhen (was|were|did) (?!you\b|i\b|we\b).*\b(found|founded|established|incorporated|launched|created|open|opened|start|started|begin|began"
    r"|set up|formed)\b",
    r"\b(what|which) year (was|were|did) (?!you\b|i\b|we\b).*\b(found|founded|established|start|started|opened|"
    r"launched|incorporated|open|opened|begin|began)\b",
    r"\bhow old is (the|your|this) (company|firm|organi[sz]ation|business|hospital|institute)\b",
    r"\bfounding (year|date)\b|\bwho founded\b",
    r"\bheadquarter",
    r"\bwhere (is|are) (?!you\b)[\w' ]+ (based|located)\b",
    r"\b(office|branch|store) locations\b|\bhow many (cities|countries)\b",
    r"\bwhere are (the|your|its|their) (offices|branches|stores|locations)\b",
    r"\b(does|do) (the|your|this) (company|firm|organi[sz]ation|business|agency|group) have (any )?(offices|branches|stores|sites|locations"
    r"|hangars|depots|warehouses|plants|factories|clinics|studios)\b",
    r"\b(parent company|subsidiary of|who owns|owned by|owners?\b.*\b(company|firm))",
    r"\b(which|what) (company|firm|group|corporation|conglomerate) owns\b",
    r"\b(stock|ticker|share price|publicly traded|stock exchange|nasdaq|nyse|ipo)\b",
    r"\bis (the company|the firm|it|your company) (public|private|listed)\b",
    r"\bis (?!it\b|that\b|this\b)[\w&'-]+( [\w&'-]+)? (a )?(public|private|listed|publicly traded)( company| firm)?$",
    r"\bwhen (did|was) (the|your|this) (company|firm|organi[sz]ation|business|agency|group|hospital|studio|practice|clinic|fund|bank|trust"
    r"|charity|museum|school|brand|restaurant|shop|store|gallery|label|magazine|festival|centre|center|lab|board) "
    r"(start|begin|open|launch|found|set up)",
    r"\bhow long has (the|your|this) (company|firm|organi[sz]ation|business|agency|studio|practice) (been (around|in business|operating)|existed)\b",
    r"\bwho('s| is) (the )?(ceo|founder|owner|president|chair|chairman|managing director) of\b",
    r"\b(company's|firm's|organi[sz]ation's|its) (revenue|turnover|profits?|market share|head ?count)\b|\bwhat is the (revenue|turnover)\b",
    r"\bwhich (countries|cities|markets|regions|states) (does|do) (?!you\b)[\w&'-]+( [\w&'-]+)? (operate|work|sell|have offices)\b",
    r"\b(does|do) (?!you\b|i\b|we\b)[\w&'-]+ have (an?|any) (office|branch|store|site|location|clinic)s?\b",
    r"\b(is|was) (the|your|this) (company|firm|organi[sz]ation|business|agency|studio|lab|clinic) part of\b",
    r"\bwho (are|is) (your|the company's|its|the firm's) (main |biggest |top )?competitors?\b",
    # what it sells, said other ways: "what services Vennick offers", "does the company chiefly sell life cover?"
    r"\bwhat (kinds? of |types? of )?(products|services|brands) (?!you\b|we\b|i\b)[\w' &-]+ (offers?|sells?|provides?|makes?)\b",
    r"\b(does|do) (the|your|this) (company|firm|business|brand|agency|studio|group) (chiefly |mainly |mostly |only |just |primarily )?"
    r"(sell|make|offer|produce|manufacture|build)\b",
    r"\bdo you guys (only |just |mainly |mostly )?(make|sell|build|produce|offer)\b",  # "you guys": the company
    r"\bhow many [\w-]+ (do you guys have|have you guys got)\b",
    r"\bwhat (does|do) (?!you\b)[\w' &-]+ (hold|have|keep) in (its|their) (collections?|archives?|holdings)\b",
    # size: "How many researchers work there?", "how many insolvency professionals do you have in the firm?"
    r"\bhow many ([\w-]+ )?(people|staff|employees|workers|researchers|professionals|scientists|engineers|lawyers|accountants|analysts)"
    r" (actually |now |currently |roughly )?work (there|at (the|your|this)|for (the|your|this))\b",
    r"\bhow many ([\w-]+ ){1,2}(do|does) (you|your \w+) have (in|at) (the|your) (firm|company|organi[sz]ation|business|practice|office|agency|trust)\b",
    # head office and mission: "and hq's in montreal right?", "where is located the main office", "the museum's mission"
    r"\b(hq|head office|headquarters)('s| is| are) (still |now )?(in|based in|located in)\b",
    r"\bwhere (is|are) located (the|your|its) (main |head )?(office|offices|headquarters|hq)\b",
    r"\b(the|its) [\w-]+'s (mission|mission statement)\b",
    # who owns it: "who actually owns the firm", "still family-owned?", "part of the council or separate?", "are they franchises"
    r"\bwho (actually |really |now )?owns (the|your|this|it)\b",
    r"\b(is|are) [\w' &-]{1,40} (still )?(a )?family[- ](owned|run|firm|business|company)\b|\bstill family[- ](owned|run)\b",
    r"\b(is|are) (it|they|the [\w-]+( [\w-]+)?) part of (the |a )?[\w' -]+,? or (a )?(separate|independent)\b",
    r"^\W*(and |so )?(is|are) (?!you\b)[\w&' -]{1,40} (still|now) part of (the|a)\b",  # "Is Brindle & Oakes still part of the Calder group?"
    r"\b(belongs?|belonged) to (the )?(city|council|state|government|county|university|province|region|ministry|crown)\b"
    r"|\bor (is it|it is|is that) (a )?(private|public|independent|charitable) (foundation|company|firm|trust|charity|body)\b",
    # where it is: "where is Marlow and Finch's head office?", "is the main hub still at Dunmore?"
    r"\bwhere (is|are) [\w&' -]+'s (head office|headquarters|hq|main office|offices)\b",
    r"\b(is|are) (the|your|its) (main |head |central )?(hub|office|base|depot|headquarters) (still )?(at|in|based in)\b",
    r"\bdo you (sell|stock|carry|make) (your own |other |any )?(labels?|brands?|products|lines?)\b",  # "do you sell your own label?"
    r"\bhow much (money )?(does|do) (?!you\b)[\w&' -]+ manage\b",  # "how much does Kestrel Ridge manage?"
    r"\b(are|is) (they|it|the [\w-]+s?) (all )?(a )?franchis(e|es|ed)\b",
    # who pays for it and how many work there: "who actually funds it", "how many people are in the newsroom these days"
    r"\bwho (actually |really |mainly |mostly )?(funds|finances|bankrolls) (it|them|the|this)\b",
    r"\bhow many (people|staff|employees|journalists|reporters|lawyers|engineers) (are|work) (in|at) (the|your) (newsroom|company|firm|"
    r"organi[sz]ation|agency|charity|nonprofit|practice)\b|\bhow many (people )?(are )?on (the )?staff\b",
    r"\b(just|only) (the )?one (office|branch|site|location|shop|store|clinic)\b",  # "And you're just the one office, in Caldmoor?"
)

# "What does <the firm / Proper Name> (actually) do?": matched case-sensitively, because
# a capitalised name is what separates it from "What does a new analyst do?".
ORG_NOUNS = (
    r"(company|firm|organi[sz]ation|business|agency|institute|startup|hospital|studio|"
    r"practice|lab|foundation|nonprofit|brand|network|fund|department|office)"
)
_ORG_NAME = r"(the )?[A-Z][\w&'.-]*( (&|and|of|[A-Z][\w&'.-]*))*"  # "Carrow & Finch", "the Bank of Harwick"
WHAT_ORG_DOES = (
    r"\b[Ww]hat (exactly |actually )?(does|do) ((the|your|this|that|its) " + ORG_NOUNS + r"|" + _ORG_NAME + r")"
    r" (actually |really |exactly |even )?(do|sell|make|offer|produce|build|manufacture)"
    r"(,? exactly)?(\W*$|,? for (the|its|their) )"
)
# Facts about an organisation named by its capitalised name: "What does Carrow & Finch actually do?",
# "How many planes does Skyreach fly now?" (not "How many clients does a new auditor have?").
ORG_FACTS_BY_NAME = (
    WHAT_ORG_DOES,
    r"\b[Hh]ow many [\w-]+( [\w-]+)? (does|do|did) " + _ORG_NAME + r" (now |currently |still )?(have|fly|run|operate|own|employ)\b",
    # its line of business: "Does Fenwick Amara do only asylum and family cases, or business visas as well?"
    # (two capitalised words: a firm's name, not "Does Ana mostly do the hiring?")
    r"\b[Dd]oes (the )?[A-Z][\w&'.-]*( (&|and|of))? [A-Z][\w&'.-]*( (only|just|mainly|mostly|chiefly|primarily))? (do|handle|take on|offer|sell|make)"
    r" (only|just|mainly|mostly|chiefly|primarily)\b",
    r"\b[Ww]ho (actually |really |mainly )?funds " + _ORG_NAME,
)

# TIARA vocabularies. Each entry is a regex over the lower-cased question.
TRENDS = (  # how the field is changing
    # the field changing, not "you'd change" or "changing careers"
    r"\b(changing|changed|changes|evolving|evolved|shifting|shifted|shifts)\b(?! (careers?|jobs?|"
    r"fields?|roles?|teams?|companies|majors?|paths?|employers?|schools?))",
    r"\bchange (in|to|over|across)\b",
    r"\bwill\b(?! you\b).*\b(shape|affect|change|transform|impact|reshape|replace)\b",
    r"\b(has|have|did) .*\b(affected|impacted|shaped|reshaped|transformed)\b",
    r"\b(trends?|trending|future|outlook|direction|heading|headed)\b",
    r"\bwhere (is|are|'s) .* (going|heading|headed)\b|\bwhere's .* (going|heading|headed)\b",
    r"\bgetting (busier|bigger|smaller|harder|easier|more|less|worse|better|quieter|tougher|cheaper|pricier|scarcer)\b",
    r"\b(next|coming) (few|five|ten|couple of|\d+) years\b|\bin (five|ten|\d+) years\b",
    r"\b(moving|shifting) (back )?(toward|towards|away|to)\b",
    # "firms hiring generalists these days" is a trend; "the hardest part of your job these days" is Insights.
    r"(?<!job )(?<!work )(?<!role )(?<!week )\bthese days\b|\bnowadays\b|\bmore and more\b|\bsaturat",
    r"\bgetting (more|less|harder|easier|crowded|saturated|competitive)\b",
    r"\b(emerging|disrupt\w*|growing|growth|declin\w*|demand for)\b",
    r"\bwill (ai|automation|technology|tools?)\b|\b(ai|automation) (will|is going to)\b",
    r"\b(cutting|adding|losing|shedding|creating) ([\w-]+ )?(jobs|roles|staff|positions|posts)\b",  # "are craft breweries cutting QC jobs?"
)
INSIGHTS = (  # the professional's own experience of the work
    r"\b(typical|average|normal|usual) (day|week|shift|workday|morning)\b|\bday[- ]to[- ]day\b|\bday in the life\b",
    r"\b(culture|challeng\w*|hardest|toughest|difficult|frustrat\w*|rewarding|satisfying|"
    r"stressful|stress|burnout|burn out|work[- ]life|surpris\w*)\b",
    r"\bwish\b|\b(didn't|did not|never) expect|\b(than|what) you expected\b",
    r"\bhow did you (decide|choose|get|end up|become|know|handle|deal|make|learn|move|transition|"
    r"break|find|cope|adjust|manage|realize|figure)\b",
    r"\bhow do you (decide|choose|approach|handle|deal|balance|know|manage|stay|prioriti[sz]e|"
    r"measure|think about|judge)\b",
    r"\bwhat (made|led|drew|brought|got|attracted|motivated|inspired) you\b",
    r"\b(do|did) you (ever |still |really |always )?(like|enjoy|love|miss|regret|want|plan)\b",
    r"\bdid you (ever |really )?expect\b",  # "do you expect X to change" looks ahead: Trends
    r"\b(excit\w*|fun|proud|passionate|fulfill\w*|meaningful|happy|glad|satisf\w*)\b",
    r"\b(looks?|feels?) like\b|\bcareer paths?\b|\bis it (common|usual|normal|typical)\b",
    r"\b(skills?|tools?|software|methods?)\b.*\byou (use|rely on)\b",  # skills in use, not to build
    r"\byour (own )?(path|journey|story|route|transition|day|days|week|weeks)\b",
    r"\b(thrive|thrives|succeed|succeeds|successful|struggle|struggles|misconceptions?|myths?)\b",
    r"\b(favou?rite|best|worst|most) (part|thing|moment|about)\b",  # "the best part of..."
    r"\b(enjoy|regret)\w*\b",
    r"\bwhat(?:'s| is) it (really |actually )?like\b|\badjust",
    r"\bset (them|people|someone|you) apart\b|\bstand out\b.*\b(people|associates|hires|"
    r"engineers|colleagues|ones)\b|\b(do|did|done|doing) (really |especially )?well\b",
    r"\bwhat(?:'s| is| are) (a|an|the|your) ([\w-]+ ){0,3}like\b",  # "What's a typical callout like?"
    # their own work asked back as a statement: "You work mostly on locks?", "you do micro testing on every batch?"
    r"^\W*((so|and|ok|okay) )?you ((mostly|usually|still|also|often|normally|always) )?(work|use|do|spend|travel|deal|handle|test|run|see)\b",
    r"\bis it (mostly|a lot of|lots of|all|more|usually)\b",  # "Is it a lot of time outside?", "is it mostly lab or on the floor?"
    r"\b(best|worst|hardest|biggest|strangest|funniest|scariest) [^?]*\byou (ever|have ever|'ve ever)\b",  # "the worst batch you ever caught"
)
ADVICE = (  # what the student should do
    r"\badvi[cs]e\b|\btips?\b|\bmistakes?\b|\bpitfalls?\b",
    r"\bin my (shoes|position|place|situation)\b|\bif you were (me|my age|in my)\b",
    r"\bsomeone (like me|in my (position|situation|shoes))\b",
    r"\bif you were (starting|just starting|graduating|a student|a \w+ (again|today|now))\b",
    # "should I" asks for advice, unless it asks whom to talk to or what to read or look at (Resources)
    r"\b(should|could|can) i\b(?! (talk|speak|reach|contact|meet|connect|read|join|follow|"
    r"attend|listen|email|call|look|watch|check)\b)|\bshould someone\b",
    r"\bwhat would you (do|focus|change|prioriti[sz]e|study|learn)\b|\b(done|do) "
    r"(anything |things )?differently\b",
    r"\bwould you recommend (\w+ing|that i|i\b|me)\b",
    r"\bis it (realistic|possible|too late|worth it|worth|wise|smart|a good idea|feasible)\b",
    r"\b(skills?|experience|background|strengths?) .*\b(build|develop|need|focus|matter|"
    r"look for)\b",
    r"\bhow important (is|are)\b|\b(necessary|essential|required)\b|\bwhat do you look for\b",
    r"\bto prepare\b|\bbest way (to|for me)\b|\b(stronger|strong|better|competitive) "
    r"(candidate|application|applicant)\b",
)
# Resources and referrals: a seeking word near a resource noun, or a request for a contact.
RESOURCE_NOUNS = (
    r"(books?|podcasts?|newsletters?|blogs?|journals?|magazines?|publications?|websites?|"
    r"articles?|reading|courses?|classes|certifications?|conferences?|events?|meetups?|"
    r"associations?|organi[sz]ations?|groups?|societies|clubs?|communities|resources?|forums?|videos?|channels?|"
    r"case studies|textbooks?|guides?|tutorials?|workshops?|programs?|programmes?|sites?|guilds?|servers?|subreddits?|discords?|"
    r"exhibitions?|shows|fairs?|unions?|networks?|chapters?|providers?|certificates?|schemes?|bod(?:y|ies))"
)
PEOPLE_NOUNS = r"(people|persons?|contacts?|mentors?|names|programs?|fellowships?)"
SEEKING_VERBS = r"(recommend|suggest|point|follow|read|join|attend|subscribe|listen|check|look|see|visit|go)"
RESOURCES = (
    # "any/which/what/other ... books", within three words
    r"\b(any|which|what|other|good|favou?rite|are there|is there)\b( [\w,'-]+){0,3} " + RESOURCE_NOUNS + r"\b",
    # "books or people you'd recommend", "groups I should join"
    r"\b(" + RESOURCE_NOUNS + "|" + PEOPLE_NOUNS + r")\b( [\w,'-]+){0,6} (you'd|you would|"
    r"would you|do you|should i|i should|could i|i could|to) (be )?" + SEEKING_VERBS,
    r"\b(recommend|suggest|point me)\w*\b.*\b(" + RESOURCE_NOUNS + "|" + PEOPLE_NOUNS + r")\b",
    r"\b(should|could|can|would you recommend) i (read|follow|join|attend|listen|subscribe|"
    r"watch)\b",
    r"\bwhat (do|would|should|could) (you|i) (join|read|follow|listen to|subscribe to|watch)\b|\bstay (on top|current|up to "
    r"date)\b",
    r"\bwhere (can|could|should|do|would) (i|someone|a student|people) (find|read|learn|look|go)\b",  # "Where can I find case studies?"
    r"\bworth (joining|attending|reading|following|listening to|watching|checking out|visiting)\b",
    r"\b(that|which) (students|people|beginners|newcomers|i|someone) (can|could|should) (attend|join|read|follow|visit)\b",
)
REFERRAL = (
    r"\bwho else\b|\bwhom else\b|\banyone else\b|\bsomeone else\b|\banybody else\b",
    # where the field's people gather: "where do all you sfx people actually hang out?"
    r"\bwhere (do|does|would) ([\w-]+ ){0,4}?(people|folks|pros|professionals|\w+ers|\w+ists) ([\w-]+ )?(hang out|meet up|meet|gather|network)\b",
    r"\bcontact list\b|\bwhose names? (goes|go|should go|would go|comes?) (at the top|first)\b",
    # "anyone / other producers I should talk to"
    r"\b(anyone|someone|anybody|somebody|others?|people|persons?|contacts?|colleagues?|professionals?|experts?"
    r"|(?!(?:ever|never|over|under|after|other|either|neither|whether|rather|together|later|further|answer|paper)s?\b)"
    r"\w{2,}(?:ers?|ists?|ians?))\b.*"
    r"\b(i|me) (should |could |can |might |ought to )?(be )?(talk|speak|reach out|contact|connect|following|talking|speaking|"
    r"meet|learn from|follow|shadow|ping|message|email|write to|call)\b",
    r"\b(introduce me|put me in touch|connect me)\b",
    r"\bwhose\b[\w' ,-]*\b((should|could|might) i|i (should|could|might|ought to))\b",  # "Whose work should I be looking at?"
    # "my friend told me about the Snow Observers' course, is it worth it?"
    r"\b(course|book|program|programme|certificat\w*|workshop|conference|group|association|newsletter|podcast|society|guild)\b.*\b(is|are) (it|they|that|those) worth\b",
    r"\bwho (should|could|can|would|might|do you think)\b.*\b(talk|speak|reach|contact|meet|"
    r"connect|email|call)\b",
    r"\b(refer|point|direct|send) me to (someone|anyone|a colleague|people|others?|your colleague)\b",
    r"\b(contacts?|e-?mail|details|number) (of|for) (one of )?your (colleagues?|friends?|team|coworkers?)\b",
    r"\b(may|can|could|should) i (contact|e-?mail|reach out to|write to|message|call) (dr|mr|mrs|ms|prof|professor|your|her|him|them|[a-z]+,)\b",  # leave to contact someone
    r"\bmention your name\b|\bintroduc\w* me to\b",
    r"\brecommend (me )?(some |any |an? )?(other |another )[\w-]+( [\w-]+)? (to|i could|i can|i should|who)\b",  # "recommend me some other orthodontist to ask"
    r"\b(contact|email|reach out to|write to|talk to|speak (to|with)) your (colleague|coworker|co-worker|manager|friend|team ?mate)\b",
    r"\b(people|others|anyone|someone) (else )?i should be (reaching out to|talking to|contacting|speaking (to|with))\b",
    # "do u know anyone in city planning who might chat with me?", "could you recommend someone..."
    r"\b(know|recommend|suggest|think of) (of )?(anyone|someone|anybody|somebody|other people|others|a (colleague|person|contact|friend))\b",
    r"\bwho (might|could|would|may) (be (willing|happy|open) to )?(chat|talk|speak|meet) (with|to) me\b",
)
ASSIGNMENTS = (  # the work a newcomer does, or a project to try
    r"\b(projects?|tasks?|assignments?|caseload|deliverables?|exercises?)\b",
    r"\b(new|junior|entry[- ]level|first[- ]year|incoming|starting) [\w-]+( [\w-]+)?\b.*"
    r"\b(do|work on|working on|spend|handle|take on|handed|responsible)\b",
    r"\b(first|early) (job|role|tasks?|months?|weeks?|year|days?)\b.*\b(do|doing|work|spend|handle)\b|"
    r"(?<!how )(?<!what )(?<!why )(?<!when )\b(do|doing|work|spend|handle)\b.*\b(first|early) (months?|weeks?|year|days?)\b",  # not "How do you...?"
    r"\bbe (good|useful|decent|the right|a good) (practice|experience|preparation|prep)\b",  # "Would helping with the nippers be good practice?"
    r"\bstart(ed)? out (doing|with)\b|\bwhen you (first )?started out\b",  # "did you start out in recruiting?" is their path
    r"\b(first|earliest) (things?|jobs?|tasks?|work) you (did|had|were given|worked on)\b",
    r"\b(try|test|practi[cs]e) (it |this |that )?(out|myself|on (my|their|your) own)\b",
    r"\bon (my|their|your) own\b|\btest (whether|if|my fit|fit)\b|\bget (hands-on|some) "
    r"experience\b",
    r"\bspend (their|your|most of their|most of your) (time|days|first)\b",
)

# A question about the professional's own work ("Do you make the devices yourself?", "Is your team mostly remote?"):
# Insights when it touches no other area.
ABOUT_THEIR_WORK = (r"\b(do|did|does|are|were|have|had|is|was) (you|your)\b",)

# The job-ask and request vocabularies live in lexicon.py (JOB_ASK, JOB_ASK_IN_REQUEST, REQUEST_OPENERS):
# one vocabulary for messages, transcripts and the interview's deflection.

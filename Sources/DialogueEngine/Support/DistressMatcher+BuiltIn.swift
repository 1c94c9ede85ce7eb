extension DistressMatcher {
    /// The words used when `check-in.yaml` is missing or has errors: a short list of the commonest
    /// ways people say it, so a broken file never leaves people unheard. The full list is in
    /// `dialogues/check-in.yaml`.
    public static let builtIn = DistressMatcher(rules: Rules(
        words: [
            Rules.Group(name: "self", items: ["myself", "my self", "meself", "himself", "herself", "themselves", "themself", "yourself"]),
            Rules.Group(name: "want", items: ["want to", "wanna", "wants to", "wish i could", "going to", "gonna", "ready to", "need to", "would like to", "plan to", "thinking of", "thinking about"]),
            Rules.Group(name: "cant", items: ["cant", "cannot", "can not", "couldnt"]),
            Rules.Group(name: "drugs", items: ["(tablets|pills|meds|medication|paracetamol|painkillers|insulin|antidepressants)"]),
        ],
        signals: [
            "(kill|kills|killing|killed|hurt|hurting|harm|harming|cut|cutting|burn|burning|hang|hanging|hanged|drown|starve|punish|strangle|shoot|stab|top|off|unalive) <self>",
            "(kms|kys|ctb|unalive|unaliving|sewer slide)",
            "(suicidal|suicidality)",
            "(commit|committing|attempted|attempt|tried) suicide",
            "suicide (attempt|attempts|plan|plans|note|thoughts|urges)",
            "<want> (die|be dead|not be alive|not be here|not exist|disappear|end it|end it all|sleep forever)",
            "(end|ending|take|taking|took) (my|his|her|their) (own)? life",
            "(end|ending|ended) (it|it all|everything|things)",
            "(wish|wished) (i|i was|i were|i had) (dead|was dead|were dead|never been born|never born|not alive|wasnt alive|wasnt here|could die)",
            "(better|happier) (off)? (dead|without me|without him|without her|without them)",
            "<cant> (go on|carry on|keep going|cope|take it|do this) (anymore|any more|any longer)?",
            "(dont|do not|never) (want|wanna) (to)? (wake up|be alive|be here|exist|live|go on|carry on)",
            "(no|not any) (reason|point) (to|in|of)? (live|living|going on|carrying on|being alive|being here)",
            "(not|isnt|is not) worth living",
            "(a|such a|just a) burden",
            "self (harm|harms|harming|harmed|injury|injuring)",
            "(took|take|taking|taken|had) (an|a) (overdose|od)",
            "(overdosed|overdosing|oding)",
            "(take|took|taking|swallow|swallowed) (all|a load of|loads of|lots of|many|a lot of) (my|the)? <drugs>",
            "(stockpiling|stockpiled|saving up|hoarding|stashing) (my|his|her)? <drugs>",
            "(jump|jumping|throw myself) (off|from|in front of|under) (a|the)? (bridge|building|roof|cliff|car park|train|bus|lorry|car|traffic)",
            "(noose|ligature)",
            "slit (my|his|her)? (wrist|wrists|throat)",
            "(lladd|ladd) (fy|ei|eu) (hun|hunan|hunain)",
            "(eisiau|isio|moyn|barod i) (marw|farw)",
            "(brifo|frifo|niweidio|torri|dorri) (fy|ei) (hun|hunan)",
            "(dim|does dim) (pwynt|rheswm) (byw|i fyw)",
            // said outright, so a frame below ("kill myself at work") cannot hold it
            "<want> (kill|hurt|harm|cut|starve) <self>",
        ],
        harmFromOthers: [
            "(he|she|they|hes|shes|theyre|partner|husband|wife|boyfriend|girlfriend|ex|dad|mum|mam|stepdad|stepmum) (is|keeps|has been|always)? (hits|hitting|beats|beating|hurts|hurting|kicks|kicking|punches|punching|chokes|choking|abuses|abusing|rapes|raped|raping|hit|beat|hurt|kick|punch|choke|abuse|rape) (me|us|him|her|them|the kids|the children|(my|our|his|her|their) (son|daughter|child|kid|kids|children|mum|dad|sister|brother))",
            "(threaten|threatens|threatened|threatening) to (kill|hurt|hit|stab|beat|harm) (me|us)",
            "(scared|afraid|frightened|terrified) (to go|of going|to be|of being) (back)? (home|at home)",
            "(im|i am|i feel|i)? (not|dont feel|do not feel|never feel) safe (at home|in my home|in my own home|in the house|around him|around her|with him|with her)",
        ],
        fearOfHarming: [
            "(scared|afraid|frightened|terrified|worried) (that)? (i|ill|i will|i might|i could|im going to|id) (might|could|will)? (hurt|harm|hit|shake|smother|kill) (my|the|our) (baby|babies|child|children|kids|kid|son|daughter|partner|mum|dad)",
            "(thoughts|urges|images) of (hurting|harming|killing|smothering) (my|the|our) (baby|babies|child|children|kids|son|daughter)",
        ],
        eatingDrinkDrugs: [
            "(havent|have not|hasnt|has not|not) (eaten|eaten anything|had anything to eat) (in|for) (days|a week|weeks|two days|three days|four days|five days)",
            "(make|makes|making|made) (myself|herself|himself) sick after (eating|meals|every meal|food|i eat|she eats|he eats)",
            "(started|starting|start) (drinking|using) again",
            "(relapsed|relapse) (on)? (the)? (drink|booze|gear|heroin|crack|coke|drugs|alcohol)",
            "(cant|cannot) (get through|get thru|face) (the day|a day|the morning|work|a shift) without (a drink|drinking|a line|using|a hit)",
        ],
        topics: ["suicid*", "suicide", "overdose", "self harm", "hunanladdiad", "hunan niweidio", "hunanladdol"],
        context: [
            "(training|course|module|lecture|workshop|prevention|awareness|policy|rate|rates|statistics|research|leaflet|leaflets|film|documentary|book|podcast|article|charity|campaign|hyfforddiant|atal|ymwybyddiaeth)",
        ],
        harmless: [
            "(kill|killing|killed) (myself|himself|herself) (laughing|at the gym|at work|working)",
            "(hurt|cut|burn|burnt|burned) (myself|himself|herself) (shaving|cooking|chopping|playing|lifting|on the|on a|by accident|at the gym)",
            "(accidentally|by accident) (hurt|cut|burnt|burned) (myself|himself|herself)",
            "(died|death) (by|from|of) (suicide|an overdose|overdose)",
            "(lost|losing) ... to suicide",
            "(took|taken) (his|her|their) (own)? life",
            "(killed|hanged) (himself|herself|themselves)",
            "(dont|do not|never) (want|wanna) to die",
            "(end|ending) (it|things) (with|there|here|for today)",
            "(dont|do not) want to be here (at|in) (this|the|work|my)",
            "<cant> go on (holiday|the|a)",
            "(he|she|they|hes|shes|theyre|partner|husband|wife|boyfriend|girlfriend|ex|dad|mum|mam|stepdad|stepmum) (hit|hits) (me|us) up",
        ],
        someoneElse: [
            "(he|she|they|hes|shes|theyre|him|them|his|her|their|himself|herself|themselves|wants|says|keeps)",
            "(son|daughter|child|kid|mum|mam|mom|dad|brother|sister|partner|husband|wife|boyfriend|girlfriend|friend|mate|client|patient|mab|merch|mam|nhad|brawd|chwaer|ffrind)",
        ],
        me: ["(i|im|ive|id|ill|me|my|myself|dw|dwi|dwin|rwy|rwyn|fi|fy)"]))
}

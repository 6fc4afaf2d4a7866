"""Per move: phrases that must be recognised and phrases that must not (proselint style)."""

import pytest

from simulator.language.library import builtin_library
from simulator.language.moves import MOVE_IDS, MoveClassifier, MoveHit

DOCUMENTED_IDS = [
    "begroeting",
    "stelt_zich_voor",
    "vraagt_naam",
    "open_vraag",
    "gesloten_vraag",
    "samenvatting",
    "controlevraag",
    "empathie",
    "excuses",
    "onderbreking",
    "terug_naar_vraag",
    "voorstel",
    "vraagt_gegevens",
    "aankondiging",
    "uitzoeken",
    "doorverbinden",
    "terugbellen",
    "email_aanbod",
    "verwijzen",
    "akkoord_check",
    "proefafsluiting",
    "bedanken",
    "goede_wens",
    "luistersignaal",
]

LIBRARY = builtin_library()
EXAMPLES = [(m, e) for m, spec in LIBRARY.moves.items() for e in spec.examples]
COUNTER = [(m, e) for m, spec in LIBRARY.moves.items() for e in spec.counter_examples]


@pytest.fixture(scope="module")
def classifier():
    return MoveClassifier(vocabulary=["Bakker", "De Vries", "Jansen"], model=False)


def moves_of(classifier, text):
    return {hit.move for hit in classifier.classify(text)}


def test_move_ids_are_the_documented_ones():
    assert list(MOVE_IDS) == DOCUMENTED_IDS


@pytest.mark.parametrize("move", DOCUMENTED_IDS)
def test_every_move_has_description_examples_and_counter_examples(move):
    spec = LIBRARY.moves[move]
    assert spec.description
    assert len(spec.examples) >= 10
    assert len(spec.counter_examples) >= 3
    assert spec.patterns


@pytest.mark.parametrize(("move", "text"), EXAMPLES)
def test_example_is_recognised_by_a_pattern(classifier, move, text):
    hits = {hit.move: hit.method for hit in classifier.classify(text)}
    assert hits.get(move) == "patroon", hits


@pytest.mark.parametrize(("move", "text"), COUNTER)
def test_counter_example_is_not_recognised(classifier, move, text):
    assert move not in moves_of(classifier, text)


TRAPS = [
    ("wat een gedoe voor u", {"empathie"}, {"open_vraag"}),
    ("komt u maar langs", set(), {"gesloten_vraag"}),
    ("ik kan me niet voorstellen dat het zo ging", set(), {"empathie", "voorstel"}),
    ("en u bent?", {"vraagt_naam"}, set()),
    ("ik kan me goed indenken dat u boos bent", {"empathie"}, {"voorstel"}),
    ("ik laat het u voor donderdag weten", {"uitzoeken", "terugbellen"}, set()),
    ("Ik help u waar mogelijk.", set(), {"open_vraag"}),
    ("sorry dat ik u onderbreek", {"onderbreking"}, {"excuses"}),
    ("Oké.", {"luistersignaal"}, set()),
    ("Oké, dan maak ik een melding.", set(), {"luistersignaal"}),
]


@pytest.mark.parametrize(("text", "present", "absent"), TRAPS)
def test_known_traps(classifier, text, present, absent):
    found = moves_of(classifier, text)
    assert present <= found
    assert not (absent & found)


SLIPS = [
    ("goede morgen gemeente zaanstad", "begroeting"),
    ("goedemorgen gemeente zaanstad", "begroeting"),
    ("kan ik u nog ergens anders mee dienst zijn", "proefafsluiting"),
    ("kan ik u nog ergens mee van dienst zijn", "proefafsluiting"),
    ("ik ga het voor u uit zoeken", "uitzoeken"),
    ("u word terug gebelt", "terugbellen"),
    ("mag ik u even onder breken", "onderbreking"),
    ("ik verbind u door met de afdeling belastingen", "doorverbinden"),
    ("heb ik dat goed begrepe", "controlevraag"),
]


GARBAGE = ["de kat zit op de mat", "blauw groen geel", "zeventien", "", "...", "het weer is mooi"]


def test_evidence_is_quoted_from_the_original_text(classifier):
    text = "Goedemorgen, gemeente Zaanstad! Kan ik u nog ergens anders mee van dienst zijn?"
    hits = classifier.classify(text)
    assert hits and all(isinstance(h, MoveHit) for h in hits)
    for hit in hits:
        assert hit.evidence and hit.evidence in text
        assert hit.method in {"patroon", "voorbeeld", "model"}
        assert 0 < hit.score <= 1
    assert [h.move for h in hits][:2] == ["begroeting", "stelt_zich_voor"]


def test_several_moves_in_one_utterance(classifier):
    text = "Als ik u goed begrijp, is de container niet geleegd. Klopt dat? Wat vervelend voor u."
    assert {"samenvatting", "controlevraag", "empathie"} <= moves_of(classifier, text)


def test_scenario_moves_are_added():
    classifier = MoveClassifier(
        extra=[
            ("noemt_melding", ["ik maak een melding", "melding ... doorgezet"]),
            ("empathie", ["ach gossie"]),
        ],
        model=False,
    )
    assert "noemt_melding" in moves_of(classifier, "Ik maak een melding voor u.")
    assert "noemt_melding" in moves_of(classifier, "de melding is vandaag doorgezet")
    assert "noemt_melding" not in moves_of(classifier, "de container is geleegd")
    assert "empathie" in moves_of(classifier, "ach gossie")


def test_classification_is_deterministic(classifier):
    text = "Een moment, ik zoek het even voor u op. Dank u wel voor uw geduld."
    assert classifier.classify(text) == classifier.classify(text)
    assert classifier.classify(text) == MoveClassifier(model=False).classify(text)


@pytest.mark.parametrize(
    "text",
    [
        "Als ik je goed begrijp, stopt je contract over twee weken. Klopt dat?",
        "Als ik jou goed begrijp wil je een uitkering.",
        "Begrijp ik je goed dat je geen werk hebt?",
    ],
)
def test_summary_in_informal_address_is_still_a_summary(classifier, text):
    assert "samenvatting" in moves_of(classifier, text)


MORE_SLIPS = [
    ("hebik dat goed begrepen", "controlevraag"),  # two words run together
    ("wat is uwgeboortedatum", "vraagt_gegevens"),
    ("heeftu de brief nog", "gesloten_vraag"),
    ("k luister", "luistersignaal"),  # a clitic as heard
    ("wat is u achternaam", "vraagt_naam"),  # "u" for "uw"
    ("waar woont uw", "vraagt_gegevens"),  # "uw" for "u"
    ("dat begreip ik", "empathie"),  # "ei" for "ij"
    ("mijn voor stel is dat we morgen een nieuwe container brengen", "voorstel"),
    ("goede morge gemeente zaanstad", "begroeting"),  # the final -n swallowed
]


# The slip repair must not invent moves.
REPAIRED_NO_MOVE = [
    "De container staat nog steeds vol aan de straat.",  # a statement, not the question
    "Het kopieerapparaat is kapot.",
    "dagen geleden",  # no "dag en" greeting
    "Mijn collega heeft u gisteren verbonden met de balie.",
]


# Past tense, negation, reported speech and someone else's move: words of a move, no move.
NOT_THE_MOVE = [
    ("Volgens het systeem bent u vanochtend al teruggebeld.", "terugbellen"),
    ("Niemand heeft u daarna nog teruggebeld.", "terugbellen"),
    ("Ik had u toen al doorverbonden met Wonen.", "doorverbinden"),
    ("Het klopt dat de kosten omhoog zijn gegaan.", "controlevraag"),
    ("U hoeft zich daar niet voor te verontschuldigen.", "excuses"),
    ("excuus dat ik u even onderbreek", "excuses"),
    ("U krijgt de beschikking binnen acht weken van ons.", "terugbellen"),
    ("Zijn voorstel heb ik doorgegeven.", "voorstel"),
    ("Het voorstel van de wijkraad ligt bij de wethouder.", "voorstel"),
    ("Ik begrijp niet helemaal wat u bedoelt.", "open_vraag"),
    ("Gaat u rustig verder.", "gesloten_vraag"),
    ("Dan pak ik uw gegevens er even bij.", "vraagt_gegevens"),
    ("Mag ik uw klacht per e-mail ontvangen?", "vraagt_gegevens"),
    ("U mag me gerust onderbreken.", "onderbreking"),
    ("Heb ik het zo goed samengevat?", "samenvatting"),
]


def test_a_summary_statement_is_no_closed_question(classifier):
    found = moves_of(classifier, "Als ik u goed begrijp, is de pas nog niet bezorgd.")
    assert "samenvatting" in found and "gesloten_vraag" not in found


SWALLOWED_AND_SWAPPED = [
    ("kan k u nog ergens mee helpen", "proefafsluiting"),  # "k u" is no spelled "ku"
    ("wat is u postcode", "vraagt_gegevens"),  # data fields on the repaired text
    ("mag ik uwhuisnummer", "vraagt_gegevens"),
    ("daarvoor moet uw bij het waterschap zijn", "verwijzen"),  # "uw" before "bij" is "u"
    ("dat ga ik even na gaan", "uitzoeken"),
    ("goedemiddag metsanne van de gemeente", "stelt_zich_voor"),
]


# Error kinds of the round on heldout4: each checked on sentences of its own.
KINDS_NO_MOVE = [
    # a noun or compound made from a move word
    ("De excuusbrief is gisteren verstuurd.", "excuses"),
    ("Het bedankje van de directeur is al weg.", "bedanken"),
    ("De wachtrij is vandaag erg lang.", "aankondiging"),
    ("Het terugbelnummer staat op de website.", "terugbellen"),
    # someone else's words reported
    ("Mijn collega zei dat hij u morgen zou terugbellen.", "terugbellen"),
    ("De buurman vertelde dat de gemeente excuses had aangeboden.", "excuses"),
    ("Uw zoon zei dat hij u zou doorverbinden met de school.", "doorverbinden"),
    ("Ze hebben u gezegd dat u ons een mail moest sturen.", "email_aanbod"),
    # "succes" and "een fijne dag" as things, not wishes
    ("De wijkavond was een groot succes.", "goede_wens"),
    ("Het succes van de proef is nog niet bekend.", "goede_wens"),
    ("Het was een mooie dag voor de opening.", "goede_wens"),
    # a statement with the verb before its subject is no question
    ("Voor de vergunning heeft u een tekening nodig.", "gesloten_vraag"),
    ("Morgenmiddag komt de monteur langs.", "gesloten_vraag"),
    ("Als de container vol is, belt u ons.", "gesloten_vraag"),
    ("Bij de Belastingdienst is het nu erg druk.", "gesloten_vraag"),
    # information about an organisation is no referral
    ("De Belastingdienst heeft de toeslag al uitbetaald.", "verwijzen"),
    # the caller is the one who calls or contacts
    ("Voor uw kinderbijslag neemt u contact op met de SVB.", "terugbellen"),
    ("Dan belt u ons maar terug.", "terugbellen"),
    # a clause closed by ";" is no question; sending to an address is not asking for it
    ("Bij twijfel kunt u de politie bellen; die is er dag en nacht.", "gesloten_vraag"),
    ("Zal ik de folder naar uw huisadres sturen?", "vraagt_gegevens"),
    # a question word that ends one sentence does not open the next one
    ("U wilt weten hoe. Heb ik dat goed?", "open_vraag"),
    # a noun made from a move verb
    ("Het doorverbinden gaat via de centrale.", "doorverbinden"),
    # "is dat goed zo?" asks for agreement, not whether the trainee understood
    ("U krijgt de pas thuisgestuurd; is dat goed zo?", "controlevraag"),
]


KINDS_MOVE = [
    ("Voor de zorgtoeslag kunt u het beste de Dienst Toeslagen bellen.", "verwijzen"),
    ("Die boete loopt via het Centraal Justitieel Incassobureau.", "verwijzen"),
    ("Daar gaat de Sociale Verzekeringsbank over.", "verwijzen"),
    ("U moet zich daarvoor wenden tot het waterschap.", "verwijzen"),
    ("Dit is Joost van het klantcontactcentrum.", "stelt_zich_voor"),
    ("Kort gezegd wacht u nog op de beschikking.", "samenvatting"),
    ("Met andere woorden: u heeft de brief nooit gekregen.", "samenvatting"),
    ("Kunt u zich daar wel een beetje in vinden?", "akkoord_check"),
    ("Wilt u heel even aan de lijn blijven?", "aankondiging"),
    ("Hoe reageerde de buurman?", "open_vraag"),  # any verb after a question word and "?"
    ("mach ik uw naam", "vraagt_naam"),  # "ch" heard for "g"
    ("wat en gedoe voor u", "empathie"),  # "en" heard for "een"
    # phrasings of the weak moves of heldout5, in other words than its sentences
    ("Gemeente Ede, Marloes aan de lijn.", "stelt_zich_voor"),
    ("Ik ben Said van het Jongerenloket van de gemeente Breda.", "stelt_zich_voor"),
    ("Ik begrijp hieruit dat de pas nog niet binnen is.", "samenvatting"),
    ("Waar gaat het u eigenlijk om?", "terug_naar_vraag"),
    ("Laten we ons eerst richten op de aanslag.", "terug_naar_vraag"),
    ("Ik kom even terug op uw eigenlijke vraag.", "terug_naar_vraag"),
    ("Kan ik u daar even stoppen?", "onderbreking"),
    ("Wilt u zo vriendelijk zijn om even te wachten?", "aankondiging"),
    ("Ik loop even naar mijn teamleider.", "aankondiging"),
    ("De afdeling Belastingen zoekt het voor u uit.", "uitzoeken"),
    ("Meneer de Boer belt u morgenochtend terug.", "terugbellen"),
    ("De wijkcoach belt u donderdag.", "terugbellen"),
    ("Ik regel dat een collega van Vergunningen u vandaag nog belt.", "terugbellen"),
    ("Daarvoor kunt u terecht bij het Juridisch Loket.", "verwijzen"),
    ("Voor een lekkende kraan belt u het beste met uw verhuurder.", "verwijzen"),
    ("Ik zou daarvoor naar uw huisarts gaan.", "verwijzen"),
    ("Een nieuwe toeslag vraagt u bij de Belastingdienst aan.", "verwijzen"),
    ("Zijn er verder nog punten?", "proefafsluiting"),
    ("Ik zet het zo in de agenda; is dat goed zo?", "akkoord_check"),
    ("Zal ik uw aanvraag alvast klaarzetten?", "voorstel"),
    ("Het liefst heb ik dat u de bonnen per mail stuurt.", "email_aanbod"),
]


def test_the_own_promise_after_reported_words_counts(classifier):
    text = "Mijn collega zei dat ze u zou terugbellen, maar ik bel u nu zelf terug."
    assert "terugbellen" in moves_of(classifier, text)


class _AlwaysSays:
    """A stand-in for the learned model that is sure of one move and of no other."""

    add_at, veto_below = 0.6, 0.1

    def __init__(self, move: str) -> None:
        self.move = move

    def probabilities(self, text):
        return {m: 0.99 if m == self.move else 0.5 for m in MOVE_IDS}

    def best_of(self, texts):
        return self.probabilities(texts[0])


@pytest.mark.parametrize(
    ("text", "move", "kept"),
    [
        ("de afdeling heeft u gisteren teruggebeld zie ik", "terugbellen", False),
        ("Mijn collega zei dat ze u zou terugbellen.", "terugbellen", False),
        ("U hoeft zich daar niet voor te verontschuldigen.", "excuses", False),
        ("Hoeveel mensen wonen er op het adres? En wie?", "vraagt_gegevens", False),
        ("Ik regel dat iemand contact zoekt met u.", "terugbellen", True),
        # A one-sentence question no rule knows: the model's move replaces the fallback.
        ("Hoeveel mensen wonen er op het adres?", "vraagt_gegevens", True),
        ("Mag ik u verzoeken de stukken digitaal aan te leveren?", "email_aanbod", True),
    ],
)
def test_guards_apply_to_the_model_path(text, move, kept):
    classifier = MoveClassifier(model=False, second_opinion=_AlwaysSays(move))
    hits = {h.move: h.method for h in classifier.classify(text)}
    assert (hits.get(move) == "model") is kept
    if kept:
        assert not {"open_vraag", "gesloten_vraag"} & set(hits)


def test_the_model_drops_a_rule_hit_it_finds_very_unlikely():
    class Doubts(_AlwaysSays):
        def probabilities(self, text):
            return {m: 0.01 if m == self.move else 0.5 for m in MOVE_IDS}

    text = "Ik bel u morgen terug."
    assert "terugbellen" in moves_of(MoveClassifier(model=False), text)
    doubting = MoveClassifier(model=False, second_opinion=Doubts("terugbellen"))
    assert "terugbellen" not in moves_of(doubting, text)


# A question with the core of another move's question is that move, not a closed question about
# the caller's matter (vraagkern): phrasings of the round on heldout6, in other words.
QUESTION_CORE = [
    ("Kunt u uw voor- en achternaam spellen?", "vraagt_naam"),
    ("Ik heb uw naam niet goed verstaan, kunt u die herhalen?", "vraagt_naam"),
    ("Mag ik uw hele naam even hebben?", "vraagt_naam"),
    ("Zou u uw achternaam nog een keer willen zeggen?", "vraagt_naam"),
    ("Wilt u uw voornaam nog even noemen?", "vraagt_naam"),
    ("Is dit een haalbare oplossing voor u?", "akkoord_check"),
    ("Bent u het hier mee eens?", "akkoord_check"),
    ("Is alles zo naar uw zin?", "akkoord_check"),
    ("Kunt u met deze afspraak leven?", "akkoord_check"),
    ("Past die datum u?", "akkoord_check"),
    ("Heb ik uw verhaal zo goed begrepen?", "controlevraag"),
    ("Heb ik het allemaal juist genoteerd?", "controlevraag"),
    ("Begrijp ik de situatie zo goed?", "controlevraag"),
    ("Heb ik de feiten nu goed op een rijtje?", "controlevraag"),
    ("Zie ik het zo juist?", "controlevraag"),
    ("Zijn er nog andere punten die ik voor u kan uitzoeken?", "proefafsluiting"),
    ("Heeft u daarnaast nog vragen?", "proefafsluiting"),
    ("Kan ik u daarnaast nog ergens mee helpen?", "proefafsluiting"),
    ("Zijn er verder nog zaken?", "proefafsluiting"),
    ("Had u verder nog iets?", "proefafsluiting"),
    ("Wilt u dat ik een afspraak voor u inplan?", "voorstel"),
    ("Is het een idee om het formulier samen in te vullen?", "voorstel"),
    ("Kan ik alvast een nieuwe pas voor u aanvragen?", "voorstel"),
    ("Zou het een optie zijn om de buitendienst te sturen?", "voorstel"),
    ("Mag ik u vragen de foto's per mail te sturen?", "email_aanbod"),
    ("Zou ik u mogen vragen het via het contactformulier te sturen?", "email_aanbod"),
]


@pytest.mark.parametrize(("text", "move"), QUESTION_CORE)
def test_a_question_with_another_moves_core_is_that_move(classifier, text, move):
    found = moves_of(classifier, text)
    assert move in found and "gesloten_vraag" not in found, found


# A move's keyword alone does not make a question that move.
KEYWORD_ONLY = [
    ("Heeft u de e-mail van de afdeling al gelezen?", "email_aanbod"),
    ("Staat de vergunning op naam van uw vader?", "vraagt_naam"),
    ("Heeft u het voorstel van de wijkraad gelezen?", "voorstel"),
    ("Is de lantaarnpaal weer in orde?", "akkoord_check"),
    ("Heeft u nog iets gehoord van de afdeling?", "proefafsluiting"),
]


@pytest.mark.parametrize(("text", "move"), KEYWORD_ONLY)
def test_a_closed_question_with_a_keyword_stays_a_closed_question(classifier, text, move):
    found = moves_of(classifier, text)
    assert "gesloten_vraag" in found and move not in found, found


# Offering a transfer or a call-back is that move only, not also a proposal.
@pytest.mark.parametrize(
    ("text", "move"),
    [
        ("Zal ik u laten terugbellen door de wijkcoach?", "terugbellen"),
        ("Als u dat wilt, kan ik u doorverbinden met Burgerzaken.", "doorverbinden"),
        ("Wilt u dat ik u doorverbind met de afdeling Parkeren?", "doorverbinden"),
    ],
)
def test_an_offer_to_transfer_or_call_back_is_no_proposal(classifier, text, move):
    found = moves_of(classifier, text)
    assert move in found and "voorstel" not in found, found


# The weak moves of heldout6, each in five other phrasings than its sentences.
HELDOUT6_KINDS = [
    ("Om bij uw vraag te blijven: het ging om de parkeervergunning.", "terug_naar_vraag"),
    ("Laten we het even over uw aanvraag hebben.", "terug_naar_vraag"),
    ("Ik pak de draad weer op bij de container.", "terug_naar_vraag"),
    ("Waar ik u vandaag mee kan helpen, is uw adreswijziging.", "terug_naar_vraag"),
    ("Dat laten we even rusten; het ging om uw parkeervergunning.", "terug_naar_vraag"),
    ("We waren gebleven bij uw vraag over de pas.", "terug_naar_vraag"),
    ("Ik kom er even tussen, meneer.", "onderbreking"),
    ("Mag ik daar kort op inhaken?", "onderbreking"),
    ("Ik haak daar even op in.", "onderbreking"),
    ("Mag ik er heel even tussenkomen?", "onderbreking"),
    ("Mag ik hier iets tussendoor vragen?", "onderbreking"),
    ("U hoort me eventjes niet, ik zoek uw gegevens op.", "aankondiging"),
    ("Ik ben nog even aan het zoeken.", "aankondiging"),
    ("Ik ben uw aanvraag aan het opzoeken.", "aankondiging"),
    ("Excuses voor de stilte, het systeem is traag.", "aankondiging"),
    ("Ik ben de gegevens aan het ophalen.", "aankondiging"),
    ("Ik ga even na wat er met uw aanvraag is gebeurd.", "uitzoeken"),
    ("We zoeken uit hoe het zit.", "uitzoeken"),
    ("Ik zoek uit of u recht heeft op bijstand.", "uitzoeken"),
    ("Dan laten we het u morgen weten.", "uitzoeken"),
    ("Zodra het bekend is, laat ik het u weten.", "terugbellen"),
    ("Ik zou u het volgende willen aanraden: maak eerst een afspraak.", "voorstel"),
    ("Ik wil u vragen uw bezwaar per mail te sturen.", "email_aanbod"),
    ("Ik geef u even ons mailadres, dan kunt u het daarheen sturen.", "email_aanbod"),
    ("Is dat een haalbare afspraak voor u?", "akkoord_check"),
    ("Op welk rekeningnummer mogen we het geld storten?", "vraagt_gegevens"),
]


HELDOUT6_LOOK_ALIKES = [
    ("Dat is een goede vraag.", "uitzoeken"),  # praise alone promises nothing
    ("U laat het ons maar weten.", "uitzoeken"),
    ("Daar hadden we het gisteren al over.", "terug_naar_vraag"),
]


# Second group of the heldout6 round: general frames, each in other words than the data.
HELDOUT6_FRAMES = [
    ("U geeft dus aan dat de brief nooit is aangekomen.", "samenvatting"),
    ("Je geeft eigenlijk aan dat je geen bericht hebt gehad.", "samenvatting"),
    ("U zult wel geschrokken zijn.", "empathie"),
    ("U moet erg ongerust zijn geweest.", "empathie"),
    ("Goed dat u het bij ons meldt.", "bedanken"),
    ("Fijn dat u dit aan mij doorgeeft.", "bedanken"),
    ("Ik vraag hem u morgen te bellen.", "terugbellen"),
    ("Ik zal de afdeling vragen u terug te bellen.", "terugbellen"),
    ("Ik zoek het op en bel u vanmiddag terug.", "terugbellen"),
    ("Ik kan voor u een afspraak inplannen.", "voorstel"),
    ("We kunnen een nieuwe pas voor u aanvragen.", "voorstel"),
    ("Kunt u zich vinden in deze afspraak?", "akkoord_check"),
    ("Kunt u zich in dit voorstel vinden?", "akkoord_check"),
    ("Daarover kan het UWV u meer vertellen.", "verwijzen"),
    ("Die aanslag wordt afgehandeld door de Belastingdienst.", "verwijzen"),
    ("Het buurtteam bij u in de wijk kan u daarbij ondersteunen.", "verwijzen"),
    ("Met die pijn gaat u het beste eerst naar de huisarts.", "verwijzen"),
    ("De akte laat u opmaken door een notaris.", "verwijzen"),
    ("hep ik dat goed begrepen", "controlevraag"),
]


HELDOUT6_FRAME_LOOK_ALIKES = [
    ("Mijn collega kan u precies uitleggen hoe het werkt.", "open_vraag"),
    ("De afdeling zal u vertellen wanneer de pas klaar is.", "open_vraag"),
    ("Er komt een korte onderbreking in de watertoevoer.", "onderbreking"),
    ("Na de onderbreking gaat de inzameling gewoon door.", "onderbreking"),
    ("U heeft lang in de wacht gestaan, dat spijt me.", "aankondiging"),
    ("U stond tien minuten in de wacht.", "aankondiging"),
    ("U bent destijds door de huisarts naar het wijkteam verwezen.", "verwijzen"),
    ("Dat kon ik toen niet voor u regelen.", "voorstel"),
]


@pytest.mark.parametrize(
    "text", ["Heeft u verder nog iets? Nee? Dan wens ik u een fijne dag.", "Oké?"]
)
def test_an_interjection_with_a_question_mark_is_no_closed_question(classifier, text):
    assert "gesloten_vraag" not in moves_of(classifier, text)


# Closed questions about the matter that only look like another move's question.
@pytest.mark.parametrize(
    "text",
    [
        "Staat uw naam op het huurcontract?",
        "Is er nog iets veranderd aan de situatie?",
        "Was dat een goede oplossing van de aannemer?",
        "Heeft u nog vragen gesteld aan de buurman?",
        "Heeft u daarnaast nog een uitkering?",
    ],
)
def test_a_closed_question_about_the_matter_stays_one(classifier, text):
    assert moves_of(classifier, text) == {"gesloten_vraag"}


HELDOUT6_LAST_PROBE = [
    ("Ik wil even inhaken op wat u zegt.", "onderbreking"),
    ("Ik moet hier even tussenkomen.", "onderbreking"),
    ("Ik kom nog even terug op waar we mee begonnen.", "terug_naar_vraag"),
    ("Laten we terug naar wat u eerst vroeg.", "terug_naar_vraag"),
    ("Wat dacht u ervan als ik een afspraak inplan?", "voorstel"),
    ("Wat zou u ervan vinden als de buitendienst morgen komt?", "voorstel"),
    ("Ik ben er zo weer.", "aankondiging"),
    ("Ik ga na bij de afdeling of dat kan.", "uitzoeken"),
    ("We gaan na met het team wanneer de container komt.", "uitzoeken"),
]


# The error kinds of heldout7, each in other words than its sentences (round of 2026-12-02).
HELDOUT7_KINDS = [
    ("Ik regel dat de consulent u morgen na de lunch nog belt.", "terugbellen"),
    ("Ik zorg dat de wijkbeheerder u deze week even belt.", "terugbellen"),
    ("Ik vraag het na en geef het antwoord aan u door.", "terugbellen"),
    ("Ik zet het door en dan krijgt u bericht van de afdeling.", "terugbellen"),
    ("Ik kijk het na, en dan hoort u van ons.", "terugbellen"),
    ("Ik geef u nu even door aan de afdeling Belastingen.", "doorverbinden"),
    ("Dan geef ik u direct door aan het Wmo-loket.", "doorverbinden"),
    ("Heel veel sukses met de verhuizing.", "goede_wens"),
    ("Als ik u goed volg, wacht u al drie weken op de pas.", "samenvatting"),
    ("Oftewel, de aanslag is twee keer afgeschreven.", "samenvatting"),
    ("Anders gezegd: u wilt de vergunning opzeggen.", "samenvatting"),
    ("Dat komt er eigenlijk op neer dat de container te laat kwam.", "samenvatting"),
    ("Ik heb dan genoteerd: Dorpsstraat 4, de lantaarnpaal bij de kerk.", "samenvatting"),
    ("Is dit een correcte weergave van uw verhaal?", "controlevraag"),
    ("Geeft dat goed weer wat er gebeurd is?", "controlevraag"),
    ("Heb ik verder nog iets van uw verhaal gemist?", "controlevraag"),
    ("Excuseer me dat ik u even onderbreek.", "onderbreking"),
    ("Mag ik hier even iets over zeggen?", "onderbreking"),
    ("Dan kom ik nog even terug op uw vraag over de pas.", "terug_naar_vraag"),
    ("We komen nu terug bij de aanslag van uw moeder.", "terug_naar_vraag"),
    ("Zou het u helpen als ik het formulier alvast mail?", "voorstel"),
    ("Is het handig als we samen het formulier invullen?", "voorstel"),
    ("Kan ik even met u meekijken op het scherm?", "voorstel"),
    ("Wat zou u ervan zeggen als een collega bij u langskomt?", "voorstel"),
    ("Ik zou zeggen: belt u eerst de verhuurder, dan kijken we verder.", "voorstel"),
    ("Eerlijk gezegd weet ik dat niet, dat zoek ik voor u uit.", "uitzoeken"),
    ("Ik ga het natrekken bij de afdeling Vergunningen.", "uitzoeken"),
    ("Ik ga dat bespreken met mijn teamleider.", "uitzoeken"),
    ("Die vraag leggen we voor aan de jurist.", "uitzoeken"),
    ("Ik ben nog even aan het typen.", "aankondiging"),
    ("Ik ben uw dossier aan het doorzoeken.", "aankondiging"),
    ("Bij direct gevaar belt u meteen de politie.", "verwijzen"),
    ("Daarvoor moet u naar de Dienst Uitvoering Onderwijs.", "verwijzen"),
    ("Het waterschap is verantwoordelijk voor die sloot.", "verwijzen"),
    ("Die dijk is van het waterschap, dus daar kunt u de melding doen.", "verwijzen"),
    ("Voldoet dat dan aan uw verwachting?", "akkoord_check"),
    ("Heb ik u daarmee goed kunnen helpen?", "akkoord_check"),
    ("Is er nog iets waarmee ik u van dienst kan zijn?", "proefafsluiting"),
    ("Kan ik nog iets anders voor u nakijken?", "proefafsluiting"),
]


# Look-alikes of those kinds: thanks for data, someone else's data, a relative clause, a trial
# close, checking with a colleague, an interruption.
HELDOUT7_LOOK_ALIKES = [
    ("Bedankt voor het noemen van uw postcode.", "vraagt_gegevens"),
    ("Heeft u het kenteken van die bestelbus genoteerd?", "vraagt_gegevens"),
    ("Is dat wat u bedoelde met wat u vertelde?", "open_vraag"),
    ("Ik heb de collega al verteld wat er aan de hand is.", "open_vraag"),
    ("Wat betreft de container: die komt morgen.", "open_vraag"),
    ("Kan ik nog iets anders voor u uitzoeken?", "uitzoeken"),
    ("Ik ga het nakijken met mijn collega van Burgerzaken.", "aankondiging"),
    ("Excuseer dat ik u in de rede val.", "excuses"),
    ("Wat vindt u ervan als ik de brief naar uw postadres stuur?", "vraagt_gegevens"),
]


# A transfer declined, a measure, a department of the municipality, a referral not needed.
HELDOUT7_NEGATIVES = [
    "Doorverbinden hoeft niet, dat regel ik zelf.",
    "De sterkte van het signaal is te laag.",
    "Dat hoort bij de afdeling Vergunningen.",
    "Dat hoeft u niet bij de Belastingdienst te melden.",
    "Dat valt onder het team Openbare Ruimte.",
]


HELDOUT7_EMBEDDING_FRAMES = [
    ("Gemeente Zwolle, Sanne hier.", "stelt_zich_voor"),
    ("goedemorgen gemeente breda karim hier", "stelt_zich_voor"),
    ("Stuurt u de foto's van de schade maar per mail naar ons door.", "email_aanbod"),
    ("Dan verzoek ik u het bezwaar per e-mail in te dienen.", "email_aanbod"),
    ("Wat was de eerste vraag ook alweer, mevrouw?", "terug_naar_vraag"),
    ("Om niet af te dwalen: het ging om uw huurtoeslag.", "terug_naar_vraag"),
    ("Geeft u mij een momentje, dan zoek ik het op.", "aankondiging"),
    ("Ik leg de telefoon even neer, ik ben zo terug.", "aankondiging"),
]


HELDOUT7_FRAME_LOOK_ALIKES = [
    "Het is hier heel druk vandaag.",
    "U moet niet afdwalen van het pad, zei de boswachter.",
]


# Rounds on heldout8 to heldout16 (2026-12-02): frames in the tuner's own words, not the
# held-out sentences.
LATER_ROUND_KINDS = [
    ("Daar ga ik voor u achteraan.", "uitzoeken"),
    ("Ik ga voor u informeren hoe het zit.", "uitzoeken"),
    ("Ik neem het mee naar de afdeling en zoek uit of dat vergoed wordt.", "uitzoeken"),
    ("Ik heb nog uw telefoonnummer nodig.", "vraagt_gegevens"),
    ("Welk huisnummer was het ook weer?", "vraagt_gegevens"),
    ("Is uw e-mailadres nog steeds jansen@ziggo.nl?", "vraagt_gegevens"),
    ("Heb ik het bij het rechte eind?", "controlevraag"),
    ("Zit ik zo in de goede richting?", "controlevraag"),
    ("Kunnen we het zo afspreken?", "akkoord_check"),
    ("Ik bel u aan het eind van de middag terug, is dat goed?", "akkoord_check"),
    ("Ik bel u aan het eind van de middag terug, is dat goed?", "terugbellen"),
    ("Ik zorg ervoor dat de taxateur u nog deze week terugbelt.", "terugbellen"),
    ("Zet u het maar op de mail, dan kijkt mijn collega ernaar.", "email_aanbod"),
    ("Misschien is het een idee om een bezoekersvergunning aan te vragen.", "voorstel"),
    ("Zal ik kijken of er nog een plek vrij is?", "voorstel"),
    ("Voor storingen aan het stroomnet moet u bij Enexis zijn.", "verwijzen"),
    ("Heeft u nog vragen over de container of iets anders?", "proefafsluiting"),
    ("We dwalen een beetje af, dus terug naar uw paspoort.", "terug_naar_vraag"),
    ("Als u even aan de lijn blijft, zoek ik het voor u op.", "aankondiging"),
    ("Fijn dat u even belt over die lamp.", "bedanken"),
    ("wat vervelen voor u", "empathie"),
    # Round on heldout16.
    ("Is het goed dat de monteur donderdag langskomt?", "akkoord_check"),
    ("Is dat voor u haalbaar?", "akkoord_check"),
    ("gaat u er mee akkoord dat we de afspraak verzetten", "akkoord_check"),
    ("ik zet u op de lijst is dat akkord", "akkoord_check"),
    ("zorgt u zelf voor de aanvraag", "gesloten_vraag"),
]


LATER_ROUND_LOOK_ALIKES = [
    ("Klopt, dat heeft u goed begrepen.", "controlevraag"),
    ("Dat klopt, het grofvuil wordt op woensdag opgehaald.", "controlevraag"),
    ("Uw gegevens worden vertrouwelijk behandeld.", "vraagt_gegevens"),
    ("Het adres van het stadskantoor is Stationsplein 1.", "vraagt_gegevens"),
    ("De post komt nog op het oude adres, zegt u.", "vraagt_gegevens"),
    ("Een ogenblik geleden kwam uw formulier binnen.", "aankondiging"),
    ("Ik zet u even door naar een collega van Parkeren.", "aankondiging"),
    ("Wilt u even wachten? Ik vraag het na bij een collega.", "uitzoeken"),
    ("Mijn excuses, ik had u moeten terugbellen en dat is niet gebeurd.", "terugbellen"),
    ("De wethouder wenste iedereen veel succes met het nieuwe systeem.", "goede_wens"),
    ("U zei net dat de lamp al een week kapot is.", "samenvatting"),
    ("Uw postcode is 1506 AB, klopt dat?", "controlevraag"),
    ("Kan ik verder nog iets voor u regelen?", "voorstel"),
    ("Is de vereniging ingeschreven bij de Kamer van Koophandel?", "verwijzen"),
    ("Het is goed dat u het meteen meldt.", "akkoord_check"),
    ("Dat plan is haalbaar, zegt de aannemer.", "akkoord_check"),
    ("Daar kunnen we u bij helpen.", "verwijzen"),
]


def test_a_check_question_after_a_summary_stays_one(classifier):
    """The repaired text has no punctuation; a data hit there must not reach the next sentence
    and swallow its check question."""
    text = "Als ik u goed begrijp, wilt u uw nieuwe adres doorgeven. Klopt dat?"
    assert {"samenvatting", "controlevraag"} <= moves_of(classifier, text)


SPLIT_WORDS = [
    ("heeft u verder nog vra gen", "proefafsluiting"),
    ("nog een fijne a vond", "goede_wens"),
    ("heeft u het zaak nummer bij de hand", "vraagt_gegevens"),
    ("mag ik even in haken", "onderbreking"),
]


# Every list above of (sentence, move): the move must be found, or, for the look-alikes, not.
FOUND = [
    *SLIPS,
    *MORE_SLIPS,
    *SWALLOWED_AND_SWAPPED,
    *KINDS_MOVE,
    *HELDOUT6_KINDS,
    *HELDOUT6_FRAMES,
    *HELDOUT7_KINDS,
    *LATER_ROUND_KINDS,
    *HELDOUT6_LAST_PROBE,
    *HELDOUT7_EMBEDDING_FRAMES,
    *SPLIT_WORDS,
]
NOT_FOUND = [
    *NOT_THE_MOVE,
    *KINDS_NO_MOVE,
    *HELDOUT7_LOOK_ALIKES,
    *LATER_ROUND_LOOK_ALIKES,
    *HELDOUT6_LOOK_ALIKES,
    *HELDOUT6_FRAME_LOOK_ALIKES,
]


@pytest.mark.parametrize(("text", "move"), FOUND)
def test_the_move_is_found(classifier, text, move):
    assert move in moves_of(classifier, text)


@pytest.mark.parametrize(("text", "move"), NOT_FOUND)
def test_the_look_alike_is_not_that_move(classifier, text, move):
    assert move not in moves_of(classifier, text)


# Sentences without any move: garbage, the library's own list, and look-alikes of every round.
NO_MOVE = [
    *GARBAGE,
    *REPAIRED_NO_MOVE,
    *LIBRARY.no_move,
    *HELDOUT7_NEGATIVES,
    *HELDOUT7_FRAME_LOOK_ALIKES,
]


@pytest.mark.parametrize("text", NO_MOVE)
def test_a_sentence_without_a_move_gets_none(classifier, text):
    assert moves_of(classifier, text) == set()

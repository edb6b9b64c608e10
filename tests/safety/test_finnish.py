"""Finnish crisis phrasings and everyday messages that share their words."""

import time

import pytest

from bot.safety import CrisisMatch, detect_crisis

# (message as a parent might write it, expected category)
CRISIS = [
    ("mies lyö minua", "violence"),
    ("puoliso uhkaa tappaa", "violence"),
    ("lapsi ei hengitä", "medical"),
    ("vauva on sininen eikä herää", "medical"),
    ("haluan kuolla", "suicide"),
    ("en jaksa elää", "suicide"),
    ("aion tappaa itseni", "suicide"),
    ("itsemurha", "suicide"),
    ("lapsi nieli pesuainetta", "medical"),
    ("kouristelee", "medical"),
    ("tajuton", "medical"),
    ("verta tulee paljon", "medical"),
    ("isä hakkaa äitiä", "violence"),
    ("pelkään että hän satuttaa lapsia", "violence"),
    ("perheväkivalta", "violence"),
    ("joku yrittää murtautua", "danger"),
    ("talo palaa", "danger"),
    ("Missä on HyPe? mies lyö minua", "violence"),
    ("mieheni lyo mua", "violence"),
    ("exä uhkailee et tappaa mut", "violence"),
    ("isa hakkas aitia eilen ja nyt taas", "violence"),
    ("lapsi ei hengita kunnolla apua", "medical"),
    ("vauvan huulet on siniset", "medical"),
    ("haluisin vaan kuolla pois", "suicide"),
    ("en jaksa enaa elaa", "suicide"),
    ("tapan itteni", "suicide"),
    ("mietin itsemurhaa", "suicide"),
    ("ittemurha käy mielessä", "suicide"),
    ("teini viiltelee", "suicide"),
    ("taapero joi tiskiainetta", "medical"),
    ("lapsi söi kaikki mummon lääkkeet", "medical"),
    ("poika sai kuumekouristuksen", "medical"),
    ("lapsi on tajuttomana lattialla", "medical"),
    ("isä menetti tajunnan", "medical"),
    ("verenvuoto ei lopu", "medical"),
    ("meillä on perheväkivaltaa", "violence"),
    ("mies kuristi minua", "violence"),
    ("puoliso raiskasi minut", "violence"),
    ("isäpuoli käyttää tyttöä hyväksi", "violence"),
    ("asunto on tulessa!!", "danger"),
    ("tulipalo keittiössä", "danger"),
    ("lapsi on kadonnut", "danger"),
    ("poika karkasi kaupassa eikä löydy", "danger"),
    ("en uskalla mennä kotiin", "danger"),
    ("mieheni uhkaa minua veitsellä", "violence"),
    ("vauva tukehtuu", "medical"),
    ("lapsi ei saa henkeä", "medical"),
    ("sain taas turpaan", "violence"),
    ("mun äiti juo ja lyö", "violence"),
    ("haluun tappaa itteni", "suicide"),
    ("ei oo mitään järkeä elää", "suicide"),
    ("lapsi pyörtyi", "medical"),
    ("HUOM!!! mies hakkaa mua 😭😭", "violence"),
    ("myrkytys", "medical"),
    ("poika löi päänsä ja on tajuton", "medical"),
    ("lapsi putosi parvekkeelta", "medical"),
    ("vuotaa paljon verta synnytyksen jälkeen", "medical"),
    ("onko laukaassa perheneuvolaa? isä lyö minua joka päivä", "violence"),
    ("mieheni sanoo että tappaa meidät kaikki", "violence"),
    ("puoliso uhkaa ampua", "violence"),
    ("vauvaa on ravisteltu", "violence"),
    ("joku hakkaa ovea ja yrittää tulla sisään", "danger"),
    ("en ole turvassa kotona", "danger"),
    ("pala jäi kurkkuun", "medical"),
    ("lapsi nielaisi nappipariston", "medical"),
    ("poika on ottanut liikaa lääkkeitä", "medical"),
    ("kaikki olisi parempi ilman minua", "suicide"),
    ("satutan itseäni", "suicide"),
    ("pelkään miestäni", "violence"),
    ("lapsi melkein hukkui uimahallissa", "medical"),
    ("vauva ei herää", "medical"),
    ("mikä on hätänumero", "danger"),
    ("minua pelottaa olla kotona", "danger"),
    ("Exä vainoaa minua", "violence"),
    ("vauva ei reagoi mihinkään", "medical"),
    ("tyttäreni on viillellyt itseään", "suicide"),
    ("haluaisin vain nukahtaa enkä herätä koskaan", "suicide"),
    ("joku seuraa minua kotiin", "danger"),
    ("vauva on harmaa ja veltto", "medical"),
    ("puoliso uhkailee minua", "violence"),
    ("mieheni uhkaa minua", "violence"),
    ("isäpuoli koskettelee lasta", "violence"),
    ("mies pakottaa seksiin", "violence"),
    ("lapsi löi päänsä ja oksentaa", "medical"),
    ("pelastakaa", "danger"),
    ("mies raivoaa ja rikkoo tavaroita, pelkään", "violence"),
    ("haluun pois tästä maailmasta", "suicide"),
    ("olis helpompi jos en olis olemassa", "suicide"),
    ("VAUVA EI HENGITÄ", "medical"),
    # Decisions documented in bot/safety.py:
    ("itsemurhien ehkäisy", "suicide"),
    ("mies ei enää lyö minua mutta pelottaa", "violence"),
    ("teini lyö minua", "violence"),
    ("Hei, kysyisin avoimesta päiväkodista. Mutta mies uhkaili tappaa minut eilen.", "violence"),
]

NOT_CRISIS = [
    "kuolettavan tylsää",
    "tapan aikaa odottaessa",
    "lapsi hengittää normaalisti",
    "missä on perheneuvola",
    # Decision: informational or professional use of a crisis word is not a crisis.
    "väkivallan ehkäisyn koulutus",
    "onko perheväkivallan ehkäisyyn koulutusta Lahdessa?",
    "väkivaltaiset pelit ja lapset",
    "tulipaloharjoitus päiväkodissa",
    "elvytyskurssi vanhemmille",
    "onks laukaas perheneuvolaa",
    "kuka on Päijät-Hämeen muutosagentti",
    "mikä on Hanna Hämäläisen puhelinnumero",
    "missä on avoin päiväkoti Äänekoskella",
    "mitä HyPe tarjoaa",
    "milloin LAPE alkoi",
    "paljonko rahoitusta Keski-Suomi sai",
    "vauva kuolaa paljon",
    "lapsen lempiväri on sininen",
    "lapsi piirsi sinisen talon",
    "olin kuolla nauruun",
    "nauroin itseni kuoliaaksi",
    "kello lyö kaksitoista",
    "lyödään vetoa että sataa",
    "kunta loi uuden palvelun",
    "lapsi potkii palloa pihalla",
    "lapset tappelevat keskenään",
    "hyvä tapa aloittaa päivä",
    "en tajua mitä perhekeskus tarkoittaa",
    "en jaksa enää valvoa öisin, mistä apua",
    "vauva ei herää syömään yöllä",
    "lapsi ei herää aamuisin kouluun",
    "mikä pesuaine sopii vauvan vaatteille",
    "puhelin soi koko ajan",
    "ei hätää, kysyn vain aukioloaikoja",
    "mies palaa kotiin huomenna",
    "keittiössä palaa valo",
    "lapseni lyö muita lapsia päiväkodissa",
    "isä hakkaa puita mökillä",
    "hakkeroitiinko sivusto",
    "mummo kuoli viime vuonna, miten puhun lapselle",
    "haluan puhua lapselle kuolemasta",
    "meillä on kova kiire, tää tappaa mut",
    "hoitoaine tappaa täit lapsen päästä",
    "voiko joku tulla sisään ilman ajanvarausta",
    "lapsi on karanteenissa",
    "vauvani uni on kadonnut",
    "olen polttanut itseni loppuun",
    "asiat tapahtuvat itsestään",
    "annoin lapselle kalaöljyä",
    "odotan ja otan foolihappoa",
    "lapsen nenä vuotaa paljon",
    "lapsella on paljon lääkkeitä astmaan",
    "imetys ja rintakipu",
    "lapsi pelkää pimeää",
    "hukun töihin",
    "hyppää auton kyytiin",
    "lapsi sai paristot leluun",
    "miten käyttää hyväksi kohtaamispaikan tiloja",
    "mikä on ilmastonmuutoksen uhka lapsille",
    "Lapsi lyö minua kun suuttuu, hän on 3v",
    "Lapsi potkii minua uhmassa",
    "lapsi raivoaa ja minä pelkään",
    "Lapsi satutti itsensä leikkipuistossa",
    "Lapsi katosi hetkeksi näkyvistä mutta löytyi",
    "lasta pelottaa olla kotona yksin",
    "sairaus uhkaa lasta",
    "lapsi ei reagoi nimeensä",
    "Pelastakaa Lapset ry:n tukihenkilö",
    "väkivallaton kasvatus",
    "vatsaa kouristaa",
    "tajuton määrä läksyjä",
    "Tämä työ tappaa minut",
    "Lapsi nieli purukumin",
    "Annoin lapselle buranaa kuumeeseen",
    "Kuinka paljon lääkettä saa antaa lapselle",
    "Lapsella on sininen pipo",
    "Isä ampui hirven",
    "Palaan asiaan huomenna",
    "Ex-puoliso haluaa lapset joka viikonloppu",
    "",
    "😀😀😀",
    "<script>alert('x')</script>",
    "'; DROP TABLE users; --",
]


def test_lists_are_large_enough() -> None:
    assert len(CRISIS) >= 40
    assert len(NOT_CRISIS) >= 40


@pytest.mark.parametrize(("text", "category"), CRISIS)
def test_detects_crisis(text: str, category: str) -> None:
    match = detect_crisis(text)
    assert match is not None, text
    assert match.category == category, match
    assert match.phrase and match.phrase in text
    assert match.phrase == match.phrase.strip()
    assert match.reason


@pytest.mark.parametrize("text", NOT_CRISIS)
def test_ignores_ordinary_messages(text: str) -> None:
    assert detect_crisis(text) is None


def test_phrase_is_what_the_user_wrote() -> None:
    match = detect_crisis("Missä on HyPe? Mies LYÖ minua!")
    assert match == CrisisMatch(
        category="violence",
        phrase="Mies LYÖ",
        reason="someone hits, chokes or stabs",
        helpline="violence",
        language="fi",
    )


def test_medical_wins_over_violence() -> None:
    match = detect_crisis("mies löi lasta ja nyt lapsi ei hengitä")
    assert match is not None and match.category == "medical"


def test_helplines() -> None:
    def helpline(text: str) -> str | None:
        match = detect_crisis(text)
        assert match is not None
        return match.helpline

    assert helpline("lapsi nieli pesuainetta") == "poison"
    assert helpline("lapsi söi kaikki mummon lääkkeet") == "poison"
    assert helpline("haluan kuolla") == "crisis"
    assert helpline("mies lyö minua") == "violence"
    assert helpline("lapsi ei hengitä") is None
    assert helpline("talo palaa") is None


def test_long_and_strange_input_is_fast() -> None:
    texts = [
        "a" * 20_000,
        "lapsi " * 3_000 + "ei hengitä",
        "ei " * 5_000,
        "mies " * 5_000,
        "🙂" * 10_000,
        "<b>" * 5_000,
        ". " * 10_000,
    ]
    start = time.perf_counter()
    results = [detect_crisis(text) for text in texts]
    assert time.perf_counter() - start < 2
    assert results[1] is not None and results[1].category == "medical"
    assert results[0] is None and results[4] is None

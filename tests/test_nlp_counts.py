"""Counts, one row per phenomenon per language (claims-v1 and annotating-claims "Counts").

Sentences written for this suite. Each row names the count the reader must give some claim of
the text: one victim named without a figure is 1 (coordinated ones are summed); ages, days of
the month, times of day ("03:40"), unit numbers ("93rd brigade", "93. Brigade") and things
counted (drones, missiles) are no tolls; a bound word applies to a vague
exact figure ("more than a dozen" → 13..null); "many" is unquantified (null..null); an explicit
zero is 0..0; a figure shared by killed and wounded only bounds each from above; a negated
casualty word states no figure; a figure after a joiner belongs to the next conjunct; a deadly
event without a figure is killed null..null; losses bound killed and wounded from above; a
casualty word that only describes the counted people ("five displaced civilians were killed")
leaves the figure to the clause's predicate, and a wound word describing people who died
("a wounded soldier died") counts no wounded; places as the subject of a casualty verb
("постраждали Сумщина, Одещина") count no people.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fogofwar.claim import Claim, ClaimKind
from fogofwar.reader import Reader

LANGS = ("de", "en", "es", "fr", "it", "ru", "uk")
HEADLINE = {"deadly"}  # phenomena read as a headline (title), not a body

ROWS = [
    (
        "singular",
        "en",
        "A Ukrainian soldier was killed when a shell hit his trench near Bakhmut.",
        "killed",
        1,
        1,
    ),
    (
        "singular",
        "de",
        "Ein Zivilist wurde bei dem nächtlichen Beschuss von Nikopol getötet.",
        "killed",
        1,
        1,
    ),
    ("singular", "fr", "Un habitant a été tué lors du bombardement de Kherson.", "killed", 1, 1),
    ("singular", "es", "Un soldado murió en el ataque con drones contra la base.", "killed", 1, 1),
    (
        "singular",
        "it",
        "Un soldato è stato ucciso durante il bombardamento della città.",
        "killed",
        1,
        1,
    ),
    ("singular", "ru", "При обстреле Белгорода погиб мирный житель.", "killed", 1, 1),
    ("singular", "uk", "Унаслідок обстрілу Херсона загинула жінка.", "killed", 1, 1),
    (
        "coordinated",
        "en",
        "A man and a woman were killed in the shelling of the village.",
        "killed",
        2,
        2,
    ),
    (
        "coordinated",
        "de",
        "Ein Mann und eine Frau wurden bei dem Angriff auf das Dorf getötet.",
        "killed",
        2,
        2,
    ),
    (
        "coordinated",
        "fr",
        "Un homme et une femme ont été tués dans la frappe contre le village.",
        "killed",
        2,
        2,
    ),
    (
        "coordinated",
        "es",
        "Un hombre y una mujer murieron en el bombardeo de la aldea.",
        "killed",
        2,
        2,
    ),
    (
        "coordinated",
        "it",
        "Un uomo e una donna sono stati uccisi nel bombardamento del villaggio.",
        "killed",
        2,
        2,
    ),
    ("coordinated", "ru", "При обстреле села погибли мужчина и женщина.", "killed", 2, 2),
    ("coordinated", "uk", "Під час обстрілу села загинули чоловік і жінка.", "killed", 2, 2),
    ("age", "en", "A 67-year-old woman was wounded in the drone attack on Sumy.", "injured", 1, 1),
    (
        "age",
        "de",
        "Ein 67-jähriger Mann wurde bei dem Drohnenangriff auf Sumy verletzt.",
        "injured",
        1,
        1,
    ),
    (
        "age",
        "fr",
        "Une femme de 67 ans a été blessée dans l'attaque de drone contre Soumy.",
        "injured",
        1,
        1,
    ),
    (
        "age",
        "es",
        "Una mujer de 67 años resultó herida en el ataque con drones contra Sumy.",
        "injured",
        1,
        1,
    ),
    (
        "age",
        "it",
        "Una donna di 67 anni è stata ferita nell'attacco di droni su Sumy.",
        "injured",
        1,
        1,
    ),
    ("age", "ru", "При атаке дрона на Суджу ранен 67-летний мужчина.", "injured", 1, 1),
    ("age", "uk", "Унаслідок атаки дрона на Суми поранено 67-річну жінку.", "injured", 1, 1),
    ("date", "en", "The strike on March 14 killed nine civilians in the market.", "killed", 9, 9),
    ("date", "de", "Der Angriff am 14. März tötete neun Zivilisten auf dem Markt.", "killed", 9, 9),
    ("date", "fr", "La frappe du 14 mars a tué neuf civils sur le marché.", "killed", 9, 9),
    ("date", "es", "El ataque del 14 de marzo mató a nueve civiles en el mercado.", "killed", 9, 9),
    ("date", "it", "L'attacco del 14 marzo ha ucciso nove civili al mercato.", "killed", 9, 9),
    ("date", "ru", "Удар 14 марта убил девять мирных жителей на рынке.", "killed", 9, 9),
    ("date", "uk", "Удар 14 березня вбив дев'ятьох цивільних на ринку.", "killed", 9, 9),
    (
        "things",
        "en",
        "Russia launched 40 drones and 12 missiles overnight, killing four people in Odesa.",
        "killed",
        4,
        4,
    ),
    (
        "things",
        "de",
        "Russland griff mit 40 Drohnen an und tötete dabei vier Menschen in Odessa.",
        "killed",
        4,
        4,
    ),
    (
        "things",
        "fr",
        "La Russie a lancé 40 drones sur Odessa, tuant quatre personnes.",
        "killed",
        4,
        4,
    ),
    (
        "things",
        "es",
        "Rusia lanzó 40 drones contra Odesa y mató a cuatro personas.",
        "killed",
        4,
        4,
    ),
    (
        "things",
        "it",
        "La Russia ha lanciato 40 droni su Odessa, uccidendo quattro persone.",
        "killed",
        4,
        4,
    ),
    (
        "things",
        "ru",
        "Россия выпустила по Одессе 40 беспилотников, погибли четыре человека.",
        "killed",
        4,
        4,
    ),
    ("things", "uk", "Росія випустила по Одесі 40 дронів, загинули четверо людей.", "killed", 4, 4),
    (
        "more-than-vague",
        "en",
        "The shelling killed more than a dozen people in the town.",
        "killed",
        13,
        None,
    ),
    (
        "more-than-vague",
        "de",
        "Bei dem Beschuss wurden mehr als ein Dutzend Menschen getötet.",
        "killed",
        13,
        None,
    ),
    (
        "more-than-vague",
        "fr",
        "Les bombardements ont tué plus d'une dizaine de civils dans la ville.",
        "killed",
        11,
        None,
    ),
    (
        "more-than-vague",
        "es",
        "Los bombardeos mataron a más de una docena de personas en la ciudad.",
        "killed",
        13,
        None,
    ),
    (
        "more-than-vague",
        "it",
        "I bombardamenti hanno ucciso più di una dozzina di persone in città.",
        "killed",
        13,
        None,
    ),
    (
        "more-than-vague",
        "ru",
        "При обстреле города погибли более десятка человек.",
        "killed",
        11,
        None,
    ),
    (
        "more-than-vague",
        "uk",
        "Під час обстрілу міста загинули понад десяток людей.",
        "killed",
        11,
        None,
    ),
    (
        "many",
        "en",
        "Many civilians were killed in the air strikes on the camp.",
        "killed",
        None,
        None,
    ),
    (
        "many",
        "de",
        "Bei den Luftangriffen auf das Lager wurden viele Zivilisten getötet.",
        "killed",
        None,
        None,
    ),
    (
        "many",
        "fr",
        "De nombreux civils ont été tués dans les frappes sur le camp.",
        "killed",
        None,
        None,
    ),
    (
        "many",
        "es",
        "Muchos civiles murieron en los bombardeos contra el campamento.",
        "killed",
        None,
        None,
    ),
    ("many", "it", "Molti civili sono stati uccisi nei raid sul campo.", "killed", None, None),
    ("many", "ru", "Многие мирные жители погибли при авиаударах по лагерю.", "killed", None, None),
    ("many", "uk", "Багато цивільних загинули під час авіаударів по табору.", "killed", None, None),
    (
        "zero",
        "en",
        "Russian drones struck a warehouse in Lviv; there were no casualties.",
        "injured",
        0,
        0,
    ),
    (
        "zero",
        "de",
        "Russische Drohnen trafen ein Lager in Lwiw, es gab keine Verletzten.",
        "injured",
        0,
        0,
    ),
    (
        "zero",
        "fr",
        "Des drones russes ont frappé un entrepôt à Lviv, sans faire de victimes.",
        "killed",
        0,
        0,
    ),
    (
        "zero",
        "es",
        "Drones rusos impactaron en un almacén de Leópolis, sin víctimas.",
        "killed",
        0,
        0,
    ),
    (
        "zero",
        "it",
        "Droni russi hanno colpito un magazzino a Leopoli, senza vittime.",
        "killed",
        0,
        0,
    ),
    ("zero", "ru", "Беспилотники атаковали склад во Львове, пострадавших нет.", "injured", 0, 0),
    ("zero", "uk", "Дрони атакували склад у Львові, постраждалих немає.", "injured", 0, 0),
    (
        "combined",
        "en",
        "The army said 50 soldiers were killed or wounded in the fighting.",
        "killed",
        None,
        50,
    ),
    (
        "combined",
        "de",
        "Die Armee meldete 50 Tote und Verletzte bei den Kämpfen.",
        "killed",
        None,
        50,
    ),
    (
        "combined",
        "fr",
        "L'armée a fait état de 50 morts et blessés dans les combats.",
        "injured",
        None,
        50,
    ),
    (
        "combined",
        "es",
        "El ejército informó de 50 muertos y heridos en los combates.",
        "injured",
        None,
        50,
    ),
    (
        "combined",
        "it",
        "L'esercito ha riferito di 50 morti e feriti nei combattimenti.",
        "killed",
        None,
        50,
    ),
    ("combined", "ru", "Армия сообщила о 50 убитых и раненых в боях.", "injured", None, 50),
    ("combined", "uk", "Армія повідомила про 50 убитих і поранених у боях.", "killed", None, 50),
    (
        "negation",
        "en",
        "The governor said the driver was not hurt in the drone strike.",
        "injured",
        None,
        None,
    ),
    (
        "negation",
        "de",
        "Der Fahrer wurde bei dem Drohnenangriff nicht verletzt.",
        "injured",
        None,
        None,
    ),
    (
        "negation",
        "fr",
        "Le chauffeur n'a pas été blessé dans la frappe de drone.",
        "injured",
        None,
        None,
    ),
    (
        "negation",
        "es",
        "El conductor no resultó herido en el ataque con drones.",
        "injured",
        None,
        None,
    ),
    (
        "negation",
        "it",
        "L'autista non è rimasto ferito nell'attacco con droni.",
        "injured",
        None,
        None,
    ),
    ("negation", "ru", "Водитель не пострадал при атаке беспилотника.", "injured", None, None),
    ("negation", "uk", "Водій не постраждав під час атаки дрона.", "injured", None, None),
    (
        "conjunct",
        "en",
        "One woman died and ten people were injured in the attack on the camp.",
        "killed",
        1,
        1,
    ),
    (
        "conjunct",
        "de",
        "Eine Frau starb und zehn Menschen wurden bei dem Angriff verletzt.",
        "killed",
        1,
        1,
    ),
    (
        "conjunct",
        "fr",
        "Une femme est morte et dix personnes ont été blessées dans l'attaque.",
        "killed",
        1,
        1,
    ),
    (
        "conjunct",
        "es",
        "Una mujer murió y diez personas resultaron heridas en el ataque.",
        "killed",
        1,
        1,
    ),
    (
        "conjunct",
        "it",
        "Una donna è morta e dieci persone sono rimaste ferite nell'attacco.",
        "killed",
        1,
        1,
    ),
    (
        "conjunct",
        "ru",
        "Одна женщина погибла, а десять человек были ранены при атаке.",
        "killed",
        1,
        1,
    ),
    (
        "conjunct",
        "uk",
        "Одна жінка загинула, а десятеро людей отримали поранення під час атаки.",
        "killed",
        1,
        1,
    ),
    ("deadly", "en", "Deadly strike on Kharkiv apartment block", "killed", None, None),
    ("deadly", "de", "Tödlicher Angriff auf Wohnhaus in Charkiw", "killed", None, None),
    ("deadly", "fr", "Frappe meurtrière sur un immeuble de Kharkiv", "killed", None, None),
    ("deadly", "es", "Ataque mortal contra un edificio de Járkov", "killed", None, None),
    ("deadly", "it", "Attacco mortale su un palazzo di Kharkiv", "killed", None, None),
    ("deadly", "ru", "Смертельный удар по жилому дому в Харькове", "killed", None, None),
    ("deadly", "uk", "Смертельний удар по житловому будинку в Харкові", "killed", None, None),
    (
        "losses",
        "en",
        "Russia suffered 1,100 losses over the day, the general staff said.",
        "killed",
        None,
        1100,
    ),
    ("losses", "ru", "За сутки потери ВСУ составили 350 военнослужащих.", "killed", None, 350),
    (
        "losses",
        "uk",
        "Росія за добу втратила 968 військових, повідомив Генштаб.",
        "injured",
        None,
        968,
    ),
    (
        "describing",
        "en",
        "Witnesses said five displaced civilians were killed in the strike on the school.",
        "killed",
        5,
        5,
    ),
    (
        "describing",
        "de",
        "Zeugen zufolge wurden fünf vertriebene Zivilisten bei dem Angriff auf die Schule getötet.",
        "killed",
        5,
        5,
    ),
    (
        "describing",
        "fr",
        "Selon des témoins, cinq civils déplacés ont été tués dans la frappe contre l'école.",
        "killed",
        5,
        5,
    ),
    (
        "describing",
        "es",
        "Según testigos, cinco civiles desplazados murieron en el ataque contra la escuela.",
        "killed",
        5,
        5,
    ),
    (
        "describing",
        "it",
        "Secondo i testimoni, cinque civili sfollati sono stati uccisi nell'attacco alla scuola.",
        "killed",
        5,
        5,
    ),
    (
        "describing",
        "ru",
        "По словам очевидцев, пять раненых военных погибли при обстреле госпиталя.",
        "killed",
        5,
        5,
    ),
    (
        "describing",
        "uk",
        "За словами свідків, п'ятеро поранених військових загинули під час обстрілу шпиталю.",
        "killed",
        5,
        5,
    ),
    (
        "describes-dead",
        "en",
        "A wounded soldier died in hospital in Dnipro on Sunday.",
        "killed",
        1,
        1,
    ),
    (
        "describes-dead",
        "de",
        "Ein verletzter Soldat starb am Sonntag im Krankenhaus von Dnipro.",
        "killed",
        1,
        1,
    ),
    (
        "describes-dead",
        "fr",
        "Un soldat blessé est mort dimanche à l'hôpital de Dnipro.",
        "killed",
        1,
        1,
    ),
    (
        "describes-dead",
        "es",
        "Un soldado herido murió el domingo en el hospital de Dnipró.",
        "killed",
        1,
        1,
    ),
    (
        "describes-dead",
        "it",
        "Un soldato ferito è morto domenica all'ospedale di Dnipro.",
        "killed",
        1,
        1,
    ),
    (
        "describes-dead",
        "ru",
        "Раненный при обстреле мужчина скончался в больнице Днепра.",
        "killed",
        1,
        1,
    ),
    (
        "describes-dead",
        "uk",
        "Поранений під час обстрілу чоловік помер у лікарні Дніпра.",
        "killed",
        1,
        1,
    ),
    (
        "victim-object",
        "en",
        "The drone strike killed the commander and his deputy near Bakhmut.",
        "killed",
        2,
        2,
    ),
    (
        "victim-object",
        "de",
        "Der Drohnenangriff tötete einen Kommandanten und seinen Stellvertreter bei Bachmut.",
        "killed",
        2,
        2,
    ),
    (
        "victim-object",
        "fr",
        "La frappe de drone a tué le commandant et son adjoint près de Bakhmout.",
        "killed",
        2,
        2,
    ),
    (
        "victim-object",
        "es",
        "El ataque con drones mató al comandante y a su adjunto cerca de Bajmut.",
        "killed",
        2,
        2,
    ),
    (
        "victim-object",
        "it",
        "L'attacco con droni ha ucciso il comandante e il suo vice vicino a Bakhmut.",
        "killed",
        2,
        2,
    ),
    (
        "victim-object",
        "ru",
        "Удар дрона убил командира и его заместителя под Бахмутом.",
        "killed",
        2,
        2,
    ),
    (
        "victim-object",
        "uk",
        "Удар дрона вбив командира та його заступника під Бахмутом.",
        "killed",
        2,
        2,
    ),
    (
        "time-of-day",
        "en",
        "At 03:40 civilians were killed when a drone hit a house in Sumy.",
        "killed",
        None,
        None,
    ),
    (
        "time-of-day",
        "de",
        "Um 03:40 wurden Zivilisten getötet, als eine Drohne ein Haus in Sumy traf.",
        "killed",
        None,
        None,
    ),
    (
        "time-of-day",
        "fr",
        "À 03:40 des civils ont été tués quand un drone a frappé une maison à Soumy.",
        "killed",
        None,
        None,
    ),
    (
        "time-of-day",
        "es",
        "A las 03:40 murieron civiles cuando un dron impactó en una casa de Sumy.",
        "killed",
        None,
        None,
    ),
    (
        "time-of-day",
        "it",
        "Alle 03:40 civili sono stati uccisi quando un drone ha colpito una casa a Sumy.",
        "killed",
        None,
        None,
    ),
    (
        "time-of-day",
        "ru",
        "В 03:40 погибли мирные жители, когда беспилотник попал в дом в Сумах.",
        "killed",
        None,
        None,
    ),
    (
        "time-of-day",
        "uk",
        "О 03:40 загинули цивільні, коли дрон влучив у будинок у Сумах.",
        "killed",
        None,
        None,
    ),
    (
        "unit-number",
        "en",
        "Soldiers of the 93rd brigade were killed near Bakhmut.",
        "killed",
        None,
        None,
    ),
    (
        "unit-number",
        "de",
        "Soldaten der 93. Brigade wurden bei Bachmut getötet.",
        "killed",
        None,
        None,
    ),
    (
        "unit-number",
        "fr",
        "Des soldats de la 93e brigade ont été tués près de Bakhmout.",
        "killed",
        None,
        None,
    ),
    (
        "unit-number",
        "es",
        "Soldados de la 93 brigada murieron cerca de Bajmut.",
        "killed",
        None,
        None,
    ),
    (
        "unit-number",
        "it",
        "Soldati della 93esima brigata sono stati uccisi vicino a Bakhmut.",
        "killed",
        None,
        None,
    ),
    ("unit-number", "ru", "Под Бахмутом погибли бойцы 93 бригады.", "killed", None, None),
    ("unit-number", "uk", "Під Бахмутом загинули бійці 93 бригади.", "killed", None, None),
    (
        "multiplied",
        "en",
        "Two dozen people were killed in the shelling of the market.",
        "killed",
        24,
        24,
    ),
    (
        "multiplied",
        "de",
        "Zwei Dutzend Menschen wurden bei dem Beschuss des Marktes getötet.",
        "killed",
        24,
        24,
    ),
    (
        "multiplied",
        "fr",
        "Deux douzaines de personnes ont été tuées dans le bombardement du marché.",
        "killed",
        24,
        24,
    ),
    (
        "multiplied",
        "es",
        "Dos docenas de personas murieron en el bombardeo del mercado.",
        "killed",
        24,
        24,
    ),
    (
        "multiplied",
        "it",
        "Due dozzine di persone sono morte nel bombardamento del mercato.",
        "killed",
        24,
        24,
    ),
    ("multiplied", "ru", "Два десятка человек погибли при обстреле рынка.", "killed", 20, 20),
    ("multiplied", "uk", "Два десятки людей загинули під час обстрілу ринку.", "killed", 20, 20),
    (
        "range",
        "en",
        "Between 20 and 30 people were killed in the shelling of the market.",
        "killed",
        20,
        30,
    ),
    (
        "range",
        "de",
        "Zwischen 20 und 30 Menschen wurden bei dem Beschuss des Marktes getötet.",
        "killed",
        20,
        30,
    ),
    (
        "range",
        "fr",
        "Entre 20 et 30 personnes ont été tuées dans le bombardement du marché.",
        "killed",
        20,
        30,
    ),
    (
        "range",
        "es",
        "Entre 20 y 30 personas murieron en el bombardeo del mercado.",
        "killed",
        20,
        30,
    ),
    (
        "range",
        "it",
        "Tra le 20 e le 30 persone sono morte nel bombardamento del mercato.",
        "killed",
        20,
        30,
    ),
    ("range", "ru", "От 20 до 30 человек погибли при обстреле рынка.", "killed", 20, 30),
    ("range", "uk", "Від 20 до 30 людей загинули під час обстрілу ринку.", "killed", 20, 30),
    (
        "lives-claimed",
        "en",
        "The strike claimed the lives of six people in Kharkiv.",
        "killed",
        6,
        6,
    ),
    (
        "lives-claimed",
        "de",
        "Der Angriff hat in Charkiw sechs Menschen das Leben gekostet.",
        "killed",
        6,
        6,
    ),
    ("lives-claimed", "fr", "La frappe a coûté la vie à six personnes à Kharkiv.", "killed", 6, 6),
    (
        "lives-claimed",
        "es",
        "El bombardeo costó la vida a seis personas en Járkov.",
        "killed",
        6,
        6,
    ),
    (
        "lives-claimed",
        "it",
        "Il bombardamento è costato la vita a sei persone a Kharkiv.",
        "killed",
        6,
        6,
    ),
    ("lives-claimed", "ru", "Удар по Харькову унес жизни шести человек.", "killed", 6, 6),
    ("lives-claimed", "uk", "Удар по Харкову забрав життя шести людей.", "killed", 6, 6),
    (
        "other-figure",
        "en",
        "The attack on a bus carrying 40 passengers killed six of them.",
        "killed",
        6,
        6,
    ),
    (
        "other-figure",
        "de",
        "Bei dem Angriff auf einen Bus mit 40 Insassen wurden sechs Menschen getötet.",
        "killed",
        6,
        6,
    ),
    (
        "other-figure",
        "fr",
        "L'attaque contre un bus transportant 40 passagers a fait six morts.",
        "killed",
        6,
        6,
    ),
    (
        "other-figure",
        "es",
        "El ataque contra un autobús con 40 pasajeros dejó seis muertos.",
        "killed",
        6,
        6,
    ),
    (
        "other-figure",
        "it",
        "L'attacco contro un autobus con 40 passeggeri ha causato sei morti.",
        "killed",
        6,
        6,
    ),
    (
        "other-figure",
        "ru",
        "Удар по автобусу с 40 пассажирами унес жизни шести человек.",
        "killed",
        6,
        6,
    ),
    (
        "other-figure",
        "uk",
        "Удар по автобусу з 40 пасажирами забрав життя шести людей.",
        "killed",
        6,
        6,
    ),
    (
        "age-phrase",
        "en",
        "A volunteer aged 45 was killed in the shelling of Kherson.",
        "killed",
        1,
        1,
    ),
    (
        "age-phrase",
        "de",
        "Ein Freiwilliger im Alter von 45 wurde beim Beschuss von Cherson getötet.",
        "killed",
        1,
        1,
    ),
    (
        "age-phrase",
        "fr",
        "Un bénévole âgé de 45 a été tué dans le bombardement de Kherson.",
        "killed",
        1,
        1,
    ),
    (
        "age-phrase",
        "es",
        "Un voluntario de edad de 45 murió en el bombardeo de Jersón.",
        "killed",
        1,
        1,
    ),
    (
        "age-phrase",
        "it",
        "Un volontario dell'età di 45 è stato ucciso nel bombardamento di Kherson.",
        "killed",
        1,
        1,
    ),
    ("age-phrase", "ru", "При обстреле Херсона погиб волонтер в возрасте 45.", "killed", 1, 1),
    ("age-phrase", "uk", "Під час обстрілу Херсона загинув волонтер у віці 45.", "killed", 1, 1),
    (
        "vague-scaled",
        "en",
        "Several dozen soldiers were wounded in the shelling.",
        "injured",
        24,
        99,
    ),
    (
        "vague-scaled",
        "de",
        "Mehrere Dutzend Soldaten wurden bei dem Beschuss verletzt.",
        "injured",
        24,
        99,
    ),
    (
        "vague-scaled",
        "fr",
        "Plusieurs dizaines de soldats ont été blessés dans le bombardement.",
        "injured",
        24,
        99,
    ),
    (
        "vague-scaled",
        "es",
        "Varias decenas de soldados resultaron heridos en el bombardeo.",
        "injured",
        24,
        99,
    ),
    (
        "vague-scaled",
        "it",
        "Diverse decine di soldati sono rimasti feriti nel bombardamento.",
        "injured",
        24,
        99,
    ),
    (
        "vague-scaled",
        "ru",
        "Несколько десятков военных получили ранения при обстреле.",
        "injured",
        24,
        99,
    ),
    (
        "vague-scaled",
        "uk",
        "Кілька десятків військових отримали поранення під час обстрілу.",
        "injured",
        24,
        99,
    ),
    (
        "vague-unit",
        "en",
        "For the first time in dozens of years, a child died of hunger in the city.",
        "killed",
        1,
        1,
    ),
    (
        "vague-unit",
        "de",
        "Zum ersten Mal seit Dutzenden Jahren starb ein Kind in der Stadt an Hunger.",
        "killed",
        1,
        1,
    ),
    (
        "vague-unit",
        "fr",
        "Pour la première fois depuis des dizaines d'années, un enfant est mort de faim.",
        "killed",
        1,
        1,
    ),
    (
        "vague-unit",
        "es",
        "Por primera vez en decenas de años, un niño murió de hambre en la ciudad.",
        "killed",
        1,
        1,
    ),
    (
        "vague-unit",
        "it",
        "Per la prima volta da decine di anni un bambino è morto di fame in città.",
        "killed",
        1,
        1,
    ),
    (
        "vague-unit",
        "ru",
        "Впервые за несколько десятков лет в городе от голода умер ребенок.",
        "killed",
        1,
        1,
    ),
    (
        "vague-unit",
        "uk",
        "Уперше за кілька десятків років у місті від голоду помер хлопчик.",
        "killed",
        1,
        1,
    ),
    (
        "zero-next-sentence",
        "en",
        "A Russian drone attacked a warehouse in Lviv overnight. There were no casualties.",
        "killed",
        0,
        0,
    ),
    (
        "zero-next-sentence",
        "de",
        "Eine russische Drohne hat ein Lagerhaus in Lwiw angegriffen. Es gab keine Opfer.",
        "killed",
        0,
        0,
    ),
    (
        "zero-next-sentence",
        "fr",
        "Un drone russe a frappé un entrepôt à Lviv dans la nuit. Aucune victime n'est à déplorer.",
        "killed",
        0,
        0,
    ),
    (
        "zero-next-sentence",
        "es",
        "Un dron ruso atacó un almacén en Leópolis durante la noche. No hubo víctimas.",
        "killed",
        0,
        0,
    ),
    (
        "zero-next-sentence",
        "it",
        "Un drone russo ha attaccato un magazzino a Leopoli nella notte. Non ci sono vittime.",
        "killed",
        0,
        0,
    ),
    (
        "zero-next-sentence",
        "ru",
        "Ночью беспилотник атаковал склад во Львове. Пострадавших нет.",
        "killed",
        0,
        0,
    ),
    (
        "zero-next-sentence",
        "uk",
        "Уночі дрон атакував склад у Львові. Постраждалих немає.",
        "killed",
        0,
        0,
    ),
    (
        "partitive",
        "en",
        "Five people were killed, three of them children, in the strike on Sumy.",
        "killed",
        5,
        5,
    ),
    (
        "partitive",
        "de",
        "Fünf Menschen wurden getötet, drei davon Kinder, als die Rakete Sumy traf.",
        "killed",
        5,
        5,
    ),
    (
        "partitive",
        "fr",
        "Cinq personnes ont été tuées, dont trois enfants, dans la frappe sur Soumy.",
        "killed",
        5,
        5,
    ),
    (
        "partitive",
        "es",
        "Cinco personas murieron, entre ellas tres niños, en el ataque contra Sumy.",
        "killed",
        5,
        5,
    ),
    (
        "partitive",
        "it",
        "Cinque persone sono morte, tra cui tre bambini, nell'attacco su Sumy.",
        "killed",
        5,
        5,
    ),
    (
        "partitive",
        "ru",
        "При ударе по Сумам погибли пять человек, из них трое детей.",
        "killed",
        5,
        5,
    ),
    (
        "partitive",
        "uk",
        "Унаслідок удару по Сумах загинули п'ятеро людей, з них троє дітей.",
        "killed",
        5,
        5,
    ),
    (
        "figure-and-named",
        "en",
        "Two soldiers and a civilian were killed in the shelling of Kupiansk.",
        "killed",
        3,
        3,
    ),
    (
        "figure-and-named",
        "de",
        "Zwei Soldaten und ein Zivilist wurden beim Beschuss von Kupjansk getötet.",
        "killed",
        3,
        3,
    ),
    (
        "figure-and-named",
        "fr",
        "Deux soldats et un civil ont été tués dans le bombardement de Koupiansk.",
        "killed",
        3,
        3,
    ),
    (
        "figure-and-named",
        "es",
        "Dos soldados y un civil murieron en el bombardeo de Kúpiansk.",
        "killed",
        3,
        3,
    ),
    (
        "figure-and-named",
        "it",
        "Due soldati e un civile sono stati uccisi nel bombardamento di Kupiansk.",
        "killed",
        3,
        3,
    ),
    (
        "figure-and-named",
        "ru",
        "При обстреле Купянска погибли двое военных и мирный житель.",
        "killed",
        3,
        3,
    ),
    (
        "figure-and-named",
        "uk",
        "Під час обстрілу Куп'янська загинули двоє військових і чоловік.",
        "killed",
        3,
        3,
    ),
    (
        "exceeded",
        "en",
        "The death toll from the strike on Odesa exceeded 100, officials said.",
        "killed",
        101,
        None,
    ),
    (
        "exceeded",
        "de",
        "Die Zahl der Toten nach dem Angriff auf Odessa überstieg 100.",
        "killed",
        101,
        None,
    ),
    (
        "exceeded",
        "fr",
        "Le bilan de la frappe sur Odessa a dépassé les 100 morts.",
        "killed",
        101,
        None,
    ),
    (
        "exceeded",
        "es",
        "El número de muertos del ataque contra Odesa superó los 100.",
        "killed",
        101,
        None,
    ),
    (
        "exceeded",
        "it",
        "Il bilancio dell'attacco su Odessa ha superato i 100 morti.",
        "killed",
        101,
        None,
    ),
    (
        "exceeded",
        "ru",
        "Число погибших превысило 100 человек, сообщили в Одессе.",
        "killed",
        101,
        None,
    ),
    (
        "exceeded",
        "uk",
        "Кількість загиблих унаслідок удару по Одесі перевищила 100 осіб.",
        "killed",
        101,
        None,
    ),
]


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader.offline()


def _claims(reader: Reader, phenomenon: str, lang: str, text: str) -> tuple[Claim, ...]:
    if phenomenon in HEADLINE:
        return reader.read_text("Body.", lang, title=text).claims
    return reader.read_text(text, lang).claims


def _bounds(claims: tuple[Claim, ...], name: str) -> list[tuple[int | None, int | None]]:
    out = []
    for c in claims:
        count = getattr(c.counts, name)
        if count is not None:
            out.append((count.low, count.high))
    return out


# (phenomenon, lang, text, count that no claim of the text may carry)
ABSENT = [(r[0], r[1], r[2], "injured") for r in ROWS if r[0] == "describes-dead"]
PLACES = [
    (
        "places-suffered",
        "uk",
        "Унаслідок ворожої атаки постраждали Сумщина, Одещина та Харківщина.",
    ),
    ("places-suffered", "ru", "В результате ночной атаки пострадали Белгород, Курск и Брянск."),
]


@pytest.mark.parametrize(
    ("phenomenon", "lang", "text", "name", "low", "high"),
    ROWS,
    ids=[f"{r[0]}-{r[1]}" for r in ROWS],
)
def test_count(
    reader: Reader,
    phenomenon: str,
    lang: str,
    text: str,
    name: str,
    low: int | None,
    high: int | None,
) -> None:
    claims = _claims(reader, phenomenon, lang, text)
    assert (low, high) in _bounds(claims, name), [(c.kind, c.counts) for c in claims]


@pytest.mark.parametrize(
    ("phenomenon", "lang", "text", "name"), ABSENT, ids=[f"{r[0]}-{r[1]}" for r in ABSENT]
)
def test_no_count(reader: Reader, phenomenon: str, lang: str, text: str, name: str) -> None:
    claims = _claims(reader, phenomenon, lang, text)
    assert claims
    assert _bounds(claims, name) == [], [(c.kind, c.counts) for c in claims]


@pytest.fixture(scope="module")
def placed_reader() -> Reader:
    return Reader.default()  # with the gazetteer: places are known


@pytest.mark.parametrize(("phenomenon", "lang", "text"), PLACES, ids=[r[1] for r in PLACES])
def test_places_suffered_count_no_people(
    placed_reader: Reader, phenomenon: str, lang: str, text: str
) -> None:
    claims = _claims(placed_reader, phenomenon, lang, text)
    assert claims
    assert _bounds(claims, "injured") == [], [(c.kind, c.counts) for c in claims]


TELEGRAPHIC = [
    ("en", "Missile strike on Dnipro: 14 dead, 30 injured", 14),
    ("de", "Raketenangriff auf Dnipro: 14 Tote und 30 Verletzte", 14),
    ("fr", "Frappe de missiles sur Dnipro : 14 morts et 30 blessés", 14),
    ("es", "Ataque con misiles contra Dnipró: 14 muertos y 30 heridos", 14),
    ("it", "Attacco missilistico su Dnipro: 14 morti e 30 feriti", 14),
    ("ru", "Ракетный удар по Днепру: 14 погибших и 30 раненых", 14),
    ("uk", "Ракетний удар по Дніпру: 14 загиблих і 30 поранених", 14),
]


@pytest.mark.parametrize(("lang", "title", "killed"), TELEGRAPHIC, ids=[r[0] for r in TELEGRAPHIC])
def test_telegraphic_headline_toll_is_the_strikes(
    reader: Reader, lang: str, title: str, killed: int
) -> None:
    """ "Strike on X: 14 dead" — the tally after the colon is the strike's toll."""
    claims = reader.read_text("Body.", lang, title=title).claims
    strikes = [c for c in claims if c.kind in (ClaimKind.ATTACK, ClaimKind.ARMED_CLASH)]
    assert strikes, [(c.kind, c.counts) for c in claims]
    assert any(c.counts.killed is not None and c.counts.killed.low == killed for c in strikes)


def test_every_phenomenon_has_a_row_in_every_language() -> None:
    by_phenomenon: dict[str, set[str]] = {}
    for phenomenon, lang, *_ in ROWS:
        by_phenomenon.setdefault(phenomenon, set()).add(lang)
    partial = {"losses"}  # losses words differ: en/ru/uk rows
    for phenomenon, langs in by_phenomenon.items():
        if phenomenon not in partial:
            assert langs == set(LANGS), phenomenon


@settings(max_examples=40, deadline=None)
@given(
    figure=st.one_of(
        st.integers(min_value=0, max_value=10**7).map(str),
        st.sampled_from(["a dozen", "more than a dozen", "dozens of", "no", "many", "a", "one"]),
    ),
    noun=st.sampled_from(["people", "soldiers", "drones", "man", "civilian"]),
)
def test_counts_are_well_formed(reader: Reader, figure: str, noun: str) -> None:
    """Whatever the figure, every count is ordered and never negative."""
    texts = (
        f"The strike killed {figure} {noun} and wounded {figure} {noun} in Kharkiv.",
        f"{noun} killed {figure}",  # the figure (and the casualty word) end the text
        f"{figure} {noun} killed",
    )
    for c in (c for text in texts for c in reader.read_text(text, "en").claims):
        for name in ("killed", "injured", "arrested", "missing", "displaced"):
            count = getattr(c.counts, name)
            if count is None:
                continue
            assert count.low is None or count.low >= 0
            assert count.high is None or count.high >= 0
            if count.low is not None and count.high is not None:
                assert count.low <= count.high

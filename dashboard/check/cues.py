"""Words that say what a figure is about: the cue lists, in one place.

Every pattern is matched case-insensitively against one sentence (or the part of it around a
figure). English first; a few Russian, Chinese, Spanish and Portuguese words that the
project's own statements use.
"""

import re
from functools import lru_cache


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


CHINA = _re(
    r"\bchin(?:a|ese)|beijing|\bprc\b|китай|кита[яюе]|китаем|\bкнр\b|中国|中國|中方|\bchine"
    r"|xi jinping"
    r"|\bxi\b|li qiang|wang yi"
)
RUSSIA = _re(
    r"\brussia|\brusso|moscow|kremlin|росси|\brusia|rússia|\brúss|俄|putin|lavrov|mishustin"
)
PAIR = _re(
    r"sino-russian|russo-chinese|russian-chinese|chinese-russian|china[-–]russia|russia[-–]china"
    r"|российско-китайск|китайско-российск|中俄|俄中|two-way trade"
)
# a pair that is China and Russia only when they are named in the sentence or just before
WEAK_PAIR = _re(
    r"bilateral|two countries|both countries|two sides|both sides|two neighbou?rs|two nations"
    r"|both nations|двумя странами|двусторонн|双边"
    r"|between the countries|between the two|между странами|двумя державами|两国|兩國"
)
OTHER_COUNTRY = _re(
    r"united states|\bu\.s\.(?!\s*dollars)|\bus\b(?!\s*(?:\$|dollars))|\bamerica|\beurope"
    r"|\beu\b|\bindia|\bjapan|\bgerman|kazakh|\bkorea|vietnam|brazil|\biran"
    r"|(?<!via )(?<!through )(?<!across )\bmongolia"  # not Mongolia as a gas transit
    r"|turkey|türkiye|ukrain|\bsaudi|britain|\bu\.?k\.?\b|\bfrance|australia|canada|asean"
    r"|africa|\bbelarus|\bnetherlands|\bitaly|\btaiwan|qatar|turkmen|uzbek|myanmar|malaysia"
    r"|indonesia|nigeria|papua|norway|poland|israel|egypt|mexico|argentina|\bchile|pakistan"
    r"|thailand|singapore|philippines|switzerland|\bspain|sweden|finland|serbia|hungary"
    r"|azerbaijan|armenia|\bgeorgia|kyrgyz|tajik|emirates|\buae\b|\biraq|\bsyria"
    r"|\bbelgi|\baustria|\bczech|\bgreece|portugal|denmark|ireland|romania|bulgaria|slovak"
    r"|asian countries|\basia\b(?!-pacific)"
    r"|\bсша\b|соединенн\w* штат|япони|германи|\bинди[яиюей]\b|франци|великобритани|британи"
    r"|казахстан|(?<!через )(?<!территорию )монголи|турци|\bиран|бразили|южн\w* коре|украин"
    r"|белорус|евросоюз|\bес\b"
    r"|европейск\w* союз"
    r"|美国|美國|日本|德国|德國|印度|英国|英國|法国|法國|韩国|韓國|欧盟|歐盟|哈萨克|哈薩克|土库曼"
    r"|土庫曼|乌克兰|烏克蘭|巴西|伊朗|土耳其|越南|沙特"
)
# a flow to or from a partner: "our trade with China" names both sides
PARTNER_FLOW = _re(
    r"(?:trade|turnover|exports?|imports?|commerce|settlements?|payments?|supplies)"
    r"(?: [\w-]+){0,2}? (?:with|to|from|between) (?:china|russia|beijing|moscow)|turnover"
    r"|(?:imports|exports|shipments|supplies) of (?:russian|chinese) (?:goods|products|commodities)"
    r"|(?:экспорт|импорт|поставк|ввоз|вывоз)\w* (?:\w+ )?(?:в|из) (?:росси|кита|кнр|рф)\w*"
    r"|(?:импорт|ввоз)\w* (?:российск|китайск)\w* товар\w*|对俄|對俄|对华|對華|自俄|自华|自華"
)
# a conversion the writer added: "1.74 trillion yuan ($237 billion)"
CONVERSION = _re(
    r"^\s*(?:人民币|人民幣)?\s*[(（]\s*(?:about|around|approximately|roughly|~|or|≈|около"
    r"|примерно|почти|порядка|约合|約合|折合|约|約|合)?\s*$"
)
# growth of trade valued in yuan: the tables' growth rates are of dollar values
YUAN_TERMS = _re(r"yuan[- ]denominated|in (?:yuan|renminbi|rmb) terms|以人民币计|按人民币计")
# yuan terms just before a growth rate ("用人民币计算…下降了6.5%"): the growth of yuan values
YUAN_NEAR = _re(
    rf"{YUAN_TERMS.pattern}|[用以按]人民币计|[用以按]人民幣計|в юанях|в юаневом выражении"
)
# a rate, not a period's total ("$12 billion per month", "$1 млрд в месяц", "每月…亿美元")
PER_TIME = _re(
    r"^\W{0,3}(?:per|a|each|every) (?:month|week|day)\b"
    r"|^\W{0,3}(?:в|каждый) (?:месяц|неделю|день)\b|^\W{0,3}ежемесячно"
)
PER_TIME_BEFORE = _re(r"(?:每月|月均|每个月|每個月|每周|每天|ежемесячно)[^，,。；;]{0,12}$")
# a level written in yuan, and one written in dollars
YUAN_VALUE = _re(
    r"\d\s*(?:trillion|billion|bn|tn|трлн\.?|млрд\.?|万亿|萬億|亿|億)\s*(?:yuan|renminbi|rmb|юан|(?<!美)元)"
    r"|(?:rmb|cny|¥)\s*\d"
)
# a physical quantity (the growth of a sentence naming one and no dollar sum is of it)
PHYSICAL = _re(r"tonnes|\btons\b|тонн|吨|噸|barrels|баррел|桶|\bunits\b|vehicles|автомобил")
RUBLE_VALUE = _re(
    r"\d\s*(?:trillion|billion|bn|tn|трлн\.?|млрд\.?)\s*(?:roubles?|rubles?|рубл)|₽\s*\d|\d\s*₽"
)
DOLLAR_VALUE = _re(
    r"\$\s?\d|\d\s*(?:trillion|billion|bn|tn|трлн\.?|млрд\.?|万亿|萬億|亿|億)\s*(?:u\.?s\.? )?"
    r"(?:dollars|долл|美元)"
)
# a currency other than the ruble and the yuan: "the euro's share was 30 %"
OTHER_CURRENCY = _re(r"\beuros?\b|dollars?\b|美元|欧元|евро|доллар")
# currency shares of Russia as a whole (its exchange, its reserves), not of its trade with China
RUSSIA_WIDE = _re(
    r"\bexchange\b|moex|reserves|deposits|\bloans?\b|\bbonds?\b|forex|\bfx\b|savings"
    r"|all (?:of )?russia(?:'s|’s|n) (?:exports|imports|trade)|russia(?:'s|’s) (?:total|overall)"
    r"|third countries|other countries|(?:with the exception of|excluding|except(?: for)?) china"
    r"|третьими странами|third-country"
    r"|(?:russia(?:'s|’s)|russian) (?:import|export|foreign[- ]trade|international)"
    r" (?:settlements|payments|contracts)|расчет\w* (?:за )?(?:российск\w* )?(?:экспорт|импорт)\w*"
    r"(?! (?:в|из) (?:китай|кнр))"
)
OTHER_SCOPE = _re(r"\bworld\b(?! bank)|global|全球|世界|境外|мировой|мирово\w*")

TRADE = _re(
    r"trade|turnover|товарооборот|торговл|exports?|imports?|贸易|commerce|comercio|экспорт"
    r"|импорт|出口|进口|貿易|進口"
    r"|shipments|deliveries to russia|торгов\w* оборот|товаров|поставк\w*|ввез\w*|ввозе?"
    r"|trading volume|(?:supplies|deliveries) (?:of goods )?(?:from|to) (?:china|russia)"
)
GDP = _re(
    r"(?<![a-z])gdp(?![a-z])|gross domestic product|\beconom(?:y|ies)\b|ввп|国内生产总值"
    r"|\bэкономик[аиуеой]\b|经济总量|經濟總量|國內生產總值"
    r"|produced goods and services"
)
# a province, region or city: its GDP is none of the countries'
SUBNATIONAL = _re(
    r"\bprovinc|\bregion(?:al)?\b|\bcity\b|guangdong|shanghai|провинци|регион|\bгород|гуань?дун"
    r"|省|市"
)
PPP = _re(r"\bppp\b|purchasing[- ]power|\bппс\b|паритет")
BLOCKER = _re(
    r"invest|loan|\bdeal\b|contract|budget|reserves|debt|\bfund|net worth|valued|credit|swap"
    r"|bonds?\b|\barms\b|weapon|military|defen[cs]e|market cap|capitali[sz]ation|revenue|profit"
    r"|spend|\baid\b|\bprice|\bcost|tourism|tourists|per capita|wealth|surplus|deficit"
    r"|trade balance|inflation|interest rate|key rate|exchange rate|tariff|\btax|\bdut(?:y|ies)\b"
    r"|discount|\bstake\b|\bpoll|survey|unemployment|market share|car market"
    r"|инвестиц|профицит|дефицит|сальдо|投资|投資|顺差|順差|逆差"
)
BARE_FLOW = _re(
    r"\b(?:exports?|imports?)\b|(?<![а-яё])(?:экспорт|импорт)(?:а|ом|у|е)?(?![а-яё])"
    r"|(?:(?<![进進])出口|[进進]口)(?=[^，,。；;]{0,4}?(?:增长|增長|下降|减少|減少|达|達|为|為|额|額|\d))"
)  # not "进口博览会", "进口数据": a flow with its verb or figure
DAILY = _re(r"\bdaily\b|per day|a day\b|/day|в сутки|每日|日均")

# a country's trade with the whole world, not with the other country
WORLD_TRADE = _re(
    r"(?:russia|china)(?:'s|’s|n|ese)? (?:total |overall )?(?:foreign|external|international)"
    r" (?:trade|commerce)|(?:russia|china)(?:'s|’s) (?:total|overall) (?:trade|exports|imports)"
    r"|(?:foreign|external) trade (?:turnover )?of (?:russia|china)|with the world|global trade"
    r"|world trade|внешнеторгов\w* оборот|внешней торговли|对外贸易|外贸"
)
# one product's or sector's trade, not the total ("car exports to Russia", "exports of oil")
_PRODUCT = (
    r"(?:oil|crude|petroleum|coal|lng|gas|grain|wheat|soybeans?|cars?|vehicles?|automobiles?"
    r"|machinery|electronics?|agricultur\w*|farm|food|timber|wood|seafood|fish|metals?|copper"
    r"|alumin\w*|steel|fertili[sz]ers?|energy|smartphones?|equipment|arms)"
)
_FLOW = r"(?:trade|exports?|imports?|sales|shipments|supplies|deliveries|purchases)"
PRODUCT_FLOW = _re(
    rf"\b{_PRODUCT}(?:\s+[\w-]+){{0,2}}?\s+{_FLOW}\b"
    rf"|\b{_FLOW} (?:of|in) (?:[\w-]+ ){{0,2}}?{_PRODUCT}\b"
    r"|\btrade in services\b|\bservices? trade\b|服务贸易|服務貿易"
    r"|(?:天然气|天然氣|原油|石油|煤炭|能源|汽车|汽車|农产品|農產品|设备|設備)[^，,。；]{0,4}"
    r"(?:出口|进口|進口|贸易|貿易|供应|供應)"
    r"|(?:экспорт|импорт|поставк|закупк)\w* (?:[\w-]+ )?(?:газа|нефти|угля|энергоносител\w*"
    r"|автомобил\w*|зерна|сжиженного)"
)
# the goods a sum buys ("$60 billion worth of Russian oil", "imported Russian oil worth")
PRODUCT_AFTER = _re(
    r"^\s*[)）]?\s*(?:worth |(?:fall|rise|drop|increase|growth|decline|jump|surge)\s+)?(?:of|in) "
    rf"(?:[\w-]+ ){{0,2}}?{_PRODUCT}\b"
)
# one product's trade in Russian and Chinese ("экспорт российской нефти", "天然气出口额")
PRODUCT_RU_ZH = _re(
    r"(?:экспорт|импорт|поставк|ввоз|продаж)\w*\s+(?:[\w-]+\s+){0,2}?(?:нефт|газ|угл|угол|зерн"
    r"|пшениц|автомоб|машин|оборудован|электроник|лес|древесин|рыб|морепродукт|металл|мед|алюмин"
    r"|стал|удобрен|энергоносител|сжиженн|спг)\w*"
    r"|(?:нефт|газ|угл|зерн|автомоб|машин|оборудован|удобрен|спг)\w*\s+(?:[\w-]+\s+){0,1}?"
    r"(?:экспорт|импорт|поставк|ввоз|продаж)\w*"
    r"|(?:天然气|天然氣|液化天然气|石油|原油|煤炭?|汽车|汽車|设备|設備|粮食|糧食|农产品|農產品|木材"
    r"|海产品|钢铁|鋼鐵|化肥|能源|机电|機電|电子|電子|高科技|高新技术|器材)[^，,。；;\d]{0,8}?(?:出口|进口|進口|供应|供應"
    r"|贸易|貿易|销售|銷售)"
)
PRODUCT_BEFORE = _re(
    rf"\b(?:bought|purchased|sold|imported|exported|shipped|buys|sells) (?:[\w-]+ ){{0,3}}?"
    rf"{_PRODUCT}\b"
)
# the rest of the words after "Russia's foreign trade": a partner named makes it bilateral
BILATERAL_AFTER = _re(
    r"with (?:china|russia)|between|bilateral|two countries|между|двух стран|двумя странами"
    r"|с (?:китаем|россией|кнр|рф)|with (?:the )?(?:russian federation|prc|people's republic)"
    r"|с российской федерацией|с китайской народной"
)
# "3 % of China's": the economy whose trade a share is of, written without the word trade
OF_ECONOMY = _re(
    r"^\s*(?:share )?(?:of|in) (?:the )?(?P<who>china|russia)(?:'s|’s)(?=\s*(?:[.,;)]|$"
    r"|total|foreign|overall|external|international|trade))"
)
ALL_ROUTES = _re(
    r"total (?:volume of )?(?:gazprom(?:'s|’s)? )?(?:gas )?(?:deliveries|supplies|exports)"
    r"(?! for the (?:full |whole )?year)"
    r"|taking into account|together with|combined|altogether|in total|cumulative(?:ly)?|累计|累計"
    r"|с учетом|при учете|в общей сложности|合计|总计|共计|all routes|overall (?:gas )?"
    r"|total capacity|(?:общ|суммарн)\w+ мощност\w*"
    r"(?:deliveries|supplies|exports)|gazprom(?:'s|’s)? (?:gas )?(?:deliveries|supplies|exports)"
)
# every route's capacity together, in the figure's own clause
TOTAL_CAPACITY = _re(r"total capacity|(?:общ|суммарн)\w+ мощност\w*|总能力|總能力")

# direction of a flow, nearest mention wins
EXPORTS_CN = _re(
    r"(?:china|chinese|beijing)(?:'s|’s)? exports|exports? (?:from china )?to russia"
    r"|russia(?:'s|’s) imports|imports from china|exports from china|supplies from china"
    r"|china exported|russia imported|экспорт\w* (?:из )?китая в россию|импорт\w* из китая"
    r"|exports? (?:from china )?to (?:the )?russian federation"
    r"|[对對]俄(?:罗斯|羅斯)?的?出口|自华进口|импорт\w* китайск\w*"
    r"|(?:china|chinese|beijing) (?:supplied|shipped|sold|delivered)"
    r"|(?:supplies|deliveries|shipments|sales)(?: of goods)?(?: from china)? to (?:russia|moscow)"
    r"|imports of chinese (?:goods|products)"
    r"|импорт\w* (?:россии |рф )?из (?:китая|кнр)|китайск\w* экспорт\w*"
    r"|экспорт\w* (?:китая |кнр )?в (?:россию|рф)"
    r"|(?:китай|кнр)\s+(?:[\w-]+\s+){0,4}?в\s+(?:россию|рф)\b|自中[国國](?:进口|進口)"
    r"|(?:поставк\w*|экспорт\w*) со стороны (?:пекина|китая|кнр)"
    r"|(?:китай|пекин|кнр) (?:поставил\w*|продал\w*|экспортировал\w*|нарастил\w*|ввез\w*)"
    r"|экспорт\w* (?:[\w-]+ ){0,2}?в (?:россию|рф)\b|импорт\w* (?:[\w-]+ ){0,2}?из (?:китая|кнр)\b"
    r"|[从從]中[国國]的?(?:商品|货物|貨物)?(?:进口|進口)"
)
IMPORTS_CN = _re(
    r"(?:russia|russian|moscow)(?:'s|’s)? (?:commodity |goods |merchandise )?exports"
    r"|exports? (?:from russia )?to china"
    r"|china(?:'s|’s)? imports|imports from russia|exports from russia"
    r"|supplies from russia|russia exported|china imported|экспорт\w* (?:из )?россии в китай"
    r"|импорт\w* из россии|импорт\w* (?:россии )?в китай|自俄(?:罗斯|羅斯)?的?[进進]口"
    r"|[对對]华出口|[对對]中国的?出口|экспорт\w* российск\w*"
    r"|russia (?:supplied|shipped|sold|delivered)|(?:supplies|deliveries|shipments)(?: of [\w ]+?)?"
    r" from russia|(?:supplies|deliveries|shipments)(?: from russia)? to (?:china|beijing)"
    r"|imports of russian (?:goods|products)"
    r"|(?:shipments|supplies|deliveries|exports|sales) of russian (?:goods|products)"
    r"|российск\w* экспорт\w*|экспорт\w* (?:россии |рф )?в (?:китай|кнр)|импорт\w* (?:китая |кнр )?"
    r"из (?:россии|рф)|(?:росси[яи]|рф)\s+(?:[\w-]+\s+){0,4}?в\s+"
    r"(?:китай|кнр)\b|(?:поставк\w*|ввоз\w*) из (?:россии|рф)|импорт\w* российск\w*"
    r"|импорт\w* (?:[\w-]+\s+){0,2}?в (?:китай|кнр)\b|(?:поставк\w*|экспорт\w*) со стороны"
    r" (?:москвы|россии|рф)|(?:росси[яи]|москва|рф) (?:поставил\w*|продал\w*|экспортировал\w*"
    r"|нарастил\w*|ввезл\w*)|對華出口|自俄(?:罗斯|羅斯)?進口"
    r"|экспорт\w* (?:[\w-]+ ){0,2}?в (?:китай|кнр)\b|импорт\w* (?:[\w-]+ ){0,2}?из (?:россии|рф)\b"
    r"|[从從]俄(?:罗斯|羅斯)?的?(?:商品|货物|貨物)?(?:进口|進口)"
)
TOTAL = _re(
    r"imports? and exports?|exports? and imports?|进出口|進出口|贸易额|貿易額|turnover|total trade"
    r"|bilateral trade|trade between|trade volume|trading volume|volume of trade"
    r"|trade (?:with|between) (?:china|russia)|товарооборот|объем торговли|торгов\w* оборот"
)
EXPORTED = _re(r"\bexport(?:ed|ing)\b|\bsold\b|\bselling\b")
IMPORTED_VERB = _re(r"\bimport(?:ed|ing)\b|\bbought\b|\bbuying\b")
# a sentence naming one direction of trade or the other, in any language the checker reads
FLOWS = _re(rf"{EXPORTS_CN.pattern}|{IMPORTS_CN.pattern}|экспорт|импорт")

# which way a named flow goes, seen from its subject: "China's exports", "Russia's imports"
FLOW_KIND = _re(
    r"(?P<exports>export|экспорт|出口|shipments|supplies|deliveries|sales|sold|shipped|supplied"
    r"|delivered)|(?P<imports>import|импорт|进口|進口|bought|purchas|ввоз)"
)

RESPECTIVELY = _re(r"respectively|соответственно|分别|分別")
DIRECTIONS = (
    ("trade_cn_exports_to_ru", EXPORTS_CN),
    ("trade_cn_imports_from_ru", IMPORTS_CN),
)

SETTLEMENT = _re(
    r"settle|settlement|national currenc|local currenc|own currenc|本币|结算"
    r"|(?:rubles?|roubles?|rublos?)\s*(?:and|e|y|и)\s*(?:yuans?|renminbi)"
    r"|(?:yuans?|renminbi)\s*(?:and|e|y|и)\s*(?:rubles?|roubles?)"
    r"|payments?|paid|transactions?|conducted (?:using|in)|made in|share of (?:the )?yuan"
    r"|yuan(?:'|’)?s share|ruble(?:'|’)?s share|ruble share|yuan share|in renminbi|in rubles"
    r"|share of (?:the )?(?:ruble|rouble|yuan|renminbi|national currencies)"
    r"|in yuan|расч[её]т|национальн\w* валют|нацвалют|в рублях|в юанях|人民币结算"
)
CURRENCY = _re(
    r"(?P<both>national currenc|local currenc|own currenc|本币"
    r"|(?:rubles?|roubles?|rublos?)\s*(?:and|e|y|и)\s*(?:chinese )?(?:yuans?|renminbi|rmb)"
    r"|(?:yuans?|renminbi|rmb)\s*(?:and|e|y|и)\s*(?:russian )?(?:rubles?|roubles?)"
    r"|национальн\w* валют|нацвалют|рубл\w*\s*и\s*юан\w*|юан\w*\s*и\s*рубл\w*"
    r"|(?:rubles?|roubles?)\s*or\s*(?:yuans?|renminbi)|(?:yuans?|renminbi)\s*or\s*(?:rubles?|roubles?)"
    r"|рубл\w*\s*или\s*юан\w*|юан\w*\s*или\s*рубл\w*|本幣"
    r"|(?:人民币|人民幣)\s*[和与與或及]\s*(?:卢布|盧布)|(?:卢布|盧布)\s*[和与與或及]\s*(?:人民币|人民幣))"
    r"|(?P<yuan>yuan|renminbi|\brmb\b|юан|人民币)|(?P<ruble>rubles?|roubles?|рубл|卢布)"
)
RU_EXPORTS = _re(r"supplies from russia|russian exports|exports? (?:from russia )?to china")
RU_IMPORTS = _re(
    r"chinese imports|imports from china|russian imports|chinese exports|exports from china"
    r"|exports to russia"
)

SHARE = _re(
    r"share|accounted for|accounting for|accounts for|account for|percent of|per cent of"
    r"|% of|доля|corresponde|makes up|made up|proportion|比重|占比|份额|份額|佔比|占|佔"
)
OF_RUSSIA_TRADE = _re(
    r"russia(?:'s|’s|n)? (?:total |foreign |international |overall |external |world )*"
    r"(?:trade|commerce)|(?:foreign |international |total )?trade of (?:the )?russia"
    r"|российской торговле|внешн\w* торговл\w* россии|comercio exterior de rusia"
    r"|внешнеторгов\w* оборот\w* (?:россии|рф)|俄罗斯(?:对外|外)贸|俄羅斯(?:對外|外)貿"
)
# a share of one flow only ("27 % of Russian exports", "39 % of imports", "% российского
# экспорта", "占俄罗斯出口的"): the tracked shares are of total trade
OF_ONE_FLOW = _re(
    r"^\s*(?:share )?(?:of|in) (?:the )?(?:(?:russia|china|russian|chinese)(?:'s|’s|n|ese)? "
    r"|its |their )?(?:total |overall )?(?:(?!trade\b|commerce\b)[a-z-]+ ){0,2}?"
    r"(?:exports|imports)\b"  # "of Russia's car imports": a product's flow is one flow too
    r"|^\s*(?:(?:всего|всех|общего) )?(?:российского |китайского )?(?:\w+[ое]го )?"
    r"(?:экспорта|импорта)"
)
OF_ONE_FLOW_BEFORE = _re(
    r"占(?:俄罗斯|俄羅斯|中国|中國)?(?:对外|對外)?(?:(?![进進贸貿])[\u4e00-\u9fff]){0,3}?"
    r"(?:出口|进口|進口)"
)
OF_CHINA_TRADE = _re(
    r"china(?:'s|’s)? (?:total |foreign |international |overall |external |world )*"
    r"(?:trade|commerce)"
    r"|chinese (?:total |foreign |international |overall |external )*trade"
    r"|(?:foreign |international |total )?trade of china|中国(?:对外|外)贸|中國(?:對外|外)貿"
    r"|внешн\w* торговл\w* (?:китая|кнр)|внешнеторгов\w* оборот\w* (?:китая|кнр)"
)
# "China is Russia's largest trading partner, accounting for 29 %": a share of Russia's trade
PARTNER_OF = _re(
    r"(?P<who>russia|china)(?:'s|’s|ʼs)(?: [\w-]+){0,2}? (?:trade|trading|commercial) partner"
)
OF_CHINA_GAS_IMPORTS = _re(r"china(?:'s|’s)? (?:total |overall |natural |)*gas imports")

# a fall, in the words of each language (a rise lists these too: growth either way)
_FALL = (
    r"fell|fall|falls|fallen|dropped|drops?|down|declin(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)"
    r"|shrank|shrunk|shrinks?|shrinking|contract(?:ed|ing|ion)|lower|plung(?:e|es|ed|ing)"
    r"|slump(?:s|ed|ing)?|falling|dropping|reduc(?:ed|ing|tion)|slid|slides?|sliding|sank"
    r"|tumbl(?:e|es|ed|ing)|slipp(?:ed|ing)|dipped|lost"
    r"|less than (?:in|a year|the (?:previous|same|prior))"
)
_FALL_RU = (
    r"сократил\w*|снизил\w*|упал\w*|снижени\w*|падени\w*|сокращени\w*|уменьшил\w*"
    r"|снижа\w*|сокраща\w*|уменьша\w*|уменьшени\w*|обвалил\w*|просел\w*|меньше,? чем"
    r"|(?:меньше|ниже) (?:показател|уровн|аналогичн|прошл|предыдущ)\w*"
)
# "на 26 % больше показателя 2022 года": a rise against the year before
_MORE_RU = r"(?:больше|выше) (?:показател|уровн|аналогичн|прошл|предыдущ)\w*"
_FALL_ZH = r"下降|减少|減少|下滑|下跌|回落|降低|萎缩|萎縮|縮減|缩减|微降|略降|小降"
_RISE_RU = r"вырос\w*|увеличил\w*|рост\w*|прирост\w*|увеличени\w*|подскочил\w*"
GROWTH = _re(
    r"\b(?:rose|rise|rises|risen|rising|grew|grow|grows|growth|increased?|increases|increasing"
    r"|up|gained?|surged?|jumped?|climbed?|soared?|higher|growing|expanding|expanded|jumping"
    rf"|surging|climbing|{_FALL}|year[- ]on[- ]year|y/y|yoy|y-o-y|annual terms|{_RISE_RU}"
    rf"|{_FALL_RU}|more than (?:in|a year|the (?:previous|same|prior))|больше,? чем|added"
    rf"|{_MORE_RU})\b|同比|增长|增長|增加|年增|成長|成长|增速|增幅|{_FALL_ZH}"
    r"|[—–]\s*(?:на|by)\s"  # the verb left out: "imports of Chinese goods — by 47 %"
)
# a growth verb just before a multiple: "rose 1.5 times", "boosted supplies 1.5-fold"
GROWN_BY = _re(
    r"\b(?:rose|risen|grew|grown|increased|boosted|raised|jumped|surged|expanded|climbed|soared"
    r"|multiplied"
    r"|вырос\w*|увеличил\w*|增长了?|增加了?)\b[^.,;]{0,60}?(?:\bby |\bв )?(?:about |almost "
    r"|nearly |more than |over |около |почти |более чем )?$"
    r"|是\s*(?:19|20)\d\d\s*年(?:同期)?的\s*$"  # "是2022年的1.5倍": 1.5 times the year before
)
# "1.5 times more than in 2022", "в полтора раза больше, чем в 2022 году": growth over a year
MORE_THAN_YEAR = _re(
    r"\s*(?:more|higher|larger|больше|выше)\b[^.;]{0,12}?\b(?:than|чем)\s+(?:in\s+|в\s+)?"
    r"(?:19|20)\d\d"
)
DOWN = _re(rf"\b(?:{_FALL}|{_FALL_RU})\b|{_FALL_ZH}")
# a change over a month or a quarter, not over a year
MONTH_ON_MONTH = _re(
    r"month[- ](?:on|over)[- ]month|quarter[- ](?:on|over)[- ]quarter|\bm/m\b|\bmom\b|\bq/q\b"
    r"|(?:than|from|compared (?:with|to)|over|versus|vs\.?) (?:in |the )?"
    r"(?:previous|prior|preceding|last) (?:month|quarter)"
    r"|(?:than|from|compared (?:with|to)|versus|vs\.?) (?:in )?"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
    r"\b(?!\s*(?:\d|of\b|last year|a year|(?:to|through|till|until|and|[-–—])\s*(?:jan|feb|mar"
    r"|apr|may|jun|jul|aug|sep|oct|nov|dec)))"
    r"|环比|環比"
    r"|в помесячном выражении|к предыдущему месяцу"
    r"|(?:\bк|по сравнению с|против|относительно)\s+(?:январ|феврал|март|апрел|ма[яюе]\b|июн|июл"
    r"|август|сентябр|октябр|ноябр|декабр)\w*(?!\s*(?:\d|по\b|[-–—]))"
    r"|чем\s+в\s+(?:январ|феврал|март|апрел|ма[яюе]\b|июн|июл|август|сентябр|октябр|ноябр"
    r"|декабр)\w*(?!\s*\d)|(?:январск|февральск|мартовск|апрельск|майск|июньск|июльск"
    r"|августовск|сентябрьск|октябрьск|ноябрьск|декабрьск)\w*\s+(?:результат|показател|уровн)"
)
# the change a rate is named as, right after it: "a 3 % decline", "25.7%的增幅", "5 % роста"
CHANGE_AFTER = _re(
    r"^\s*(?:(?:year[- ]on[- ]year|y/y|annual|yearly|annuali[sz]ed)\s+)?(?:(?P<fall>declines?"
    r"|drops?|falls?|decreases?|contraction|slump|plunge|reduction)|rise|increase|growth|gain"
    r"|jump|surge)\b"
    r"|^\s*的?(?:(?P<zhfall>降幅|跌幅)|增幅|涨幅|漲幅)"
    r"|^\s*(?:(?P<rufall>падени|снижени|сокращени)|рост|прирост)\w*\b"
)
# a rate compared with another rate, not a rise or fall: "much lower than the 20.8 % of 2017"
THAN_BEFORE = _re(
    r"\b(?:lower|higher|less|more|smaller|larger|greater|bigger|faster|slower)\s+than"
    r"\s+(?:(?:the|a|an|its|their)\s+)?(?:[\w-]+\s+){0,2}$"
)
# a rise (the nearest of a rise and a fall word gives a growth rate its sign)
UP = _re(
    r"\b(?:rose|rise|rises|risen|rising|grew|grow|grows|growth|increased?|increases|increasing"
    r"|up|gained?|surged?|jumped?|climbed?|soared?|higher|growing|expanding|expanded|jumping"
    rf"|surging|climbing|{_RISE_RU}|more than (?:in|a year|the (?:previous|same|prior))"
    rf"|больше,? чем|added|{_MORE_RU})\b|增长|增長|增加|年增|成長|成长"
)

POS2 = _re(
    r"西伯利[亚亞]力量\W{0,2}(?:2(?!\d)|二)|power of siberia[- ]?2(?!\d)"
    r"|сил\w* сибири[ —–-]*2(?!\d)"
    r"|power of siberia two|western route|power of siberia\)\s*2(?!\d)"
    r"|(?:via|through|across) mongolia|soyuz vostok|через (?:территорию )?монголи\w*|союз восток"
    r"|[经經]蒙古|[过過]境蒙古"
)
FAR_EAST = _re(
    r"far[- ]eastern (?:route|corridor)|far east route|from sakhalin|远东线路|遠東線路|远东路线"
    r"|遠東路線|дальневосточн\w*[\"»”]?\s+маршрут"
)
# a sentence after one about the Power of Siberia that is still about it
PIPELINE_BACK = _re(
    r"\b(?:it|its|they|their|the pipeline|the route|the link|the line|this pipeline|deliveries"
    r"|(?:above[- ]mentioned|aforementioned) (?:pipeline|route)"
    r"|supplies|flows?|the figure|the volume|that|this|the gas pipeline|the project)\b"
    r"|газопровод\w*|поставк\w*|объ[её]м\w*|по нему|через него|прокачан\w*|прокачк\w*"
    r"|该管道|該管道|供气量|供氣量|输气量|輸氣量"
)
# China as the destination of a route's gas, not China's gas at large
TO_CHINA = _re(r"\bto china|into china|в китай|в кнр|向中国|向中國|对华|對華|进入中国|進入中國")
GAZPROM = _re(r"gazprom|газпром|俄气|俄氣|alexe?y miller|алексе\w* миллер")
CHINESE_MARKET = _re(r"(?:to|on) the chinese market|на китайский рынок|(?:出口)?至中[国國]")
POS = _re(
    r"power of siberia|sila sibiri|сил[аеыуой]+ сибири|(?<!far )(?<!far-)eastern route|东线|東線"
    r"|西伯利亚力量|西伯利亞力量"
)
CAPACITY = _re(r"capacity|design|мощност|производительност|能力")
GAS = _re(
    r"\bgas\b|\blng\b|газ|天然气|天然氣|\bbcm\b|cubic met|кубометр|立方米|供气|供氣|输气|輸氣"
)
LNG = _re(r"\blng\b|liquefied|液化|\bспг\b|сжиженн")
PIPELINE = _re(r"pipeline|piped|管道|газопровод|трубопровод")
FROM_RUSSIA = _re(
    r"from russia|russian (?:pipeline |natural |piped )?(?:gas|lng)"
    r"|russia(?:'s|’s) (?:pipeline )?gas"
    r"|russia(?:'s|’s|n)?(?: [\w-]+){0,3} (?:exports?|supplies|deliveries|supplied|exported)"
    r"|俄罗斯对华|俄羅斯對華|自俄|从俄罗斯|從俄羅斯|来自俄罗斯|來自俄羅斯|俄罗斯向中国|俄羅斯向中國"
)
CONSUMPTION = _re(r"consum|demand|потреблен")
IMPORTED = _re(
    r"import|transported to china|shipped to china|bought|purchase"
    r"|(?:exports?|exported|supplies|supplied|supply|deliveries|delivered|deliver|sent)\b"
    r"(?:[^.]|\.(?=\d)){0,40}\bto china"  # past a decimal point: "deliver 4.1 bcm … to China"
    r"|进口|進口|对华|對華|向中国|向中國|出口至中[国國]|импорт|закуп|купил|ввез"
    r"|(?:экспорт|поставк)\w*(?:[^.]|[.,](?=\d)){0,40}\bв (?:китай|кнр)\b"
)
# pipeline gas and LNG named together as the parts of one figure: China's total gas imports
BOTH_ROUTES = _re(
    r"(?:pipelines?|piped|трубопровод\w*|管道)[^.;:\d]{0,20}?(?:\band\b|\bи\b|和|及|与)"
    r"[^.;:\d]{0,15}?(?:\blng\b|\bспг\b|liquefied|液化)"
    r"|(?:\blng\b|\bспг\b|liquefied|液化)[^.;:\d]{0,20}?(?:\band\b|\bи\b|和|及|与)"
    r"[^.;:\d]{0,15}?(?:pipelines?|piped|трубопровод\w*|管道)"
    r"|\bincluding pipeline gas\b"
)

TARGET = _re(
    r"target|goal|\baim|\bplans?\b|pledged?|seek|strive|vowed|set to be achieved|задач|довести"
    r"|to (?:increase|raise|boost|bring|double|lift)|цел[ьи]|планиру|договорил\w*|намерен\w*"
    r"|目标|目標|同意|力争|力爭|任务|任務"
)
# a level a change starts from ("from $107 billion in 2018 to $200 billion", "从1000亿美元增至"):
# neither the goal nor of the period after it
FROM_LEVEL = _re(r"(?:\bfrom|从|從|\bс)\s*[^,，。;；]{0,12}$")
TO_LEVEL_END = _re(r"(?:\bto|到|至|\bдо)\s*(?:us\s?\$|\$)?$")
TO_LEVEL = _re(r"^[^,，。;；\d]{0,15}?(?:\bto\b|到|至|\bдо\b)")
FORECAST = _re(
    r"could|would|expected|expects|forecast|projected"
    r"|will (?:reach|exceed|hit|total|top|grow|be|amount|make up|stand|come)"
    r"|likely|may reach|might|estimate[sd]? to|on track|прогноз|ожида"
)
PLANNED = _re(
    r"\bwill\b|\bplan|decision|memorandum|agree|expand|construction|to be built|proposed"
    r"|increase supplies|raise supplies|to increase|uplift|announced"
    r"|будет|позволит|планиру\w*|увелич\w*|将|將|计划|計劃|调升|調升|增至|提高"
)
# a built pipeline's capacity raised above its design: the plan, not the design figure
UPLIFT = _re(r"increas|rais|uplift|expand|boost|увелич\w*|调升|調升|增至|提高")

ABOUT = _re(
    r"(?:about|around|approximately|approx\.?|roughly|some|nearly|almost|close to|just under"
    r"|an estimated|estimated|circa|~|约为?|约|около|почти|примерно|cerca de|alrededor de)"
    r"\s*(?:us\s?\$|\$|a record (?:high )?of\s*)?$"
)
MORE_THAN = _re(
    r"(?:more than|over|above|exceed(?:ed|ing|s)?|in excess of|at least|upwards of|已超过"
    r"|超过|超過|突破|逾|более|свыше|больше|превысил\w*|превышает|más de|mais de)"
    r"\s*(?:us\s?\$|\$)?$"
)
LESS_THAN = _re(
    r"(?<!rose )(?<!went )(?<!grew )(?<!climbed )(?<!jumped )(?<!moved )"
    r"(?:less than|under|below|fewer than|at most|no more than|not more than|up to|менее"
    r"|не более|menos de)\s*(?:us\s?\$|\$)?$"
)
BY_AMOUNT = _re(
    r"\bby\s*(?:over|more than|about|around|almost|nearly|some|roughly|approximately|just over"
    r"|just under|less than)?\s*(?:us\s?\$|\$)?$"
    rf"|(?:{_RISE_RU}|прибавил\w*|превы[сш]\w*|{_FALL_RU})"
    r"\s+(?:[\w-]+\s+){0,5}?на\s*(?:более чем |почти |около )?\$?$"
)
# "700 million cubic metres above the contracted volume": a difference from a plan
ABOVE_PLAN = _re(
    r"^[^,;.]{0,30}?\b(?:above|over|beyond|in excess of|more than|less than|below|short of)"
    r" (?:the |its )?(?:contract\w*|plan\w*|schedul\w*|target|obligations?|agreed)"
    r"|^[^,;.]{0,30}?(?:выше|больше|сверх|меньше|ниже)\s+(?:контракт|план|договор|обязательств)"
)
# words between a figure and a period that give the period to another figure
_COMPARED = (
    r"compared|against|versus|\bvs\b|\bthan\b|\bafter\b|\bчем\b|по сравнению|\bпротив\b"
    r"|\bкогда\b|относительно|相比|(?<![同环環])比|较|較"
)
OTHER_CLAUSE = _re(rf";|\bwhile\b|\bwhereas\b|\bbut\b|{_COMPARED}")
# a reporting clause between a figure and a later period separates them
COMPARED = _re(
    rf"{_COMPARED}|\bup from|\bdown from|\battribut\w*|\breported\b|\bsaid\b|according to"
)
# "compared with just 2 %", "up from $190 billion": the same measure as the figure before it
COMPARED_TO = _re(
    r"(?:compared (?:with|to)|against|versus|\bvs\.?|up from|down from|than|по сравнению с"
    r"|против|чем|相比|比)\s*(?:just |only |a mere |about |around |roughly |some |всего |лишь )?"
    r"(?:us\s?\$|\$)?$"
)

CHN_REPORTER = _re(
    r"china(?:'s|’s)? (?:general administration of )?customs|chinese (?:general administration "
    r"of )?customs|general administration of customs|\bgacc\b|china customs|chinese data"
    r"|chinese (?:official )?(?:statistics|figures)|beijing(?:'s|’s)? (?:data|figures)"
)
RUS_REPORTER = _re(
    r"russia(?:'s|’s)? (?:federal )?customs|russian (?:federal )?customs|federal customs service"
    r"|\bfcs\b|rosstat|russian data|russian (?:official )?(?:statistics|figures)|фтс"
)
ATTRIBUTION = (
    _re(
        r"according to (?:…\s*|\.\.\.\s*)?(?:a report by |data from |figures from |new data "
        r"released by |data released by |statistics from )?(?P<who>[^,;:()]{3,90}?)"
        r"(?=\s*[,;:(]|\.\s|\.?$)"
    ),
    _re(
        r"(?:citing|cited by|data from|figures from|statistics from) (?P<who>[^,;:()]{3,80}?)"
        r"(?=\s*[,;:(]|\.\s|\.?$)"
    ),
    re.compile(r",\s*(?P<who>(?:the |a )?[A-Z][^,;]{2,80}?) (?:said|says|reported|announced)\b"),
)

# when the Power of Siberia started, and when it reached its design capacity
STARTED = _re(
    r"\b(?:began|begun|begins|started|starts|launch(?:ed|es)?|commissioned|came on stream"
    r"|start(?:s|ed|ing)? (?:supplying|deliver\w*|pumping|shipping)"
    r"|went into operation|(?:brought|put) into (?:operation|service)|entered (?:into )?"
    r"(?:service|operation)|first (?:gas|deliveries)|start(?:ed)? piping)"
    r"|始于|始於|开始|開始|投产|投產|начал\w*|запущен\w*|стартова\w*"
)
# a first stage ("initial deliveries of 2 bcm a year", "首期每年50亿立方米"), not "from an initial
# 10 to 12" (a plan raised)
INITIAL = _re(
    r"(?<!from )(?<!from an )\b(?:initial(?:ly)?|first[- ]stage|first phase|at first)\b"
    r"[^,;.]{0,30}$"
    r"|(?:首期|初期|第一阶段|第一階段)[^,，;；。]{0,12}$|первоначальн\w*[^,;.]{0,30}$"
    r"|на первом этапе[^,;.]{0,30}$"
)
# the whole line completed, not the start of deliveries ("全线投产", "along its entire length")
WHOLE_LINE = _re(
    r"全线|全線|entire length|whole length|full length|whole route|entire route"
    r"|на всем протяжении|на всём протяжении|полностью"
)
# a start in the past tense: a route that has started, not one planned
BEGAN = _re(
    r"(?<!will be )(?<!to be )(?<!would be )"
    r"\b(?:began|begun|started|launched|commissioned|came on stream|went into operation"
    r"|(?:was|were) (?:brought|put) into (?:operation|service))\b"
    r"|начал\w*сь|запущен|始于|始於|投产|投產"
)
# a date still ahead in the words of its clause ("is due to", "выйдет на", "将于")
DATE_AHEAD = _re(
    r"\bdue\b|scheduled|\bset to\b|slated|\bwill\b|выйдет|выйти|достигнет|начн\w*|будут?\b"
    r"|将于|將於|將于|将於|预计|預計"
)
ANNUAL = _re(r"\bannual|\byearly|每年|年度|ежегодн|годов")
GAS_FLOW = _re(
    r"\bgas\b|pipeline|deliveries|supplies|piping|exports|газ|поставк|天然气|天然氣|供气|供氣"
    r"|输气|輸氣|管道"
)
FULL_CAPACITY = _re(
    r"(?:reach\w*|hit|attain\w*|achiev\w*|ramp\w* up to|brought to|operat\w* at|выш\w* на)"
    r"\s+(?:its\s+|the\s+)?(?:full|maximum|design|planned|проектн\w*)\s+(?:design\s+)?"
    r"(?:capacity|мощност\w*)|\bto (?:its |the )?(?:full|maximum|design)(?: design)? capacity"
    r"|\bto (?:its |the )?design maximum"
    r"|(?:выйд|выш|выход|выв)\w*(?:\s+[^\s.,;]+){0,4}?\s+на\s+(?:полн|проектн|максимальн)\w*"
    r"\s+(?:[\w-]+\s+)?(?:мощност|производительност|уров)\w*|(?:达到|達到|实现|實現)(?:了)?(?:设计|設計|满负荷|滿負荷)"
)


@lru_cache(maxsize=2048)
def has(pattern: re.Pattern[str], text: str) -> bool:
    """Whether a pattern occurs (cached: every figure of a sentence asks about the sentence;
    extract.py and evidence.py share it, hence twice the room of either)."""
    return pattern.search(text) is not None

# Tibetan PCRE2 patterns, run on the normalised text (one spelling per stack, U+0F0B tsheg,
# Tibetan digits as 0-9, a space between syllables turned into a tsheg). See dict/zh/patterns.re
# for how sections work, dict/bo/NOTES.md for the words.
#
# Conventions used below:
#   (?<![\x{0F40}-\x{0FBC}])  a word starts on a syllable boundary (tsheg, shad, digit, start)
#   (?![\x{0F40}-\x{0FBC}])   a word ends on a syllable boundary
#   [^།\n]{0,N}?              the shortest stretch inside one clause (shad and line breaks stop it)
# The look-arounds also keep these patterns out of the Vectorscan pass, so each match is the
# shortest one from its start: an arrears match ends on its verb, and a negation that goes on
# past the verb (བསྒྱངས་མྱོང་མེད, བསྒྱངས་ན) overlaps it without being inside it, and cancels it.
# Every pay word inside a pattern is a [wage] term (@pay below): an arrears pattern counts only
# where it covers one.

# Word lists the patterns below share (dict/README.md, "Patterns"): @name stands for (?:list).
# not right after མ or མི (a negated verb: མ་བསྒྱངས is "not delayed")
@not_after_negation = (?<!(?<![\x{0F40}-\x{0FBC}])(?<!(?<!ཆ་)ཚང་)མ་)(?<!(?<![\x{0F40}-\x{0FBC}])མི་)
# not given or not received: past མ + stem (མ་སྤྲད), present མི + stem (མི་སྤྲོད), the stem with a
# negative existential (སྤྲད་མེད, ཐོབ་ཀྱི་མི་འདུག), never (སྤྲད་མ་མྱོང), could not (སྤྲོད་མ་ཐུབ, ལེན་ཐུབ་མེད)
@not_given = (?<![\x{0F40}-\x{0FBC}])(?<!(?<!ཆ་)ཚང་)མ་(?:སྤྲད|སྤྲོད|བྱིན|སྟེར|གནང|ཐོབ|རག|འབྱོར|སླེབས|ལོན|བཏང|བསྐུར|ཡོང|འཇལ|བབས)|(?<!ལུས་)(?<!བསྒྱངས་)(?<!འགྱངས་)(?<!པ་)མ་བྱུང|མི་(?:སྤྲོད|སྟེར|གནང|ཐོབ|རག|འབྱོར|སླེབས|ལོན|གཏོང|ཡོང|འཇལ)|(?:སྤྲད|སྤྲོད|བྱིན|སྟེར|གནང|ཐོབ|རག|འབྱོར|སླེབས|ལོན|བཏང|ཡོང|འཇལ|མཐོང)(?:་(?:ཀྱི|གྱི|གི|ཐུབ|ཐབས|འདོད|རྩིས|ཡོད|མཁན|པ))?་(?:མེད|མི་འདུག|མ་རེད|མིན)|(?:ཐོབ|རག|ཡོང|འབྱོར)་རྒྱུ(?:འི་རེ་བ|་ཡང)?་(?:མེད|མི་འདུག)|(?:སྤྲད|ཐོབ|རག|འབྱོར)་(?:མ་མྱོང|མྱོང་མེད)|ཆ་མི་ཚང|(?:སྤྲད|སྤྲོད|སྟེར|གནང|ཐོབ|རག|ལེན|བླང|ཡོང|འབྱོར|སླེབས|བབས)་མ་(?:ཐུབ|སོང|བྱུང)|(?:སྤྲད|སྤྲོད|སྟེར|གནང)་(?:ཀྱི་)?མི་བྱེད|(?:སྤྲད|ཐོབ|རག|སླེབས)་མ་ཡོ(?:་རེ)?|ལེན་ཐུབ་(?:མེད|མི་འདུག)
# held over, delayed, owed, left to pay, run off with, withheld, cut (not ཐག་བཅད "decided",
# not ཉེས་ཆད་གཅོད "fine", not the ནས་བཟུང of "since": ཟླ་7པ་ནས་བཟུང)
@held_back = བསྒྱངས|བསྒྱང|སྒྱངས|སྒྱང|འགྱངས|འགྱང|ཆད་ལུས|སྤྲོད་འཕྲོ|སྤྲད་འཕྲོ|(?:ད་དུང་|ད་བར་)?ལུས(?=་(?:ཡོད|འདུག|སོང))|(?:ཁྱེར|བླངས|འཁྱེར)་ནས་(?:བྲོས|ཡལ)|བཀག་ཉར|བཀག་འཛིན|བཀག་བཞག|བཀག|བཙན་འཁྲི|ཉར་བཞག|扣(?:་?བྱས)?|ཉར་(?:གྱི|ཀྱི|གི)་(?:ཡོད|འདུག)|ཉར་ཡོད|(?<!ནས་)བཟུང|(?<!ཐག་)(?<!ཆད་)(?:བཅད|གཅོད)
# a count of months or years: digits, a number word, "a few", "many", "half"
@number = [0-9]{1,9}|གཅིག|གཉིས|གསུམ|བཞི|ལྔ|དྲུག|བདུན|བརྒྱད|དགུ|བཅུ(?:་(?:གཅིག|གཉིས|གསུམ|བཞི|དྲུག|བདུན|དགུ))?|བཅོ་(?:ལྔ|བརྒྱད)|ཁ་ཤས|མང་པོ|ཕྱེད
# a span: ཟླ་བ་གསུམ, ཟླ་3, ལོ་གཅིག
@how_long = ཟླ(?:་བ)?་?@number|ལོ་(?:[0-9]{1,9}|གཅིག|གཉིས|ཕྱེད)
# the span it has lasted, as it stands before the pay: ཟླ་བ་གསུམ་རིང, ཟླ་བ་ལྔའི, ལོ་གཅིག་ལ
@for_how_long = @how_long(?:་ལྷག|་ཙམ)?(?:་རིང|་ལ|འི|་ཀྱི|་གྱི)?་?
# the one who pays: company, boss, the person in charge, the employer
@payer = ཀུང་སི|ལོ་པན|ལས་འགན་ལེན་མཁན|བཀོལ་མཁན|དོ་དམ་ཀུང་སི
# to or of whom, after the payer: ང་ཚོར, ལས་མི་ཚོའི
@to_whom = ་ང་ཚོར|་ང་ཚོ་ལ|་ངེད་ཚོར|་ཁོང་ཚོར|་ཁོང་ཚོ་ལ|་ང་ཚོའི|་ངེད་ཚོའི|་ཁོང་ཚོའི|་ལས་མི་ཚོའི|་ལས་མི་ཚོར|་ལས་མིའི|་ལས་མིར
# the payer with its agentive (ཀུང་སིས, ལོ་པན་གྱིས ང་ཚོར), or "to us / to them" alone
@who_owes = @payer(?:ས|་ཡིས|་ཀྱིས|་གྱིས|་ནས)@to_whom?་|(?:ང་ཚོ|ངེད་ཚོ|ཁོང་ཚོ|ཁོ་མོ)(?:ར|་ལ)་
# the pay (every word here is a [wage] term: an arrears pattern counts only where it covers one)
@pay = ལས་ཀའི་གླ|ལས་ཀ་བྱས་པའི་དངུལ|ཕོགས་ཆ|ཕོག་ཆ|ཕོགས་གླ|ཕོགས་དངུལ|ཕོགས་ཐོབ|ཟླ་ཕོགས|ཟླ་ཕོག|ཟླ་གླ|ལོ་ཕོགས|ལས་ཕོགས|གླ་ཆ|གླ་ཕོགས|གླ་ཕོག|གླ་དངུལ|ལས་གླ|ངལ་གླ|ཉིན་གླ|ཁྲག་རྔུལ(?:་གྱི་དངུལ)?|ངལ་རྩོལ་གྱི་དངུལ|ཀུང་ཙི|ཕོགས
# the commonest words for the pay
@pay_word = ཕོགས་ཆ|ཟླ་ཕོགས|གླ་ཆ|ལས་གླ|ཉིན་གླ|ངལ་རྩོལ་གྱི་དངུལ|ཀུང་ཙི|ཕོགས
# the sanitation workers named in a pattern
@sweepers = ལམ་ཕྱགས་པ|ལམ་ཕྱགས་མཁན|གཙང་སེལ་བ|གཙང་སེལ་པ|ཕྱག་ཕྱགས་པ|གད་སྙིགས་སྒྲུག་མཁན|གཙང་སྦྲའི་ལས་མི|ཁོར་ཡུག་གཙང་སྦྲའི་ལས་མི
# number syllables: units, tens, connectors (རྩ སོ ཞེ ང རེ དོན གྱ གོ), big units
@number_word = གཅིག|གཉིས|གསུམ|བཞི|ལྔ|དྲུག|བདུན|བརྒྱད|དགུ|བཅུ|བཅོ|ཤུ|ཅུ|རྩ|ཉེར|སོ|ཞེ|ང|རེ(?=་(?:གཅིག|གཉིས|གསུམ|བཞི|ལྔ|དྲུག|བདུན|བརྒྱད|དགུ))|དོན|གྱ|གོ|བརྒྱ|སྟོང|དང
# (རེ joins the sixties to a unit, དྲུག་ཅུ་རེ་གཉིས 62; after a number alone it is "each": སྒོར་སྟོང་གཅིག་རེ)
# a number spoken without its tens word: the decade's connector, then the unit (ཉེར་བརྒྱད 28, སོ་ལྔ 35)
@spoken_tens = (?:ཉེར|སོ|ཞེ|ང|རེ|དོན|གྱ|གོ)་(?:གཅིག|གཉིས|གསུམ|བཞི|ལྔ|དྲུག|བདུན|བརྒྱད|དགུ)

[arrears]
# Each pattern may start with the one who did not pay (ཀུང་སིས, ལོ་པན་གྱིས, ལས་འགན་ལེན་མཁན་གྱིས) and
# the time it has lasted (ཟླ་བ་གསུམ་རིང, ཟླ་བ་ལྔའི, ཟླ་3, ལོ་གཅིག་ལ): they belong to the arrears clause.
# The stretch between the pay and the verb stays inside one clause and never passes a sentence-
# final འདུག (a sentence ending in ག takes no shad, and a space there becomes a tsheg), nor a
# "problem" that is what does not come (ཕོགས་ལ་དཀའ་ངལ་ཡོང་གི་མེད "no trouble with the pay").
# The pay, then a verb of giving or getting in the negative: past མ + stem (མ་སྤྲད, མ་རག, མ་ཐོབ,
# ལག་ཏུ་མ་འབྱོར), present མི + stem (མི་སྤྲོད, མི་རག), or the stem with a negative existential after
# it (སྤྲད་མེད, སྤྲོད་ཀྱི་མི་འདུག, ཐོབ་ཀྱི་མེད, སྤྲོད་ཐུབ་མེད, འབྱོར་མེད), "could not" (ལེན་མ་ཐུབ,
# སྤྲོད་མ་ཐུབ), hon. གནང་མ་སོང.
(?<![\x{0F40}-\x{0FBC}])@who_owes?@for_how_long?@pay(?:(?!འདུག|དཀའ་ངལ|གནད་དོན|ཐེ་ཚོམ)[^།\n]){0,50}?(?<![\x{0F40}-\x{0FBC}])@not_given(?![\x{0F40}-\x{0FBC}])
# The pay, then held over, delayed, owed, withheld or deducted: བསྒྱངས (past of སྒྱང, 拖欠),
# འགྱངས / ཕྱིར་འགྱངས (delayed), ཆད་ལུས (owed), སྤྲོད་འཕྲོ / ད་དུང་ལུས་ཡོད (left to pay), བཀག་ཉར (withheld),
# ཁྱེར་ནས་བྲོས (ran off with it),
# བཅད / གཅོད (cut; not ཐག་བཅད "decided", not ཉེས་ཆད་གཅོད "fine"). Not after མ / མི (negated).
(?<![\x{0F40}-\x{0FBC}])@who_owes?@for_how_long?@pay(?:(?!འདུག)[^།\n]){0,50}?(?<![\x{0F40}-\x{0FBC}])@not_after_negation@held_back(?![\x{0F40}-\x{0FBC}])
# Cut from the pay: ཕོགས་ཆ་ནས ... བཅད, ཕོགས་ཆའི་ཁྲོད་ནས ... བཅད (the amount and the excuse come between)
(?<![\x{0F40}-\x{0FBC}])@pay(?:འི་ཁྲོད|་ཁྲོད)?་ནས[^།\n]{0,70}?(?<![\x{0F40}-\x{0FBC}])(?<!ཐག་)(?<!ཆད་)(?:བཅད|གཅོད|བཀག)(?![\x{0F40}-\x{0FBC}])
# "No pay", "not one yuan of pay": ཕོགས་ཆ་མེད་པར (working without pay), ཕོགས་ཆ་སྒོར་གཅིག་ཀྱང་མེད
(?<![\x{0F40}-\x{0FBC}])@who_owes?@for_how_long?@pay_word(?:་ཡང|་སྒོར་གཅིག་ཀྱང|་སྒོར་མོ་གཅིག་ཀྱང)?་(?:མེད|མི་འདུག)(?![\x{0F40}-\x{0FBC}])
# Asking for the pay (讨薪) and asking when it comes: ཕོགས་ཆ་རེ་ཞུ, ཕོགས་ཆ་སྤྲོད་དགོས་ཞེས་རེ་བ་ཞུས, ཕོགས་ཆ་སྤྲོད་རོགས, ཕོགས་ཆ་ག་དུས་སྤྲོད
(?<![\x{0F40}-\x{0FBC}])@who_owes?@for_how_long?@pay_word[^།\n]{0,30}?(?<![\x{0F40}-\x{0FBC}])(?:རེ་ཞུས?|རེ་བ་ཞུས?|སྤྲོད་རོགས|སློག་རོགས|སྤྲད་རོགས|སྟེར་རོགས|(?:ལེན|བླང)(?:་དུ|་པར)་(?:ཕྱིན|འགྲོ|སོང|ཡོང)|(?:ག་དུས|ནམ)་(?:སྤྲོད|སྟེར|གནང|རག|ཐོབ|འབྱོར))(?![\x{0F40}-\x{0FBC}])
# Waiting months for the pay: ཕོགས་ཆ་ལ་ད་བར་ཟླ་བ་བརྒྱད་སྒུག་དགོས་བྱུང ("had to wait eight months for the pay")
(?<![\x{0F40}-\x{0FBC}])@pay_word(?:ར|་ལ)?་(?:(?:ད་བར|ད་དུང|ད་ལྟའི་བར)་)?(?:ཟླ(?:་བ)?་?(?:[0-9]{1,9}|གཉིས|གསུམ|བཞི|ལྔ|དྲུག|བདུན|བརྒྱད|དགུ|བཅུ(?:་(?:གཅིག|གཉིས|གསུམ|བཞི|དྲུག|བདུན|དགུ))?|བཅོ་(?:ལྔ|བརྒྱད)|ཁ་ཤས|མང་པོ)|ལོ་(?:གཅིག|ཕྱེད|གཉིས))(?:་ལྷག|་ཙམ)?(?:་རིང)?་?སྒུག(?![\x{0F40}-\x{0FBC}])
# Mixed writing: the pay in Chinese, the verb in Tibetan (工资 ཟླ་བ་གསུམ་མ་སྤྲད, 工钱 ད་དུང་ཐོབ་མེད)
(?:工资|工钱|薪水|薪资|血汗钱|公资|工姿|gongzi|gz)[^།\n]{0,40}?(?<![\x{0F40}-\x{0FBC}])(?:@not_given|@held_back|ད་དུང་མ་བྱུང|ལག་ཏུ་མ་འབྱོར)(?![\x{0F40}-\x{0FBC}])
# Not one yuan reached the hand: སྒོར་མོ་གཅིག་ཀྱང་ལག་ཏུ་སླེབས་མེད, སྒོར་མོ་གཅིག་ཀྱང་མ་ཐོབ
(?<![\x{0F40}-\x{0FBC}])(?:སྒོར་མོ|སྒོར|སྐར་མ|དངུལ)་གཅིག་ཀྱང་(?:ལག་ཏུ་)?(?:(?:སླེབས|འབྱོར|ཐོབ|རག|སྤྲད|མཐོང)་(?:མེད|མ་བྱུང|མི་འདུག|མ་སོང)|མ་(?:སླེབས|འབྱོར|ཐོབ|རག|སྤྲད))(?![\x{0F40}-\x{0FBC}])
# The verb first, then the pay it qualifies: བསྒྱངས་པའི་ཕོགས་ཆ (the owed wages), མ་སྤྲད་པའི་གླ་ཆ
(?<![\x{0F40}-\x{0FBC}])@not_after_negation(?:བསྒྱངས|འགྱངས|ཆད་ལུས|མ་སྤྲད|སྤྲད་མེད|མ་ཐོབ|ཐོབ་མེད|མ་རག|བཀག་ཉར་བྱས)(?:་པ|་བ)?(?:འི|་ཡི|་ཀྱི)་@pay_word(?![\x{0F40}-\x{0FBC}])

# A sum cut (fines taken from the workers: ཐེངས་རེར་སྒོར་100བཅད, ཟླ་རེར་སྒོར་800ཙམ་བཅད)
(?<![\x{0F40}-\x{0FBC}])(?:སྒོར་མོ|སྒོར)་?[0-9]{1,9}(?:་?(?:ཙམ|ལྷག|ཡས་མས))?(?:་?ཡང)?་?བཅད(?![\x{0F40}-\x{0FBC}])
# this month, each time, N cut (ཟླ་བ་འདིར་ ༥༠༠ བཅད་འདུག); days of pay cut (ཉིན་ལྔའི་གླ་བཅད)
(?<![\x{0F40}-\x{0FBC}])(?:ཟླ་བ་འདིར|ཟླ་འདིར|ཟླ་རེར|ཐེངས་རེར)[^།\n]{0,8}?[0-9]{2,7}་?(?:ཙམ་)?བཅད(?![\x{0F40}-\x{0FBC}])
(?<![\x{0F40}-\x{0FBC}])(?:ཉིན|ཟླ་བ)[^།\n]{0,8}?གླ་བཅད(?![\x{0F40}-\x{0FBC}])
# No more than a sum reached the hand (ལག་ཏུ་སྒོར་བདུན་བརྒྱ་ལས་མ་སླེབས: fines took the rest)
(?<![\x{0F40}-\x{0FBC}])ལག་ཏུ་(?:སྒོར་མོ|སྒོར)[^།\n]{0,24}?ལས་མ་(?:སླེབས|ཐོབ|འབྱོར|རག)(?![\x{0F40}-\x{0FBC}])
# Months piling up on the pay: ཕོགས་འདི་ཟླ་བ་བཞི་ཆགས, ཕོགས་མ་སྤྲད་པས་ད་ལྟ་ཟླ་བ་དྲུག་ཆགས
(?<![\x{0F40}-\x{0FBC}])@pay_word[^།\n]{0,24}?ཟླ(?:་བ)?་?@number་ཆགས(?![\x{0F40}-\x{0FBC}])
# The rest (ལྷག་མ) still not there, or put off to later: ལྷག་མ་སྒོར་4000ད་དུང་མེད, ལྷག་མ་年底 ཟེར,
# ལྷག་མ་ཡུལ་སྐོར་དུས་ཚིགས་ཚར་རྗེས་སྤྲོད་ཟེར
(?<![\x{0F40}-\x{0FBC}])ལྷག་མ[^།\n]{0,30}?(?:ད་དུང་མེད|ད་དུང་མི་འདུག|(?<![\x{0F40}-\x{0FBC}])@not_given)(?![\x{0F40}-\x{0FBC}])
(?<![\x{0F40}-\x{0FBC}])ལྷག་མ[^།\n]{0,30}?(?:རྗེས|ཕྱིས|ཚར་རྗེས|年底|年后|下个月|ལོ་མཇུག|ཟླ་མཇུག|ཟླ་བ་རྗེས་མ|ལོ་གསར)[^།\n]{0,8}?(?:སྤྲོད|སྟེར|སྤྲད)?་?(?:ཟེར|རྒྱུ་རེད)(?![\x{0F40}-\x{0FBC}])
# Only part paid: ཟླ་བ་དང་པོའི་ཕོགས་ཁོ་ན་ཐོབ, སྒོར་1500ཁོ་ན་转账 བྱས, ཟླ་རེར་སྒོར་1000རེ་ཁོ་ན་སྤྲད
(?<![\x{0F40}-\x{0FBC}])ཁོ་ན་?(?:སྤྲད|ཐོབ|རག|བྱིན|སྟེར|转账|打)(?![\x{0F40}-\x{0FBC}])
# When the rest comes, nobody knows (ལྷག་མ་ག་དུས་ཡོང་ཤེས་མེད); who will pay the wages now (ཕོགས་སུས་སྤྲོད་ཀྱི་རེད,
# the future; not the general question ཕོགས་དེ་སུས་སྤྲོད་ཀྱི་ཡོད "who pays them")
(?<![\x{0F40}-\x{0FBC}])ལྷག་མ[^།\n]{0,6}?(?:ག་དུས|ནམ)[^།\n]{0,12}?(?:ཤེས་མེད|ཆ་མེད|མི་ཤེས|ཤེས་ཀྱི་མི་འདུག)(?![\x{0F40}-\x{0FBC}])
(?<![\x{0F40}-\x{0FBC}])@pay_word[^།\n]{0,6}?སུས་(?:སྤྲོད|སྟེར)་(?:ཀྱི་|གྱི་)?(?:རེད|ཡོང)(?![\x{0F40}-\x{0FBC}])
# Paid no more than once or twice: ཟླ་བ་དྲུག་གི་ནང་ཐེངས་གཅིག་ལས་དངུལ་སྤྲད་མེད
(?<![\x{0F40}-\x{0FBC}])ཐེངས་(?:གཅིག|གཉིས)་(?:ལས|མ་གཏོགས)[^།\n]{0,30}?(?<![\x{0F40}-\x{0FBC}])@not_given(?![\x{0F40}-\x{0FBC}])
# The pay, then "nobody knows where it is": ཟླ་བ་བཞིའི་ཟླ་ཕོགས་ག་ལ་ཡོད་ཆ་མེད
(?<![\x{0F40}-\x{0FBC}])@pay[^།\n]{0,10}?ག་ལ་ཡོད(?:་ཆ་མེད|་མི་ཤེས|་མ་ཤེས)?(?![\x{0F40}-\x{0FBC}])

[negation]
# "don't think they hold back pay" (ཕོགས་བཙན་འཁྲི་བྱེད་མཁན་རེད་མ་བསམ)
(?<![\x{0F40}-\x{0FBC}])(?:འགྱངས|བསྒྱངས|བཙན་འཁྲི|ཆད་ལུས)[^།\n]{0,16}?མ་བསམ(?![\x{0F40}-\x{0FBC}])
# "don't think it is settled" (ཐག་ཆོད་སོང་མ་བསམ)
(?<![\x{0F40}-\x{0FBC}])(?:ཐག་ཆོད|ཐག་གཅོད|སྤྲད་ཚར|སྤྲད་སོང)(?:་(?:སོང|ཚར|བྱུང))?་མ་བསམ(?![\x{0F40}-\x{0FBC}])
# preventing arrears in general (ངལ་གླ་འགྱངས་འཇོག་གཏན་འགོག, 根治欠薪): a campaign, not a case
(?<![\x{0F40}-\x{0FBC}])(?:འགྱངས|བསྒྱངས|ཆད་ལུས)(?:་འཇོག|་བཞག)?་(?:གཏན་འགོག|སྔོན་འགོག|འགོག་པ|འགོག་རྒྱུ|བཀག་འགོག)(?![\x{0F40}-\x{0FBC}])
# a question: do they hold back the pay? (ཕོགས་འགྱངས་བཞག་གི་ཡོད་དམ)
(?<![\x{0F40}-\x{0FBC}])(?:འགྱངས|བསྒྱངས|ཆད་ལུས)[^།\n]{0,12}?(?:ཡོད|རེད|འདུག|ཡིན)་?(?:དམ|གམ|ངམ|བམ|མམ|འམ|རམ|ལམ|སམ|ཏམ)(?![\x{0F40}-\x{0FBC}])
# a countdown to payday (ཕོགས་ཡོང་བར་ད་དུང་ཞག་བདུན་ལུས་འདུག): nothing owed yet; it runs on past the
# ལུས that the arrears pattern ends on, so it is not inside that match and cancels it
(?<![\x{0F40}-\x{0FBC}])(?:ཡོང|འབྱོར|སླེབས|སྤྲོད)་བར་[^།\n]{0,20}?(?:ཞག|ཉིན|ཟླ་བ|བདུན་ཕྲག)[^།\n]{0,10}?ལུས་(?:འདུག|ཡོད|སོང)(?![\x{0F40}-\x{0FBC}])
# "if it is not paid, where do I go?": a question or a worry, not a case (ཕྱིས་སུ་ཕོགས་དུས་ཐོག་ཏུ་མ་ཡོང་ན་གང་དུ་
# ཞུ་གཏུག་བྱེད་དགོས་སམ). A bare ན is also "as, since" (ཟླ་བ་བཞི་ལ་གླ་ཆ་མ་སྤྲད་ན་ལས་ཀ་བྱེད་ཐབས་མེད, a case): only
# "if" words before it or a question after it make it a hypothetical.
(?<![\x{0F40}-\x{0FBC}])(?:གལ་སྲིད|གལ་ཏེ|ཕྱིས་སུ|མ་འོངས་པར)[^།\n]{0,30}?(?<![\x{0F40}-\x{0FBC}])(?:མ|མི)་(?:སྤྲད|སྤྲོད|ཐོབ|རག|ཡོང|འབྱོར|སླེབས|བབས|གནང|སྟེར)་(?:ན|ཚེ|དུས)(?![\x{0F40}-\x{0FBC}])
(?<![\x{0F40}-\x{0FBC}])(?:མ|མི)་(?:སྤྲད|སྤྲོད|ཐོབ|རག|ཡོང|འབྱོར|སླེབས|བབས|གནང|སྟེར)་ན[^།\n]{0,24}?(?:གང་དུ|ག་རེ|ཇི་ལྟར|ག་པར|སུ་ལ|ཅི་ཞིག)(?![\x{0F40}-\x{0FBC}])
# a mere possibility: "if wages are owed" (conditional ན after the arrears verb), "if you see /
# learn of arrears", "as soon as it is known"; an ultimatum "if you do not pay (མི་སྤྲོད་ན)"
# is not listed: it says the pay is missing
(?<![\x{0F40}-\x{0FBC}])@not_after_negation(?:བསྒྱངས|འགྱངས|ཆད་ལུས(?:་བྱུང|་བྱས)?|བཅད|གཅོད|བཀག)(?:་པ(?:་ཡིན)?)?་ན(?![\x{0F40}-\x{0FBC}])
# a worry: "will the pay be held over?" (ཕོགས་འགྱངས་ཡོང་ངམ)
(?<![\x{0F40}-\x{0FBC}])(?:བསྒྱངས|འགྱངས|ཆད་ལུས)་(?:ཡོང|འགྲོ|བྱེད)་(?:ངམ|ཡོང་ངམ|རྒྱུ་ཡིན་ནམ)(?![\x{0F40}-\x{0FBC}])
# mixed writing: "if you meet arrears" (拖欠工资 ཐུག་ན)
(?:拖欠|欠薪|拖欠工资|欠薪问题)\s*་?(?:ཐུག|བྱུང|ཡོད|མཐོང)་ན
# "if there is / if you meet / whenever there is a case of unpaid wages" (…་ཡོད་ན, …་བྱུང་ན, …་ཐུག་ན,
# …་ཡོད་ཚེ)
(?<![\x{0F40}-\x{0FBC}])@not_after_negation(?:བསྒྱངས|འགྱངས|ཆད་ལུས(?:་བྱུང|་བྱས)?|སྤྲད་མེད|མ་སྤྲད|ཐོབ་མེད|མ་ཐོབ|མ་རག|རག་མེད)(?:་པ|་བ)?(?:འི་(?:དཀའ་ངལ|གནད་དོན|གནས་ཚུལ|དོན་རྐྱེན))?(?:ར|་ལ)?་(?:ཡོད|བྱུང|ཐུག|འཕྲད)(?:་པ)?་(?:ན|ཚེ|དུས|སྐབས)(?![\x{0F40}-\x{0FBC}])
(?<![\x{0F40}-\x{0FBC}])(?:བསྒྱངས|འགྱངས|ཆད་ལུས)(?:་པ|་བ)?(?:འི་གནས་ཚུལ|འི་གནད་དོན)?(?:ར|་ལ|་དེ)?་(?:མཐོང|ཐོང|ཤེས|རྙེད|ཐུག)(?:་མ་ཐག|་ན)(?![\x{0F40}-\x{0FBC}])
(?<![\x{0F40}-\x{0FBC}])(?:གལ་ཏེ|གལ་སྲིད)[^།\n]{0,90}?(?:བསྒྱངས|འགྱངས|ཆད་ལུས|@not_given|བཅད|གཅོད|བཀག(?:་ཉར)?)(?![\x{0F40}-\x{0FBC}])
# forbidden: "must not cut or delay the pay" (…བཅད་པ་དང་འགྱངས་པ་བྱེད་མི་ཆོག)
(?<![\x{0F40}-\x{0FBC}])(?:བཅད|གཅོད|འགྱངས|བསྒྱངས|ཆད་ལུས|བཀག)(?:་པ)?(?:་དང་[^།\n]{0,20}?)?(?:་བྱེད|་བྱ)?་མི་ཆོག(?![\x{0F40}-\x{0FBC}])
# "if it is withheld / held / cut" in a question (工资 押 བྱས་ན ཁྲིམས་དང་མཐུན་ནམ)
(?:押|扣|拖欠|克扣|བཅད|བཀག|འགྱངས|བསྒྱངས)\s*་?བྱས་ན(?![\x{0F40}-\x{0FBC}])
# none at all: ཟླ་ཕོགས་ལ་ཆད་ལུས་གང་ཡང་མེད ("no arrears whatsoever")
(?<![\x{0F40}-\x{0FBC}])(?:བསྒྱངས|འགྱངས|ཆད་ལུས)(?:་གང་ཡང|་ཅི་ཡང|་ཞིག་ཀྱང|་ཡང)་(?:མེད|མི་འདུག|མ་བྱུང|མ་རེད)(?![\x{0F40}-\x{0FBC}])
# deliberate withholding as a kind of act (the campaign's word: བསམ་བཞིན་ཟླ་ཕོགས་བསྒྱངས་པའི་བྱ་སྤྱོད)
(?<![\x{0F40}-\x{0FBC}])བསམ་བཞིན་[^།\n]{0,30}?(?:བསྒྱངས|འགྱངས|ཆད་ལུས)(?:་པ|་བ)?(?:འི)?་བྱ་སྤྱོད(?![\x{0F40}-\x{0FBC}])
# none: "no such case", "none found" (不存在拖欠, 未发现), "not delayed", "never delayed"
(?<![\x{0F40}-\x{0FBC}])(?:བསྒྱངས|འགྱངས|ཆད་ལུས)(?:་པ|་བྱས་པ)?(?:འི|་ཀྱི)་(?:གནས་ཚུལ|གནད་དོན|དོན་རྐྱེན)(?:་གང་ཡང|་ཅི་ཡང|་ཞིག་ཀྱང|་ཡང)?་(?:མེད|མ་རྙེད|རྙེད་མེད|མ་ཐོན|མི་འདུག|མ་བྱུང|བྱུང་མེད)(?![\x{0F40}-\x{0FBC}])
(?<![\x{0F40}-\x{0FBC}])@not_after_negation(?:བསྒྱངས|འགྱངས|ཆད་ལུས)(?:་པ|་བྱས|་བྱུང|་བྱས་པ)?་(?:མེད|མི་འདུག|མ་བྱུང|བྱུང་མེད|བྱུང་མི་འདུག|མ་རེད|མིན|མྱོང་མེད|མ་མྱོང|ནམ་ཡང)(?![\x{0F40}-\x{0FBC}])
# the campaign's words right after the arrears word: prevent, forbid, eradicate, bring to zero,
# "must / will be solved", "related to arrears", hotline, ledger, an inspection campaign (严禁, 防止,
# 根治, 清零, 专项, 排查行动)
(?<![\x{0F40}-\x{0FBC}])@not_after_negation(?:བསྒྱངས|འགྱངས|ཆད་ལུས)(?:་བྱེད་པ|་བྱས་པ|་པ|་བ)?(?:(?:འི|་ཡི|་ཀྱི)་(?:གནད་དོན|གནས་ཚུལ))?(?:ར|འི|་ཡི|་ཀྱི|་ལ|་དེ|་སོགས|་ནི)?་(?:བཀག་འགོག|སྔོན་འགོག|འགོག|རྩ་མེད|རྩད་གཅོད|འགུལ་རྣམ|ཀླད་ཀོར|གསར་བྱུང་མི་ཡོང|མི་ཡོང་བ|ཐག་གཅོད་བྱེད་(?:དགོས|རྒྱུ|པ)|ཐག་གཅོད་བྱ་(?:དགོས|རྒྱུ)|ཐག་གཅོད་པ|ཐག་གཅོད་ཀྱི|ཐག་གཅོད་ལ|ཐག་གཅོད་ཆེད|དང་འབྲེལ་བ|ཆེད་དོན|ཞིབ་བཤེར(?:་གྱི)?་བྱ་འགུལ|ཁེ་ལས|ཞུ་གཏུག་ཁ་པར|ཞུ་གཏུག་ཆེད་སྤྱོད|ཞུ་གཏུག་ལ་ལན་འདེབས|ཁ་གསལ་སྙན་སྐྱེལ|དམིགས)(?![\x{0F40}-\x{0FBC}])
# "not received", "not settled": these cancel a resolution word they contain (ལག་ཏུ་འབྱོར, ཐག་ཆོད)
(?<![\x{0F40}-\x{0FBC}])ཐག་(?:ཆོད|གཅོད་བྱས)(?:་ཐུབ)?་(?:མེད|མི་འདུག|མ་སོང)(?![\x{0F40}-\x{0FBC}])

[resolved]
# paid on time, as said in speech (དུས་ཐོག་ལ་སྤྲད་འདུག), not a fee the residents paid (དོ་དམ་གླ་ཆ་དུས་ཐོག་ལ་སྤྲད་ཡོད)
(?<!དོ་དམ་གླ་ཆ་)(?<!ཁང་གླ་)(?<!དོ་དམ་གླ་)(?<![\x{0F40}-\x{0FBC}])དུས་ཐོག་ལ་(?:སྤྲད|རག)(?![\x{0F40}-\x{0FBC}])
# the pay (in Tibetan, or in Chinese in a mixed text: 工资 ཚང་མ་སྤྲད་ཚར), then paid / received / repaid
# with a perfective (ཟིན, སོང, ཚར, བྱུང); the stretch between may not hold a negated verb, nor a demand
# (སྤྲོད་དགོས་པའི་བཀའ་ཐོ་བཏང་ཟིན "an order to pay was sent" pays no one), nor a sentence-final འདུག
(?<![\x{0F40}-\x{0FBC}])(?<!དོ་དམ་)(?<!སེལ་)(?:ཕོགས་ཆ|ཕོག་ཆ|ཟླ་ཕོགས|ཟླ་ཕོག|གླ་ཆ|ལས་གླ|ཉིན་གླ|ཕོགས|工资|工钱|薪水)(?:(?!མེད|འདུག|དགོས|བཀའ|(?<![\x{0F40}-\x{0FBC}])(?<!(?<!ཆ་)ཚང་)མ་(?:སྤྲད|རག|ཐོབ|འབྱོར|སླེབས))[^།\n]){0,50}?(?<![\x{0F40}-\x{0FBC}])@not_after_negation(?:སྤྲད|སྤྲོད་བྱས|འཇལ|ཕྱིར་སློག་བྱས|བསབ་སྤྲོད་བྱས|ཁ་སྐོང་སྤྲད|ཁ་གསབ་སྤྲད|ཕྱིར་སྤྲད|བྱིན|གནང|རག|ཐོབ|འབྱོར|སླེབས|བཙུགས|བཏང)་(?:ཟིན|སོང|ཚར|བྱུང)(?![\x{0F40}-\x{0FBC}])
# paid all along: on time, every month, in full (按时, 按月, 足额) -- not a fee (དོ་དམ་གླ་ཆ)
(?<![\x{0F40}-\x{0FBC}])(?<!དོ་དམ་)(?<!སེལ་)(?<!སྙིགས་)(?:ཕོགས་ཆ|ཟླ་ཕོགས|གླ་ཆ|ལས་གླ|ཕོགས)[^།\n]{0,20}?(?:དུས་ཐོག|ཟླ་རེ་བཞིན|ཆ་ཚང|ཚང་མ|ཡོངས་རྫོགས)(?:[^།\n]{0,20}?)(?<![\x{0F40}-\x{0FBC}])@not_after_negation(?:སྤྲད|རག|ཐོབ|འབྱོར|ཡོང)(?:་(?:ཡོད|གི་ཡོད|ཀྱི་ཡོད|གི་འདུག|ཀྱི་འདུག|ཟིན|སོང))(?![\x{0F40}-\x{0FBC}])
# the pay is not touched (a company owed money that still pays its workers)
(?<![\x{0F40}-\x{0FBC}])(?:ཕོགས་ཆ|ཟླ་ཕོགས|གླ་ཆ|ལས་གླ)(?:ར|་ལ)་ཤུགས་རྐྱེན་(?:མེད|མི་ཐེབས|ཐེབས་མེད)(?![\x{0F40}-\x{0FBC}])
# mixed writing: paid back in Chinese, the verb in Tibetan (工资 ཚང་མ་补发 བྱས་སོང)
(?:补发|发放|结清|发了|付清)\s*་?(?:བྱས|བྱེད)་(?:སོང|ཟིན|ཚར|པ་རེད)
# the matter settled: ཐག་ཆོད at the end of a clause or with a perfective (not ཐག་ཆོད་མེད "not settled",
# not ཐག་ཆོད་རྒྱུ "to be settled")
(?<![\x{0F40}-\x{0FBC}])ཐག་ཆོད(?:(?=[།\n]|$)|་(?:སོང|ཟིན|ཚར|བྱུང|ཡོད|པ་རེད)(?![\x{0F40}-\x{0FBC}]))

[other_workers]
# "we are not sweepers / cleaners": the subject word is there only to be denied; "the cleaners
# have been paid, (but we have not)": the sanitation workers are named as the ones who were paid
(?<![\x{0F40}-\x{0FBC}])@sweepers(?:་ཚོ|་རྣམས)?(?:ར|་ལ)་(?:ཕོགས་ཆ་)?(?:སྤྲད|བྱིན|གནང)་(?:ཚར|ཟིན|སོང)(?:་ཡང|་ཀྱང|་ནའང|་མོད)(?![\x{0F40}-\x{0FBC}])
(?<![\x{0F40}-\x{0FBC}])@sweepers་(?:མིན|མ་ཡིན|མ་རེད|ཡིན་མིན)(?![\x{0F40}-\x{0FBC}])

[denial]
# "the claim that ... is a lie / a rumour / not true / a mistake"
(?<![\x{0F40}-\x{0FBC}])ཟེར་བ(?:འི་གཏམ)?(?:་དེ|་ནི)?་(?:རྫུན|ལྐོག|དོན་དངོས|ནོར་འཁྲུལ|གཏམ་གཞི|ཁུངས་མེད)

[collective]
# gathering or sitting in front of the company, the bureau, the government (聚集, 静坐)
(?<![\x{0F40}-\x{0FBC}])(?:མདུན|སྒོ་མདུན|སྒོ་རྩ|ཐེམ་སྐས|ཡིག་ཚང)(?:་དུ|་ལ|ར|་སུ|་ན)?་(?:འཛོམས|བསྡད|འཚོགས|ལང|སྡོད)(?![\x{0F40}-\x{0FBC}])

[policy]
# "ensure that the pay is given (on time, in full)": ཟླ་ཕོགས་སྤྲོད་རྒྱུ་འགན་ལེན་བྱེད་དགོས, ཕོགས་ཆ་དུས་ཐོག་ཏུ་ཆ་ཚང་སྤྲོད་པ་འགན་ལེན
(?<![\x{0F40}-\x{0FBC}])(?:ཕོགས་ཆ|ཟླ་ཕོགས|གླ་ཆ|ལས་གླ)[^།\n]{0,30}?(?:སྤྲོད|སྟེར)(?:་རྒྱུ|་པ|་པར|་བར)?(?:ར)?་(?:འགན་ལེན|འགན་སྲུང|ཁག་ཐེག|ཁག་འཁུར)(?![\x{0F40}-\x{0FBC}])
# deadlines of the campaign: within 2 hours, within 24 hours
(?<![\x{0F40}-\x{0FBC}])ཆུ་ཚོད་(?:2|24|གཉིས|ཉི་ཤུ་རྩ་བཞི)་?ནང

# Number words used below: units, tens, connectors (རྩ སོ ཞེ ང རེ དོན གྱ གོ), big units.
# A number written in digits ends at the last digit (ལས་མི་14ལ); one in words ends on a syllable
# boundary, perhaps with an affixed particle (སུམ་ཅུས, ལྔའི).

[entity:workers]
# the number follows the noun, perhaps after ང་ཚོ / ཚོ / ཨ་ཅག: ལས་མི་50, ལམ་ཕྱགས་པ་ཉི་ཤུ་རྩ་གསུམ་གྱིས,
# གཙང་སེལ་བ་སུམ་ཅུས, ལས་མི་ང་ཚོ་ཉི་ཤུ་ལྷག, གཙང་སེལ་བ་ཨ་ཅག་གཉིས
(?:ལས་མི|བཟོ་པ|ལས་བྱེད་པ|ལམ་ཕྱགས་པ|ལམ་ཕྱགས་མཁན|ཕྱག་ཕྱགས་པ|ཕྱགས་བྱེད་པ|གཙང་སེལ་བ|གཙང་སེལ་པ|གད་སྙིགས་སྒྲུག་མཁན|གད་སྙིགས་བསྡུ་ལེན་པ|ཁ་ལོ་བ|དོ་དམ་པ|ལྟ་རྟོག་པ|བྱེད་མཁན)(?:་ཚོ|་ང་ཚོ|་ངེད་ཚོ|་རྣམས|་ཨ་ཅག|་ཨ་མ་ལགས)?(?:་མི)?་?(?<n>[0-9]+(?![0-9.])|(?:@spoken_tens|གཅིག|གཉིས|གསུམ|བཞི|ལྔ|དྲུག|བདུན|བརྒྱད|དགུ|བཅུ|བཅོ|ཉི་ཤུ|སུམ་ཅུ|བརྒྱ|སྟོང|ཉིས|ཆིག)(?:་@number_word)*(?=(?:འི|ས|ར)?(?![\x{0F40}-\x{0FBC}])))
# ང་ཚོ་བརྒྱད་ལ, ང་ཚོ་མི་35ཡོད, ང་ཚོ་ཁ་ལོ་བ་བདུན (the people speaking, counted)
(?<![\x{0F40}-\x{0FBC}])(?:ང་ཚོ|ངེད་ཚོ|ཁོང་ཚོ)་(?:མི་|ཁ་ལོ་བ་)?(?<n>[0-9]+(?![0-9.])|(?:@spoken_tens|གཉིས|གསུམ|བཞི|ལྔ|དྲུག|བདུན|བརྒྱད|དགུ|བཅུ|བཅོ|ཉི་ཤུ|སུམ་ཅུ|བརྒྱ)(?:་@number_word)*(?=(?:འི|ས|ར)?(?![\x{0F40}-\x{0FBC}])))(?:འི|ས|ར)?(?:་?(?:ལྷག|ཙམ|ཡས་མས))?་?(?:ཡོད|ཡིན|ལ|ཡིས|ཀྱིས|གྱིས|ཡི|ཀྱི|གྱི|ཀུང་སི|ཅུས|རྫོང)(?![\x{0F40}-\x{0FBC}])
# a team or a crowd: མི་12ཡོད, མི་བརྒྱ་ལྷག, མི་50ཙམ
(?<![\x{0F40}-\x{0FBC}])མི་(?<n>[0-9]+(?![0-9.])|(?:བཅུ|བཅོ|ཉི་ཤུ|སུམ་ཅུ|བརྒྱ)(?:་@number_word)*(?=(?:འི|ས|ར)?(?![\x{0F40}-\x{0FBC}])))(?:་?(?:ལྷག|ཙམ))?་?(?:ཡོད|ཡིན|ལ|ཀུང་སི|ཡིག་ཚང|རྫོང)

[entity:months]
# a duration, not a date: ཟླ་བ་གསུམ, ཟླ་3, ཟླ་བ་བཞིའི (ཟླ་3པ, ཟླ་བ་གསུམ་པ are the 3rd month)
ཟླ(?:་བ)?་?(?<n>[0-9]+(?![0-9.])|(?:གཅིག|གཉིས|གསུམ|བཞི|ལྔ|དྲུག|བདུན|བརྒྱད|དགུ|བཅུ|བཅོ)(?:་(?:གཅིག|གཉིས|གསུམ|བཞི|ལྔ|དྲུག|བདུན|བརྒྱད|དགུ))?(?=(?:འི|ས|ར)?(?![\x{0F40}-\x{0FBC}])))(?:འི|ས|ར)?(?!་?པ)(?!་?ཚེས)
ལོ་?(?<n>[0-9]+|གཅིག|གཉིས|གསུམ)(?<mult>)(?![\x{0F40}-\x{0FBC}])(?:་(?:རིང|ལྷག|ཙམ))

[entity:amount]
# the currency word first: སྒོར་མོ་15000, སྒོར་ཁྲི་1.5, སྒོར་ཁྲི་12ལྷག (the unit multiplies digits only: in words,
# སྒོར་ཁྲི་གཅིག་དང་སྟོང་ལྔ, it is part of the number); not a rate (སྒོར་3800རེ "each")
སྒོར(?:་མོ)?་?(?:(?<mult>ཁྲི|སྟོང|འབུམ)་?(?=[0-9]))?(?<n>[0-9]+(?:\.[0-9]+)?(?![0-9.])|(?>(?:གཅིག|གཉིས|གསུམ|བཞི|ལྔ|དྲུག|བདུན|བརྒྱད|དགུ|བཅུ|བཅོ|ཉི་ཤུ|སུམ་ཅུ|བརྒྱ|སྟོང|ཁྲི|འབུམ|ཉིས|ཆིག)(?:་(?:གཅིག|གཉིས|གསུམ|བཞི|ལྔ|དྲུག|བདུན|བརྒྱད|དགུ|བཅུ|བཅོ|ཤུ|ཅུ|རྩ|སོ|ཞེ|ང|རེ(?=་(?:གཅིག|གཉིས|གསུམ|བཞི|ལྔ|དྲུག|བདུན|བརྒྱད|དགུ))|དོན|གྱ|གོ|བརྒྱ|སྟོང|ཁྲི|འབུམ|དང))*))(?!་?(?:རེ|ཁ་ཤས)(?![\x{0F40}-\x{0FBC}]))
(?<n>[0-9]+(?:\.[0-9]+)?(?![0-9.]))་?(?:(?<mult>ཁྲི|སྟོང)་?)?སྒོར(?!་?(?:རེ|ཁ་ཤས)(?![\x{0F40}-\x{0FBC}]))

[entity:company]
(?<name>(?:[\x{0F40}-\x{0FBC}]+་){2,7}(?:ཚད་ཡོད་ཀུང་སི|ཀུང་སི|ཚོང་ཁང|ཞབས་ཞུ་ཁང))

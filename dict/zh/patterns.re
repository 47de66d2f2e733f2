# PCRE2 patterns, run on the normalised text (simplified, half-width, lower case, no noise).
# [group] sections: a match counts as a term of that group. An event pattern counts only where
# its match holds one of the characters the prefilter anchors event and wage terms on (see
# dict/README.md), so write the pay word or the arrears verb inside the pattern.
# [entity:KIND] sections: the first pattern whose match gives a number gives the entity; (?<n>...)
# is the number, (?<mult>...) an optional unit that multiplies it, (?<from>...) and (?<to>...) the
# first and last month of a span (months only), (?<name>...) the company name.
# Clause breaks in normalised text: , ; ! ? 。 and newline.

# Word lists the patterns share (dict/README.md, "Patterns"). A spelling added to one reaches
# every pattern that uses it; a new spelling of the pay also belongs in terms.dict under [wage],
# so that a pattern that holds it and no arrears term still counts (the prefilter rule above).
# the pay: the Tibetan words a mixed post puts before a Chinese verb (ཟླ་ཕོགས 2024年8月起未发放),
# plain words, then the homophones and pinyin people write to get past filters
@pay = ཟླ་ཕོགས|ཕོགས་ཆ|གླ་ཆ|ཕོགས|钅戋|工次贝|攻资|公姿|功姿|攻姿|薪zi|工资|薪水|薪资|薪酬|薪金|月薪|工钱|血汗钱|辛苦钱|报酬|劳务费|加班费|工资款|公资|工姿|工滋|功资|工zi|gong资|gongzi|gz|xinshui|工qian|gongqian
# held back, after the pay (扌口 is 扣 split in two): 拖 and its homophone 托 (not 委托, 托管, 托运: the pay entrusted or
# carried), 欠, withheld (压, not 压力), deducted (扣, not the payroll's 扣除社保), stuck (卡住, not
# 工资卡 the pay card), put off, cut, not seen (不见, not 不见涨)
@held = 扌口|断了(?=[0-9一二两三四五六七八九十几半好])|少了(?=[0-9一二两三四五六七八九十几百千])|还差(?=[0-9一二两三四五六七八九十几半好])|不能就这么算了|取走|拿走|截走|挪走|拖(?!不拖)|(?<![委拜依寄信嘱])托(?![管运付儿底福])|tuo|欠(?!不欠)|qian|压(?!力)|扣(?!不扣|除?(?:五险|社保|个税|税|公积金))|押|卡(?:住|着|在|死)|截留|挪用|推迟|延期|延迟|延后|滞后|晚发|少发|少给|只发了|只给了|打折|缩水|泡汤|没影|没下文|不见(?!涨|长|增|多)|(?:就这么|就)?没了|(?:结|发|拿|领|要|讨)不(?:下来|出来|出|到|了|回)
# words of owing before the pay: 欠了三个月工资, 拖着工钱
@owing = 拿不到|领不到|要不到|讨不到|发不出|欠|拖欠|托欠|拖了|拖着|克扣|扣了|扣|压了|压着|押|少发|少给|欠下|欠了|qian|tuoqian
# not (yet) paid
@not = 莫得|没得|木有|没人|没有人|无人|没|未|不|迟迟|还没|一直没|仍未|尚未|从来没|从没
@ontime = 按时|按月|足额|准时|及时|全额
# a count of months or years: 3, 三, 十几, 半
@count = [0-9]{1,9}|[一二两三四五六七八九十几半仨俩]{1,8}
# fees, rent and loans: other debts, not the pay
@fee = 服务费|保洁费|清洁费|清运费|垃圾处理费|货款|修理费|维修费|租金|房租|水电费|电费|网费|油钱|油费|材料费|工程款|项目款|物业费|租赁费|设备款|借款|贷款

[arrears]
# the pay, then words saying it did not come (the longer verbs first: the match then holds a
# trailing 没结清 whole, which as a negation would otherwise cancel it)
(?:@pay|的钱)[^,;!?。\n]{0,12}?@not(?:有|能|再)?@ontime?(?:发放|发下来|结清|付清|补发|拿到|领到|到手|到账|兑现|发|给|到|结|付|打|算|见|开|拨|批|认)
# the pay, then it was held back (not "must never be held back": 工资千万别拖; not "never was": 工资从来没被拖欠过)
(?:@pay|的钱)(?:(?!千万|别|不要|不能|不得|切勿|不许|不准|没|未|不曾)[^,;!?。\n]){0,8}?(?:被)?@held
# not into the bank card (我工资三个月没进卡了)
(?:@pay|的钱)[^,;!?。\n]{0,8}?(?:没|未|没有|还没)(?:进卡|到卡|打到卡上|打卡上|进账|入账)
# no word of the pay at all (保洁的工资还是没动静吧?): with the pay named, no cue but the event
(?:@pay|的钱)(?:还是|还|仍|仍然|一直|都|也)?(?:没|没有|毫无)(?:动静|消息|音信|信儿|着落|下文)
# going to get back what was held (这次一定要把拖的那四个月要回来; 要回来了 is done)
把(?:被)?(?:拖|欠|扣|压)(?:的|下的|着的|了的)[^,;!?。\n]{0,10}?要回来(?!了)
# not paid as agreed (未按约定支付9名保洁员2024年4月、5月工资)
(?:未|没有|没)(?:按|依)(?:照)?(?:约定|合同|规定|约定时间|期)(?:足额)?(?:支付|发放)[^,;!?。\n]{0,24}?@pay
# left hanging (过年前的工资到现在还挂着呢, 两个半月工资就这么悬着), or it cannot be paid on time (公司3月份工资无法按时于4月15日发放)
(?:@pay|的钱)[^,;!?。\n]{0,8}?(?:还|一直|都|仍|仍然|还在|就这么|就这样)(?:挂着|挂在那|挂账|悬着|悬在那)
(?:@pay|的钱)(?:将|会)?(?:无法|不能|没法|没能|未能)(?:按时|按期|如期|准时|正常)
# put off to some later day: 工资等冬天再说, 钱要等过完藏历年才发
(?:@pay|的钱)[^,;!?。\n]{0,8}?(?:等|拖到|推到|留到|押到)[^,;!?。\n]{0,8}?(?:再说|再给|再发|再结|以后|之后|才发|才给|才结)
# "and the pay?": 钱呢？四个月了, 我们的工资呢？ (not 还有工资呢, a joke's "there'd still be pay")
(?<![有是还])(?:@pay|的钱|钱)呢\?
# a promise broken: 说好按月结，可到现在没见他拿到过; 说好的年底一起给，结果一分没有
说好[^。\n]{0,24}?(?:可|但|结果|却|可是|但是|到现在|至今)[^。\n]{0,20}?(?:没|未|不)(?:见|拿|给|发|结|到|领)
# the settlement put off by the boss: 老板说旺季过了一起算, 经理说年底统一结
说[^,;!?。\n]{0,12}?(?:一起算|一起结|一块算|统一结|一起发|一起给)
# and the promise repeated for months: 老板说“下个月一起发”说了四个月了
(?:下个月|下月|月底|过几天|年后|年底)[^,;!?。\n]{0,4}?(?:一起)?(?:发|给|结)[^,;!?。\n]{0,2}?说了(?:@count)(?:个多|多个|个)?(?:月|年)
# the money late, or none at the clause's end: 一月份的钱 三月才给; 三月的钱 到现在还没有
的钱[^,;!?。\n]{0,6}?(?:@count)(?:个多|多个|个)?月(?:份)?才(?:给|发|到|结)
(?:@pay|的钱)[^,;!?。\n]{0,12}?(?:还|都|也)(?:没有|没)(?=[,;!?。\n]|$)
# the pay never on time (工资从来没准时过)
(?:@pay|的钱)[^,;!?。\n]{0,6}?(?:从来|从|一直|总是|很少)?(?:没|不)(?:准时|按时)(?:过|发过)?
# a delay told in days or months (又推迟了四十多天)
推迟了(?:@count)(?:多)?(?:天|个月|周|个星期)
# only living money, the rest later: 一个月只给八百块生活费
(?:只|才|仅)(?:给|发)(?:了)?[^,;!?。\n]{0,6}?生活费
# paid on and off: 工资从四月开始断断续续
@pay[^,;!?。\n]{0,12}?(?:断断续续|时有时无|时发时不发|有一个月没一个月)
# the rest still owed: 剩下的一直拖着, 剩下四个月没给
(?:剩下|其余)(?:的|部分)?[^,;!?。\n]{0,10}?(?:一直|还|都)?(?:拖着|欠着|没给|没发|不给|不发|一拖再拖|挂在账上|挂账|挂着|先存着|存着)
# the rest put off: 剩下的年后再说; 其余部分站里称要等财政资金到位后发放
(?:剩下|其余)(?:的|部分)?[^,;!?。\n]{0,12}?(?:(?:年后|以后|下个月|下月|年底|过年|明年)(?:再说|再给|再发|再结|给|发|结)|(?:等|要等|说等|称要)[^,;!?。\n]{0,14}?(?:后|以后|之后|再)(?:发放|发|给|结|付)|(?:说|要|还要|得)?等(?:财政|拨款|资金|上面|县里|甲方|政府))
# the rest of the pay not paid, a detail in brackets between: 其余约6个月工资（每人每月2200元，合计约6.6万元）未支付
(?:其余|剩下|剩余|余下)(?:的)?[^,;!?。\n]{0,10}?@pay(?:\([^()\n]{0,40}\))?[^,;!?。\n]{0,6}?(?:没有?|未|尚未|仍未|至今未|一直未|一直没)@ontime?(?:支付|发放|发|给|结清|结)
# words of not-getting, then the pay (not 未发现拖欠工资, "no arrears found")
(?:没有?|未|不|没能)@ontime?(?:发放|发(?!现)|给|付|支付|结|拿到|领到|拿|领|开)(?:过)?[^,;!?。\n了]{0,6}?(?:@pay|钱)
# a longer reach for "not received", a stretch of months between: 还没拿到今年5月以后的工资
(?:还|都|仍|仍然|一直|至今|到现在还|到今天还)?(?:没有?|未|没能)(?:拿到|领到|收到|见到)[^,;!?。\n]{0,14}?@pay
@owing[^,;!?。\n]{0,16}?(?:@pay|钱)
# the pay cards taken away (a way of holding the pay back): 把她们的工资卡收走了, 扣着工资卡
工资卡[^,;!?。\n]{0,4}?(?:收走|收了|扣下|扣着|拿走|扣押|押着|没收)
(?:收走|扣下|扣着|拿走|扣押|押着|没收)(?:了)?[^,;!?。\n]{0,6}?工资卡
# the card or the hand that got nothing: 卡里一次都没进来过, 手里一直没进过钱, 手里还是空的
卡(?:里|上)(?:(?:@count)(?:个多|多个|个)?月|一次|一分钱?|一毛钱?|一笔)?(?:都|也)?没(?:进|到|来|见)
# the card empty for months: 三个多月了卡里一直是空的, 卡上还是空空的
卡(?:里|上)(?:一直|还是|还|都|始终|早就)?(?:是)?(?:空的|空空|空着|没钱|一分没有|一分钱没有)
# money in: none, or last seen months ago (进账：零; 上次进账是八月)
进账[:]?(?:是|为|只有|还是)?(?:零|0|没有|一分没有)(?![0-9.])
上次进账(?:是|在|还是)[^,;!?。\n]{0,6}?月
手里(?:一直|还是|还|都|始终)?(?:没(?:进过|拿到过|见过|有过|拿到)|空着|空空)
# the money held up above: 领导说上面卡着, 单位那边一直卡着
(?:上面|上头|那边|单位|公司|县里|财政|领导|甲方)[^,;!?。\n]{0,4}?(?:一直|还|都)?卡着
# the sum never once seen: 合同上写的那个数，我到今天一次都没见过
(?:数|钱|工资|工钱)[^。\n]{0,12}?(?:一次|一回)(?:都|也)没(?:见过|拿到|领到|发过)
# not a cent seen: 三个月没见到一分钱, 没拿到过一毛钱
(?:没|没有|未|从没|从来没)(?:见到|见着|见过|拿到|领到|收到|看到|进过|到过)(?:过)?(?:(?:一分|一毛|一块|半毛)(?:钱|辛苦钱|血汗钱|工钱)|分钱|@pay)
# the formal "has not paid N workers' wages for October to December": a longer reach
(?:未|没有|尚未|仍未|至今未|一直未)(?:向|给|为)?(?:我们|他们|她们|工人们?|职工|员工|大家)?@ontime?(?:支付|发放|结清|兑现|兑付)[^,;!?。\n]{0,24}?@pay
# owed for months (not another task put off: 拖了三个月才交体检报告)
(?:拖|欠|压|等|推|晾)(?:了|着|到)?(?:他|她|我|我们|他们|她们|大家|人家|俺|俺们)?(?:快|近|整整|足足|第)?(?:@count)(?:个多|多个|个)?(?:月|年)(?!才(?:交|办|做|来|去|还|修|批|回|报|写|到位))
# the rest still nowhere (剩下那一半还是没影), or left to wait (先发一半，剩下的等年后)
(?:剩下|剩余|其余|余下)(?:的)?[^,;!?。\n]{0,6}?(?:还是|还|仍|仍然|依然|一直|至今)?(?:没影|没下文|没动静|没到|没给|没发)
(?:剩下|剩余|其余|余下)的?(?:要|得|还得)?等(?:到)?(?:年后|年底|过年|明年|下个月|下月|月底|藏历年后|拨款)
# a promise overtaken by the calendar: 说好的月底给钱，这都下个月二十号了
说好[^。\n]{0,12}?(?:给钱|发钱|发工资|给工资|结账|结|发|给)[^。\n]{0,8}?(?:这都|都|已经|眼看)(?:到了|过了)?(?:(?:下个月|下月)(?:[0-9一二三四五六七八九十]{1,3}号)?|月中|月底|年底|过年|[0-9一二三四五六七八九十]{1,3}号)了
# the contract says one sum, the hand gets less: 合同上写每月2600，结果每月只到手一千六
合同(?:上)?(?:写|签|说|定|约定)(?:的)?[^。\n]{0,16}?(?:结果|但|可|实际|可是|但是)[^。\n]{0,12}?(?:只|才|就)(?:到手|拿到手|拿到|领到|发了|给了)
# ... told the other way round: 上个月到手才一千出头，合同上写的三千二
(?:到手|拿到手|拿到|领到)(?:的)?(?:只有|才|就|只)[^。\n]{0,12}?合同(?:上)?(?:写|签|说|定|约定)
# months named and not paid: 公司五月六月的钱都没给, 11月、12月的还没给
(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})月(?:份)?(?:[、和跟,，](?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})月(?:份)?)?的(?:@pay|钱)?(?:都|也|还|一直|至今)?(?:没有?|未)(?:给|发|结|到账|打)
# started to hold it back and months have passed (从去年底就开始拖，到现在五个月了; not 拖地, mopping)
开始拖(?!地|鞋|把)[^,;!?。\n]{0,3}?[,，]?(?:到现在|至今|现在)?(?:已经|都)?(?:@count)(?:个多|多个|个)?月
# worked for nothing for months (义务劳动三个月了, 白干了两个月)
(?:义务劳动|白干|白打工)(?:了)?(?:整整|快|近)?(?:@count)(?:个多|多个|个)?月
# an allowance cut with the pay (连高温补贴也一起扣了)
(?:高温补贴|补贴|全勤奖?|奖金)(?:也|都)?(?:一起|一并|全)?(?:被)?扣(?:了|掉|光)
# the money gone for months, as emoji write it: 💰❌❌ 第三个月了 (钱没没第三个月了), 💰已经🈚了三个月了
钱(?:已经|都|又|还|也)?没{1,4}(?:了)?[^,;!?。\n]{0,3}?(?:第|整整|快|近|足足)?(?:@count)(?:个多|多个|个)?月
# ... or the other way round: 🈚️💴已经到第七个月了 (没钱已经到第七个月了)
没{1,2}钱(?:已经|都|又|还|也)?(?:到)?(?:第|整整|快|近|足足)?(?:@count)(?:个多|多个|个)?月
# only a few months of the year paid: 一共才领了两个月的, 只拿到四个月的钱
(?:才|只|仅|就|一共就?|总共就?|一共才|总共才)(?:领|拿|发|给|支付|发放)(?:了|到|过){1,2}(?:@count)(?:个多|多个|个)?月
# less than half in hand, the rest "next year": 扫了一年马路，到手不到一半。剩下的，说明年。
到手(?:的)?(?:不到|还不到|不够)(?:一半|一千|两千|[0-9]{3,5})
(?:剩下|其余)(?:的|部分)?[,]?(?:说|都说|老板说)(?:明年|年后|下个月|年底|过年)
# put off from holiday to holiday: 老板说春节后一定，春节后说五一，五一后说国庆
(?:后|过了|到了)(?:又)?说[^,;!?。\n]{0,6}?[,;][^,;!?。\n]{0,6}?(?:后|过了|到了)(?:又)?说
# the pay, a comma, then held by someone (马路天使们的血汗钱，被那家承包公司压了整整一个季度)
(?:@pay)[,]被[^,;!?。\n]{0,12}?@held
# a promise repeated for weeks or months: 老板说“这星期一定到”，说了八个星期了
一定(?:发|给|结|到)[^。!?\n]{0,8}?说了(?:@count)(?:个多|多个|个)?(?:月|年|星期|礼拜|周)
# the money "going through the process" for months: 在走流程，走了四个月了
走流程[^。!?\n]{0,8}?(?:走了|拖了|等了)?(?:@count)(?:个多|多个|个)?月
# asked and answered: 工钱给了吗？没有。
(?:@pay|钱)(?:给了|发了|到了)(?:吗|没)\??(?:没有|没|零)
# the matter of the pay still unanswered: 工资的事公司今天还是没回话，已经第三个月了
(?:@pay|钱)的事[^,;!?。\n]{0,10}?(?:还是|一直|都|仍然)?(?:没|没有)(?:回话|消息|结果|动静|下文|着落)
# only a sum paid: 三个月只给一千五了
(?:只|才|仅)(?:给|发|打)(?:了)?(?:[0-9]{2,6}|[一二两三四五六七八九十百千万]{1,6})(?:块|元)?(?=[了,;!?。\n]|$)
# paid once or twice in a season: 从春天到冬天只给过一回, 半年就给过两次
(?:只|才|就|一共就?|总共就?)(?:领|拿|发|给)(?:了|到|过){1,2}(?:一|两|二|三|几)(?:回|次|笔)
# put off again: 拖到明年, 拖到藏历新年以后
(?:拖到|推到)(?:明年|年后|过年|年底|下个月|下月|[^,;!?。\n]{0,8}?(?:以后|之后))
# promised, then promised again: 说好工钱年后给，过完年又说五月给，五月又说九月
说好[^。\n]{0,24}?又说[^,;!?。\n]{0,8}?(?:给|发|结|付|算)
又说[^,;!?。\n]{0,6}?(?:月底|年后|年底|下个月|下月|过年|@count月)(?:再|才|一起)?(?:给|发|结|付|算)
# "when will the pay come?": 工资什么时候发, 工钱啥时候能给
(?:@pay|的钱)[^,;!?。\n]{0,8}?(?:什么时候|啥时候|何时)(?:才)?(?:能)?(?:发|给|到|结)
# "give us back our wages": 还我们工资, 还我血汗钱
还(?:我|我们|俺|俺们|咱|咱们)(?:的)?@pay
# cut for board, lodging, uniforms
(?:扣了|扣掉|扣除|代扣|克扣)[^,;!?。\n]{0,8}?(?:伙食费|住宿费|餐费|饭费|服装费|工服费|管理费|保证金|培训费|押金)
# fines: a sum taken for each slip (迟到一次扣100元, 有人一个月被扣近千元, 垃圾桶没摆正就扣50; not
# points off an assessment, 被扣8分)
(?:被|一次|每次|这次|就|直接|又|还)扣(?:了|掉)?(?:近|约|将近|了)?[0-9零一二两三四五六七八九十百千]{1,9}(?:多|余)?(?:元|块)?(?![0-9零一二两三四五六七八九十百千]|分|个百分点|%|名|位)
(?:违规|乱|随意|私自)扣款|(?:退还|退回)[^,;!?。\n]{0,6}?扣款
# a deposit the job demanded, kept (工装押金不退, 入职时交的押金到现在没退)
(?:工装|服装|工服|入职|上岗|保洁|工作)押金[^,;!?。\n]{0,10}?(?:不退|没退|未退|不给退|拒不退还|扣着|扣下)
(?:@count)(?:个多|多个|个)月(?:了)?(?:都|也|还)?(?:没|未)(?:有)?(?:发|给|拿到|领到|见|开支|开资|钱)(?:过|到|着)?(?:@pay)?
# paid late as a rule: 每个月都拖半个月才发
拖(?:了)?[^,;!?。\n]{0,6}?才(?:发|给|结|到账)
# a sum taken every month: 每月扣我们三百块说是管理费
(?:每月|每个月|月月)(?:都)?扣(?!除?(?:五险|社保|个税|税|公积金|保险|水电))[^,;!?。\n]{0,6}?(?:[0-9]{1,9}|[一二两三四五六七八九十百千几]{1,8})(?:元|块)(?![^,;!?。\n]{0,4}?(?:社保|五险|公积金|个税|保险|税|水电))

[negation]
# "will theirs be held back too?" (保洁的工资会不会也欠着？没听说): a question, no case
会不会(?:也|又)?(?:欠|拖|扣|压)(?:着|了)?
# if the company goes under (如果保洁公司倒闭了，老板跑路，工资谁来给): a case that may come
如果[^。!?\n]{0,16}?(?:倒闭|破产|跑路)
# "if the wages are held back" (环卫工被拖欠工资的话应该找谁): a question on a case that may come
(?:拖欠|欠薪|欠发|克扣|被扣|压着?)(?:了)?[^,;!?。\n]{0,8}?的话
# denial, prohibition or a mere possibility before the arrears word
(?:没有|没|未|无|不|从未|从不|从没|从来没|不存在|绝不|未发现|没有发现|未出现)(?:任何|出现|发生|过|恶意|曾|曾经)?(?:拖欠|欠薪|克扣|欠发)
(?:杜绝|严禁|禁止|不得|防止|预防|根治|治理|清理|排查|整治|坚决|避免|如何防止|如果|倘若|假如|若是|一旦|遇到|如遇|遇有|谨防|以免|万一|要是|将来)[^,;!?。\n]{0,12}?(?:拖欠|欠薪|克扣|欠发|被欠|欠了|不发|没发|发不出|拖工资|扣了|被扣|扣工资|扣钱|拖了|未按时|未足额|未发|没按时|不按时)
(?:拖欠|欠薪|克扣)(?:问题|隐患|线索|风险)?(?:专项|治理|整治|排查|清零|投诉渠道|举报电话|案件办理)
# the worker borrowing from the writer (卓玛阿姨今天偷偷跟我借钱，说……两个月没给她打钱了): what the
# arrears cost, no debt that owns them
(?:跟|向|找)(?:我|我们|俺|亲戚|邻居|朋友|别人|人)[^,;!?。\n]{0,4}?借(?:了)?钱
# "not for any reason" (不以任何理由拖欠、克扣员工工资): a pledge
(?:不|绝不|决不|不得|不会)(?:以|用|找)?(?:任何)(?:理由|借口|名义|方式)(?:拖欠|克扣|欠发|压|扣)(?:[、和或及](?:拖欠|克扣|欠发|压|扣))*
# a principle, not a case: 再难也不能欠工人的钱 (not the ultimatum 不能再拖了)
(?:不能|不可以|不可|不该|不应该|不应|决不能|绝不能)(?!再)(?:拖欠|欠|克扣|扣|拖)
# a promise in an advertisement: 按月发放不压工资
(?:不|绝不|从不|决不)(?:压|拖|欠|扣)(?:工资|工钱|薪水|一分钱)
# cases closed by an office: 共办结欠薪案件47件
(?:办结|审结|结案|查处|办理)[^,;!?。\n]{0,4}?(?:欠薪|拖欠工资|讨薪)(?:纠纷)?案(?:件)?
# the case's name in a report of its close: 这起拖欠劳动报酬纠纷案至此执行完毕
这起[^,;!?。\n]{0,12}?(?:拖欠|欠薪|讨薪)[^,;!?。\n]{0,12}?(?:纠纷案|案件|案)
# advice, not a case: 环卫工人被拖欠工资可以拨打12333投诉
(?:拖欠|欠薪|克扣|扣)[^,;!?。\n]{0,6}?(?:的|时|后)?(?:可以|可|均可|即可|请)(?:拨打|致电|向|到|申请|投诉|举报)
# no money to hire or buy (物业说没钱请保洁): not the pay
没钱(?:请|雇|买|交|付|还|修|装|搞)
# none found by an inspection: 未发现新的欠薪问题
(?:未发现|没有发现|没发现|未出现|不存在)[^,;!?。\n]{0,4}?(?:拖欠|欠薪|克扣|欠发)
# hearsay about arrears in general: 为什么总听说有欠薪的
(?:总|常|经常|老是|老)听说[^,;!?。\n]{0,8}?(?:欠薪|拖欠|没发)
# a promise never to owe (公司绝不会欠工人的钱): no case
(?:绝不会|绝对不会|决不会|绝不|决不)(?:再)?(?:拖欠|欠|拖|少给|少发|克扣|扣)
# "never owed, never late": 从来没欠过, 没拖过, 从没晚过
(?:从来|从|一直|向来)?(?:没|没有|未|不曾)(?:有)?(?:被)?(?:拖欠|欠|拖|晚|迟|少|压|扣)(?:过|发过|给过)
# the question "do they pay late or not" (拖不拖, 欠不欠)
(?:拖不拖|欠不欠|扣不扣|发不发)
# "information, leads on arrears" (有关欠薪的信息): an office's routine, not a case
(?:有关|涉及|关于)[^,;!?。\n]{0,10}?(?:欠薪|拖欠)[^,;!?。\n]{0,6}?(?:信息|线索|舆情)
# a hypothetical told over a clause or two: 如果在保洁公司上班，公司拖欠工资不发，应该去哪里投诉
# (not an ultimatum: 如果再不发)
(?:如果|假如|要是|万一|倘若|假设)(?!再|还)[^。!?\n]{0,30}(?:拖欠|欠薪|克扣|欠发|被欠|欠的|欠下的|不发|没发|发不出|没结清|扣工资|扣钱|押)
# a question or a doubt, not a case: 做环卫工真的会被拖欠工资吗
(?:会不会|会|真的会|是不是都|是否会)(?:被)?(?:拖欠|欠薪|克扣|欠)[^,;!?。\n]{0,8}?(?:吗|么|呢)
# still waiting for an answer (a complaint, not an office's 答复)
(?:等|等待|还在等|没有|没|未|迟迟没有|一直没有|至今没有|至今未)(?:收到|得到)?(?:任何)?答复
# "it is no rumour": takes back a denial word (不是谣言, 并非不实)
(?:不是|并非|绝不是|哪是|根本不是|可不是)(?:什么)?(?:谣言|造谣|谣传|假消息|不实)
# a demand, not a payment: 要求公司按时足额支付工资, 督促尽快发放; an order, a date expected, a promise
# or a goal may stand further off (责令你单位于收到本指令书之日起7日内足额支付, 跟踪督办直至工资发放到位,
# 预计推迟至4月30日前发放, 公司承诺9月20日前全部支付; not 按承诺发放). Ending on the verb, it takes
# back the "paid" it touches and leaves the arrears after it (责令支付拖欠工资) standing; no arrears or
# negation lies inside the longer stretch, nor a standing rule (承诺工资每月15日前足额发放 is pay on time).
(?:希望|请求|恳请|确保|保证|必须|应当|尽快)[^,;!?。\n]{0,8}?(?:按时|足额|全额|如数|及时)?(?:足额|按时)?(?:支付|发放|补发|结清|兑现|兑付|发)
(?:要求|督促|责令|责成|敦促|催促|限期|限令|直至|直到|预计|将于|将在|(?<![按依照])承诺|答应)[^,;!?。\n拖欠没未不每]{0,24}?(?:按时|足额|全额|如数|及时|全部)?(?:足额|按时)?(?:支付|发放|补发|结清|兑现|兑付|付清|发还|到位|到账|发)
# "don't call it a rumour", "a rumour?": the writer rejects the denial
(?:别说|不要说|谁说|怎么是|凭什么说)(?:人家|我们|这|这是)?(?:是)?(?:造谣|谣言|谣传|假的)
(?:谣言|造谣|谣传|不实)(?:吗|么)?\?
# the reason given, not a debt owed: 因甲方服务费尚未到账, 因业主单位服务费延迟支付 (the fee is the
# excuse, the pay is what is late)
(?:因|由于|因为|说是)[^,;!?。\n]{0,6}?(?:@fee|拨款|款项|资金)(?:尚未|未|没有|还没|没|延迟|延期|推迟|迟迟未)(?:到账|到位|拨付|拨下来|结算|支付|下来)
# an excuse given, not a debt owed: 以医院尚未结算服务费为由
(?:以|称|说是|因为|由于)[^,;!?。\n]{0,20}?(?:为由|为借口|做借口|当借口)
# a generalisation rejected, not a case: 外面别一说环卫就是拖欠工资
一说[^,;!?。\n]{0,8}?就是[^,;!?。\n]{0,4}?(?:拖欠|欠薪|克扣|欠)
# not yet closed (暂未办结, 尚未解决): a resolution word taken back
(?:暂未|尚未|仍未|未|没有|还没|还未)(?:办结|结案|解决|处理完)
# money the worker advanced himself (油钱自己先垫): a cost of the job, not another debt
(?:@fee|油钱|饭钱|车费)[^,;!?。\n]{0,4}?(?:自己|我们|他|她)(?:先)?(?:垫|掏)
# deducted for social insurance (扣工资交社保): a lawful deduction
扣(?:了)?(?:工资)?(?:交|缴|用于|去交)(?:社保|五险|公积金|医保|养老)
# "don't think only the sanitation workers are owed": a comparison, not their case
(?:觉得|以为|认为)只有[^,;!?。\n]{0,10}?(?:被欠薪|欠薪|被拖欠|拖欠)
# a worry, not a case: 担心工资会不会拖, 怕以后工资发不出来, 怕到时候干了活不给发
(?:担心|害怕|怕|就怕|生怕)[^,;!?。\n]{0,8}?(?:会不会|会)?(?:被)?(?:拖欠|拖|欠|扣|克扣|压|发不出|发不下来|不给发|不给钱|不发|拿不到)
# a worry about the future, not a case: 会不会以后环卫工的工资也发不出来啊
(?:会不会|是不是也|会不会也)[^,;!?。\n]{0,12}?(?:拖欠|欠薪|克扣|发不出|发不下来|拿不到|拖工资|不发工资)
# "and they still make videos to promote 'the finest sanitation worker'": mockery, no campaign
还(?:在)?(?:拍|搞|发|做|录)?[^,;!?。\n]{0,6}?宣传(?:什么)?(?:最美)?
# arrears as something one keeps hearing of (为啥老在网上看到拖欠的新闻?): no case
(?:老是|总是|经常|老在|常在|常常|总在|时不时|动不动)[^,;!?。\n]{0,6}?(?:看到|看见|刷到|听说|听到)[^,;!?。\n]{0,6}?(?:拖欠|欠薪|讨薪|欠工资)
# what is owed is no money (我的快乐被生活拖欠了整整一个冬天, 睡眠被拖欠了八个月): a metaphor
(?:快乐|睡眠|觉|梦想|青春|幸福|爱情|假期|休息|头发|人生|好心情|笑容)(?:都|也)?(?:被)?(?:生活|老板|工作|上班|岁月)?(?:拖欠|欠)
# a wish for later (希望以后别再拖了), once the story is told
(?:希望|但愿|盼着|祝)(?:以后|今后|将来)(?:别|不要|不再|再也不|别再)(?:再)?(?:拖|欠|扣|压)
# "never heard of it being late" (她们那边是公司直接发，没听说拖), "theirs late too?" (客房的也拖了吗?) asks
(?:没听说|没听过|没听到|没听人说)(?:过)?(?:有)?(?:拖|欠|扣|压|晚发)
(?:也|都|还)(?:被)?(?:拖|欠|扣|压)(?:了)?(?:吗|么)(?:\?|(?=\n|$))
# "did they get it?" (要到了吗, 发了没) asks; it tells of no payment
(?:要到|拿到|领到|到账|结清|补发|发下来|发|给)了(?:吗|么|没有|没)
# "not paid on time" (or "cannot be": 工资无法按时发放) is not "paid on time"; "not received" is not "received"
(?:没|未|没有|还没|不|没能|未能)(?:能)?(?:拿到|领到|到账|补发|发放|结清|付清|补上|补齐|发下来)
(?:不|没|未|没有|从来没|从没|无法|没法|不能)(?:能)?(?:按时|按月|足额|准时|及时|正常|全额|如数)

[resolved]
# never late by a day (工人工资我们一天都没拖过; 人家按月发，一天没拖)
(?:一天|一个月|一次|一分钱)(?:都|也)?(?:没|没有|从没|从来没)(?:拖|欠|晚|断|少)(?:过|(?=[,;!?。\n]|$))
# paid earlier than someone else's (连学校保洁的工资都比我们准时)
(?:工资|工钱)(?:都|也)?比[^,;!?。\n]{0,6}?(?:准时|按时|早)
# paid all along, said in passing (环卫的工资倒是每月按时)
倒是(?:每月|每个月|一直|都|月月)?(?:按时|准时|按月|照发)
# ... with who pays between (打扫卫生的阿姨倒是学校直接发，没问题)
倒是[^,;!?。\n]{1,8}?(?:直接发|按时发|正常发|每月发|按月发)
# "they at least get it every month" (环卫的朋友都比我们强，人家至少每个月拿得到)
(?:至少|起码)[^,;!?。\n]{0,6}?(?:每个月|每月|按月)(?:都)?(?:拿得到|能拿到|到手|发)
# paid in the end (最后是县里出面垫付的)
最后(?:是|还是)?[^,;!?。\n]{0,8}?(?:垫付|补发|发了|给了|结清|付清)(?:的|了)
# the rest paid along with it (连之前拖的两个月一起发了), the deduction handed back (被扣的钱全退回来了)
连[^,;!?。\n]{0,12}?一起(?:发了|给了|补了|结了|补发了)
(?:全|都|已经|已)?退(?:回来|还)了
# the others were paid, "but the cleaners' side got theirs first / early" (保洁那边倒是先发了, 工资倒是早就结清了)
倒是(?:先|早就|早|都|已经)(?:发了|给了|结了|结清了|发下来了|到账了)
(?:保洁|环卫|清洁|扫地|扫大街)[^,;!?。\n]{0,4}?倒是(?:发了|给了|结了|结清了|发下来了|到账了)
(?:倒|倒是)没有?(?:这回事|这种事|这个问题)
# once owed, now fine: 以前的老板欠钱，现在换了公司好多了; 好在到现在都按时
(?:以前|前几年|那几年|过去|当年|早些年|去年|前年)[^。!?\n]{0,30}?(?:欠|拖)[^\n]{0,30}?(?:现在|今年|如今|这两年|这几年|近两年|近几年)[^。!?\n]{0,12}?(?:好多了|好了|按时|按月|正常|不欠了|不拖了|准时)
好在[^,;!?。\n]{0,8}?(?:按时|准时|都发了|发了|没拖|没欠|没少)
# never missed a month (a company owed money that still pays): 没让我们断过一个月工资
(?:没|没有|从没|从来没|从未)(?:让|叫)?[^,;!?。\n]{0,12}?断过[^,;!?。\n]{0,6}?@pay
# done: already, fully or there and then paid (公司当场支付拖欠工资2.1万元; a negation, or a demand such
# as 要求/责令/督促/尽快/限期/承诺, inside the gap rules it out)
(?<!服务费|工程款|项目款|货款|租金|房租|押金|物业费|材料费|管理费)(?:已|已经|现已|均已|目前已|日前已|如今已|终于|总算|当场|当即|当庭)[^没未不要责督尽限承答将会说拖欠延扣压迟押,;!?。\n]{0,12}(?:补发|发放|发了|支付|结清|付清|兑付|清偿|偿还|垫付|到账|到位|补上|补齐)(?!(?:了)?(?:部分|一部分|一半|少量|小部分|服务费|工程款|项目款|货款|租金|房租|款项的|(?:@count)(?:个多|多个|个)?月))(?:了)?(?:全部|所有)?(?:所|被)?(?:拖欠|欠发|克扣|欠下|欠)?(?:的)?(?:全部|所有)?(?:工资|工钱|薪资|薪水|欠薪|款项|报酬)?
# received: the pay named after it, or the clause ends there (钱终于拿到手了), not another thing
# received (终于拿到驾照了)
(?<!服务费|工程款|项目款|货款|租金|房租|押金|物业费|材料费|管理费)(?:已|已经|现已|均已|目前已|日前已|如今已|终于|总算)[^没未不要责督尽限承答将会说拖欠延扣压迟押,;!?。\n]{0,12}(?:拿到|领到)(?:手)?(?:了)?(?:(?:全部|所有)?(?:被)?(?:拖欠|欠发|克扣|欠下|欠)?(?:的)?(?:全部|所有)?(?:工资|工钱|薪资|薪水|欠薪|报酬|血汗钱|辛苦钱|钱)|(?=[,;!?。\n]|$))
(?<!要求|督促|责令|希望|请求|恳请|确保|保证|必须|应当|应|要|须|按时|及时|尽快)(?:全部|足额|如数|全额)(?:补发|发放|支付|结清|到位|兑现|兑付|到账|给了)(?:了)?(?:所|被)?(?:拖欠|欠发|克扣|欠下|欠)?(?:的)?(?:工资|工钱|薪资|薪水|欠薪|款项|报酬)?
(?:工资|工钱|薪水|的钱)(?:昨天|今天|上周|终于|总算|已经|都)(?:发了|到了|到账了|补了|结了|发下来了|打过来了|给了)
# paid all along: 员工工资一个月都没落下, 工资一个月也没拖过
(?:@pay|员工|工人|大家)[^,;!?。\n]{0,4}?一个月(?:都|也)没(?:落下|拖|少|欠|晚|断)
# the pay handed over (把拖欠我们的工资发了), the case dealt with (已经处理好了)
(?<![没未不])把[^,;!?。\n]{0,12}?(?:@pay|钱)(?:都|全|全部|也)?(?:发了|给了|结了|补了|补发了|结清了|打过来了|还了|付了|发下来了|补上了|领到手了|拿到手了|领到了|拿到了|要回来了|要到了)
(?:已经|已|都)处理好了
# the workers' pay advanced by the company itself (员工工资一直由公司自有资金垫付)
@pay(?:一直|都|均|全部|始终)?由[^,;!?。\n]{0,10}?(?:垫付|垫发|先行垫付|照发)
# someone paid the arrears in advance: 县里垫付了全部欠款, 医院先行垫付了全部三个月工资
(?:垫付|垫发)了(?:全部|所有|拖欠的|欠下的)?[^,;!?。\n]{0,8}?(?:@pay|欠款|欠薪)
# a court or an arbitration ordered the payment (法院判令被告支付拖欠工资): the case is decided
(?:判令|裁决|判决)[^,;!?。\n]{0,10}?(?:支付|给付|补发|发放)(?:所|被)?(?:拖欠|欠发|克扣)?(?:的)?(?:@pay|劳动报酬)?
# the workers paid anyway (a company owed money that still pays): 借钱给工人发了工资
(?:给|为)(?:工人|员工|职工|大家|环卫工人|保洁员|清洁工)们?(?:发了|发放了|结清了|补发了|垫付了|先行垫付了?)(?:@pay)?
# the owed pay got back: 领到了被拖欠的工资, 帮阿姨要回了被扣的三百块钱, 追回被拖欠工资3.1亿元
# (done: with 了, after 已, 成功, 共为, or with the sum recovered; not the wish or the way to:
# 帮助他们讨回欠薪, 怎么要回)
@got_back = 领到|拿到|收到|追回|要回|讨回|拿回
@owed_pay = (?:拖欠|欠下|欠发|欠|克扣|扣)(?:的)?[^,;!?。\n]{0,8}?(?:@pay|钱|款)|欠薪|欠款
@got_back了(?:被)?@owed_pay
(?:已|已经|成功|共|累计|共计|先后|为[^,;!?。\n]{0,12}?)@got_back(?:被)?@owed_pay
# an office's tally of sums recovered: 今年以来共为环卫、保洁等行业劳动者追讨欠薪2300余万元,
# 共为1.2万余名劳动者追讨工资等待遇2.3亿元
(?:共|累计|共计|先后|今年以来|年初以来|截至目前)(?:(?!未|没|不)[^,;!?。\n]){0,20}?(?:(?:@got_back|追讨|清欠)(?:被)?@owed_pay|(?:追讨|追回|讨回|清欠)(?:工资|劳动报酬|薪资))
@got_back(?:被)?(?:@owed_pay)(?:共计|共|约|近|达)?[0-9零一二两三四五六七八九十百千万亿.]+(?:多|余)?(?:万|亿)?元
# the arrears told as the story behind a settled case: 法院成功调解……此前被物业公司拖欠工资
(?:此前|之前|先前|早前)[^,;!?。\n]{0,12}?(?:拖欠|欠薪|欠发|克扣)
# paid all along
(?:每个月|每月)(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})(?:号|日)(?:准时|按时|都|就|照)?(?:发|到账|打卡)
(?:照样|照常|一直|每个月都|每月都|都是|从来都)(?:按时|按月|准时|正常|足额)?(?:给)?[^没未不说等拖欠少晚迟扣压,;!?。\n]{0,6}?(?:发工资|发放工资|发钱|发的|到账|发)

[other_debt]
# a deposit not returned (工作服押金800块还不退, 押金一拖再拖): another debt; the pay kept as a
# deposit (扣了一个月工资当押金) is the pay's own event, which holds the word
(?<!当)(?<!作)(?<!做)押金[^,;!?。\n]{0,8}?(?:还不退|不退|没退|未退|不给退|退不了|退不回来|一拖再拖|拖着不退)
# goods a unit bought on credit (环卫公司赊账买了二十把扫帚, 食堂在我这赊了一年的米面油): its debt.
# Workers buying on credit because they are not paid (扫街的大姐都在我这赊方便面, 买烟都记账) are no
# debt of theirs.
(?:公司|单位|环卫所|环卫站|食堂|所里|站里)[^,;!?。\n]{0,4}?(?:赊(?:账|了)?|记账|挂账|记了账|挂了账)(?:买了?|拿了?)?[^,;!?。\n]{0,12}
# the writer owes someone: 我欠她的钱还没还
(?:我|我们|俺)(?:还)?欠(?:她|他|你|人家|别人|朋友|亲戚)(?:的)?[^,;!?。\n]{0,4}?钱
# a fee, rent or goods owed, not wages: 欠我们修车厂的修理费, 单位半年没付保洁服务费, 拖欠环卫企业服务费,
# 县里拖欠某环卫服务企业2023年度服务费
(?:欠|拖欠|拖了|没付|未付|不付|没给|拖着)(?:了)?(?:(?!@pay)[^,;!?。\n]){0,20}?(?:@fee)
# the fee first: 项目款政府已经欠了快一年
(?:@fee)(?:(?!@pay)[^,;!?。\n]){0,12}?(?:欠|拖欠|没付|未付|不付|没给|拖着|没结)

[denial]
# "it is the riders, not the sanitation workers" (我们说的是外卖，不是环卫)
不是(?:环卫|保洁|清洁|扫大街|扫地)
# ... with the place between: 讨薪的不是我们拉萨的环卫工
不是(?:我们|咱们|俺们)[^,;!?。\n]{0,6}?的(?:环卫|保洁|清洁|扫大街|扫地)
# the deduction explained as lawful (原来是社保和公积金个人部分)
原来是[^,;!?。\n]{0,6}?(?:社保|公积金|个税|五险|医保)
# the job word as a joke's title the writer takes at home or in a chat group (我是群里的“保洁员”,
# 专门删广告; the quotes are gone after normalisation). Not "the cleaner in our group chat said".
(?:我是|我就是|当了|当上了?|做了|成了)(?:群里|家里|家中|屋里|宿舍里|班里|朋友圈里?)的?(?:保洁员|清洁工|环卫工|环卫主管|保洁主管|清洁员)
# "no problem yet": a question asked ahead of any case (公司倒闭了保洁的工资谁给？目前还没问题，先了解一下).
# Not "还没发" (still unpaid): only 问题.
(?:目前|现在|暂时|眼下)还?(?:没|没有)(?:什么|啥)?(?:问题|出问题)
# the job as a simile for the writer or someone near (我老婆说我就像个环卫工，天天收拾烂摊子，还没工资):
# "like a cleaner" is no cleaner. Not "像我们这样的环卫工", which is one.
# Not 好像 ("it seems": 好像一个环卫工被欠了工资), not 跟 without 一样 or 似的 (跟一个环卫工聊天).
(?<!好)(?:像|像是|活像)(?:个|一个)(?:环卫工|保洁员|保洁阿姨|清洁工|扫大街的|扫地的)|跟(?:个|一个)(?:环卫工|保洁员|保洁阿姨|清洁工|扫大街的|扫地的)(?:一样|似的)
# a pet given a job or a wage in the same sentence (我家猫算是家里的环卫主管了，工资只有小鱼干)
(?:我家|家里的?|我的)(?:猫|狗|猫咪|狗狗|喵星人|汪星人|主子)[^。!?\n]{0,30}?(?:工资|主管|上班|打工|发薪|薪水)

[entity:workers]
(?<n>[0-9]+|[零〇一二两三四五六七八九十百千几]+)(?:多|余|来)?(?:名|个|位)(?:环卫|保洁|清洁|清扫|清运)?(?:工人|员工|工友|职工|环卫工|保洁员|清洁工|阿姨|大爷|师傅|人)
# 名 and 位 count people whatever the job: 8名管理员, 十二位清扫女工
(?<n>[0-9]+|[零〇一二两三四五六七八九十百千几]+)(?:多|余|来)?(?:名|位)[\p{sc=Han}]{0,4}?(?:员|工(?![资钱作程期])|师傅|阿姨|大爷|大姐|大妈|人)
(?:环卫工人|环卫工|保洁员|清洁工|工人|员工|工友)(?:共|有|约|达|逾|超过|近|计|共计)?(?<n>[0-9]+|[零一二两三四五六七八九十百千]+)(?:多|余)?(?:名|人|个人|位)
(?<n>[0-9]+|[零〇一二两三四五六七八九十百千几]+)(?:多|余|来)?(?:人)

[entity:months]
# the months owed before any other count of months: 拖了四个月, 剩下五个月, 整整四个月没有发
(?:拖|欠|压|剩下|剩|还差|差)(?:了|着|的)?(?:快|近|将近|整整|足足)?(?<n>[0-9]+|[零一二两三四五六七八九十几仨]+)(?:个多|多个|个)月
(?<n>[0-9]+|[零一二两三四五六七八九十几仨]+)(?:个多|多个|个)月(?:了)?(?:的(?:工资|工钱|钱))?(?:都|也|还|一直)?(?:没|未)
(?<n>[0-9]+|[零一二两三四五六七八九十几仨]+)(?:个多|多个|个)月
(?<n>半)(?<mult>年)
(?<n>[0-9]+|[一二两三四五六七八九十]+)(?:多)?(?<mult>年)(?:多)?(?:的)?(?:工资|工钱|没|未|都|了)
# 仨月, 俩月 (仨 and 俩 hold their 个)
(?<n>仨|俩)月
# a span of months named by the calendar, followed by the pay or its not coming: 2024年10月至12月工资,
# 1到4月的钱, 10月、11月、12月的工资 (the first and last month; across the new year: 11月至次年2月)
@month = [0-9]{1,2}|[一二三四五六七八九十]{1,3}
@pay_follows = (?=[^,;!?。\n]{0,6}?(?:工资|工钱|薪|的钱|钱|没|未|一直|都|的))
(?<from>@month)(?:月份?)?(?:至|到|-|—|~|～)(?:次年|来年|第二年|今年)?(?<to>@month)月份?@pay_follows
(?<from>@month)月份?(?:、@month月份?)*、(?<to>@month)月份?@pay_follows

[entity:amount]
(?:拖欠|欠|共计|合计|总计|累计|涉及|金额|总共|一共|共)[^,;!?。\n]{0,10}?(?<n>[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+)(?:多|余)?(?<mult>万|千)?(?:多|余)?(?:元|块|人民币)
(?<n>[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+)(?:多|余)?(?<mult>万|千)?(?:多|余)?(?:元|块)

[entity:company]
# a registered name first (…有限公司), wherever it stands in the text: it names the employer more
# surely than 环卫公司 or 一家物业 before it. The name never takes in a word that introduces it
# (由, 叫, 系, 名为: 外包公司叫山南康洁物业服务有限公司).
(?<name>(?:(?![的了在是被给向和与及对把让说我你他她它们因为名从到跟欠拖由叫称系])[\p{sc=Han}A-Za-z0-9]){2,30}?(?:股份有限公司|有限责任公司|有限公司))
# else the first name-like span with a company word
(?<name>(?:(?![的了在是被给向和与及对把让说我你他她它们因为名从到跟欠拖])[\p{sc=Han}A-Za-z]){2,24}?(?:股份有限公司|有限责任公司|有限公司|公司|环卫所|环卫处|环卫站|环卫队|物业(?!费)|服务中心|管理处|集团))

/* bench/gen_corpus.c — deterministic generator of a realistic mixed corpus for the classifier
 * benchmark, in JSON Lines:
 *
 *   {"id":"b-000001","source":"weibo","url":"https://...","title":"...","text":"...",
 *    "published_at":"2026-03-14T08:25:11+08:00"}
 *
 *   gen_corpus [--bytes N] [--seed S] > corpus.jsonl
 *
 * N may carry a suffix k/M/G (powers of 1000); default 110M. Output stops after the first
 * document that brings the total to N bytes or more. Same N and S give the same bytes.
 *
 * Mix: ~85% Chinese, ~10% Tibetan, ~5% mixed documents. About 1% are complaints about unpaid
 * wages of sanitation workers (worker, relative, bystander and reporter voices, with numbers,
 * months, amounts, company names and Tibet place names; some in traditional characters or
 * with spaces and symbols inside words); about 3% are hard negatives (policy texts, cases
 * reported as resolved, arrears of other workers, other debts, sanitation news); the rest are
 * ordinary posts and news (weather, tourism, roads, schools, prices, sports, daily life, local
 * government), 50–1500 characters each. Every sentence is built from the banks below.
 *
 * Build: cc -std=c11 -O2 -Wall -Wextra -Werror -o gen_corpus bench/gen_corpus.c
 */
#include "names.h"

#include <errno.h>

#define DEFAULT_SEED  20260214u
#define DEFAULT_BYTES 110000000ull

typedef struct { const char *const *s; size_t n; } bank_t;
#define BANK(arr) { (arr), NELEM(arr) }

/* =====================================================================================
 * Chinese sentence banks. {SLOT}s are filled per document (see slot()).
 * ===================================================================================== */

/* ---- weather */
static const char *const ZW_TITLE[] = {
    "{CITY}天气：{MD}起有降雪降温", "今日{CITY}天气预报", "未来三天{CITYF}以晴为主，昼夜温差大",
    "{CITY}又下雪了", "气象台发布大风蓝色预警", "高原天气｜{CITY}今天紫外线很强", "{COUNTY}迎来今年首场降雪",
};
static const char *const ZW[] = {
    "据{CITYF}气象台消息，{MD}白天{CITY}晴转多云，最高气温{TEMP}℃，夜间最低气温{TEMPL}℃。",
    "受冷空气影响，未来三天{CITY}、{CITY2}等地将出现明显降温，局地有小到中雪。",
    "今天早上起来一看，窗外全白了，{CITY}今年的第一场雪终于来了。",
    "气象部门提醒，高海拔地区紫外线强，外出请做好防晒，注意补充水分。",
    "这几天{COUNTY}风特别大，中午出门沙子打在脸上生疼。",
    "午后到傍晚，{CITY}部分地区有雷阵雨，请市民出行携带雨具。",
    "预计本周后期气温回升，白天最高气温可达{TEMP}℃左右，请注意适时增减衣物。",
    "{CITYF}气象台{MD}发布道路结冰黄色预警，请过往车辆减速慢行。",
    "早晚温差大是高原气候的特点，早上还穿羽绒服，中午就只穿一件衬衫了。",
    "今年雨季来得比往年早，{COUNTY}一带的河水明显上涨。",
    "受降雪影响，部分山口路段通行困难，请司机朋友关注实时路况。",
    "晚上八点多太阳才下山，夏天的{CITY}白天格外长。",
    "天气晴好，{SPOT}一带的天空蓝得像洗过一样，不少人拿出手机拍照。",
    "冬季供暖已经开始，家里暖和多了，不用再开电暖器了。",
    "昨夜一场小雨过后，空气特别清新，远处的山顶还能看到积雪。",
    "今天{CITY}最高气温只有{TEMPL}℃，出门记得戴帽子和手套{EMO}",
    "农牧区要提前做好牲畜防寒保暖工作，储备足够的饲草料。",
    "气象专家介绍，今年冬季{CITYF}平均气温较常年偏高，降水偏少，森林草原火险等级较高。",
};

/* ---- tourism */
static const char *const ZT_TITLE[] = {
    "{SPOT}迎来旅游高峰", "第一次来西藏，{SPOT}真的太美了", "{CITYF}推出冬游西藏精品线路",
    "自驾攻略：从{CITY}到{SPOT}", "游客注意！参观{SPOT}需提前预约", "{CITY}旅游市场持续升温",
};
static const char *const ZT[] = {
    "暑期以来，{SPOT}迎来旅游高峰，单日接待游客超过{NUMK}人次。",
    "提醒游客：参观{SPOT}需提前在网上实名预约，现场不售票。",
    "第一次来西藏，在{SPOT}门口排了一个小时队，值了！{EMO}",
    "从{CITY}出发自驾去{SPOT}大约需要{HOURS}个小时，沿途风景非常美。",
    "初到高原不要剧烈运动，头两天最好别洗澡，多喝水，慢慢适应。",
    "八廓街的甜茶馆里坐满了人，一壶甜茶配一碗藏面，才十几块钱。",
    "今年{CITYF}推出了多条冬游西藏精品线路，部分景区门票减免。",
    "在{SPOT}看日出的时候，雪山一点点被染成金色，大家都安静下来了。",
    "民宿老板说，今年来的散客比往年多，很多是年轻人自驾或骑行过来的。",
    "景区工作人员提醒，请勿随意投喂野生动物，不要在湖边乱扔垃圾。",
    "旅游旺季机票价格上涨明显，{MON}份{CITY}往返成都的机票要一千多元。",
    "林芝的桃花节每年三四月举行，满山桃花配上雪山，吸引了大批游客。",
    "据统计，今年1至{MONN}月{CITYF}累计接待国内外游客{NUMW}万人次，同比增长{PCT}%。",
    "导游小卓玛说，旺季的时候她每天要带三四个团，嗓子都说哑了。",
    "我们在{SPOT}附近的一家藏家乐吃了午饭，牦牛肉炖土豆特别香。",
    "有网友问去{SPOT}要不要带氧气瓶，其实大部分人适应一两天就好了。",
};

/* ---- roads and traffic */
static const char *const ZR_TITLE[] = {
    "{ROAD}改造工程{MD}起分段施工", "{CITY}至{CITY2}段公路恢复通行", "交警提醒：冬季山区道路易结冰",
    "{COUNTY}农村公路建设提速", "早高峰{ROAD}堵成停车场", "公交{BUS}路调整线路",
};
static const char *const ZR[] = {
    "{ROAD}改造工程{MD}起分段施工，施工期间请绕行{ROAD2}。",
    "记者从{CITYF}交通运输局获悉，{CITY}至{CITY2}段公路已恢复通行。",
    "早上{ROAD}又堵了，从家到单位平时十分钟，今天开了四十分钟。",
    "新建的{COUNTY}至乡镇公路全长{KM}公里，预计年底前建成通车。",
    "交警提醒，冬季山区道路易结冰，请安装防滑链，不要超速超载。",
    "{ROAD}与{ROAD2}交叉口新增了红绿灯，过马路方便多了。",
    "公交{BUS}路调整了线路，现在可以直接坐到{SPOT}附近。",
    "由于山体塌方，国道318线部分路段实行交通管制，预计抢通需要{HOURS}小时。",
    "拉林高等级公路上车流量明显增加，请驾驶员注意保持车距。",
    "小区门口的路灯坏了快一个月了，晚上走路黑乎乎的，希望有关部门修一修。",
    "停车难是老城区的老问题，一到周末{ROAD}两边全是车。",
    "今年以来，{CITYF}新改建农村公路{KM}公里，建制村通硬化路率达到100%。",
    "驾校报名的人越来越多，考科目二要排一个多月的队。",
    "出租车起步价没变，还是十块钱，不过晚上十点以后要加价。",
    "{MD}起，{CITY}城区部分路段实行单向通行，请大家按照交通标志行驶。",
};

/* ---- schools */
static const char *const ZS_TITLE[] = {
    "{SCHOOL}举行开学典礼", "{CITYF}今年新增学位{NUMK}个", "期末考试临近，家长们都在忙什么",
    "暑假安全提示：防溺水！", "{SCHOOL}学生在全区运动会上获佳绩", "幼儿园报名须知",
};
static const char *const ZS[] = {
    "{CITYF}今年秋季学期新增学位{NUMK}个，{NUM}所新建学校将投入使用。",
    "{SCHOOL}举行了开学典礼，新生们在操场上整齐列队。",
    "期末考试快到了，孩子每天晚上写作业写到十点多。",
    "教育部门提醒家长，暑假期间要看护好孩子，注意防溺水。",
    "学校食堂的饭菜比以前好多了，孩子说每天都有肉有菜。",
    "今年全区高考报名人数达到{NUMW}万人，考点设在各市县中学。",
    "老师在家长群里通知，下周一开始执行冬季作息时间，早上九点半到校。",
    "{SCHOOL}的学生在全区中小学生运动会上获得了{NUM}枚金牌。",
    "双语教学是我们这里学校的特色，孩子藏文和汉语都学得不错。",
    "幼儿园报名需要准备户口本、疫苗接种证和体检表。",
    "学校组织学生参观了{SPOT}，同学们写了很长的观后感。",
    "今年{CITYF}继续落实教育“三包”政策，农牧民子女在校吃住学习全部免费。",
    "家长会上，班主任说孩子们最近玩手机的时间太多了。",
    "{COUNTY}中学新建的教学楼已经完工，下学期就能搬进去。",
};

/* ---- prices and markets */
static const char *const ZP_TITLE[] = {
    "{CITY}菜价有所回落", "藏历新年临近，年货市场火爆", "酥油价格比去年涨了一点",
    "{COUNTY}开展节前市场价格检查", "油价又调了", "今天的菜价，大家参考一下",
};
static const char *const ZP[] = {
    "最近{CITY}菜价有所回落，青菜每斤{PRICE}元，土豆每斤{PRICE2}元。",
    "今年酥油价格比去年贵了一点，好的牛酥油一斤要{PRICEB}元。",
    "超市里的苹果涨价了，一斤要八块多，还是买点本地的吧。",
    "市场监管部门对{COUNTY}农贸市场开展了价格检查，未发现明显违规行为。",
    "临近藏历新年，市场上卡赛、牛羊肉、青稞酒销售火爆。",
    "加油站的油价又调了，92号汽油每升涨了一毛多。",
    "冬虫夏草收购价格今年有所下降，挖草的人都说不好卖。",
    "房价这两年比较稳定，{COUNTY}新小区均价每平米{PRICEH}元左右。",
    "早市上买了一斤牦牛肉，四十五元，比超市便宜不少。",
    "网购快递到{CITY}要五六天，有的店还不包邮。",
    "为保障冬春季蔬菜供应，{CITYF}建立了蔬菜储备制度，储备量达到{NUMH}吨。",
    "今天在菜市场买了一把韭菜、两个西红柿和一块豆腐，一共花了十五块。",
    "青稞今年收成不错，每斤收购价比去年高了几毛钱。",
    "燃气公司通知，居民用气价格暂不调整。",
};

/* ---- sports */
static const char *const ZSP_TITLE[] = {
    "{CITYF}第{NUM}届全民健身运动会开幕", "赛马节精彩瞬间", "高原马拉松鸣枪开跑",
    "校园足球联赛落幕", "锅庄舞跳起来", "我们部门篮球赛拿了第二！",
};
static const char *const ZSP[] = {
    "{CITYF}第{NUM}届全民健身运动会{MD}开幕，{NUMH}多名运动员参赛。",
    "赛马节上，来自各县的骑手们展开了激烈角逐，现场观众欢呼声不断。",
    "高原马拉松吸引了国内外{NUMH}多名跑者，最快的选手两个多小时跑完了全程。",
    "晚饭后去{SPOT}附近散步，很多人在跳锅庄，特别热闹。",
    "我们单位组织了篮球赛，我们部门居然拿了第二名。",
    "登山队员们在珠峰大本营进行适应性训练，准备择机冲顶。",
    "校园足球联赛决赛在{SCHOOL}举行，双方踢成2比2，最后靠点球决出胜负。",
    "射箭、押加、抱石头这些传统体育项目越来越受年轻人喜欢。",
    "新建的全民健身中心免费开放，游泳馆每天下午都挤满了人。",
    "这次比赛设青少年组和成年组，比赛项目包括田径、篮球、乒乓球等{NUM}个大项。",
};

/* ---- daily life */
static const char *const ZD_TITLE[] = {
    "周末日常", "记录一下今天", "高原生活小记", "今天心情不错", "楼下新开了一家店",
    "来{CITY}的第{NUM}年", "分享一下我的一天",
};
static const char *const ZD[] = {
    "今天带孩子去{SPOT}玩了一下午，回来累得不行。",
    "楼下新开了一家川菜馆，味道还不错，就是有点辣。",
    "周末在家打扫卫生，把冬天的衣服都拿出来晒了晒。",
    "早上去菜市场买了点菜，顺便给老人买了两盒药。",
    "朋友从内地来{CITY}玩，带他去吃了藏餐，他说酸奶特别好吃。",
    "最近睡眠不太好，可能是刚来高原还不太适应。",
    "小区组织了义诊活动，很多老人都去量了血压。",
    "今天是妈妈的生日，一家人在外面吃了顿饭，很开心{EMO}",
    "家里的网络又断了，打了客服电话说明天才能来修。",
    "这几天在学打酥油茶，试了好几次终于有点那个味道了。",
    "晚上和同事去喝甜茶，聊了一晚上工作上的事。",
    "买了一辆电动车，上下班方便多了，就是冬天骑着太冷。",
    "我家狗狗今天打完疫苗，一路上都在闹脾气。",
    "下班路上看到一位老人摔倒了，几个路人赶紧过去把他扶了起来。",
    "今天心情超好 \\(^o^)/ 终于拿到驾照了！",
    "周末去了趟{COUNTY}的亲戚家，牧场上的牦牛成群结队。",
    "高原上水烧到八十多度就开了，煮面一定要用高压锅。",
    "转经的人从早到晚都不断，阿妈啦们一边走一边摇着转经筒。",
    "孩子今天学会自己系鞋带了，高兴得跑来跑去给我看。",
    "晚上在{ROAD}的夜市吃了烤串，人超级多。",
    "今年过年没回老家，和几个朋友一起在{CITY}包饺子。",
    "网上买的书终于到了，准备这个周末好好看看。",
    "有人知道{CITY}哪里可以修手机屏幕吗？要靠谱一点的。",
    "邻居阿佳送来一盆自己做的油炸果子，太好吃了。",
    "今天去医院体检，排队排了一上午，还好结果都正常。",
    "新买的\"智能\"电饭锅用了三天就坏了，客服说要寄回去修。",
};

/* ---- local government news */
static const char *const ZG_TITLE[] = {
    "{CITYF}召开{TOPIC}工作推进会", "{COUNTY}扎实推进乡村振兴", "{CITYF}政务服务再提速",
    "{COUNTY}开展冬季送温暖活动", "为民办实事项目清单公布", "{CITYF}开展安全生产大检查",
    "人大代表视察民生项目建设",
};
static const char *const ZG[] = {
    "{MD}，{CITYF}召开{TOPIC}工作推进会，安排部署下一阶段重点任务。",
    "{COUNTY}扎实推进乡村振兴，今年已完成{NUM}个村的人居环境整治。",
    "会议强调，要坚持以人民为中心的发展思想，切实解决群众急难愁盼问题。",
    "{CITYF}政务服务中心推出“一网通办”，企业开办最快一天办结。",
    "{COUNTY}组织干部深入农牧区，开展冬季送温暖活动，慰问困难群众{NUMH}余户。",
    "近日，{CITYF}人大常委会组织代表视察了{COUNTY}的民生项目建设情况。",
    "今年以来，{COUNTY}新增城镇就业{NUMH}人，农牧民转移就业{NUMK}人次。",
    "{CITYF}开展安全生产大检查，排查整改各类隐患{NUMH}余处。",
    "该项目总投资{AMTY}亿元，建成后将惠及周边{NUMK}余名群众。",
    "为民办实事项目清单公布，涉及教育、医疗、养老、住房等{NUM}个方面。",
    "会议要求，各部门要压实责任，抓好各项工作落实，确保取得实效。",
    "{COUNTY}召开党委理论学习中心组学习会，深入学习贯彻有关会议精神。",
    "据介绍，{CITYF}今年计划实施重点项目{NUMH}个，目前已开工{PCT}%。",
    "{CITYF}举行新闻发布会，通报上半年经济运行情况，地区生产总值同比增长{PCTS}%。",
    "下一步，{COUNTY}将继续加大基础设施投入，补齐农牧区公共服务短板。",
    "{COUNTY}易地扶贫搬迁安置点新建了幼儿园和卫生室，群众就近就能看病上学。",
};

/* ---- sanitation news without arrears (hard negatives) */
static const char *const ZSN_TITLE[] = {
    "凌晨五点的{CITY}，环卫工人已经开始工作", "致敬城市美容师", "{CITYF}为环卫工人送去冬季慰问",
    "{COUNTY}新增电动垃圾清运车", "环卫工人最低工资标准上调", "{CO}招聘保洁员",
    "垃圾分类试点扩大到{NUM}个小区",
};
static const char *const ZSN[] = {
    "凌晨五点多，{CITY}的环卫工人已经开始清扫{ROAD}的积雪。",
    "{CITYF}为一线环卫工人发放了棉衣、手套等防寒物资，并送上慰问金。",
    "{COUNTY}环卫部门新购置了{NUM}辆电动垃圾清运车，进一步提高清运效率。",
    "市民自发给环卫工人送去热腾腾的酥油茶，为他们的辛勤劳动点赞。",
    "{CO}招聘保洁员{NUM}名，月薪{WAGEN}元，缴纳五险，包午餐，有意者请电话联系。",
    "从今年{MON}起，{CITYF}环卫工人工资标准上调至每月{WAGEN}元，工资按月足额发放。",
    "一名环卫工人在{ROAD}作业时被一辆小轿车刮伤，已送医治疗，无生命危险。",
    "{CITY}城区垃圾分类试点已覆盖{NUM}个小区，居民参与率逐步提高。",
    "节日期间，环卫工人坚守岗位，确保城区道路干净整洁。",
    "我们小区的保洁阿姨每天把楼道拖得干干净净，真心感谢她{EMO}",
    "城区新建的{NUM}座公厕已全部投入使用，免费向市民开放。",
    "爱心驿站为环卫工人等户外劳动者提供热水、休息和手机充电服务。",
    "环卫工人平均年龄超过五十岁，希望大家出门不要随手乱扔垃圾，减轻他们的负担。",
    "{COUNTY}为环卫工人免费体检，并为他们购买了意外伤害保险。",
    "环卫车辆每天定时清运，居民请在规定时间内把垃圾投放到指定地点。",
};

/* ---- policy / campaign texts without a concrete case (hard negatives) */
static const char *const ZPO_TITLE[] = {
    "关于开展根治欠薪冬季专项行动的通知", "{CITYF}部署环卫工人工资支付保障工作",
    "自治区召开保障环卫工人工资支付工作推进会", "关于进一步做好环卫作业人员工资支付工作的实施意见",
    "{CITYF}召开根治拖欠农民工工资工作会议",
};
static const char *const ZPO[] = {
    "为深入贯彻落实《保障农民工工资支付条例》，切实维护劳动者合法权益，现就开展根治欠薪专项行动有关事项通知如下。",
    "各地要建立环卫工人工资支付台账，实行动态清零，做到发现一起、处置一起。",
    "对发现的欠薪线索，要在2小时内快报，24小时内办结。",
    "各级住建部门要会同人社、网信、信访等部门，建立健全欠薪问题快速处置机制。",
    "对恶意拖欠工资的用人单位，依法纳入失信联合惩戒对象名单，实行“一处违法，处处受限”。",
    "会议指出，保障环卫工人工资按时足额发放，是保障和改善民生的重要内容。",
    "各市（地）要于每月2日前报送上月工作开展情况。",
    "畅通12345、12319等投诉举报渠道，确保群众诉求件件有回音、事事有着落。",
    "要加强网络舆情监测，及时发现和处置网上反映的欠薪问题。",
    "本实施意见自印发之日起施行。",
    "专项行动分为自查自纠、集中整治、总结提升三个阶段。",
    "严禁以任何理由克扣、拖欠环卫作业人员工资。",
    "环卫作业服务采购合同中应当明确工资支付方式和时间，并设立工资保证金。",
    "会议要求，各级各部门要提高政治站位，以更严的要求、更实的举措推进根治欠薪工作。",
    "一是压实属地责任；二是加强日常监管；三是强化部门联动；四是严格督导问责。",
    "对工作不力、造成不良影响的，将予以通报批评并约谈相关负责人。",
};

/* ---- cases reported as resolved (hard negatives) */
static const char *const ZRS_TITLE[] = {
    "网友反映的环卫工人工资问题已解决", "{CITY}：{N}环卫工人领到被拖欠的工资",
    "回复：关于{COUNTY}保洁员工资的留言", "感谢劳动监察大队！工资终于拿到了",
};
static const char *const ZRS[] = {
    "经{COUNTY}住建局协调，{CO}已于{MD}将拖欠的{N}环卫工人{M}工资共计{AMT}全部补发到位。",
    "近日，{CITY}网友反映的环卫工人工资问题已经解决，工人们都领到了工资。",
    "记者回访得知，{N}保洁员的工资已全部结清，工人们表示满意。",
    "感谢{CITY}劳动监察大队，我们的工资终于拿到了！{EMO}",
    "此前有网民反映{COUNTY}环卫工人工资发放不及时，经核实，相关公司已整改到位，工资已按时发放。",
    "您好！您反映的问题已转交{COUNTY}住房和城乡建设局办理，经调查，涉及人员工资已于{MD}全部结清。",
    "下一步，我们将加强对环卫作业企业的日常监管，防止类似问题再次发生。",
    "工人们拿到工资后，特意送来一面锦旗表示感谢。",
};

/* ---- arrears of other workers (hard negatives) */
static const char *const ZOW_TITLE[] = {
    "{CITY}某工地{N}农民工讨薪", "干了两个月，老板跑路了", "民办学校老师反映工资被拖欠",
    "装修师傅的工钱什么时候给？", "外卖骑手：这个罚款合理吗",
};
static const char *const ZOW[] = {
    "{CITY}某建筑工地{N}农民工反映，包工头拖欠他们{M}工资，至今未付。",
    "外卖骑手讲述：平台扣了我{AMTS}元，说是超时罚款，申诉了也没用。",
    "{COUNTY}一所民办学校的老师反映，学校已经{M}没有发工资了。",
    "装修队的师傅说，活干完了，老板还欠着{AMT}工钱没给。",
    "某商贸公司员工反映公司拖欠{M}工资，目前劳动监察部门已介入调查。",
    "饭店服务员小李说，干了两个月老板跑路了，工资一分没拿到。",
    "工地上的钢筋工、木工都是从四川、甘肃来的，年底拿不到钱就回不了家。",
    "劳动监察部门提醒：遇到欠薪可以拨打12333，也可以到当地劳动保障监察机构投诉。",
    "一家酒店的前台员工说，公司每个月都拖一个星期才发工资，问就说财务没空。",
    "司机师傅说，运输公司欠他的运费拖了半年，打电话也不接。",
};

/* ---- other debts: fees, rent, loans, a company owed by a government that still pays (hard negatives) */
static const char *const ZDB_TITLE[] = {
    "物业费到底该不该交", "房东又来催房租了", "信用卡逾期的后果", "关于{CO}服务费拨付问题的回复",
};
static const char *const ZDB[] = {
    "物业公司说我们小区有{NUMH}户拖欠物业费，将暂停这些住户的停车服务。",
    "房东催房租催了好几次了，这个月确实手头紧。",
    "据了解，由于财政资金未及时拨付，{CO}被拖欠服务费{AMT}，但公司表示工人工资一直照常发放。",
    "银行提醒，信用卡逾期会影响个人征信，请按时还款。",
    "朋友借了我五千块钱，说好三个月还，现在半年了都没动静。",
    "小区业主反映，物业公司收了钱却不干活，楼道好几天没人打扫。",
    "供暖费今年要在{MON}底前交清，逾期要交滞纳金。",
    "公司负责人表示，虽然甲方服务费还没结算，但公司先垫资给员工发了工资，没有拖欠一分钱。",
};

/* ---- complaints (hits): worker voice */
static const char *const ZH_W_OPEN[] = {
    "我是{PLACE}的一名{WK}，{CO}已经{M}没给我们发{WAGE}了。",
    "我们是{CO}的{WK}，一共{N}，{WAGE}被{OWE2}了{M}了。",
    "本人在{PLACE}做{WK}三年了，这是第一次在网上发帖，实在是没办法了。",
    "求助！我们{N}{WK}从{MON}到现在一分{WAGE}都没拿到！",
    "我在{CO}干保洁，{WAGE}已经{M}没发了，公司一直拖着。",
};
static const char *const ZH_W_BODY[] = {
    "每天早上五点就上街扫地，风里雪里没歇过一天，可是{WAGE}一拖再拖。",
    "去公司问，经理说甲方没拨款，让我们再等等，这一等就是{M}。",
    "一共{OWE}我们{AMT}，这可是我们的血汗钱啊！",
    "家里孩子要交学费，老人要看病，没有{WAGE}日子真的过不下去了。",
    "找过{COUNTY}住建局，也打过{HOT}，到现在还没有人给个说法。",
    "公司还说谁闹就开除谁，我们不敢声张，只能在网上发帖求助。",
    "合同上写的每月{WAGEN}元，实际每月只发一半，剩下的说年底结，到了年底又不给。",
    "上个月还莫名其妙扣了我们每人{AMTS}元，说是什么\"管理费\"。",
    "我们开垃圾清运车的司机也一样，{M}没见到一分钱。",
    "房租已经欠了两个月，房东天天催，我们真的没办法了{EMO}",
    "公司老板电话打不通，办公室也锁着门，我们不知道该找谁。",
    "我们都是附近村里的，年纪大了，没有别的本事，就指望这点{WAGE}过日子。",
};
static const char *const ZH_W_CLOSE[] = {
    "求求各位帮忙转发，让领导看到我们这些{WK}的难处！",
    "我们也不想闹事，就想拿回自己应得的{WAGE}。",
    "希望有关部门能帮我们讨个公道！{EMO}",
    "麻烦大家帮帮忙，谢谢了🙏",
};
/* relative voice */
static const char *const ZH_R_OPEN[] = {
    "{REL}在{PLACE}当{WK}，{CO}{OWE}{TA}{M}{WAGE}了。",
    "{REL}是{COUNTY}的{WK}，到现在{M}的{WAGE}还没拿到。",
    "替{REL}发个帖：{TA}在{CO}做保洁，{WAGE}已经{M}没发了。",
};
static const char *const ZH_R_BODY[] = {
    "{REL}今年五十多岁了，每天天不亮就出门扫马路，冬天手上全是冻疮。",
    "问了好几次，公司都说下个月发，可下个月又推到下下个月。",
    "看着{REL}每天愁眉苦脸的，我心里很难受，不知道该找谁。",
    "{TA}们班组一共{N}{WK}，都是这样，公司一共欠了大概{AMT}。",
    "{TA}不会用手机，也不敢去找领导，只能我来网上问问。",
    "公司说是上面的钱没下来，可活儿一天也没让停。",
};
static const char *const ZH_R_CLOSE[] = {
    "请问这种情况应该去哪里投诉？打{HOT}有用吗？",
    "希望有关部门关注一下，{TA}们挣点钱真的不容易。",
    "有没有懂法律的朋友帮忙出出主意？",
};
/* bystander voice */
static const char *const ZH_B_OPEN[] = {
    "今天在{ROAD}跟扫地的阿姨聊天，她说{CO}已经{M}没发{WAGE}了。",
    "听小区保洁大姐说，他们{N}{WK}的{WAGE}被{OWE2}了{M}，过年都没拿到钱。",
    "路过{ROAD}，看到几个{WK}坐在路边，一问才知道{WAGE}{M}没发了。",
    "单位的保洁阿姨今天哭了，说劳务公司{OWE}她{M}{WAGE}。",
};
static const char *const ZH_B_BODY[] = {
    "他们天天在路上扫地、收垃圾，城市这么干净全靠他们，{WAGE}却被{OWE2}着，太不应该了。",
    "阿姨说公司让他们签了一张纸，说是等资金到位再发，到现在也没消息。",
    "听说{COUNTY}的好几个环卫班组都是这种情况。",
    "大姐说她一个月{WAGEN}块，{M}加起来一万多，对她们家来说不是小数目。",
    "我给她说可以打{HOT}，她说打过了，让等通知。",
};
static const char *const ZH_B_CLOSE[] = {
    "希望有关部门管一管，别让{WK}流汗又流泪。",
    "发出来让更多人看到吧，这些人太不容易了。",
    "@{CITY}发布 能不能关注一下？",
};
/* reporter / news voice */
static const char *const ZH_N_OPEN[] = {
    "近日，有网友反映{PLACE}{N}{WK}被{CO}{OWE2}{WAGE}长达{M}，涉及金额约{AMT}。",
    "记者{MD}来到{COUNTY}，多名{WK}向记者反映，自{MON}以来{WAGE}一直未发放。",
    "{MD}，{CITY}{N}{WK}向本报反映，其所在的{CO}已{M}未发放工资。",
};
static const char *const ZH_N_BODY[] = {
    "据工人们介绍，{CO}承包了该区域的道路清扫和垃圾清运业务，工资本应在每月15日前发放。",
    "对此，{COS}负责人表示，因公司资金周转困难，工资暂时无法发放，具体时间待定。",
    "截至记者发稿时，工人们仍未拿到被拖欠的工资。",
    "垃圾清运车司机王师傅说，他每月{WAGEN}元的工资已经{M}没有按时发了。",
    "{COUNTY}医院的几名保洁员也反映，劳务外包公司{OWE}她们{M}工资。",
    "学校的保洁阿姨说，外包公司已经{M}没发工资了，学校说这是公司的事。",
    "工人们出示的考勤表显示，他们每天工作超过十个小时，节假日也不休息。",
    "记者多次拨打{COS}负责人的电话，对方始终未接听。",
    "公厕管理员卓嘎说，她看管的公厕每天要打扫七八遍，{WAGE}却{M}没见着。",
};
static const char *const ZH_N_CLOSE[] = {
    "本报将持续关注此事进展。",
    "记者已将相关情况反映给{COUNTY}住建部门。",
    "工人们希望有关部门尽快介入，帮助他们讨回欠薪。",
};

/* =====================================================================================
 * Tibetan banks (modern standard written Tibetan). Slots starting with B are Tibetan fills.
 * ===================================================================================== */
static const char *const BW_TITLE[] = {"གནམ་གཤིས་སྔོན་བརྡ།", "{BCITY}་གྲོང་ཁྱེར་དུ་ཁ་བ་བབས།", "དྲོད་ཚད་ཆག་རྒྱུ་རེད།"};
static const char *const BW[] = {
    "དེ་རིང་{BCITY}་གྲོང་ཁྱེར་དུ་ཉི་མ་ཤར་ཞིང་དྲོད་ཚད་ཅུང་མཐོ་བ་ཡོད།",
    "སང་ཉིན་ནག་ཆུ་དང་མངའ་རིས་ས་ཁུལ་དུ་ཁ་བ་འབབ་སྲིད་པས་འགྲུལ་བཞུད་པ་རྣམས་ཀྱིས་གཟབ་ནན་བྱེད་དགོས།",
    "ཉིན་འདི་དག་ལ་ཆར་པ་མང་བས་ཞིང་པ་ཚོ་སེམས་པ་དགའ་པོ་བྱུང་ཡོད།",
    "དགུན་ཁ་ཡིན་པས་ཞོགས་པ་དང་དགོང་མོ་ཧ་ཅང་གྲང་མོ་ཡོད།",
    "རླུང་དྲག་པོ་ལངས་ཡོད་པས་ཕྱི་ལ་འགྲོ་མཁན་ཉུང་ཉུང་ཡིན།",
    "གནམ་གཤིས་ལས་ཁུངས་ཀྱིས་བཏང་བའི་སྔོན་བརྡ་ལྟར་ན། ཉིན་གསུམ་གྱི་རིང་ལ་དྲོད་ཚད་ཆག་རྒྱུ་རེད།",
    "ཁ་སང་ནུབ་མོ་ཁ་བ་བབས་པས་རི་བོ་ཚང་མ་དཀར་པོར་གྱུར་འདུག །",
    "ཉི་འོད་དྲག་པོ་ཡོད་པས་ཕྱི་ལ་འགྲོ་སྐབས་ཞྭ་མོ་དང་མིག་ཤེལ་གྱོན་རོགས།",
};
static const char *const BR_TITLE[] = {"གཞུང་ལམ་སླར་གསོ་བྱུང་།", "འགྲིམ་འགྲུལ་གསར་འགྱུར།"};
static const char *const BR[] = {
    "{BCITY}་ནས་{BCITY2}་བར་གྱི་གཞུང་ལམ་སླར་ཡང་འགྲིམ་འགྲུལ་བྱེད་ཐུབ་པ་བྱུང་ཡོད།",
    "ལམ་ཁ་ཤས་ལ་ཁ་བ་བབས་པས་རླངས་འཁོར་རྣམས་དལ་མོས་འགྲོ་དགོས།",
    "{BCOUNTY}་རྫོང་གི་ལམ་གསར་པ་ལོ་མཇུག་ཏུ་ལེགས་གྲུབ་འབྱུང་རྒྱུ་རེད།",
    "ཞོགས་པ་ལས་ཀར་འགྲོ་དུས་ལམ་ཐོག་རླངས་འཁོར་མང་དྲགས་པས་འགྲིམ་འགྲུལ་འགགས་སོང་།",
    "འགྲིམ་འགྲུལ་ལྟ་རྟོག་པས་རླངས་འཁོར་གཏོང་མཁན་རྣམས་ལ་མགྱོགས་ཚད་ཚོད་འཛིན་བྱེད་དགོས་ཞེས་དྲན་སྐུལ་བྱས།",
    "ལྷ་ས་ནས་ཉིང་ཁྲི་བར་གྱི་མགྱོགས་ལམ་ཐོག་ཡུལ་སྐོར་བ་མང་པོ་འགྲུལ་བཞུད་བྱེད་ཀྱི་ཡོད།",
};
static const char *const BS_TITLE[] = {"སློབ་དུས་གསར་པ་འགོ་ཚུགས།", "སློབ་གསོའི་གསར་འགྱུར།"};
static const char *const BS[] = {
    "སློབ་གྲྭ་ཁག་གི་སློབ་དུས་གསར་པ་འགོ་ཚུགས་ཡོད།",
    "སློབ་མ་རྣམས་ཀྱིས་བོད་ཡིག་དང་རྒྱ་ཡིག་གཉིས་ཀ་སྦྱོང་གི་ཡོད།",
    "དགེ་རྒན་ཚོས་སློབ་མ་ལ་སེམས་ཤུགས་ཆེན་པོས་སློབ་ཁྲིད་བྱེད་ཀྱི་ཡོད།",
    "{BCOUNTY}་རྫོང་དུ་སློབ་ཆུང་གསར་པ་ཞིག་བཙུགས་ཡོད།",
    "ཕྲུ་གུ་ཚོ་ཉིན་རེ་ཞོགས་པ་སྔ་མོ་ནས་སློབ་གྲྭར་འགྲོ་གི་ཡོད།",
    "ལོ་འདིའི་སློབ་ཆེན་འཛུལ་རྒྱུགས་ལ་སློབ་མ་མང་པོ་ཞུགས།",
    "ཕ་མ་ཚོས་ཕྲུ་གུའི་སློབ་སྦྱོང་ལ་དོ་སྣང་ཆེན་པོ་བྱེད་ཀྱི་ཡོད།",
};
static const char *const BP_TITLE[] = {"ཁྲོམ་རའི་རིན་གོང་།", "ལོ་གསར་གྱི་ཉོ་ཆ།"};
static const char *const BP[] = {
    "ཁྲོམ་ར་ནང་ཚོད་མའི་རིན་གོང་ཅུང་ཟད་ཆག་ཡོད།",
    "ལོ་གསར་ཉེ་བས་ཁྲོམ་ར་ནང་ཉོ་མཁན་མང་པོ་འདུག །",
    "མར་གྱི་རིན་གོང་རྒྱ་མ་རེར་སྒོར་མོ་{BPRICE}་ཡོད།",
    "ཤ་དང་ཚོད་མ་ཉོ་བར་ཁྲོམ་ལ་ཕྱིན།",
    "ཚོང་ཁང་གསར་པ་ཞིག་སྒོ་ཕྱེས་ཡོད་པས་ཡུལ་མི་མང་པོ་ཅ་དངོས་ཉོ་བར་ཕྱིན།",
    "རྒྱ་མ་གཅིག་ལ་སྒོར་མོ་ག་ཚོད་རེད། ཅུང་ཟད་ཆག་ཐུབ་བམ།",
};
static const char *const BT_TITLE[] = {"ཡུལ་སྐོར་བ་མང་དུ་ཕྱིན།", "པོ་ཏ་ལ་ཕོ་བྲང་།"};
static const char *const BT[] = {
    "པོ་ཏ་ལ་ཕོ་བྲང་ལ་ལྟ་སྐོར་དུ་ཡོང་མཁན་གྱི་ཡུལ་སྐོར་བ་ཧ་ཅང་མང་པོ་འདུག །",
    "ཡུལ་སྐོར་བ་རྣམས་ཀྱིས་བོད་ཀྱི་ཟས་རིགས་མྱང་བར་དགའ།",
    "དབྱར་ཁ་གནམ་མཚོ་དང་ཡར་འབྲོག་གཡུ་མཚོའི་ཁ་དོག་ཧ་ཅང་མཛེས་པོ་ཡོད།",
    "ཡུལ་སྐོར་བ་ཚོས་ཁོར་ཡུག་སྲུང་སྐྱོབ་བྱེད་དགོས་པ་དང་གད་སྙིགས་གང་བྱུང་མི་འདོར་དགོས།",
    "ལོ་འདིར་{BCITY}་ལ་ཡོང་མཁན་གྱི་ཡུལ་སྐོར་བའི་གྲངས་འབོར་སྔར་ལས་མང་དུ་ཕྱིན་ཡོད།",
    "བར་ཁོར་ནང་གི་ཇ་ཁང་དུ་མི་མང་པོས་ཇ་མངར་མོ་འཐུང་གི་འདུག །",
};
static const char *const BSP_TITLE[] = {"རྟ་རྒྱུག་འགྲན་བསྡུར།", "རྩེད་འགྲན་གསར་འགྱུར།"};
static const char *const BSP[] = {
    "རྟ་རྒྱུག་འགྲན་བསྡུར་ལ་རྫོང་ཁག་ཁག་ནས་ཡོང་བའི་རྟ་པ་མང་པོ་ཞུགས།",
    "སློབ་གྲྭའི་རྡོག་རྩེད་འགྲན་བསྡུར་དུ་སློབ་མ་རྣམས་ཀྱིས་ཤུགས་རྒྱག་གི་ཡོད།",
    "དགོང་མོ་གླིང་ཀ་ནང་མི་མང་པོས་སྒོར་གཞས་འཁྲབ་ཀྱི་ཡོད།",
    "རྩེད་འགྲན་འདིར་ལོ་ན་གཞོན་པ་མང་པོ་ཞུགས་ཡོད།",
};
static const char *const BD_TITLE[] = {"ཉིན་རེའི་འཚོ་བ།", "དེ་རིང་གི་ཟིན་ཐོ།", ""};
static const char *const BD[] = {
    "ཞོགས་པ་ཇ་འཐུང་རྗེས་ལས་ཀར་ཕྱིན།",
    "དེ་རིང་ཕྲུ་གུ་ཁྲིད་ནས་གླིང་ཀར་རྩེད་མོ་རྩེ་བར་ཕྱིན།",
    "ང་ཚོའི་ཁྱིམ་མཚེས་ཀྱི་ཨ་མ་ལགས་ཀྱིས་ང་ལ་བག་ལེབ་ཁ་ཤས་སྤྲད་བྱུང་།",
    "ཉིན་འདི་དག་ལ་ལས་ཀ་མང་དྲགས་པས་ཁོམ་པ་མི་འདུག །",
    "ཁ་སང་གྲོགས་པོ་ཚོ་དང་མཉམ་དུ་ཟ་ཁང་ལ་ཁ་ལག་ཟ་བར་ཕྱིན།",
    "ཨ་ཕས་སྒོ་རར་མེ་ཏོག་བཙུགས་ཡོད།",
    "ད་ལོ་ལོ་གསར་ལ་ཁྱིམ་མི་ཚང་མ་ཕྱོགས་གཅིག་ཏུ་འཛོམས་ཀྱི་རེད།",
    "བཀྲ་ཤིས་བདེ་ལེགས། ལོ་གསར་ལ་བཀྲ་ཤིས་བདེ་ལེགས་ཞུ།",
};
static const char *const BG_TITLE[] = {"ས་གནས་སྲིད་གཞུང་གི་ཚོགས་འདུ།", "{BCOUNTY}་རྫོང་གི་གསར་འགྱུར།"};
static const char *const BG[] = {
    "ས་གནས་སྲིད་གཞུང་གིས་ཚོགས་འདུ་ཚོགས་ནས་ལས་དོན་གལ་ཆེན་ཁག་ལ་བཀོད་སྒྲིག་བྱས།",
    "{BCOUNTY}་རྫོང་གིས་ཞིང་འབྲོག་པའི་འཚོ་བ་ཡར་རྒྱས་གཏོང་ཆེད་ལས་གཞི་གསར་པ་ཁ་ཤས་སྤེལ་ཡོད།",
    "ལས་བྱེད་པ་རྣམས་གྲོང་ཚོ་ཁག་ལ་ཕྱིན་ནས་དཀའ་ངལ་ཅན་གྱི་ཁྱིམ་ཚང་ལ་འཚམས་འདྲི་བྱས།",
    "ཚོགས་འདུའི་ཐོག་མི་དམངས་ཀྱི་དཀའ་ངལ་ཐག་གཅོད་ཡག་པོ་བྱེད་དགོས་ཞེས་ནན་བཤད་བྱས།",
    "སྲིད་གཞུང་གི་ཞབས་ཞུ་ལྟེ་གནས་སུ་ལས་དོན་སྒྲུབ་པ་སྔར་ལས་སྟབས་བདེ་ཡོང་ཡོད།",
};
static const char *const BSN_TITLE[] = {"གཙང་སྦྲའི་ལས་མི་ཚོར་ཐུགས་རྗེ་ཆེ།", "གད་སྙིགས་དབྱེ་འབྱེད།"};
static const char *const BSN[] = {
    "ཞོགས་པ་ཆུ་ཚོད་ལྔ་པ་ནས་གཙང་སྦྲའི་ལས་མི་རྣམས་ཀྱིས་སྲང་ལམ་ཕྱག་དར་བྱེད་འགོ་ཚུགས།",
    "གྲོང་ཁྱེར་གཙང་མ་ཡོང་བ་ནི་གཙང་སྦྲའི་ལས་མི་ཚོའི་ངལ་རྩོལ་ལས་བྱུང་བ་ཡིན། ཁོང་ཚོར་ཐུགས་རྗེ་ཆེ།",
    "སྲིད་གཞུང་གིས་གཙང་སྦྲའི་ལས་མི་ཚོར་དགུན་གྱོན་དང་ལག་ཤུབས་བཀྲམ་སྤེལ་བྱས།",
    "གད་སྙིགས་དབྱེ་འབྱེད་བྱེད་སྟངས་སྐོར་ཡུལ་མི་ཚོར་ངོ་སྤྲོད་བྱས།",
    "{BCOUNTY}་རྫོང་དུ་གད་སྙིགས་སྐྱེལ་འདྲེན་རླངས་འཁོར་གསར་པ་{BNUM}་ཉོས་ཡོད།",
    "གཙང་སྦྲའི་ལས་མི་ཚོའི་ཟླ་ཕོགས་ལོ་འདིར་སྔར་ལས་མཐོར་བཏང་ཡོད།",
};
static const char *const BPO[] = {
    "{BWK}་ཚོའི་{BWAGE}་འགྱངས་པའི་གནད་དོན་ཐག་གཅོད་ཆེད་ཆེད་དོན་ལས་འགུལ་ཞིག་སྤེལ་ཡོད།",
    "ལས་ཁུངས་ཁག་གིས་གླ་ཕོགས་སྤྲོད་པའི་ཐོ་དེབ་འཛུགས་དགོས།",
    "ཁ་པར་ 12345 དང་ 12319 བརྒྱུད་ནས་ཞུ་གཏུག་བྱེད་ཆོག",
    "{BCOUNTY}་རྫོང་གི་ལས་ཁུངས་ཀྱིས་མཐུན་སྒྲིག་བྱས་རྗེས་{BWK}་ཚོའི་{BWAGE}་ཚང་མ་སྤྲད་ཚར་ཡོད།",
    "ཁང་པ་བཟོ་མཁན་གྱི་ལས་མི་ཚོའི་གླ་ཕོགས་ཟླ་བ་{BM}་རིང་སྤྲད་མེད་ཟེར།",
};
/* Tibetan complaints (hits) */
static const char *const BH_OPEN[] = {
    "ང་ནི་{BCITY}་གྲོང་ཁྱེར་གྱི་{BWK}་ཞིག་ཡིན།",
    "ངའི་ཨ་མ་{BCOUNTY}་རྫོང་དུ་{BWK}་ཡིན།",
    "ང་ཚོའི་སྲང་ལམ་ཕྱག་དར་བྱེད་མཁན་གྱི་ཨ་ཅག་ཅིག་གིས་ང་ལ་ཁོ་མོའི་{BWAGE}་རག་མེད་ཟེར།",
    "གནས་ཚུལ་ལྟར་ན། {BCITY}་གྲོང་ཁྱེར་གྱི་{BWK}་{BN}་ལ་{BWAGE}་མ་སྤྲད་པའི་དཀའ་ངལ་བྱུང་ཡོད།",
};
static const char *const BH_BODY[] = {
    "{BCO_AG}་ང་ཚོའི་{BWAGE}་ཟླ་བ་{BM}་རིང་སྤྲད་མེད།",
    "ང་ཚོ་ལས་མི་{BN}་ཡོད།",
    "ཉིན་རེ་ཞོགས་པ་སྔ་མོ་ནས་དགོང་མོ་བར་ལས་ཀ་བྱས་ཀྱང་{BWAGE}་ཐོབ་མ་སོང་།",
    "ཀུང་སིའི་འགོ་འཛིན་ལ་ཐེངས་མང་དྲིས་ཀྱང་ཟླ་བ་རྗེས་མར་སྤྲོད་ཀྱི་ཡིན་ཟེར་ནས་ད་བར་སྤྲད་མེད།",
    "{BWAGE}་བསྡོམས་སྒོར་མོ་{BAMT}་སྤྲད་མེད།",
    "ཁྱིམ་ཚང་གི་འཚོ་བ་ལ་དཀའ་ངལ་ཆེན་པོ་ཐེབས་ཡོད། ཕྲུ་གུའི་སློབ་ཡོན་སྤྲོད་ཐབས་མེད།",
    "ང་ཚོས་{BCOUNTY}་རྫོང་གི་ལས་ཁུངས་ལ་ཞུ་གཏུག་བྱས་ཀྱང་ད་དུང་ལན་མ་ཐོབ།",
    "ཁ་པར་ 12345 ལ་ཡང་བཏང་ཡོད།",
    "ཀུང་སིས་ང་ཚོའི་{BWAGE}་ནས་རྒྱུ་མཚན་མེད་པར་སྒོར་མོ་{BSMALL}་བཅད་ཡོད།",
};
static const char *const BH_CLOSE[] = {
    "འབྲེལ་ཡོད་ལས་ཁུངས་ཀྱིས་རོགས་རམ་གནང་རོགས།",
    "ང་ཚོས་རང་གི་ངལ་གླ་ལེན་འདོད་པ་ལས་གཞན་མེད།",
    "རོགས་པ་གནང་ནས་འདི་ཁྱབ་སྤེལ་གནང་རོགས།",
};
static const char *const BH_TITLE[] = {
    "{BWK}་ཚོའི་{BWAGE}་སྤྲད་མེད།", "རོགས་རམ་ཞུ། ང་ཚོའི་{BWAGE}།", "{BCITY}་གྲོང་ཁྱེར་གྱི་{BWK}།",
};

/* ---- Chinese titles of complaints, by voice */
static const char *const ZH_W_TITLE[] = {
    "【求助】{CITY}{WK}被拖欠{M}工资", "环卫工人的血汗钱什么时候能发？", "求扩散！{CO}拖欠{N}环卫工工资",
    "关于{CO}拖欠环卫工人工资的投诉", "我们环卫工的工资到底谁来管",
};
static const char *const ZH_R_TITLE[] = {
    "{REL}的工资到底什么时候发？", "替家里老人问一下，环卫工资被拖欠怎么办", "{REL}扫了{M}大街，一分钱没拿到",
};
static const char *const ZH_B_TITLE[] = {
    "扫大街的工资也要拖？", "路边遇到的环卫阿姨，让人心酸", "请领导关注{COUNTY}环卫工人欠薪问题",
};
static const char *const ZH_N_TITLE[] = {
    "{PLACE}环卫工人反映工资被拖欠", "{CITY}：{N}保洁员{M}未领到工资", "{CO}被指拖欠环卫工人工资",
    "{N}环卫工人讨薪记",
};

/* =====================================================================================
 * fills
 * ===================================================================================== */
static const char *const ROADS[] = {
    "北京中路", "北京东路", "江苏路", "金珠西路", "林廓北路", "德吉路", "宇拓路", "朵森格路", "娘热路",
    "纳金路", "藏热路", "色拉路", "夺底路", "当热中路", "罗布林卡路", "民族路", "太阳岛一路", "柳梧大道",
    "扎基路", "仙足岛路", "珠峰路", "上海中路", "青岛路", "广东路", "滨河路", "察木多路", "湖南路",
    "乃东路", "格桑路", "迎宾大道",
};
static const char *const SPOTS[] = {
    "布达拉宫", "大昭寺", "八廓街", "纳木错", "羊卓雍错", "罗布林卡", "色拉寺", "哲蚌寺", "扎什伦布寺",
    "巴松措", "鲁朗林海", "雅鲁藏布大峡谷", "珠峰大本营", "冈仁波齐", "玛旁雍错", "然乌湖", "卡若拉冰川",
    "药王山", "南山公园", "宗角禄康公园", "拉萨河边", "雍布拉康", "桑耶寺", "昌珠寺", "宗山古堡",
};
static const char *const WK_ZH[] = {
    "环卫工人", "环卫工人", "环卫工", "清洁工", "保洁员", "保洁阿姨", "扫地的工人", "垃圾清运工",
    "环卫职工", "环卫工人", "马路清扫工",
};
static const char *const WAGE_ZH[] = {"工资", "工资", "工资", "工钱", "薪水", "工资", "血汗钱", "劳务费"};
static const char *const OWE_ZH[] = {"拖欠", "拖欠", "拖欠", "欠着", "压着", "克扣", "一直拖欠", "拖欠"};
static const char *const OWE2_ZH[] = {"拖欠", "拖欠", "拖欠", "克扣"};
static const char *const REL_F[] = {"我妈", "我母亲", "我婆婆", "我姨妈", "我岳母", "我姐", "我奶奶"};
static const char *const REL_M[] = {"我爸", "我父亲", "我舅舅", "我叔叔", "我老公", "我哥"};
static const char *const HOTLINES[] = {"12345", "12345", "12319", "12333", "市长热线", "12345热线"};
static const char *const TOPICS[] = {
    "乡村振兴", "安全生产", "城市管理", "民生实事", "生态环境保护", "优化营商环境", "冬季供暖保障",
    "防汛救灾", "森林草原防火", "重点项目建设",
};
static const char *const EMOS[] = {"", "", "😭", "🙏", "😡", "👍", "❄️", "☀️", "😂", "~", "！！", "😊"};
static const char *const NOISE[] = {" ", " ", "*", "-", ".", "\xe2\x80\x8b", "  ", "_", "·"};

static const char *const BO_WK[] = {
    "གཙང་སྦྲའི་ལས་མི", "གཙང་སྦྲའི་ལས་མི", "གཙང་སྦྲའི་ལས་བྱེད་པ", "སྲང་ལམ་ཕྱག་དར་བྱེད་མཁན", "ཕྱག་དར་བ",
};
static const char *const BO_WAGE[] = {"གླ་ཕོགས", "གླ་ཕོགས", "ཟླ་ཕོགས", "གླ་ཆ"};
static const char *const BO_NUM[] = {
    "ཀླད་ཀོར", "གཅིག", "གཉིས", "གསུམ", "བཞི", "ལྔ", "དྲུག", "བདུན", "བརྒྱད", "དགུ", "བཅུ", "བཅུ་གཅིག",
    "བཅུ་གཉིས", "བཅུ་གསུམ", "བཅུ་བཞི",
};
static const char *const BO_TENS[] = {"", "བཅུ", "ཉི་ཤུ", "སུམ་ཅུ", "བཞི་བཅུ", "ལྔ་བཅུ", "དྲུག་ཅུ"};

/* ------------------------------------------------------------------ sources */
typedef struct { const char *id; int kind; } source_t; /* kind selects the URL shape */
enum { U_WEIBO, U_DOUYIN, U_TOUTIAO, U_XZXW, U_TIBETCN, U_LIUYAN, U_TIEBA, U_WECHAT, U_XHS, U_GOV, U_TBXZXW, U_TBTIBETCN };
/* news sites, government sites and official accounts */
static const source_t SRC_ZH_NEWS[] = {
    {"xzxw", U_XZXW}, {"xzxw", U_XZXW}, {"tibet.cn", U_TIBETCN}, {"tibet.cn", U_TIBETCN}, {"lasa-gov", U_GOV},
    {"toutiao", U_TOUTIAO}, {"wechat", U_WECHAT}, {"weibo", U_WEIBO},
};
/* social media and message boards */
static const source_t SRC_ZH_SOCIAL[] = {
    {"weibo", U_WEIBO}, {"weibo", U_WEIBO}, {"weibo", U_WEIBO}, {"douyin", U_DOUYIN}, {"douyin", U_DOUYIN},
    {"toutiao", U_TOUTIAO}, {"people-liuyan", U_LIUYAN}, {"tieba", U_TIEBA}, {"wechat", U_WECHAT},
    {"xiaohongshu", U_XHS}, {"xiaohongshu", U_XHS},
};
static const source_t SRC_BO[] = {
    {"tb.xzxw", U_TBXZXW}, {"tb.tibet.cn", U_TBTIBETCN}, {"weibo", U_WEIBO}, {"wechat", U_WECHAT},
    {"douyin", U_DOUYIN}, {"tb.xzxw", U_TBXZXW},
};

/* =====================================================================================
 * document context and slot filling
 * ===================================================================================== */
enum { L_ZH, L_BO, L_MIX };

typedef struct {
    rng_t *r;
    int county, county2, city2;
    int workers, months, wage, mon_start, female;
    long amount;
    int noisy;                  /* insert noise inside key words */
    buf_t co, co_short, bo_co;  /* company names */
    int road, road2, spot;
    int mon, day;
} ctx_t;

static void put_cn_under10k(buf_t *b, int n, int leading)
{
    static const char *const D[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    int th = n / 1000, hu = n / 100 % 10, te = n / 10 % 10, on = n % 10;
    int started = 0, zero = 0;
    if (th) { buf_puts(b, D[th]); buf_puts(b, "千"); started = 1; }
    if (hu) { buf_puts(b, D[hu]); buf_puts(b, "百"); started = 1; } else if (started) zero = 1;
    if (te) {
        if (zero) { buf_puts(b, "零"); zero = 0; }
        if (!(te == 1 && !started && leading)) buf_puts(b, D[te]);
        buf_puts(b, "十");
        started = 1;
    } else if (started) zero = 1;
    if (on) { if (zero) buf_puts(b, "零"); buf_puts(b, D[on]); }
}

/* Chinese numeral: 15 -> 十五, 105 -> 一百零五, 210000 -> 二十一万 */
static void put_cn(buf_t *b, long n)
{
    if (n <= 0) { buf_puts(b, "零"); return; }
    if (n >= 10000) {
        put_cn_under10k(b, (int)(n / 10000), 1);
        buf_puts(b, "万");
        long rest = n % 10000;
        if (rest) { if (rest < 1000) buf_puts(b, "零"); put_cn_under10k(b, (int)rest, 0); }
        return;
    }
    put_cn_under10k(b, (int)n, 1);
}

static void put_bo_digits(buf_t *b, long n)
{
    char tmp[32];
    int len = snprintf(tmp, sizeof tmp, "%ld", n);
    for (int i = 0; i < len; i++) {
        char u[4] = {(char)0xE0, (char)0xBC, (char)(0xA0 + (tmp[i] - '0')), 0};
        buf_puts(b, u);
    }
}

/* Tibetan number in words for small values, digits (Tibetan or Arabic) otherwise */
static void put_bo_num(buf_t *b, rng_t *r, long n)
{
    if (n >= 0 && n < (long)NELEM(BO_NUM) && rng_chance(r, 0.8)) { buf_puts(b, BO_NUM[n]); return; }
    if (n % 10 == 0 && n / 10 < (long)NELEM(BO_TENS) && rng_chance(r, 0.7)) {
        buf_puts(b, BO_TENS[n / 10]);
        if (rng_chance(r, 0.5)) buf_puts(b, "་ལྷག"); /* "more than" */
        return;
    }
    if (rng_chance(r, 0.6)) put_bo_digits(b, n);
    else buf_printf(b, "%ld", n);
}

/* key word, possibly with noise inside ("工 资", "拖*欠") */
static void put_key(buf_t *b, ctx_t *c, const char *w)
{
    if (!c->noisy || !rng_chance(c->r, 0.35)) { buf_puts(b, w); return; }
    const unsigned char *p = (const unsigned char *)w;
    size_t first = 1;
    while (p[first] && (p[first] & 0xC0) == 0x80) first++;
    if (!p[first]) { buf_puts(b, w); return; }
    buf_put(b, w, first);
    buf_puts(b, PICK(c->r, NOISE));
    buf_puts(b, w + first);
}

/* Tibetan agentive / genitive particle after a word, chosen by the word's final letter */
static void put_bo_case(buf_t *b, const char *word, int agentive)
{
    size_t n = strlen(word);
    /* last code point */
    size_t i = n;
    while (i > 0 && ((unsigned char)word[i - 1] & 0xC0) == 0x80) i--;
    if (i > 0) i--;
    unsigned cp = 0;
    const unsigned char *p = (const unsigned char *)word + i;
    if ((p[0] & 0xF0) == 0xE0) cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    /* does the last syllable have more than one code point? */
    size_t syl = i;
    while (syl > 0 && !(syl >= 3 && (unsigned char)word[syl - 1] == 0x8B && (unsigned char)word[syl - 2] == 0xBC &&
                        (unsigned char)word[syl - 3] == 0xE0))
        syl--;
    int single = (i == syl);
    buf_puts(b, word);
    int vowel = single || (cp >= 0x0F71 && cp <= 0x0FBC) || cp == 0x0F60;
    if (vowel) { buf_puts(b, agentive ? "ས" : "འི"); return; }
    const char *suf;
    switch (cp) {
    case 0x0F51: case 0x0F56: case 0x0F66: suf = agentive ? "་ཀྱིས" : "་ཀྱི"; break; /* ད བ ས */
    case 0x0F53: case 0x0F58: case 0x0F62: case 0x0F63: suf = agentive ? "་གྱིས" : "་གྱི"; break; /* ན མ ར ལ */
    default: suf = agentive ? "་གིས" : "་གི"; break; /* ག ང */
    }
    buf_puts(b, suf);
}

static void put_amount_zh(buf_t *b, rng_t *r, long amt)
{
    long wan = amt / 10000, q = amt / 1000 % 10;
    switch (rng_below(r, 7)) {
    case 0: buf_printf(b, "%ld元", amt); break;
    case 1:
        if (wan && q) buf_printf(b, "%ld.%ld万元", wan, q);
        else if (wan) buf_printf(b, "%ld万元", wan);
        else buf_printf(b, "%ld元", amt);
        break;
    case 2:
        if (wan >= 20) { put_cn(b, wan / 10 * 10); buf_puts(b, "多万元"); }
        else if (wan) { put_cn(b, wan); buf_puts(b, "万多元"); }
        else { put_cn(b, amt / 1000 * 1000); buf_puts(b, "多元"); }
        break;
    case 3: if (wan) buf_printf(b, "%ld万余元", wan); else buf_printf(b, "%ld余元", amt / 100 * 100); break;
    case 4: if (wan >= 2) { buf_puts(b, "近"); buf_printf(b, "%ld万元", wan + 1); } else buf_printf(b, "%ld块钱", amt); break;
    case 5: put_cn(b, amt / 100 * 100); buf_puts(b, "元"); break;
    default: buf_printf(b, "%ld多块", amt / 1000 * 1000); break;
    }
}

static void put_months_zh(buf_t *b, rng_t *r, int m)
{
    if (m == 6 && rng_chance(r, 0.5)) { buf_puts(b, "半年"); return; }
    if (m >= 7 && m <= 9 && rng_chance(r, 0.3)) { buf_puts(b, "大半年"); return; }
    if (m >= 12 && rng_chance(r, 0.5)) { buf_puts(b, m == 12 ? "一年" : "一年多"); return; }
    if (rng_chance(r, 0.5)) buf_printf(b, "%d", m);
    else if (m == 2) buf_puts(b, "两");
    else put_cn(b, m);
    buf_puts(b, rng_chance(r, 0.15) ? "个多月" : "个月");
}

static void put_workers_zh(buf_t *b, rng_t *r, int n)
{
    const char *cl = rng_chance(r, 0.6) ? "名" : "个";
    switch (rng_below(r, 5)) {
    case 0: buf_printf(b, "%d%s", n, cl); break;
    case 1: put_cn(b, n); buf_puts(b, cl); break;
    case 2: if (n >= 20) { buf_printf(b, "%d多%s", n / 10 * 10, cl); } else { buf_puts(b, "十几"); buf_puts(b, cl); } break;
    case 3: if (n >= 20) { put_cn(b, n / 10 * 10); buf_puts(b, "多"); buf_puts(b, cl); } else { buf_printf(b, "%d%s", n, cl); } break;
    default: buf_printf(b, "%d%s", n, cl); break;
    }
}

static void expand(buf_t *b, ctx_t *c, const char *t);

static void slot(buf_t *b, ctx_t *c, const char *name, size_t nl)
{
    rng_t *r = c->r;
    const county_t *cty = &COUNTIES[c->county];
#define IS(s) (nl == sizeof(s) - 1 && !memcmp(name, s, nl))
    if (IS("CITY")) buf_puts(b, CITIES[cty->city].shrt);
    else if (IS("CITYF")) buf_puts(b, CITIES[cty->city].full);
    else if (IS("CITY2")) buf_puts(b, CITIES[c->city2].shrt);
    else if (IS("COUNTY")) buf_puts(b, cty->zh);
    else if (IS("PLACE")) {
        uint32_t k = rng_below(r, 3);
        if (k == 0) { buf_puts(b, CITIES[cty->city].full); buf_puts(b, cty->zh); }
        else if (k == 1) buf_puts(b, CITIES[cty->city].shrt);
        else buf_puts(b, cty->zh);
    }
    else if (IS("ROAD")) buf_puts(b, ROADS[c->road]);
    else if (IS("ROAD2")) buf_puts(b, ROADS[c->road2]);
    else if (IS("SPOT")) buf_puts(b, SPOTS[c->spot]);
    else if (IS("SCHOOL")) {
        uint32_t k = rng_below(r, 4);
        if (k == 0) buf_puts(b, "拉萨中学");
        else if (k == 1) { buf_puts(b, CITIES[cty->city].shrt); buf_puts(b, "市第一高级中学"); }
        else if (k == 2) { buf_puts(b, cty->zh); buf_puts(b, "完全小学"); }
        else { buf_puts(b, cty->zh); buf_puts(b, "中学"); }
    }
    else if (IS("TEMP")) buf_printf(b, "%d", rng_range(r, 3, 27));
    else if (IS("TEMPL")) buf_printf(b, "%d", rng_range(r, -18, 2));
    else if (IS("MD")) buf_printf(b, "%d月%d日", c->mon, c->day);
    else if (IS("MON")) { if (rng_chance(r, 0.5)) buf_printf(b, "%d月", c->mon_start); else { put_cn(b, c->mon_start); buf_puts(b, "月"); } }
    else if (IS("MONN")) buf_printf(b, "%d", c->mon > 2 ? c->mon - 1 : 2);
    else if (IS("N")) put_workers_zh(b, r, c->workers);
    else if (IS("M")) put_months_zh(b, r, c->months);
    else if (IS("AMT")) put_amount_zh(b, r, c->amount);
    else if (IS("AMTS")) buf_printf(b, "%d", rng_range(r, 1, 8) * 100);
    else if (IS("WAGEN")) buf_printf(b, "%d", c->wage);
    else if (IS("CO")) buf_put(b, c->co.p, c->co.len);
    else if (IS("COS")) buf_put(b, c->co_short.p, c->co_short.len);
    else if (IS("WK")) put_key(b, c, PICK(r, WK_ZH));
    else if (IS("WAGE")) put_key(b, c, PICK(r, WAGE_ZH));
    else if (IS("OWE")) put_key(b, c, PICK(r, OWE_ZH));
    else if (IS("OWE2")) put_key(b, c, PICK(r, OWE2_ZH));
    else if (IS("REL")) buf_puts(b, c->female ? REL_F[c->workers % NELEM(REL_F)] : REL_M[c->workers % NELEM(REL_M)]);
    else if (IS("TA")) buf_puts(b, c->female ? "她" : "他");
    else if (IS("HOT")) buf_puts(b, PICK(r, HOTLINES));
    else if (IS("NUM")) buf_printf(b, "%d", rng_range(r, 2, 12));
    else if (IS("NUMH")) buf_printf(b, "%d", rng_range(r, 2, 95) * 10);
    else if (IS("NUMK")) buf_printf(b, "%d", rng_range(r, 11, 98) * 100);
    else if (IS("NUMW")) buf_printf(b, "%d.%d", rng_range(r, 1, 9), rng_range(r, 0, 9));
    else if (IS("KM")) buf_printf(b, "%d", rng_range(r, 12, 180));
    else if (IS("HOURS")) buf_printf(b, "%d", rng_range(r, 2, 10));
    else if (IS("BUS")) buf_printf(b, "%d", rng_range(r, 1, 32));
    else if (IS("PRICE")) buf_printf(b, "%d.%d", rng_range(r, 2, 6), rng_range(r, 0, 9));
    else if (IS("PRICE2")) buf_printf(b, "%d.%d", rng_range(r, 1, 3), rng_range(r, 0, 9));
    else if (IS("PRICEB")) buf_printf(b, "%d", rng_range(r, 38, 75));
    else if (IS("PRICEH")) buf_printf(b, "%d", rng_range(r, 55, 140) * 100);
    else if (IS("PCT")) buf_printf(b, "%d", rng_range(r, 5, 95));
    else if (IS("PCTS")) buf_printf(b, "%d.%d", rng_range(r, 4, 9), rng_range(r, 0, 9));
    else if (IS("AMTY")) buf_printf(b, "%d.%d", rng_range(r, 1, 30), rng_range(r, 0, 9));
    else if (IS("TOPIC")) buf_puts(b, PICK(r, TOPICS));
    else if (IS("EMO")) buf_puts(b, PICK(r, EMOS));
    /* Tibetan fills */
    else if (IS("BCITY")) buf_puts(b, CITIES[cty->city].bo);
    else if (IS("BCITY2")) buf_puts(b, CITIES[c->city2].bo);
    else if (IS("BCOUNTY")) buf_puts(b, cty->bo ? cty->bo : CITIES[cty->city].bo);
    else if (IS("BWK")) buf_puts(b, PICK(r, BO_WK));
    else if (IS("BWAGE")) buf_puts(b, PICK(r, BO_WAGE));
    else if (IS("BN")) put_bo_num(b, r, c->workers);
    else if (IS("BM")) put_bo_num(b, r, c->months);
    else if (IS("BNUM")) put_bo_num(b, r, rng_range(r, 2, 10));
    else if (IS("BAMT")) { if (rng_chance(r, 0.5)) put_bo_digits(b, c->amount); else buf_printf(b, "%ld", c->amount); }
    else if (IS("BSMALL")) put_bo_digits(b, rng_range(r, 1, 8) * 100);
    else if (IS("BPRICE")) put_bo_digits(b, rng_range(r, 38, 75));
    else if (IS("BCO_AG")) put_bo_case(b, c->bo_co.p, 1);
    else {
        fprintf(stderr, "gen_corpus: internal error: unknown slot {%.*s}\n", (int)nl, name);
        exit(3);
    }
#undef IS
}

static void expand(buf_t *b, ctx_t *c, const char *t)
{
    while (*t) {
        const char *o = strchr(t, '{');
        if (!o) { buf_puts(b, t); return; }
        buf_put(b, t, (size_t)(o - t));
        const char *e = strchr(o, '}');
        if (!e) { buf_puts(b, o); return; }
        slot(b, c, o + 1, (size_t)(e - o - 1));
        t = e + 1;
    }
}

/* ------------------------------------------------------------ traditional characters */
static const char TRAD_PAIRS[] =
    "环環卫衛资資洁潔个個发發钱錢没沒给給们們这這还還应應该該区區县縣领領导導万萬块塊车車扫掃务務劳勞动動"
    "报報举舉诉訴帮幫问問题題记記说說话話时時间間过過实實际際头頭样樣难難开開关關处處门門长長业業费費萨薩"
    "则則让讓为為对對经經现現无無从從见見数數岁歲学學儿兒气氣热熱贵貴买買卖賣东東医醫级級财財账賬单單称稱"
    "将將会會员員岗崗乡鄉镇鎮农農两兩几幾后後亲親妈媽爷爺张張号號电電网網转轉请請谢謝线線况況达達标標准準"
    "补補结結压壓迟遲拨撥养養厂廠场場节節听聽运運输輸师師边邊觉覺负負责責确確认認来來据據绍紹于於与與条條"
    "维維护護权權监監队隊协協调調阶階视視频頻吗嗎么麼办辦机機锁鎖谁誰钟鐘饭飯爱愛团團纸紙签簽连連书書种種讨討论論"
    "稳穩厅廳欢歡乐樂临臨银銀贷貸缴繳险險辆輛厕廁园園闹鬧声聲烦煩扩擴冻凍疮瘡脸臉挣掙轻輕担擔装裝骑騎罚罰"
    "红紅灯燈周週历曆汤湯鸡雞药藥医醫疗療当當职職马馬暂暫显顯组組惯慣营營龄齡态態";

typedef struct { uint32_t from, to; } cpmap_t;
static cpmap_t TRAD[256];
static size_t TRAD_N;

static uint32_t utf8_dec(const unsigned char **pp)
{
    const unsigned char *p = *pp;
    uint32_t c = p[0];
    if (c < 0x80) { *pp = p + 1; return c; }
    if ((c & 0xE0) == 0xC0) { *pp = p + 2; return ((c & 0x1F) << 6) | (p[1] & 0x3F); }
    if ((c & 0xF0) == 0xE0) { *pp = p + 3; return ((c & 0x0F) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3F); }
    *pp = p + 4;
    return ((c & 0x07) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3F);
}
static void utf8_enc(buf_t *b, uint32_t c)
{
    char u[4];
    if (c < 0x80) { buf_putc(b, (char)c); return; }
    if (c < 0x800) { u[0] = (char)(0xC0 | (c >> 6)); u[1] = (char)(0x80 | (c & 0x3F)); buf_put(b, u, 2); return; }
    if (c < 0x10000) {
        u[0] = (char)(0xE0 | (c >> 12)); u[1] = (char)(0x80 | ((c >> 6) & 0x3F)); u[2] = (char)(0x80 | (c & 0x3F));
        buf_put(b, u, 3);
        return;
    }
    u[0] = (char)(0xF0 | (c >> 18)); u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    u[2] = (char)(0x80 | ((c >> 6) & 0x3F)); u[3] = (char)(0x80 | (c & 0x3F));
    buf_put(b, u, 4);
}
static int cpmap_cmp(const void *a, const void *b)
{
    uint32_t x = ((const cpmap_t *)a)->from, y = ((const cpmap_t *)b)->from;
    return x < y ? -1 : x > y;
}
static void trad_init(void)
{
    const unsigned char *p = (const unsigned char *)TRAD_PAIRS;
    while (*p && TRAD_N < NELEM(TRAD)) {
        uint32_t f = utf8_dec(&p), t = utf8_dec(&p);
        if (f == t) continue;
        size_t i;
        for (i = 0; i < TRAD_N && TRAD[i].from != f; i++) {}
        if (i < TRAD_N) continue; /* duplicate */
        TRAD[TRAD_N].from = f;
        TRAD[TRAD_N].to = t;
        TRAD_N++;
    }
    qsort(TRAD, TRAD_N, sizeof TRAD[0], cpmap_cmp);
}
/* rewrite b in traditional characters (where the table knows them) */
static void to_trad(buf_t *b, buf_t *tmp)
{
    if (!b->len) return;
    buf_clear(tmp);
    const unsigned char *p = (const unsigned char *)b->p, *end = p + b->len;
    while (p < end) {
        uint32_t c = utf8_dec(&p);
        size_t lo = 0, hi = TRAD_N;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (TRAD[mid].from < c) lo = mid + 1; else hi = mid;
        }
        utf8_enc(tmp, (lo < TRAD_N && TRAD[lo].from == c) ? TRAD[lo].to : c);
    }
    buf_clear(b);
    buf_put(b, tmp->p, tmp->len);
}

/* ------------------------------------------------------------ document assembly */
static size_t ucount(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

typedef struct {
    bank_t title, body;
    bank_t bo_title, bo_body;
} topic_t;

enum { T_WEATHER, T_TOURISM, T_ROADS, T_SCHOOL, T_PRICES, T_SPORTS, T_DAILY, T_GOV, T_SANI,
       T_POLICY, T_RESOLVED, T_OTHERWK, T_DEBT, T_COUNT };

static const topic_t TOPIC[T_COUNT] = {
    [T_WEATHER] = {BANK(ZW_TITLE), BANK(ZW), BANK(BW_TITLE), BANK(BW)},
    [T_TOURISM] = {BANK(ZT_TITLE), BANK(ZT), BANK(BT_TITLE), BANK(BT)},
    [T_ROADS] = {BANK(ZR_TITLE), BANK(ZR), BANK(BR_TITLE), BANK(BR)},
    [T_SCHOOL] = {BANK(ZS_TITLE), BANK(ZS), BANK(BS_TITLE), BANK(BS)},
    [T_PRICES] = {BANK(ZP_TITLE), BANK(ZP), BANK(BP_TITLE), BANK(BP)},
    [T_SPORTS] = {BANK(ZSP_TITLE), BANK(ZSP), BANK(BSP_TITLE), BANK(BSP)},
    [T_DAILY] = {BANK(ZD_TITLE), BANK(ZD), BANK(BD_TITLE), BANK(BD)},
    [T_GOV] = {BANK(ZG_TITLE), BANK(ZG), BANK(BG_TITLE), BANK(BG)},
    [T_SANI] = {BANK(ZSN_TITLE), BANK(ZSN), BANK(BSN_TITLE), BANK(BSN)},
    [T_POLICY] = {BANK(ZPO_TITLE), BANK(ZPO), BANK(BSN_TITLE), BANK(BPO)},
    [T_RESOLVED] = {BANK(ZRS_TITLE), BANK(ZRS), BANK(BSN_TITLE), BANK(BPO)},
    [T_OTHERWK] = {BANK(ZOW_TITLE), BANK(ZOW), BANK(BG_TITLE), BANK(BPO)},
    [T_DEBT] = {BANK(ZDB_TITLE), BANK(ZDB), BANK(BP_TITLE), BANK(BP)},
};

typedef struct {
    bank_t title, open, body, close;
} voice_t;
static const voice_t VOICES[] = {
    {BANK(ZH_W_TITLE), BANK(ZH_W_OPEN), BANK(ZH_W_BODY), BANK(ZH_W_CLOSE)},
    {BANK(ZH_R_TITLE), BANK(ZH_R_OPEN), BANK(ZH_R_BODY), BANK(ZH_R_CLOSE)},
    {BANK(ZH_B_TITLE), BANK(ZH_B_OPEN), BANK(ZH_B_BODY), BANK(ZH_B_CLOSE)},
    {BANK(ZH_N_TITLE), BANK(ZH_N_OPEN), BANK(ZH_N_BODY), BANK(ZH_N_CLOSE)},
};

typedef struct {
    buf_t title, text, tmp;
    int news;       /* news style: paragraphs, indentation */
    int last_bo;    /* the last sentence was Tibetan */
    int crlf;
} doc_t;

static void sep(doc_t *d, ctx_t *c, int lang_bo)
{
    if (!d->text.len) {
        if (d->news && !lang_bo && rng_chance(c->r, 0.3)) buf_puts(&d->text, "　　");
        return;
    }
    if (rng_chance(c->r, d->news ? 0.3 : 0.1)) {
        buf_puts(&d->text, d->crlf ? "\r\n" : "\n");
        if (d->news && !lang_bo && rng_chance(c->r, 0.3)) buf_puts(&d->text, "　　");
    } else if (lang_bo) {
        buf_puts(&d->text, " ");
    } else if (d->last_bo) {
        buf_puts(&d->text, " "); /* after Tibetan, before Chinese */
    } else if (rng_chance(c->r, 0.002)) {
        buf_puts(&d->text, "\t");
    }
}

static void add_from(doc_t *d, ctx_t *c, bank_t bk, int bo)
{
    sep(d, c, bo);
    expand(&d->text, c, bk.s[rng_below(c->r, (uint32_t)bk.n)]);
    d->last_bo = bo;
}

static const int ORDINARY[] = {T_DAILY, T_DAILY, T_DAILY, T_DAILY, T_DAILY, T_GOV, T_GOV, T_GOV, T_GOV,
                               T_WEATHER, T_WEATHER, T_WEATHER, T_TOURISM, T_TOURISM, T_ROADS, T_ROADS,
                               T_SCHOOL, T_SCHOOL, T_PRICES, T_PRICES, T_SPORTS};

/* Fill the body with sentences of a topic until the target length (characters) is reached.
 * A sentence is not repeated within a document while its bank has unused ones; when the topic's
 * bank is used up the document goes on with another ordinary topic (as digests and long threads do). */
static void fill_topic(doc_t *d, ctx_t *c, int topic, int lang, size_t target)
{
    uint64_t used_zh = 0, used_bo = 0;
    int guard = 0;
    while (ucount(d->text.p ? d->text.p : "", d->text.len) < target && guard++ < 80) {
        const topic_t *t = &TOPIC[topic];
        int bo = lang == L_BO || (lang == L_MIX && rng_chance(c->r, 0.5));
        bank_t bk = bo ? t->bo_body : t->body;
        uint64_t *used = bo ? &used_bo : &used_zh;
        uint64_t all = bk.n >= 64 ? ~0ull : ((1ull << bk.n) - 1);
        if ((*used & all) == all) { /* bank used up: switch topic */
            topic = PICK(c->r, ORDINARY);
            used_zh = used_bo = 0;
            continue;
        }
        uint32_t j;
        do j = rng_below(c->r, (uint32_t)bk.n); while (*used & (1ull << j));
        *used |= 1ull << j;
        size_t before = d->text.len;
        sep(d, c, bo);
        expand(&d->text, c, bk.s[j]);
        d->last_bo = bo;
        if (ucount(d->text.p, d->text.len) > 1500 && before > 0) { d->text.len = before; d->text.p[before] = 0; break; }
    }
}

static void make_company(ctx_t *c)
{
    rng_t *r = c->r;
    buf_clear(&c->co);
    buf_clear(&c->co_short);
    buf_clear(&c->bo_co);
    const county_t *cty = &COUNTIES[c->county];
    /* place */
    uint32_t k = rng_below(r, 4);
    if (k == 0) buf_puts(&c->co, "西藏");
    else if (k == 1) buf_puts(&c->co, CITIES[cty->city].full);
    else if (k == 2) { buf_puts(&c->co, CITIES[cty->city].full); buf_puts(&c->co, cty->zh); }
    else buf_puts(&c->co, cty->zh);
    size_t bstart = c->co.len;
    put_brand(&c->co, r);
    size_t bend = c->co.len;
    const char *trade = PICK(r, TRADE);
    buf_puts(&c->co, trade);
    buf_puts(&c->co, PICK(r, TRADE_MID));
    buf_puts(&c->co, rng_chance(r, 0.75) ? "有限公司" : "有限责任公司");
    /* short form */
    switch (rng_below(r, 4)) {
    case 0: buf_put(&c->co_short, c->co.p + bstart, bend - bstart); buf_puts(&c->co_short, "公司"); break;
    case 1: buf_puts(&c->co_short, "该公司"); break;
    case 2: buf_put(&c->co_short, c->co.p + bstart, bend - bstart); buf_puts(&c->co_short, trade); buf_puts(&c->co_short, "公司"); break;
    default: buf_puts(&c->co_short, "涉事公司"); break;
    }
    put_bo_company(&c->bo_co, r, c->county);
}

static void new_ctx(ctx_t *c)
{
    rng_t *r = c->r;
    c->county = (int)rng_below(r, (uint32_t)NELEM(COUNTIES));
    if (rng_chance(r, 0.35)) c->county = (int)rng_below(r, 8); /* Lhasa is over-represented */
    c->city2 = (int)rng_below(r, (uint32_t)NELEM(CITIES));
    if (c->city2 == COUNTIES[c->county].city) c->city2 = (c->city2 + 1) % (int)NELEM(CITIES);
    uint32_t wk = rng_below(r, 10);
    c->workers = wk < 3 ? rng_range(r, 3, 12) : wk < 9 ? rng_range(r, 12, 60) : rng_range(r, 60, 150);
    c->months = rng_chance(r, 0.7) ? rng_range(r, 2, 6) : rng_range(r, 7, 14);
    c->wage = rng_range(r, 26, 48) * 100;
    c->amount = (long)c->workers * c->months * c->wage;
    if (rng_chance(r, 0.3)) c->amount = c->amount / 1000 * 1000 + rng_range(r, 0, 9) * 100;
    c->mon_start = rng_range(r, 1, 12);
    c->female = rng_chance(r, 0.75);
    c->noisy = 0;
    c->road = (int)rng_below(r, (uint32_t)NELEM(ROADS));
    c->road2 = (int)rng_below(r, (uint32_t)NELEM(ROADS));
    if (c->road2 == c->road) c->road2 = (c->road2 + 1) % (int)NELEM(ROADS);
    c->spot = (int)rng_below(r, (uint32_t)NELEM(SPOTS));
    make_company(c);
}

static size_t pick_length(rng_t *r)
{
    uint32_t k = rng_below(r, 100);
    if (k < 35) return (size_t)rng_range(r, 50, 200);
    if (k < 80) return (size_t)rng_range(r, 200, 700);
    return (size_t)rng_range(r, 700, 1450);
}

static void title_from(doc_t *d, ctx_t *c, bank_t bk)
{
    expand(&d->title, c, bk.s[rng_below(c->r, (uint32_t)bk.n)]);
}

/* a complaint (hit) */
static void make_hit(doc_t *d, ctx_t *c, int lang)
{
    rng_t *r = c->r;
    c->noisy = rng_chance(r, 0.15);
    if (lang == L_BO) {
        if (rng_chance(r, 0.8)) expand(&d->title, c, PICK(r, BH_TITLE));
        add_from(d, c, (bank_t)BANK(BH_OPEN), 1);
        int k = rng_range(r, 2, 5);
        for (int i = 0; i < k; i++) add_from(d, c, (bank_t)BANK(BH_BODY), 1);
        if (rng_chance(r, 0.7)) add_from(d, c, (bank_t)BANK(BH_CLOSE), 1);
        if (rng_chance(r, 0.2)) fill_topic(d, c, T_DAILY, L_BO, ucount(d->text.p, d->text.len) + 60);
        return;
    }
    const voice_t *v = &VOICES[rng_below(r, (uint32_t)NELEM(VOICES))];
    if (v == &VOICES[3]) d->news = 1;
    if (!(!d->news && rng_chance(r, 0.3))) title_from(d, c, v->title);
    if (rng_chance(r, 0.15)) { /* starts with small talk */
        add_from(d, c, rng_chance(r, 0.5) ? TOPIC[T_WEATHER].body : TOPIC[T_DAILY].body, 0);
    }
    add_from(d, c, v->open, 0);
    int k = rng_range(r, 2, 5);
    uint32_t used = 0;
    for (int i = 0; i < k; i++) {
        uint32_t j = rng_below(r, (uint32_t)v->body.n);
        if (used & (1u << j)) continue;
        used |= 1u << j;
        sep(d, c, 0);
        expand(&d->text, c, v->body.s[j]);
        d->last_bo = 0;
    }
    if (lang == L_MIX) {
        int m = rng_range(r, 1, 3);
        used = 0;
        for (int i = 0; i < m; i++) {
            uint32_t j = rng_below(r, (uint32_t)NELEM(BH_BODY));
            if (used & (1u << j)) continue;
            used |= 1u << j;
            sep(d, c, 1);
            expand(&d->text, c, BH_BODY[j]);
            d->last_bo = 1;
        }
    }
    if (rng_chance(r, 0.7)) add_from(d, c, v->close, 0);
    if (rng_chance(r, 0.1)) fill_topic(d, c, T_DAILY, L_ZH, ucount(d->text.p, d->text.len) + 100);
}

static const char *const TOPIC_LABEL[T_COUNT] = {
    [T_WEATHER] = "ordinary", [T_TOURISM] = "ordinary", [T_ROADS] = "ordinary", [T_SCHOOL] = "ordinary",
    [T_PRICES] = "ordinary", [T_SPORTS] = "ordinary", [T_DAILY] = "ordinary", [T_GOV] = "ordinary",
    [T_SANI] = "hard-sanitation-news", [T_POLICY] = "hard-policy", [T_RESOLVED] = "hard-resolved",
    [T_OTHERWK] = "hard-other-workers", [T_DEBT] = "hard-other-debts",
};

static void make_doc(doc_t *d, ctx_t *c, int *kind_out, int *lang_out, const char **label_out)
{
    rng_t *r = c->r;
    buf_clear(&d->title);
    buf_clear(&d->text);
    d->last_bo = 0;
    d->news = rng_chance(r, 0.4);
    d->crlf = rng_chance(r, 0.02);
    new_ctx(c);
    c->mon = rng_range(r, 1, 6);
    c->day = rng_range(r, 1, 28);

    uint32_t k = rng_below(r, 10000), lr = rng_below(r, 100);
    int kind = k < 100 ? 2 : k < 400 ? 1 : 0; /* 2 hit, 1 hard negative, 0 ordinary */
    int lang = kind == 2 ? (lr < 80 ? L_ZH : lr < 94 ? L_BO : L_MIX) : (lr < 85 ? L_ZH : lr < 95 ? L_BO : L_MIX);
    *kind_out = kind;
    *lang_out = lang;

    if (kind == 2) {
        make_hit(d, c, lang);
        *label_out = "hit";
    } else {
        int topic;
        if (kind == 1) {
            static const int hard[] = {T_POLICY, T_POLICY, T_POLICY, T_RESOLVED, T_RESOLVED, T_OTHERWK,
                                       T_OTHERWK, T_OTHERWK, T_DEBT, T_SANI, T_SANI};
            topic = PICK(r, hard);
            if (topic == T_POLICY || topic == T_RESOLVED) d->news = 1;
        } else {
            topic = PICK(r, ORDINARY);
            if (topic == T_GOV) d->news = 1;
        }
        *label_out = TOPIC_LABEL[topic];
        const topic_t *t = &TOPIC[topic];
        int bo_title = lang == L_BO || (lang == L_MIX && rng_chance(r, 0.5));
        if (d->news || rng_chance(r, 0.6)) title_from(d, c, bo_title ? t->bo_title : t->title);
        size_t target = pick_length(r);
        fill_topic(d, c, topic, lang, target);
    }
    if (lang != L_BO && rng_chance(r, kind == 2 ? 0.1 : 0.01)) { /* traditional characters */
        to_trad(&d->title, &d->tmp);
        to_trad(&d->text, &d->tmp);
    }
}

/* ------------------------------------------------------------ output */
static void json_str(buf_t *o, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    buf_reserve(o, n * 2 + 2);
    buf_putc(o, '"');
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 0x20 && ch != '"' && ch != '\\') { run++; continue; }
        buf_put(o, s + i - run, run);
        run = 0;
        switch (ch) {
        case '"': buf_put(o, "\\\"", 2); break;
        case '\\': buf_put(o, "\\\\", 2); break;
        case '\n': buf_put(o, "\\n", 2); break;
        case '\r': buf_put(o, "\\r", 2); break;
        case '\t': buf_put(o, "\\t", 2); break;
        default: {
            char u[6] = {'\\', 'u', '0', '0', hex[ch >> 4], hex[ch & 15]};
            buf_put(o, u, 6);
        }
        }
    }
    buf_put(o, s + n - run, run);
    buf_putc(o, '"');
}

static void put_rand_chars(buf_t *b, rng_t *r, const char *alpha, int n)
{
    size_t al = strlen(alpha);
    for (int i = 0; i < n; i++) buf_putc(b, alpha[rng_below(r, (uint32_t)al)]);
}

static void put_url(buf_t *b, rng_t *r, int kind, int mon, int day)
{
    static const char D[] = "0123456789", B62[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                      B64[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_", HEX[] = "0123456789abcdef";
    switch (kind) {
    case U_WEIBO: buf_puts(b, "https://weibo.com/"); buf_printf(b, "%d", rng_range(r, 1, 7)); put_rand_chars(b, r, D, 9); buf_putc(b, '/'); put_rand_chars(b, r, B62, 9); break;
    case U_DOUYIN: buf_puts(b, "https://www.douyin.com/video/7"); put_rand_chars(b, r, D, 18); break;
    case U_TOUTIAO: buf_puts(b, "https://www.toutiao.com/article/7"); put_rand_chars(b, r, D, 18); buf_putc(b, '/'); break;
    case U_XZXW: buf_printf(b, "https://www.xzxw.com/xw/xzyw/2026%02d/t2026%02d%02d_", mon, mon, day); put_rand_chars(b, r, D, 7); buf_puts(b, ".html"); break;
    case U_TIBETCN: buf_printf(b, "https://www.tibet.cn/cn/news/yc/2026%02d/t2026%02d%02d_", mon, mon, day); put_rand_chars(b, r, D, 7); buf_puts(b, ".html"); break;
    case U_LIUYAN: buf_puts(b, "https://liuyan.people.com.cn/threads/content?tid=2"); put_rand_chars(b, r, D, 7); break;
    case U_TIEBA: buf_puts(b, "https://tieba.baidu.com/p/9"); put_rand_chars(b, r, D, 9); break;
    case U_WECHAT: buf_puts(b, "https://mp.weixin.qq.com/s/"); put_rand_chars(b, r, B64, 22); break;
    case U_XHS: buf_puts(b, "https://www.xiaohongshu.com/explore/6"); put_rand_chars(b, r, HEX, 23); break;
    case U_GOV: buf_printf(b, "https://www.lasa.gov.cn/lasa/zwyw/2026%02d/", mon); put_rand_chars(b, r, HEX, 16); buf_puts(b, ".shtml"); break;
    case U_TBXZXW: buf_printf(b, "https://tb.xzxw.com/xw/2026%02d/t2026%02d%02d_", mon, mon, day); put_rand_chars(b, r, D, 7); buf_puts(b, ".html"); break;
    default: buf_printf(b, "https://tb.tibet.cn/tb/news/2026%02d/t2026%02d%02d_", mon, mon, day); put_rand_chars(b, r, D, 7); buf_puts(b, ".html"); break;
    }
}

static int parse_size(const char *s, uint64_t *out)
{
    if (!s || !*s || *s == '-') return -1;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s) return -1;
    uint64_t mul = 1;
    if (*end) {
        switch (*end) {
        case 'k': case 'K': mul = 1000ull; break;
        case 'm': case 'M': mul = 1000000ull; break;
        case 'g': case 'G': mul = 1000000000ull; break;
        default: return -1;
        }
        if (end[1] && !(end[1] == 'B' && !end[2])) return -1;
    }
    *out = v * mul;
    return 0;
}

static void usage(FILE *f)
{
    fprintf(f,
            "usage: gen_corpus [--bytes N] [--seed S] [--labels FILE] [--stats] > corpus.jsonl\n"
            "Writes a deterministic mixed Chinese/Tibetan corpus as JSON Lines to stdout, stopping after\n"
            "the document that reaches N bytes (suffix k, M, G = powers of 1000; default 110M).\n"
            "--stats prints the counts of documents by kind and language to stderr at the end.\n"
            "--labels FILE writes one line per document: id, kind (hit, hard-*, ordinary), language\n"
            "(zh, bo, mixed), tab-separated: what the generator meant each document to be.\n"
            "Same N and S (default %u) give the same bytes.\n", DEFAULT_SEED);
}

int main(int argc, char **argv)
{
    uint64_t bytes = DEFAULT_BYTES, seed = DEFAULT_SEED;
    int stats = 0;
    const char *labels_path = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { usage(stdout); return 0; }
        if (!strcmp(argv[i], "--bytes") && i + 1 < argc) {
            if (parse_size(argv[++i], &bytes) || bytes == 0) { fprintf(stderr, "gen_corpus: bad --bytes '%s'\n", argv[i]); return 2; }
        } else if (!strcmp(argv[i], "--seed") && i + 1 < argc) {
            char *end;
            errno = 0;
            seed = strtoull(argv[++i], &end, 10);
            if (errno || *end || !*argv[i] || *argv[i] == '-') { fprintf(stderr, "gen_corpus: bad --seed '%s'\n", argv[i]); return 2; }
        } else if (!strcmp(argv[i], "--labels") && i + 1 < argc) {
            labels_path = argv[++i];
        } else if (!strcmp(argv[i], "--stats")) {
            stats = 1;
        } else {
            fprintf(stderr, "gen_corpus: unknown or incomplete argument '%s' (see --help)\n", argv[i]);
            return 2;
        }
    }

    FILE *labels = NULL;
    if (labels_path && !(labels = fopen(labels_path, "w"))) {
        fprintf(stderr, "gen_corpus: cannot write %s: %s\n", labels_path, strerror(errno));
        return 1;
    }
    trad_init();
    rng_t r;
    rng_seed(&r, seed);
    ctx_t c = {0};
    c.r = &r;
    doc_t d = {0};
    buf_t out = {0};
    buf_reserve(&out, 1u << 22);
    uint64_t total = 0, n = 0, count[3][3] = {{0}};

    while (total < bytes) {
        int kind, lang;
        const char *label = "ordinary";
        make_doc(&d, &c, &kind, &lang, &label);
        count[kind][lang]++;
        n++;
        const source_t *src = lang == L_BO ? &PICK(&r, SRC_BO)
                              : d.news ? &PICK(&r, SRC_ZH_NEWS) : &PICK(&r, SRC_ZH_SOCIAL);
        size_t start = out.len;
        buf_printf(&out, "{\"id\":\"b-%06llu\",\"source\":", (unsigned long long)n);
        json_str(&out, src->id, strlen(src->id));
        buf_puts(&out, ",\"url\":\"");
        put_url(&out, &r, src->kind, c.mon, c.day);
        buf_puts(&out, "\",\"title\":");
        json_str(&out, d.title.p ? d.title.p : "", d.title.len);
        buf_puts(&out, ",\"text\":");
        json_str(&out, d.text.p, d.text.len);
        buf_printf(&out, ",\"published_at\":\"2026-%02d-%02dT%02d:%02d:%02d+08:00\"}\n", c.mon, c.day,
                   rng_range(&r, 0, 23), rng_range(&r, 0, 59), rng_range(&r, 0, 59));
        total += out.len - start;
        if (labels) {
            static const char *const LN[] = {"zh", "bo", "mixed"};
            fprintf(labels, "b-%06llu\t%s\t%s\n", (unsigned long long)n, label, LN[lang]);
        }
        if (out.len >= (3u << 20)) {
            if (fwrite(out.p, 1, out.len, stdout) != out.len) { perror("gen_corpus: write"); return 1; }
            buf_clear(&out);
        }
    }
    if (out.len && fwrite(out.p, 1, out.len, stdout) != out.len) { perror("gen_corpus: write"); return 1; }
    if (fflush(stdout)) { perror("gen_corpus: write"); return 1; }
    if (labels && fclose(labels)) { perror("gen_corpus: labels"); return 1; }
    free(out.p);
    free(d.title.p);
    free(d.text.p);
    free(d.tmp.p);
    free(c.co.p);
    free(c.co_short.p);
    free(c.bo_co.p);
    if (stats) {
        static const char *const KN[] = {"ordinary", "hard-negative", "hit"};
        fprintf(stderr, "gen_corpus: %llu documents, %llu bytes\n", (unsigned long long)n, (unsigned long long)total);
        for (int k = 0; k < 3; k++)
            fprintf(stderr, "  %-13s zh %8llu  bo %7llu  mixed %7llu\n", KN[k], (unsigned long long)count[k][0],
                    (unsigned long long)count[k][1], (unsigned long long)count[k][2]);
    }
    return 0;
}

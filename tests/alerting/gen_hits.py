#!/usr/bin/env python3
"""Hits for the alerting tests: N incidents, each told by several posts
(reposts, rewordings, the unit written in different forms: 有限公司 /
有限责任公司, spaces, traditional characters), in Chinese, Tibetan or both.

  gen_hits.py INCIDENTS HITS_PER_INCIDENT OUT_PREFIX [--seed N] [--all-named]

Writes OUT_PREFIX.1.jsonl (every hit that names its unit, shuffled),
OUT_PREFIX.2.jsonl (one repost per incident that names no unit: it can only
join its case by near-duplicate text, so it is produced after the first
file), and OUT_PREFIX.expected.json: per incident the prefecture, the unit
and the number of hits.
"""
import json
import random
import sys

PREFS = {"拉萨": ["城关区", "堆龙德庆区", "达孜区"], "日喀则": ["桑珠孜区", "江孜县"], "昌都": ["卡若区", "江达县"],
         "林芝": ["巴宜区", "米林市"], "山南": ["乃东区", "错那市"], "那曲": ["色尼区", "安多县"], "阿里": ["噶尔县", "普兰县"]}
W1 = list("净洁绿东华兴达丰顺运发宁美清新雪阳光佳康盛福和泰鑫恒")
W2 = ["环卫", "保洁", "物业", "清运", "环境", "市政", "城市服务", "卫生", "绿化", "垃圾处理"]
T2S = {"净": "淨", "洁": "潔", "绿": "綠", "东": "東", "华": "華", "兴": "興", "达": "達", "丰": "豐", "顺": "順",
       "运": "運", "发": "發", "宁": "寧", "环": "環", "卫": "衛", "务": "務", "业": "業", "责": "責", "区": "區",
       "县": "縣", "处": "處", "清": "清", "盛": "盛", "鑫": "鑫", "恒": "恆", "务": "務"}
ZH = [
    "{pref}{county}的{unit}拖欠{workers}名环卫工人{months}个月工资共{amount}元，工人多次讨要无果，{detail}。",
    "求助！我们是{unit}的环卫工，公司已经{months}个月没发工资了，{workers}个人一共被欠{amount}元，{detail}，地点在{pref}{county}。",
    "网友反映：{pref}{county}环卫工人被{unit}欠薪{months}个月，涉及{workers}人、金额{amount}元。{detail}。",
]
BO = [
    "{pref}{county}གི་{unit}ཡིས་གཙང་སྦྲའི་ལས་མི་{workers}ལ་ཟླ་བ་{months}གི་གླ་ཕོགས་སྤྲད་མེད། འབོར་ཚད་{amount}ཡིན། {detail}",
    "ང་ཚོ་{unit}ཡི་གཙང་སྦྲའི་ལས་མི་ཡིན། ཟླ་བ་{months}རིང་གླ་ཕོགས་མ་ཐོབ། མི་{workers}ལ་སྒོར་{amount}བུན་ཡོད། {detail} {pref}{county}",
]
DETAILS = ["春节前还拿不到钱", "项目经理一直推脱说政府没拨款", "有工人已经生病住院", "公司负责人电话打不通",
           "工人们聚集在公司门口", "街道办说会协调但没有下文", "冬天清扫任务很重", "有的工人已经干了十年",
           "合同到期后公司换了名字", "工资条上被扣了服装费"]


def unit_variant(rng, base, suffix_long):
    name = base + ("有限责任公司" if suffix_long else "有限公司")
    r = rng.random()
    if r < 0.2:
        name = "".join(T2S.get(ch, ch) for ch in name)
    elif r < 0.35:
        name = name.replace("有限", " 有限 ")
    elif r < 0.45:
        name = base + "（有限公司）"
    elif r < 0.55:
        name = " ".join(name[:2]) + name[2:]
    return name


def main():
    args = sys.argv[1:]
    seed = 7
    all_named = "--all-named" in args  # every hit names its unit (no second file)
    if all_named:
        args.remove("--all-named")
    if "--seed" in args:
        i = args.index("--seed")
        seed = int(args[i + 1])
        del args[i:i + 2]
    n_inc, per, out = int(args[0]), int(args[1]), args[2]
    rng = random.Random(seed)
    names = [(a, b, c) for a in W1 for b in W1 if a != b for c in W2]
    names += [(a + b, c, d) for a in W1 for b in W1 if a != b for c in W1 for d in W2 if len(names) < n_inc]
    rng.shuffle(names)
    phase1, phase2, expected = [], [], []
    for inc in range(n_inc):
        a, b, c = names[inc]
        pref = rng.choice(sorted(PREFS))
        county = rng.choice(PREFS[pref])
        base = pref + "市" + a + b + c if rng.random() < 0.5 else a + b + c
        workers, months, amount = rng.randint(3, 80), rng.randint(1, 12), rng.randint(10, 900) * 1000
        detail = rng.choice(DETAILS) + "，编号" + str(1000 + inc)
        lang = rng.choice(["zh", "zh", "bo", "mixed"])
        canonical = None
        units = set()
        for k in range(per):
            unit = unit_variant(rng, base, rng.random() < 0.5)
            if k < per - 1 or all_named:
                units.add(unit)
            if lang == "bo" or (lang == "mixed" and k % 2):
                tpl = BO[(k // 3) % len(BO)]
            else:
                tpl = ZH[(k // 3) % len(ZH)]
            text = tpl.format(pref=pref, county=county, unit=unit, workers=workers, months=months, amount=amount,
                              detail=detail)
            if k % 3 == 1:
                text = "转发：" + text
            elif k % 3 == 2:
                text = text + " 请有关部门关注！"
            if canonical is None:
                canonical = text
            hit = {"id": "doc-%d-%d" % (inc, k), "title": "%s环卫工人欠薪" % pref, "text": text,
                   "url": "https://forum.example.org/t/%d/%d" % (inc, k),
                   "source": rng.choice(["weibo", "douyin", "tieba", "news", "forum", "wechat"]),
                   "score": 4.5, "level": rng.choice(["blue", "yellow", "yellow", "orange"]), "lang": lang,
                   "matches": [], "region": {"prefecture": pref, "county": county},
                   "entities": {"company": unit, "workers": workers, "months": months, "amount_yuan": amount},
                   "dict_version": "test"}
            if k == per - 1 and not all_named:
                # A repost that names no unit: only its text ties it to the incident.
                hit["text"] = "转 " + canonical
                hit["entities"] = {"company": None, "workers": None, "months": None, "amount_yuan": None}
                phase2.append(hit)
            else:
                phase1.append(hit)
        expected.append({"prefecture": pref, "units": sorted(units), "hits": per})
    rng.shuffle(phase1)
    rng.shuffle(phase2)
    for name, rows in (("1", phase1), ("2", phase2)):
        with open("%s.%s.jsonl" % (out, name), "w", encoding="utf-8") as f:
            for h in rows:
                f.write(json.dumps(h, ensure_ascii=False) + "\n")
    with open(out + ".expected.json", "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False)


if __name__ == "__main__":
    main()

"""The catalogue of built-in discrepancy kinds: each code, severity, formula and reason, once."""

from __future__ import annotations

from ._discrepancy import DiscrepancyKind, Severity

__all__ = ["BUILTIN_KINDS"]

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

APPLICATION_ROW_SUM = DiscrepancyKind(
    code="application_row_sum",
    severity=E,
    title="Table 三: in each row the six applicant columns sum to 总计",
    title_zh="申请人各栏之和与总计不符",
    formula="自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他 = 总计 (every row)",
    description=(
        "Implied by the table's columns: 总计 counts every applicant once. It holds in all 25 "
        "rows (23 in the 2019 edition) whenever the printed numbers are right, so a failure is an "
        "error. `actual` is the printed 总计, `expected` the sum of the six columns."
    ),
    example="二、上年结转: the six columns sum to 9 but 总计 shows 19 (expected 9, actual 19).",
)
APPLICATION_COLUMN_SUM = DiscrepancyKind(
    code="application_column_sum",
    severity=E,
    title="Table 三: in each column （七）总计 is the sum of the results",
    title_zh="办理结果各项之和与（七）总计不符",
    formula=(
        "（七）总计 = （一） + （二） + （三）1–8 + （四）1–3 + （五）1–5 + （六） per column; "
        "（六） is one row in the 2019 edition and its sub-rows 1–3 in the 2021 edition"
    ),
    description=(
        "The form's own label says an application handled by splitting counts only under "
        "（二）部分公开, so each application appears in exactly one result row and the rows add "
        "up to （七）. Checked in the seven columns, 总计 included. `actual` is （七）, `expected` "
        "the sum of the result rows."
    ),
    example="自然人: the result rows sum to 14 but （七）总计 shows 15.",
)
APPLICATION_BALANCE = DiscrepancyKind(
    code="application_balance",
    severity=E,
    title="Table 三: 一 + 二 = （七）总计 + 四 in each column (the stated 勾稽关系)",
    title_zh="不符合勾稽关系（第一项加第二项之和等于第三项加第四项之和）",
    formula="本年新收 + 上年结转 = （七）总计 + 结转下年度继续办理 per column",
    description=(
        "Printed in the table's top-left cell of both editions: every application received or "
        "carried over is either handled this year or carried forward. `actual` is （七） + 四, "
        "`expected` is 一 + 二."
    ),
    example="商业企业: 一 + 二 = 12 but （七） + 四 = 17 (四 shows 5 where 0 was meant).",
)
APPEAL_GROUP_SUM = DiscrepancyKind(
    code="appeal_group_sum",
    severity=E,
    title="Table 四: in each group the four outcomes sum to 总计",
    title_zh="行政复议、行政诉讼结果之和与总计不符",
    formula=(
        "结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计, in each of 行政复议, "
        "未经复议直接起诉 and 复议后起诉"
    ),
    description=(
        "Implied by the header: each case has one outcome or is pending. A single wrong cell of a "
        "group breaks only this identity, so up to five cells are candidate fixes."
    ),
    example="行政复议: the outcomes sum to 3 but 总计 shows 4.",
)
NEGATIVE_COUNT = DiscrepancyKind(
    code="negative_count",
    severity=E,
    title="A count is negative",
    title_zh="数量为负数",
    formula="count ≥ 0 for every count cell except the 2019 本年增/减 columns (`change`)",
    description=(
        "Cells count documents, decisions, applications or cases, which cannot be negative. "
        "The 2019 edition's 本年增/减 is a signed change and is exempt."
    ),
    example="applications.granted.natural_person is -3.",
)
NEGATIVE_AMOUNT = DiscrepancyKind(
    code="negative_amount",
    severity=E,
    title="An amount is negative",
    title_zh="金额为负数",
    formula="amount ≥ 0 (本年收费金额; 2019 采购总金额)",
    description="Fees charged and procurement totals are sums of money received or spent.",
    example="active.fees.amount_10k_yuan is -2.5.",
)
INVALID_VALUE = DiscrepancyKind(
    code="invalid_value",
    severity=E,
    title="A cell holds something other than a number of its type",
    title_zh="数值类型错误（数量应为整数）",
    formula="count cells hold int or None; amount cells hold Decimal, int or None",
    description=(
        "Counts are whole numbers of 件; a fraction, a float or a bool in a count cell (which "
        "the schema's type hints forbid but Python does not stop) cannot be checked. When the "
        "identities determine the cell, `expected` is the value they imply."
    ),
    example="applications.granted.total holds Decimal('2.5').",
)
MISSING_TABLE = DiscrepancyKind(
    code="missing_table",
    severity=E,
    title="A table of the template is missing (every cell blank)",
    title_zh="缺少表格",
    formula="not every cell of table 二, 三 or 四 is blank",
    description=(
        "Sections 二, 三 and 四 are fixed tables that every report must print (条例第五十条, "
        "and the national format). A table with no number at all was left out or not found. "
        "Its blank cells are not reported again one by one."
    ),
    example="表三 收到和处理政府信息公开申请情况: all 175 cells blank.",
)
MISSING_SECTION = DiscrepancyKind(
    code="missing_section",
    severity=W,
    title="A prose section is missing or empty",
    title_zh="缺少章节",
    formula="overview (一), problems (五) and other_matters (六) are non-empty text",
    description=(
        "The template asks for all six sections; 一 and 五 are required by 条例第五十条. A "
        "warning, not an error: section 六 is often omitted when there is nothing to report, and "
        "a report built from table data alone has no prose."
    ),
    example="五、存在的主要问题及改进情况 is None.",
)
BLANK_CELL = DiscrepancyKind(
    code="blank_cell",
    severity=W,
    title="A cell is blank",
    title_zh="单元格空白",
    formula="every cell of tables 二, 三 and 四 is printed (0 is written as 0)",
    description=(
        "Real reports leave cells blank to mean 0, but a blank may also be a number lost in "
        "extraction, so it is reported, separately from the identities: an identity that fails "
        "only because of a blank is not reported again. Where the identities determine the blank "
        "(alone, or through other blanks they determine), `expected` is the implied value. A "
        "warning, because the template's practice notes treat blanks as not printed rather than "
        "as wrong."
    ),
    example="一、本年新收 / 自然人 is blank; the row total implies 6 (expected 6).",
)
MERGED_ROW_USED = DiscrepancyKind(
    code="merged_row_used",
    severity=INFO,
    title="A merged （六）其他处理 row stands in for its three sub-rows",
    title_zh="（六）其他处理按合并行计算",
    formula=(
        "2021 edition, （六） sub-rows 1–3 all blank, and an extra row of kind `merged` with "
        "group `applications.other_handling`"
    ),
    description=(
        "Some documents print （六） as one row, as in the 2019 edition. The validator then uses "
        "that row as （六）'s subtotal in the column identities (its cells are named "
        "`applications.other_handling.<column>`) and does not report the sub-rows as blank."
    ),
    example="（六）其他处理 printed as one row: 1 0 0 0 0 0 1.",
)
EDITION_MISMATCH = DiscrepancyKind(
    code="edition_mismatch",
    severity=W,
    title="The template edition does not fit the report's year",
    title_zh="报告年度与模板版本不符",
    formula="meta.edition = 2021 if meta.year ≥ 2021 else 2019",
    description=(
        "国办公开办函〔2021〕30号 applies from the 2021 reports; the 2019 试行 format to the 2019 "
        "and 2020 reports. A mismatch is usually a wrong year or an organ that kept the old "
        "form; the data may still be right, hence a warning."
    ),
    example="meta.year 2022 with the 2019 edition.",
)
NARRATIVE_MISMATCH = DiscrepancyKind(
    code="narrative_mismatch",
    severity=W,
    title="A number stated in the prose differs from the table",
    title_zh="正文所述数字与表格不符",
    formula=(
        "收到/受理 … 申请 N 件 = 一、本年新收 总计 (or 一 + 二); 办结 N 件 = （七）总计; "
        "上年结转 N 件 = 二; 结转下年度 N 件 = 四; 行政复议 N 件 = 行政复议 总计; "
        "行政诉讼 N 件 = the two 行政诉讼 总计 added"
    ),
    description=(
        "Only sentences that clearly state one of these totals are read (a number directly "
        "followed by 件/起/宗, no 余/多/约). `expected` is the table's figure, `actual` the "
        "prose's. "
        "A warning rather than an error: the prose may count differently (e.g. carried-over "
        "applications included in 受理, or cases closed in the year), and a reader cannot tell "
        "which of the two is wrong. A statement of receipts also matches 一 + 二."
    ),
    example=(
        "一、总体情况 says 受理依申请公开 120 件; 一、本年新收 总计 is 17 "
        "(expected 17, actual 120)."
    ),
)
GRANTED_EXCEED_HANDLED = DiscrepancyKind(
    code="granted_exceed_handled",
    severity=W,
    title="（一）予以公开 + （二）部分公开 exceed （七）总计",
    title_zh="予以公开与部分公开之和大于总计",
    formula="（一） + （二） ≤ （七）总计 per column",
    description=(
        "（七） counts every result, so it cannot be smaller than two of them. Reported only "
        "when the column identity cannot be checked because of blanks (otherwise "
        "`application_column_sum` already reports it)."
    ),
    example="自然人: （一） 5 + （二） 3 > （七） 6, with （三）1 blank.",
)
CARRIED_FORWARD_EXCEEDS_RECEIVED = DiscrepancyKind(
    code="carried_forward_exceeds_received",
    severity=W,
    title="四、结转下年度 exceeds everything received",
    title_zh="结转下年度数量大于本年新收与上年结转之和",
    formula="四 ≤ 一 + 二 per column",
    description=(
        "Only applications received this year or carried over can be carried forward. Reported "
        "only when the balance identity cannot be checked because of blanks (otherwise "
        "`application_balance` already reports it)."
    ),
    example="总计: 四 shows 12 but 一 + 二 is 10, with （七） blank.",
)
LARGE_BACKLOG = DiscrepancyKind(
    code="large_backlog",
    severity=INFO,
    title="More than half of the applications are carried forward",
    title_zh="结转下年度比例偏高",
    formula="四 总计 > (一 + 二) 总计 / 2, when 一 + 二 ≥ 20",
    description=(
        "条例第三十三条 gives 20 working days to answer, extendable by 20. At the year's end only "
        "applications received in its last weeks should still be open, so a backlog of more than "
        "half is unusual: either most applications arrived in December, deadlines were missed, "
        "or 四 holds the wrong figure (e.g. 一 + 二 copied). Info only."
    ),
    example="一 + 二 = 40 and 四 = 30.",
)
IN_FORCE_BELOW_NET_ISSUED = DiscrepancyKind(
    code="in_force_below_net_issued",
    severity=W,
    title="2021: 现行有效件数 is below 本年制发件数 − 本年废止件数",
    title_zh="现行有效件数小于本年制发件数减本年废止件数",
    formula="现行有效 ≥ 本年制发 − 本年废止 (规章 and 行政规范性文件)",
    description=(
        "Every document issued this year is in force at the year's end unless it was repealed "
        "in the same year, and those repeals are among 本年废止. So at least 制发 − 废止 "
        "documents are in force; fewer means one of the three cells is wrong. Not "
        "`现行有效 ≥ 制发`: a document issued and repealed in the same year lowers it."
    ),
    example="行政规范性文件: 制发 12, 废止 1, 现行有效 8.",
)
TOTAL_PUBLISHED_BELOW_NEW = DiscrepancyKind(
    code="total_published_below_new",
    severity=W,
    title="2019: 对外公开总数量 is below 本年新公开数量",
    title_zh="对外公开总数量小于本年新公开数量",
    formula="对外公开总数量 ≥ 本年新公开数量 (规章 and 规范性文件)",
    description=(
        "The total published includes this year's newly published documents. A smaller total "
        "usually means the columns were swapped or the total counts something else."
    ),
    example="规范性文件: 本年新公开 8, 对外公开总数量 5.",
)
PUBLISHED_EXCEEDS_MADE = DiscrepancyKind(
    code="published_exceeds_made",
    severity=INFO,
    title="2019: 本年新公开数量 exceeds 本年新制作数量",
    title_zh="本年新公开数量大于本年新制作数量",
    formula="本年新公开 ≤ 本年新制作 (usually)",
    description=(
        "Usually holds but is not required: documents made last year may be published this "
        "year. Info only."
    ),
    example="规章: 新制作 2, 新公开 5.",
)
ITEM_COUNT_NEGATIVE = DiscrepancyKind(
    code="item_count_negative",
    severity=W,
    title="2019: 上一年项目数量 + 本年增/减 is negative",
    title_zh="上一年项目数量加本年增/减为负数",
    formula=(
        "上一年项目数量 + 本年增/减 ≥ 0 (行政许可, 其他对外管理服务事项, 行政处罚, 行政强制, "
        "行政事业性收费)"
    ),
    description=(
        "This year's number of items is last year's plus the change; it cannot be negative. "
        "Usually a decrease written as the new count, or a sign error."
    ),
    example="行政许可: 上一年项目数量 10, 本年增/减 -15.",
)
CARRY_OVER_MISMATCH = DiscrepancyKind(
    code="carry_over_mismatch",
    severity=W,
    title="Last year's 四、结转下年度 differs from this year's 二、上年结转",
    title_zh="上年结转数与上一年度报告的结转下年度数不符",
    formula="previous 四、结转下年度继续办理 = this 二、上年结转政府信息公开申请数量, per column",
    description=(
        "Every application carried forward at the end of last year is carried over into this "
        "year. A warning, not an error: one of two reports is wrong and the rule cannot say "
        "which, and a reorganised organ (机构改革) legitimately inherits or hands over "
        "applications. Checked with `previous=` and in `validate_series`."
    ),
    example="2022 四 总计 is 9; 2023 二 总计 is 0.",
)
IN_FORCE_STOCK_MISMATCH = DiscrepancyKind(
    code="in_force_stock_mismatch",
    severity=W,
    title="现行有效件数 does not move by 本年制发 − 本年废止",
    title_zh="现行有效件数与上年数及本年制发、废止数不衔接",
    formula=(
        "this 现行有效 = previous 现行有效 + this 本年制发 − this 本年废止 "
        "(2021 edition, both years)"
    ),
    description=(
        "The stock of documents in force changes only by issuing and repealing. A warning: "
        "documents that expire (有效期届满) or are amended without a repeal break it legitimately."
    ),
    example="行政规范性文件: 2022 现行有效 60; 2023 制发 7, 废止 0, 现行有效 63 (expected 67).",
)
PREVIOUS_YEAR_MISMATCH = DiscrepancyKind(
    code="previous_year_mismatch",
    severity=W,
    title="The previous report is not for the year before",
    title_zh="上一年度报告年份不符",
    formula="previous.meta.year = meta.year − 1",
    description=(
        "Cross-year rules compare consecutive years only; they are skipped when the years do "
        "not follow each other."
    ),
    example="report for 2023 given previous= the report for 2021.",
)
PREVIOUS_ORGAN_MISMATCH = DiscrepancyKind(
    code="previous_organ_mismatch",
    severity=W,
    title="The previous report is by another organ",
    title_zh="上一年度报告的发布机关不同",
    formula="previous.meta.organ = meta.organ (when both are known)",
    description=(
        "Cross-year rules are meant for one organ's reports; a different name may be a renamed "
        "organ or a wrong pairing. The rules still run."
    ),
    example="红旗区人民政府 2023 given previous= 卫滨区人民政府 2022.",
)
SERIES_GAP = DiscrepancyKind(
    code="series_gap",
    severity=W,
    title="A year is missing from a series",
    title_zh="年度报告缺失",
    formula="consecutive reports of `validate_series` are for consecutive years",
    description=(
        "Every organ publishes a report each year (条例第四十九条). A gap also means the "
        "cross-year rules cannot be checked across it."
    ),
    example="reports for 2021 and 2023, none for 2022.",
)
SERIES_DUPLICATE_YEAR = DiscrepancyKind(
    code="series_duplicate_year",
    severity=W,
    title="Two reports of a series are for the same year",
    title_zh="同一年度有多份报告",
    formula="the years of `validate_series` are distinct",
    description="Usually a report given twice, or one of two years mislabelled.",
    example="two reports with meta.year 2022.",
)

BUILTIN_KINDS: tuple[DiscrepancyKind, ...] = (
    APPLICATION_ROW_SUM,
    APPLICATION_COLUMN_SUM,
    APPLICATION_BALANCE,
    APPEAL_GROUP_SUM,
    NEGATIVE_COUNT,
    NEGATIVE_AMOUNT,
    INVALID_VALUE,
    MISSING_TABLE,
    MISSING_SECTION,
    BLANK_CELL,
    MERGED_ROW_USED,
    EDITION_MISMATCH,
    NARRATIVE_MISMATCH,
    GRANTED_EXCEED_HANDLED,
    CARRIED_FORWARD_EXCEEDS_RECEIVED,
    LARGE_BACKLOG,
    IN_FORCE_BELOW_NET_ISSUED,
    TOTAL_PUBLISHED_BELOW_NEW,
    PUBLISHED_EXCEEDS_MADE,
    ITEM_COUNT_NEGATIVE,
    CARRY_OVER_MISMATCH,
    IN_FORCE_STOCK_MISMATCH,
    PREVIOUS_YEAR_MISMATCH,
    PREVIOUS_ORGAN_MISMATCH,
    SERIES_GAP,
    SERIES_DUPLICATE_YEAR,
)
"""Every built-in kind, in the order their rules run."""

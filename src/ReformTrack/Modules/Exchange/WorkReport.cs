using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Modules.Appraisal;
using ReformTrack.Modules.Diffusion;
using ReformTrack.Modules.Ledger;
using ReformTrack.Modules.Supervision;
using ReformTrack.Shared;
using ReformTrack.Shared.Scoring;

namespace ReformTrack.Modules.Exchange;

/// <summary>An overdue measure as the report lists it.</summary>
internal sealed record OverdueItem(string Code, string Title, string LeadUnit, DateOnly DueOn, int Progress);

/// <summary>The figures of a reform work report: the dashboard's for the unit's subtree, plus the year's.</summary>
internal sealed record WorkReportFigures(
    int Year,
    string Scope,
    Overview Overview,
    int DueInYear,
    int CompletedInYear,
    IReadOnlyList<OverdueItem> Overdue,
    ReportSupervision Supervision,
    ReportAppraisal? Appraisal,
    ReportDistinctions Distinctions);

/// <summary>
/// The reform work report (改革工作报告) for a year and a unit's subtree (or the whole programme), as
/// .docx: headline counts, the lights of active measures per key task, the overdue measures, the
/// supervision items, the published appraisal ranking and the pilots and honours of the year.
/// Every figure comes from the dashboard's, the ledger's and the owning modules' data.
/// </summary>
internal sealed class WorkReport(ScopedDb dbFactory, GetOverview overview, ListMeasures ledger)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The overdue list stops here; the headline count says how many there are.</summary>
    public const int MaxOverdueListed = 500;

    /// <summary>The open supervision items listed stop here too; the counts by level say how many there are.</summary>
    public const int MaxSupervisionListed = 500;

    /// <summary>A4 with 2.2 cm side margins.</summary>
    private const uint PageWidthTwips = 11906U;
    private const uint MarginTwips = 1247U;
    private const long ContentWidthTwips = PageWidthTwips - 2 * MarginTwips;

    public async Task<WorkReportFigures> FiguresAsync(int? year, int? unitId, CancellationToken cancellationToken = default)
    {
        var period = Fields.Required(year, "period");
        if (period is < 2000 or > 2100)
        {
            throw new RuleViolation("ReportPeriodIsAYear", "The period is a year between 2000 and 2100.", "period");
        }

        var figures = await overview.RunAsync(unitId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scope = unitId is { } id
            ? await db.Units.Where(u => u.Id == id).Select(u => u.Name).FirstAsync(cancellationToken)
            : "全部单位 All units";
        var from = new DateOnly(period, 1, 1);
        var to = new DateOnly(period, 12, 31);
        var filter = new LedgerFilter { UnitId = unitId };

        var dueInYear = await (await ledger.FilterAsync(db, filter with { DueFrom = from, DueTo = to }, figures.AsOf, cancellationToken))
            .CountAsync(cancellationToken);
        var completedInYear = await (await ledger.FilterAsync(db, filter with { Statuses = [MeasureStatus.Completed] }, figures.AsOf,
                cancellationToken))
            .CountAsync(m => m.CompletedOn >= from && m.CompletedOn <= to, cancellationToken);
        var overdue = await (await ledger.FilterAsync(db, filter with { Overdue = true }, figures.AsOf, cancellationToken))
            .OrderBy(m => m.DueOn).ThenBy(m => m.Code)
            .Take(MaxOverdueListed)
            .Select(m => new OverdueItem(m.Code, m.Title, db.Units.Where(u => u.Id == m.LeadUnitId).Select(u => u.Name).First(),
                m.DueOn, m.Progress))
            .ToListAsync(cancellationToken);
        var subtreePath = unitId is { } root
            ? await db.Units.Where(u => u.Id == root).Select(u => u.Path).FirstAsync(cancellationToken)
            : db.ScopePath;
        var subtree = subtreePath is null ? null : db.Units.Where(u => u.Path.StartsWith(subtreePath)).Select(u => u.Id);
        var supervision = await WorkReportSections.SupervisionAsync(db, subtree, period, MaxSupervisionListed, cancellationToken);
        var appraisal = await WorkReportSections.AppraisalAsync(db, subtreePath, period, cancellationToken);
        var distinctions = await WorkReportSections.DistinctionsAsync(db, subtree, period, cancellationToken);
        return new WorkReportFigures(period, scope, figures, dueInYear, completedInYear, overdue, supervision, appraisal, distinctions);
    }

    public async Task WriteAsync(int? year, int? unitId, Stream output, CancellationToken cancellationToken = default)
    {
        var figures = await FiguresAsync(year, unitId, cancellationToken);
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(Body(main, figures));
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    private static Body Body(MainDocumentPart main, WorkReportFigures f)
    {
        var o = f.Overview;
        var body = new Body(
            Heading($"{f.Year} 年改革工作报告 Reform work report {f.Year}", 32),
            Line($"范围 Scope：{f.Scope}；数据截至 Figures as of {LedgerSheet.Date(o.AsOf)}"),
            Heading("一、总体情况 Headline figures", 26),
            Table(["指标 Figure", "数量 Count"],
            [
                ["改革举措 Measures introduced", N(o.MeasuresIntroduced)],
                ["已完成 Completed", N(o.MeasuresCompleted)],
                ["完成率 Completion rate", o.CompletionRate.ToString("P1", CultureInfo.InvariantCulture)],
                [$"{f.Year} 年到期 Due in {f.Year}", N(f.DueInYear)],
                [$"{f.Year} 年完成 Completed in {f.Year}", N(f.CompletedInYear)],
                ["逾期 Overdue", N(o.Overdue)],
                ["绿灯 Green", N(o.Green)],
                ["黄灯 Yellow", N(o.Yellow)],
                ["红灯 Red", N(o.Red)],
                ["召开会议 Meetings held", N(o.MeetingsHeld)],
                ["审议通过文件 Documents passed", N(o.DocumentsPassed)],
            ]),
            Heading("二、重点任务亮灯情况 Lights per key task", 26),
            LightsChart(main, o.LightsByKeyTask),
            Table(["重点任务 Key task", "绿灯 Green", "黄灯 Yellow", "红灯 Red"],
                o.LightsByKeyTask.Select(k => new[] { $"{k.Code} {k.Title}", N(k.Green), N(k.Yellow), N(k.Red) }).ToList()),
            Heading("三、逾期举措 Overdue measures", 26));

        if (f.Overdue.Count == 0)
        {
            body.Append(Line("无逾期举措。No measure is overdue."));
        }
        else
        {
            if (o.Overdue > f.Overdue.Count)
            {
                body.Append(Line($"列出最早到期的 {f.Overdue.Count} 项，共 {o.Overdue} 项。The {f.Overdue.Count} longest overdue of {o.Overdue}."));
            }

            body.Append(Table(["编号 Code", "举措 Measure", "牵头单位 Lead unit", "完成时限 Due", "进度 Progress"],
                f.Overdue.Select(m => new[] { m.Code, m.Title, m.LeadUnit, LedgerSheet.Date(m.DueOn), $"{m.Progress}%" }).ToList()));
        }

        AppendSupervision(body, f.Year, f.Supervision);
        AppendAppraisal(body, f.Year, f.Appraisal);
        AppendDistinctions(body, f.Year, f.Distinctions);

        body.Append(new SectionProperties(
            new PageSize { Width = PageWidthTwips, Height = 16838U },
            new PageMargin { Top = 1440, Right = MarginTwips, Bottom = 1440, Left = MarginTwips, Header = 851U, Footer = 992U, Gutter = 0U }));
        return body;
    }

    private static void AppendSupervision(Body body, int year, ReportSupervision s)
    {
        body.Append(Heading("四、督办事项 Supervision items", 26));
        body.Append(Table(["督办事项 Supervision items", "数量 Count"],
        [
            ["未办结：提醒 Open: reminder", N(s.Reminder)],
            ["未办结：警示 Open: warning", N(s.Warning)],
            ["未办结：领导批示 Open: leader's instruction", N(s.Instruction)],
            [$"{year} 年办结 Closed in {year}", N(s.ClosedInYear)],
        ]));
        if (s.Open.Count == 0)
        {
            body.Append(Line("无未办结督办事项。No supervision item is open."));
            return;
        }

        if (s.OpenTotal > s.Open.Count)
        {
            body.Append(Line($"列出级别最高、最早的 {s.Open.Count} 项，共 {s.OpenTotal} 项。The {s.Open.Count} highest and oldest of {s.OpenTotal}."));
        }

        body.Append(Table(["编号 Code", "举措 Measure", "责任单位 Unit", "级别 Level", "督办日期 Opened on", "答复时限 Respond by"],
            s.Open.Select(i => new[]
            {
                i.MeasureCode, i.MeasureTitle, i.Unit, LevelName(i.Level), LedgerSheet.Date(i.OpenedOn),
                i.RespondBy is { } by ? LedgerSheet.Date(by) : "",
            }).ToList()));
    }

    private static void AppendAppraisal(Body body, int year, ReportAppraisal? a)
    {
        body.Append(Heading("五、考核排名 Appraisal ranking", 26));
        if (a is null)
        {
            body.Append(Line($"{year} 年无已发布的考核结果。No appraisal for {year} has been published."));
            return;
        }

        var edition = a.Edition > 1 ? $"，第 {a.Edition} 版 edition {a.Edition}" : "";
        body.Append(Line($"{a.SchemeCode} {a.SchemeTitle}（{LedgerSheet.Date(a.From)} – {LedgerSheet.Date(a.To)}{edition}）"));
        if (a.Ranking.Count == 0)
        {
            body.Append(Line("本范围内无参评单位。No unit of this scope was appraised."));
            return;
        }

        body.Append(Table(["名次 Rank", "单位 Unit", "得分 Score", "等次 Grade"],
            a.Ranking.Select(r => new[]
            {
                N(r.Rank), r.UnitName, r.Score.ToString("0.00", CultureInfo.InvariantCulture), GradeName(r.Grade),
            }).ToList()));
    }

    private static void AppendDistinctions(Body body, int year, ReportDistinctions d)
    {
        body.Append(Heading($"六、试点与典型案例 Pilots and cases of {year}", 26));
        body.Append(Heading("（一）获批试点 Pilots granted", 24));
        if (d.Pilots.Count == 0)
        {
            body.Append(Line($"{year} 年无获批试点。No pilot was granted in {year}."));
        }
        else
        {
            body.Append(Table(["试点 Pilot", "层级 Level", "批准单位 Granted by", "承担单位 Holder", "批准日期 Granted on"],
                d.Pilots.Select(Cells).ToList()));
        }

        body.Append(Heading("（二）典型案例与荣誉 Cases and honours", 24));
        if (d.Honours.Count == 0)
        {
            body.Append(Line($"{year} 年无入选案例或荣誉。No case or honour was awarded in {year}."));
        }
        else
        {
            body.Append(Table(["案例/荣誉 Case or honour", "层级 Level", "授予单位 Awarded by", "所属单位 Unit", "年度 Year"],
                d.Honours.Select(Cells).ToList()));
        }

        static string[] Cells(ReportDistinction x) => [x.Name, GrantLevelName(x.Level), x.Body, x.Holder, x.When];
    }

    private static string LevelName(SupervisionLevel level) => level switch
    {
        SupervisionLevel.Reminder => "提醒 Reminder",
        SupervisionLevel.Warning => "警示 Warning",
        _ => "领导批示 Instruction",
    };

    private static string GradeName(Grade grade) => grade switch
    {
        Grade.Excellent => "优秀 Excellent",
        Grade.Good => "良好 Good",
        Grade.Pass => "合格 Pass",
        _ => "不合格 Fail",
    };

    private static string GrantLevelName(GrantLevel level) => level switch
    {
        GrantLevel.National => "国家级 National",
        GrantLevel.Provincial => "省级 Provincial",
        _ => "市级 Municipal",
    };

    /// <summary>Active measures per key task as stacked green / yellow / red bars, beside the table of the same figures.</summary>
    private static Paragraph LightsChart(MainDocumentPart main, IReadOnlyList<KeyTaskLights> tasks) =>
        WordChart.StackedBars(main, 1U, "Lights per key task",
            tasks.Select(k => $"{k.Code} {k.Title}").ToList(),
            [
                new ChartSeries("绿灯 Green", "2E7D32", tasks.Select(k => k.Green).ToList()),
                new ChartSeries("黄灯 Yellow", "F9A825", tasks.Select(k => k.Yellow).ToList()),
                new ChartSeries("红灯 Red", "C62828", tasks.Select(k => k.Red).ToList()),
            ],
            ContentWidthTwips);

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static Run Run(string text, bool bold = false, int? halfPoints = null)
    {
        var properties = new RunProperties(new RunFonts { Ascii = "Arial", HighAnsi = "Arial", EastAsia = "SimSun" });
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (halfPoints is { } size)
        {
            properties.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        }

        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static Paragraph Heading(string text, int halfPoints) =>
        new(new ParagraphProperties(new SpacingBetweenLines { Before = "240", After = "120" }), Run(text, bold: true, halfPoints));

    private static Paragraph Line(string text) => new(Run(text));

    private static Table Table(string[] header, IReadOnlyList<string[]> rows)
    {
        var border = () => new BorderType[]
        {
            new TopBorder { Val = BorderValues.Single, Size = 4U },
            new LeftBorder { Val = BorderValues.Single, Size = 4U },
            new BottomBorder { Val = BorderValues.Single, Size = 4U },
            new RightBorder { Val = BorderValues.Single, Size = 4U },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U },
        };
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(border())),
            new TableGrid(header.Select(_ => new GridColumn { Width = (9400 / header.Length).ToString(CultureInfo.InvariantCulture) })));
        table.Append(Row(header, bold: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, bold: false));
        }

        return table;
    }

    private static TableRow Row(IEnumerable<string> cells, bool bold) =>
        new(cells.Select(c => new TableCell(new Paragraph(Run(c, bold)))));
}

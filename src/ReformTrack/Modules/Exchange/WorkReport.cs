using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Modules.Ledger;
using ReformTrack.Shared;

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
    IReadOnlyList<OverdueItem> Overdue);

/// <summary>
/// The reform work report (改革工作报告) for a year and a unit's subtree (or the whole programme), as
/// .docx: headline counts, the lights of active measures per key task and the overdue measures.
/// Every figure comes from the dashboard's and the ledger's own queries.
/// </summary>
internal sealed class WorkReport(ScopedDb dbFactory, GetOverview overview, ListMeasures ledger)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The overdue list stops here; the headline count says how many there are.</summary>
    public const int MaxOverdueListed = 500;

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
        return new WorkReportFigures(period, scope, figures, dueInYear, completedInYear, overdue);
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

        body.Append(new SectionProperties(
            new PageSize { Width = PageWidthTwips, Height = 16838U },
            new PageMargin { Top = 1440, Right = MarginTwips, Bottom = 1440, Left = MarginTwips, Header = 851U, Footer = 992U, Gutter = 0U }));
        return body;
    }

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

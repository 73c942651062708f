using System.Globalization;
using System.Text;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ReformTrack.Bench;

/// <summary>
/// Runs the province-scale benchmarks in-process, one operation an iteration (so the median is
/// the p50 of single operations), and writes each figure beside its hand-written limit and target.
/// </summary>
internal static class ScaleSuite
{
    /// <param name="LimitMs">The app's p50 must be at most this; null: no time target.</param>
    /// <param name="MaxRatio">The app's p50 must be within this many times the limit's; null: no ratio target.</param>
    /// <param name="Rows">For throughput figures: the rows one operation handles (figures then read as rows/s).</param>
    /// <param name="MinRowsPerSecond">The app must handle at least this many rows a second.</param>
    private sealed record Target(string Figure, Type Benchmark, string? Scope, double? LimitMs, double? MaxRatio,
        Func<int>? Rows = null, double? MinRowsPerSecond = null);

    private static readonly Target[] Targets =
    [
        new("Ledger page: city subtree + red + due window, by due date, 50 rows + total", typeof(LedgerPageBenchmark), null, 20, 2),
        new("Dashboard (GetOverview), whole province", typeof(OverviewBenchmark), "province", 100, null),
        new("Dashboard (GetOverview), one district", typeof(OverviewBenchmark), "district", 100, null),
        new("Deep page: page 1,000 of 100 rows, whole ledger by code", typeof(DeepPageBenchmark), null, 50, null),
        new("Appraisal run (RunAppraisal), all units, year 2025, 8 criteria, stored as a draft", typeof(AppraisalBenchmark), null, 5_000, 2),
        new("Supervision rules (EvaluateSupervision), whole province, a day already in order", typeof(SupervisionBenchmark), null, null, null),
        new("xlsx import (ImportLedger, validate + apply) of 100,000 new measures; limit: MiniExcel read", typeof(ImportBenchmark), null, null, null,
            () => ImportBenchmark.Rows, 20_000),
        new("xlsx export (ExportLedger) of the 100,000 measures due last; limit: MiniExcel write", typeof(ExportBenchmark), null, null, null,
            () => ExportBenchmark.RowCount, 50_000),
    ];

    public static int Run(string reportFile, string[] args)
    {
        BenchDatabase.EnsureGenerated();
        var quick = args.Contains("--quick");
        var config = Config(Job.Default.WithWarmupCount(3).WithIterationCount(quick ? 5 : 20));
        // An appraisal run or a day's supervision takes seconds: fewer iterations.
        var mediumConfig = Config(Job.Default.WithWarmupCount(1).WithIterationCount(quick ? 3 : 10));
        // An import or export of 100,000 rows takes tens of seconds on a busy machine; the setup has already run each once.
        var slowConfig = Config(Job.Default.WithWarmupCount(0).WithIterationCount(quick ? 1 : 2));
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
        Type[] fast = [typeof(LedgerPageBenchmark), typeof(OverviewBenchmark), typeof(DeepPageBenchmark)];
        Type[] medium = [typeof(AppraisalBenchmark), typeof(SupervisionBenchmark)];
        Type[] slow = [typeof(ImportBenchmark), typeof(ExportBenchmark)];
        bool Wanted(Type t) => only is null || t.Name.Contains(only, StringComparison.OrdinalIgnoreCase);
        var summaries = new List<Summary>();
        foreach (var (types, groupConfig) in new[] { (fast, config), (medium, mediumConfig), (slow, slowConfig) })
        {
            if (types.Where(Wanted).ToArray() is not { Length: > 0 } wanted)
            {
                continue;
            }

            try
            {
                summaries.AddRange(BenchmarkRunner.Run(wanted, groupConfig));
            }
            catch (InvalidOperationException failure)
            {
                // A group that fails leaves its rows marked failed; the other groups still report.
                Console.WriteLine($"// {string.Join(", ", wanted.Select(t => t.Name))} failed: {failure.Message}");
            }
        }

        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"Load average at the end of the in-process run: {File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Aggregate((a, b) => a + " " + b)}");
        table.AppendLine();
        table.AppendLine("| figure | app p50 | app p95 | limit p50 | ratio | target | met? |");
        table.AppendLine("|---|---:|---:|---:|---:|---|---|");
        var allMet = true;
        foreach (var target in Targets.Where(t => Wanted(t.Benchmark)))
        {
            var app = Find(summaries, target, baseline: false);
            var hand = Find(summaries, target, baseline: true);
            if (app is null || hand is null)
            {
                table.AppendLine(CultureInfo.InvariantCulture, $"| {target.Figure} | failed | | | | | no |");
                allMet = false;
                continue;
            }

            var appMs = app.Median / 1e6;
            var handMs = hand.Median / 1e6;
            var ratio = appMs / handMs;
            string goal;
            bool? met;
            string appText, p95Text, handText;
            if (target.Rows is { } rowsOf)
            {
                var rows = rowsOf();
                var perSecond = rows / (appMs / 1000);
                met = perSecond >= target.MinRowsPerSecond;
                goal = string.Create(CultureInfo.InvariantCulture, $"≥ {target.MinRowsPerSecond:N0} rows/s");
                appText = string.Create(CultureInfo.InvariantCulture, $"{appMs / 1000:F2} s ({perSecond:N0} rows/s)");
                p95Text = string.Create(CultureInfo.InvariantCulture, $"{app.Percentiles.P95 / 1e9:F2} s");
                handText = string.Create(CultureInfo.InvariantCulture, $"{handMs / 1000:F2} s ({rows / (handMs / 1000):N0} rows/s)");
            }
            else
            {
                met = target.LimitMs is null && target.MaxRatio is null
                    ? null
                    : (target.LimitMs is null || appMs <= target.LimitMs) && (target.MaxRatio is null || ratio <= target.MaxRatio);
                goal = (target.LimitMs, target.MaxRatio) switch
                {
                    ({ } limit, { } max) => string.Create(CultureInfo.InvariantCulture, $"p50 ≤ {limit:N0} ms and ≤ {max}× SQL"),
                    ({ } limit, null) => string.Create(CultureInfo.InvariantCulture, $"p50 ≤ {limit:N0} ms"),
                    _ => "(none stated)",
                };
                appText = string.Create(CultureInfo.InvariantCulture, $"{appMs:F1} ms");
                p95Text = string.Create(CultureInfo.InvariantCulture, $"{app.Percentiles.P95 / 1e6:F1} ms");
                handText = string.Create(CultureInfo.InvariantCulture, $"{handMs:F1} ms");
            }

            allMet &= met != false;
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {target.Figure} | {appText} | {p95Text} | {handText} | {ratio:F2}× | {goal} | {(met is null ? "—" : met.Value ? "yes" : "no")} |");
        }

        File.WriteAllText(reportFile, table.ToString());
        Console.WriteLine(table);
        return allMet ? 0 : 3;
    }

    /// <summary>In-process, with room for an import of 100,000 rows on a busy machine (the default stops a benchmark after 5 minutes).</summary>
    private static readonly InProcessEmitToolchain Toolchain = new(TimeSpan.FromMinutes(30), logOutput: true);

    private static ManualConfig Config(Job job) =>
        ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(job
                .WithToolchain(Toolchain)
                .WithLaunchCount(1)
                .WithInvocationCount(1)
                .WithUnrollFactor(1))
            .AddColumn(StatisticColumn.Median, StatisticColumn.P95)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);

    private static BenchmarkDotNet.Mathematics.Statistics? Find(List<Summary> summaries, Target target, bool baseline) =>
        summaries
            .SelectMany(s => s.Reports)
            .Where(r => r.BenchmarkCase.Descriptor.Type == target.Benchmark
                        && r.BenchmarkCase.Descriptor.Baseline == baseline
                        && (target.Scope is null || Equals(r.BenchmarkCase.Parameters["Scope"], target.Scope)))
            .Select(r => r.ResultStatistics)
            .FirstOrDefault();
}

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
    private sealed record Target(string Figure, Type Benchmark, string? Scope, double LimitMs, double? MaxRatio);

    private static readonly Target[] Targets =
    [
        new("Ledger page: city subtree + red + due window, by due date, 50 rows + total", typeof(LedgerPageBenchmark), null, 20, 2),
        new("Dashboard (GetOverview), whole province", typeof(OverviewBenchmark), "province", 100, null),
        new("Dashboard (GetOverview), one district", typeof(OverviewBenchmark), "district", 100, null),
        new("Deep page: page 1,000 of 100 rows, whole ledger by code", typeof(DeepPageBenchmark), null, 50, null),
    ];

    public static int Run(string reportFile, string[] args)
    {
        BenchDatabase.EnsureGenerated();
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(args.Contains("--quick") ? 5 : 20)
            .WithInvocationCount(1)
            .WithUnrollFactor(1);
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(job)
            .AddColumn(StatisticColumn.Median, StatisticColumn.P95)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summaries = BenchmarkRunner.Run([typeof(LedgerPageBenchmark), typeof(OverviewBenchmark), typeof(DeepPageBenchmark)], config);

        var table = new StringBuilder();
        table.AppendLine("| figure | app p50 | app p95 | hand-written SQL p50 | ratio | target | met? |");
        table.AppendLine("|---|---:|---:|---:|---:|---|---|");
        var allMet = true;
        foreach (var target in Targets)
        {
            var app = Find(summaries, target, "App");
            var hand = Find(summaries, target, "HandWritten");
            if (app is null || hand is null)
            {
                table.AppendLine(CultureInfo.InvariantCulture, $"| {target.Figure} | failed | | | | | no |");
                allMet = false;
                continue;
            }

            var appMs = app.Median / 1e6;
            var handMs = hand.Median / 1e6;
            var ratio = appMs / handMs;
            var met = appMs <= target.LimitMs && (target.MaxRatio is null || ratio <= target.MaxRatio);
            allMet &= met;
            var goal = target.MaxRatio is { } max
                ? string.Create(CultureInfo.InvariantCulture, $"p50 ≤ {target.LimitMs} ms and ≤ {max}× SQL")
                : string.Create(CultureInfo.InvariantCulture, $"p50 ≤ {target.LimitMs} ms");
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {target.Figure} | {appMs:F1} ms | {app.Percentiles.P95 / 1e6:F1} ms | {handMs:F1} ms | {ratio:F2}× | {goal} | {(met ? "yes" : "no")} |");
        }

        File.WriteAllText(reportFile, table.ToString());
        Console.WriteLine(table);
        return allMet ? 0 : 3;
    }

    private static BenchmarkDotNet.Mathematics.Statistics? Find(Summary[] summaries, Target target, string method) =>
        summaries
            .SelectMany(s => s.Reports)
            .Where(r => r.BenchmarkCase.Descriptor.Type == target.Benchmark
                        && r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method
                        && (target.Scope is null || Equals(r.BenchmarkCase.Parameters["Scope"], target.Scope)))
            .Select(r => r.ResultStatistics)
            .FirstOrDefault();
}
